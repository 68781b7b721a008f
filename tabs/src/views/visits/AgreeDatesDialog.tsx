/**
 * The dates agreed with the mandate holder, again when the visit moves: prefilled with the dates
 * agreed, else those the State proposed, else those asked for. The programme's meetings must fall within them.
 */
import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { VisitDto } from "../../../../core/api";
import { useAction } from "../../api/use-resource";
import { FormDialog } from "../../components/FormDialog";
import { issueFor } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";

const useStyles = makeStyles({ content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

export function AgreeDatesDialog({ visit, onClose, onSaved }: { visit: VisitDto; onClose(): void; onSaved(visit: VisitDto): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const [from, setFrom] = useState(visit.agreedFrom ?? visit.proposedFrom ?? visit.requestedFrom ?? "");
  const [to, setTo] = useState(visit.agreedTo ?? visit.proposedTo ?? visit.requestedTo ?? "");

  const save = useAction(async () => {
    onSaved(await api.call("agreeVisitDates", { params: { id: visit.id }, body: { eTag: visit.eTag, from, to } }));
  });

  return (
    <FormDialog
      title={t("visits.agreeDates")}
      action={save}
      canSubmit={Boolean(from && to)}
      submitLabel={save.busy ? t("common.saving") : t("visits.agreeSubmit")}
      onClose={onClose}
      contentClassName={styles.content}
    >
      <Field label={t("visits.field.agreedFrom")} required validationMessage={issueFor(save.error, "from")}>
        <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} />
      </Field>
      <Field label={t("visits.field.agreedTo")} required validationMessage={issueFor(save.error, "to")}>
        <Input type="date" value={to} onChange={(_, d) => setTo(d.value)} />
      </Field>
    </FormDialog>
  );
}
