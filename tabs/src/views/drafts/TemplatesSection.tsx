/**
 * The secretariat's Word templates: upload one (it is checked on the server: placeholders, no
 * macros or outside content), see the placeholders found and what is good to know, or the
 * refusal in plain words; and the list of templates with their version and who uploaded them.
 */
import {
  Button,
  Label,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import type { TemplateDto } from "../../../../core/api";
import { ApiProblem } from "../../api/client";
import { useAction, type Resource } from "../../api/use-resource";
import { Loading } from "../../components/Loading";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";

/** The placeholders the server fills (drafts/templates), in the order a person meets them. */
export const TEMPLATE_PLACEHOLDERS = ["title", "date", "version", "body", "annex"] as const;

const useStyles = makeStyles({
  panel: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalL, borderRadius: tokens.borderRadiusMedium, marginBlockEnd: tokens.spacingVerticalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-end" },
  file: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  notes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

/** `{{title}}, {{body}}`, in the order of TEMPLATE_PLACEHOLDERS whatever order the server found them in. */
function placeholderText(names: readonly string[]): string {
  const rank = (name: string) => {
    const index = (TEMPLATE_PLACEHOLDERS as readonly string[]).indexOf(name);
    return index === -1 ? TEMPLATE_PLACEHOLDERS.length : index;
  };
  return [...names]
    .sort((a, b) => rank(a) - rank(b))
    .map((name) => `{{${name}}}`)
    .join(", ");
}

/**
 * A file name the server takes: SharePoint refuses `" * : < > ? / \ | # % ~ & { }` in names,
 * so they become spaces (`Letterhead & logo.docx` → `Letterhead logo.docx`). Undefined when
 * the file is not a Word document or template.
 */
export function templateFileName(name: string): string | undefined {
  const match = /^(.*)\.(docx|dotx)$/i.exec(name.trim());
  if (!match) return undefined;
  const stem = (match[1] ?? "")
    .replace(/["*:<>?/\\|#%~&{}]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, "")
    .slice(0, 110)
    .trim();
  return `${stem || "Template"}.${(match[2] ?? "docx").toLowerCase()}`;
}

/** A refusal of the template itself (its content), as opposed to any other problem with the upload. */
function refusalOf(error: unknown): ApiProblem | undefined {
  return error instanceof ApiProblem && error.code === "validation" && error.issues.some((issue) => issue.path === "template") ? error : undefined;
}

export function TemplatesSection({ templates, onUploaded }: { templates: Resource<TemplateDto[]>; onUploaded(template: TemplateDto): void }) {
  const styles = useStyles();
  const { t, dateTime } = useI18n();
  const { api, me } = useSession();
  const [file, setFile] = useState<File>();
  const [uploaded, setUploaded] = useState<TemplateDto>();
  const fileName = file ? templateFileName(file.name) : undefined;
  const upload = useAction(async () => {
    if (!file || !fileName) return;
    setUploaded(undefined);
    const result = await api.call("uploadTemplate", { query: { fileName }, body: file });
    setUploaded(result);
    onUploaded(result);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void upload.run();
  };
  const refusal = refusalOf(upload.error);

  return (
    <section className={styles.panel} aria-labelledby="templates-heading">
      <Title3 as="h2" id="templates-heading">
        {t("templates.title")}
      </Title3>
      <Text className={styles.muted}>{t("templates.description", { list: placeholderText(TEMPLATE_PLACEHOLDERS), body: "{{body}}" })}</Text>
      {me.can.editLists && (
        <form className={styles.form} onSubmit={submit}>
          <div className={styles.file}>
            <Label htmlFor="template-file" required>
              {t("templates.file")}
            </Label>
            <input
              id="template-file"
              type="file"
              accept=".docx,.dotx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.wordprocessingml.template"
              aria-describedby="template-file-hint"
              onChange={(event) => {
                setFile(event.target.files?.[0]);
                setUploaded(undefined);
                upload.clear();
              }}
            />
            <Text id="template-file-hint" size={200} className={styles.muted}>
              {t("templates.fileHint")}
            </Text>
          </div>
          <Button type="submit" appearance="primary" disabled={!fileName || upload.busy}>
            {upload.busy ? t("templates.uploading") : t("templates.upload")}
          </Button>
        </form>
      )}
      {file && !fileName && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("templates.notWord")}</MessageBarBody>
        </MessageBar>
      )}
      {refusal ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("templates.refused")}</MessageBarTitle> {refusal.message} {t("templates.refusedHelp")}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <ProblemBar error={upload.error} />
      )}
      {uploaded && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("templates.uploaded", { name: uploaded.name, version: uploaded.version })}</MessageBarTitle>
            <div>{t("templates.placeholdersFound", { list: placeholderText(uploaded.placeholders) })}</div>
            {uploaded.notes.length > 0 && (
              <>
                <div>{t("templates.notes")}</div>
                <ul className={styles.notes}>
                  {uploaded.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <Subtitle2 as="h3">{t("templates.list")}</Subtitle2>
      <ProblemBar error={templates.error} onRetry={templates.reload} />
      {!templates.data && !templates.error && <Loading />}
      {templates.data && templates.data.length === 0 && <Text>{t("templates.none")}</Text>}
      {templates.data && templates.data.length > 0 && (
        <Table size="small" aria-label={t("templates.list")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("templates.name")}</TableHeaderCell>
              <TableHeaderCell>{t("templates.version")}</TableHeaderCell>
              <TableHeaderCell>{t("templates.uploadedAt")}</TableHeaderCell>
              <TableHeaderCell>{t("templates.placeholders")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {templates.data.map((template) => (
              <TableRow key={template.id}>
                <TableCell>
                  {/^https?:\/\//.test(template.webUrl) ? (
                    <Link href={template.webUrl} target="_blank" rel="noreferrer">
                      {template.name}
                    </Link>
                  ) : (
                    template.name
                  )}
                </TableCell>
                <TableCell>{template.version}</TableCell>
                <TableCell>
                  {template.uploadedBy ? t("templates.uploadedBy", { at: dateTime(template.uploadedAt), name: template.uploadedBy }) : t("templates.changedInSharePoint", { at: dateTime(template.uploadedAt) })}
                </TableCell>
                <TableCell>
                  <span className={styles.code}>{placeholderText(template.placeholders)}</span>
                  {template.notes.length > 0 && (
                    <ul className={styles.notes}>
                      {template.notes.map((note) => (
                        <li key={note}>{note}</li>
                      ))}
                    </ul>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
