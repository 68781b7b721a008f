/**
 * Records a communication as it arrives: its reference, kind, the mandates that signed it (one a
 * line), the day it arrived, the day the reply is due (left empty, the server sets 60 days after
 * it arrived) and a short summary. Its reply's report is opened with it.
 */
import { Dropdown, Field, Input, makeStyles, Option, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { CommunicationDto } from "../../../../core/api";
import { COMMUNICATION_KINDS, DEFAULT_REPLY_DAYS, type CommunicationKind } from "../../../../core/communications/communication";
import { useAction } from "../../api/use-resource";
import { FormDialog } from "../../components/FormDialog";
import { issueFor } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { addDays, todayIn } from "../../taxonomy";
import { listIssueFor } from "./field-issue";

const useStyles = makeStyles({ content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One mandate a line, blank lines left out. */
export function parseMandates(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export function RecordCommunicationDialog({ onClose, onRecorded }: { onClose(): void; onRecorded(communication: CommunicationDto): void }) {
  const styles = useStyles();
  const { t, date } = useI18n();
  const { api, config } = useSession();
  const [reference, setReference] = useState("");
  const [kind, setKind] = useState<CommunicationKind>("allegation-letter");
  const [mandates, setMandates] = useState("");
  const [receivedOn, setReceivedOn] = useState(todayIn(config.timeZone));
  const [replyDueDate, setReplyDueDate] = useState("");
  const [summary, setSummary] = useState("");

  const record = useAction(async () => {
    const communication = await api.call("receiveCommunication", {
      body: {
        reference: reference.trim(),
        kind,
        mandates: parseMandates(mandates),
        receivedOn,
        timeZone: config.timeZone,
        ...(replyDueDate ? { replyDueDate } : {}),
        ...(summary.trim() ? { summary: summary.trim() } : {}),
      },
    });
    onRecorded(communication);
  });

  return (
    <FormDialog
      title={t("communications.record")}
      action={record}
      canSubmit={Boolean(reference.trim() && parseMandates(mandates).length > 0 && receivedOn)}
      submitLabel={record.busy ? t("common.saving") : t("communications.recordSubmit")}
      onClose={onClose}
      contentClassName={styles.content}
    >
      <Field label={t("communications.col.reference")} required hint={t("communications.referenceHint")} validationMessage={issueFor(record.error, "reference")}>
        <Input value={reference} onChange={(_, d) => setReference(d.value)} />
      </Field>
      <Field label={t("communications.col.kind")} required validationMessage={issueFor(record.error, "kind")}>
        <Dropdown value={t(`communications.kind.${kind}`)} selectedOptions={[kind]} onOptionSelect={(_, d) => d.optionValue && setKind(d.optionValue as CommunicationKind)}>
          {COMMUNICATION_KINDS.map((code) => (
            <Option key={code} value={code} text={t(`communications.kind.${code}`)}>
              {t(`communications.kind.${code}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("communications.field.mandates")} required hint={t("communications.mandatesHint")} validationMessage={listIssueFor(record.error, "mandates")}>
        <Textarea value={mandates} onChange={(_, d) => setMandates(d.value)} rows={3} resize="vertical" />
      </Field>
      <Field label={t("communications.col.received")} required validationMessage={issueFor(record.error, "receivedOn")}>
        <Input type="date" value={receivedOn} onChange={(_, d) => setReceivedOn(d.value)} />
      </Field>
      <Field
        label={t("communications.col.replyDue")}
        hint={CALENDAR_DATE.test(receivedOn) ? t("communications.replyDueHint", { date: date(addDays(receivedOn, DEFAULT_REPLY_DAYS), "long") }) : undefined}
        validationMessage={issueFor(record.error, "replyDueDate")}
      >
        <Input type="date" value={replyDueDate} onChange={(_, d) => setReplyDueDate(d.value)} />
      </Field>
      <Field label={t("communications.field.summary")} validationMessage={issueFor(record.error, "summary")}>
        <Textarea value={summary} onChange={(_, d) => setSummary(d.value)} rows={3} resize="vertical" />
      </Field>
    </FormDialog>
  );
}
