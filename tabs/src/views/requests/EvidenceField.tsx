/** The evidence files of an answer: the file picker, and each file chosen with its state (uploading, attached, refused and why). */
import { Badge, Button, Label, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { ApiProblem } from "../../api/client";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import type { EvidenceFile, EvidenceFiles } from "./use-evidence-files";

const useStyles = makeStyles({
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  name: { overflowWrap: "anywhere" },
});

/** The evidence policy's refusal of the file itself (its type, name or content), as opposed to any other problem with the upload. */
function refusalOf(error: unknown): string | undefined {
  if (!(error instanceof ApiProblem) || error.code !== "validation") return undefined;
  return error.issues.find((issue) => issue.path === "file")?.message;
}

function FileState({ file }: { file: EvidenceFile }) {
  const { t } = useI18n();
  if (file.state === "uploading") return <Spinner size="extra-tiny" label={t("answer.fileUploading")} />;
  if (file.state === "attached") return <Badge appearance="tint" color="success">{t("answer.fileAttached")}</Badge>;
  return <Badge appearance="tint" color="danger">{t("answer.fileRefused")}</Badge>;
}

function FileProblem({ file }: { file: EvidenceFile & { state: "refused" } }) {
  const { t } = useI18n();
  const refusal = refusalOf(file.error);
  if (!refusal) return <ProblemBar error={file.error} />;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("answer.fileRefusedTitle", { name: file.name })}</MessageBarTitle> {refusal} {t("answer.fileRefusedHelp")}
      </MessageBarBody>
    </MessageBar>
  );
}

export function EvidenceField({ evidence }: { evidence: EvidenceFiles }) {
  const styles = useStyles();
  const { t } = useI18n();
  const id = useId();
  return (
    <div className={styles.field}>
      <Label htmlFor={`${id}-input`}>{t("answer.files")}</Label>
      <input
        id={`${id}-input`}
        type="file"
        multiple
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const chosen = Array.from(event.target.files ?? []);
          // Emptied, so that choosing the same file again (after removing it) uploads it again.
          event.target.value = "";
          if (chosen.length > 0) evidence.add(chosen);
        }}
      />
      <Text id={`${id}-hint`} size={200} className={styles.muted}>
        {t("answer.filesHint")}
      </Text>
      {evidence.files.length > 0 && (
        <ul className={styles.list} aria-label={t("answer.files")}>
          {evidence.files.map((file) => (
            <li key={file.key} aria-labelledby={`${id}-${file.key}`}>
              <div className={styles.row}>
                <Text id={`${id}-${file.key}`} weight="semibold" className={styles.name}>
                  {file.name}
                </Text>
                <FileState file={file} />
                <Button size="small" appearance="subtle" aria-label={t("answer.removeFile", { name: file.name })} onClick={() => evidence.remove(file.key)}>
                  {t("answer.remove")}
                </Button>
              </div>
              {file.state === "refused" && <FileProblem file={file} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
