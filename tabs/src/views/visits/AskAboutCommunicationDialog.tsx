/**
 * Asks ministries for their input to the reply to a communication: the bot sends each of them a
 * request on the reply's report, due on or before the reply. The server refuses an input due
 * after the reply and a reply already sent; asking a ministry again creates nothing.
 */
import { Field, Input, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ListedCommunicationDto } from "../../../../core/api";
import type { ResponseOf } from "../../api/routes";
import { useAction } from "../../api/use-resource";
import { FormDialog } from "../../components/FormDialog";
import { MinistriesPicker } from "../../components/MinistriesPicker";
import { issueFor } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { addDays, todayIn } from "../../taxonomy";

const useStyles = makeStyles({ content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

/** A week before the reply is due leaves the secretariat time to compile it; never before today. */
function defaultInputDueDate(replyDueDate: string, today: string): string {
  const weekBefore = addDays(replyDueDate, -7);
  return weekBefore >= today ? weekBefore : replyDueDate;
}

export function AskAboutCommunicationDialog({ communication, onClose, onAsked }: { communication: ListedCommunicationDto; onClose(): void; onAsked(result: ResponseOf<"askAboutCommunication">): void }) {
  const styles = useStyles();
  const { t, date } = useI18n();
  const { api, config, ministries } = useSession();
  const [ministryIds, setMinistryIds] = useState<string[]>([]);
  const [ask, setAsk] = useState("");
  const [dueDate, setDueDate] = useState(() => defaultInputDueDate(communication.replyDueDate, todayIn(config.timeZone)));
  const active = [...ministries.values()].filter((m) => m.active).sort((a, b) => a.name.localeCompare(b.name));

  const send = useAction(async () => {
    onAsked(await api.call("askAboutCommunication", { params: { id: communication.id }, body: { ministryIds, ask, dueDate } }));
  });

  return (
    <FormDialog
      title={t("communications.askTitle", { reference: communication.reference })}
      action={send}
      canSubmit={ministryIds.length > 0 && ask.trim().length > 0 && Boolean(dueDate)}
      submitLabel={send.busy ? t("common.saving") : t("communications.askSubmit")}
      onClose={onClose}
      contentClassName={styles.content}
    >
      <Field label={t("communications.field.ministries")} required validationMessage={issueFor(send.error, "ministryIds")}>
        <MinistriesPicker ministries={ministries} options={active} selected={ministryIds} onChange={setMinistryIds} placeholder={t("communications.ministriesPlaceholder")} />
      </Field>
      <Field label={t("communications.field.ask")} required hint={t("communications.askHint")} validationMessage={issueFor(send.error, "ask")}>
        <Textarea value={ask} onChange={(_, d) => setAsk(d.value)} rows={4} resize="vertical" />
      </Field>
      <Field label={t("communications.field.inputDue")} required hint={t("communications.inputDueHint", { date: date(communication.replyDueDate) })} validationMessage={issueFor(send.error, "dueDate")}>
        <Input type="date" value={dueDate} max={communication.replyDueDate} onChange={(_, d) => setDueDate(d.value)} />
      </Field>
    </FormDialog>
  );
}
