/**
 * The day the reply to a communication was sent. The server records it only once the chair
 * approved a draft of the reply, and says so otherwise; the dialog then stays open with the day.
 */
import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { CommunicationDto } from "../../../../core/api";
import { useAction } from "../../api/use-resource";
import { FormDialog } from "../../components/FormDialog";
import { issueFor } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { todayIn } from "../../taxonomy";

const useStyles = makeStyles({ content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

export function ReplySentDialog({ communication, onClose, onSaved }: { communication: CommunicationDto; onClose(): void; onSaved(communication: CommunicationDto): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api, config } = useSession();
  const [on, setOn] = useState(todayIn(config.timeZone));

  const save = useAction(async () => {
    onSaved(await api.call("recordReplySent", { params: { id: communication.id }, body: { eTag: communication.eTag, on } }));
  });

  return (
    <FormDialog
      title={t("communications.replySentTitle", { reference: communication.reference })}
      action={save}
      canSubmit={Boolean(on)}
      submitLabel={save.busy ? t("common.saving") : t("communications.replySentSubmit")}
      onClose={onClose}
      contentClassName={styles.content}
    >
      <Field label={t("communications.field.sentOn")} required hint={t("communications.replySentHint")} validationMessage={issueFor(save.error, "on")}>
        <Input type="date" value={on} onChange={(_, d) => setOn(d.value)} />
      </Field>
    </FormDialog>
  );
}
