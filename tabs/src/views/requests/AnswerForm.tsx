/** A focal point answers a request from the tab (a new version of the ministry's contribution), with evidence files. */
import { Button, Dropdown, Field, makeStyles, Option, Text, Textarea, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { RequestDto } from "../../../../core/api";
import type { ImplementationStatus } from "../../../../core/records/taxonomy";
import { useAction } from "../../api/use-resource";
import { issueFor, ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { STATUS_CODES } from "../../taxonomy";
import { EvidenceField } from "./EvidenceField";
import { useEvidenceFiles } from "./use-evidence-files";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM }, actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS }, muted: { color: tokens.colorNeutralForeground3 } });
const NONE = "__none__";

export function AnswerForm({ request, recommendationStatus, onSaved, onCancel }: { request: RequestDto; recommendationStatus?: ImplementationStatus; onSaved(request: RequestDto): void; onCancel(): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const [text, setText] = useState("");
  const [status, setStatus] = useState<ImplementationStatus | undefined>(recommendationStatus);
  // One id per answer typed: pressing Send twice (or a retry after a lost response) saves it once.
  const submissionId = useRef(crypto.randomUUID());
  const evidence = useEvidenceFiles(request.id);
  const send = useAction(async () => {
    if (evidence.uploading) return;
    const result = await api.call("createContribution", {
      params: { id: request.id },
      body: { text, submissionId: submissionId.current, ...(status && request.subject.kind === "recommendation" ? { reportedStatus: status } : {}), attachments: evidence.attachments },
    });
    onSaved(result.request);
  });
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void send.run();
      }}
    >
      <Field label={t("answer.text")} required validationMessage={issueFor(send.error, "text")}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={8} resize="vertical" />
      </Field>
      {request.subject.kind === "recommendation" && (
        <Field label={t("answer.status")}>
          <Dropdown value={status ? t(`status.${status}`) : t("edit.none")} selectedOptions={[status ?? NONE]} onOptionSelect={(_, d) => setStatus(d.optionValue === NONE ? undefined : (d.optionValue as ImplementationStatus))}>
            <Option value={NONE}>{t("edit.none")}</Option>
            {STATUS_CODES.map((code) => (
              <Option key={code} value={code} text={t(`status.${code}`)}>
                {t(`status.${code}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <EvidenceField evidence={evidence} />
      <ProblemBar error={send.error} />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={!text.trim() || send.busy || evidence.uploading}>
          {send.busy ? t("common.saving") : t("answer.send")}
        </Button>
        <Button onClick={onCancel}>{t("action.cancel")}</Button>
        {evidence.uploading && (
          <Text size={200} className={styles.muted}>
            {t("answer.waitForFiles")}
          </Text>
        )}
      </div>
    </form>
  );
}
