/**
 * Records a mandate holder's request to visit: the mandate, the holder, who visits, the day the
 * request arrived, its reference and the dates asked for. The visit starts with the standard steps.
 */
import { Dropdown, Field, Input, makeStyles, Option, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { VisitDto } from "../../../../core/api";
import { VISITING_BODIES, type VisitingBody } from "../../../../core/visits/visit";
import { useAction } from "../../api/use-resource";
import { FormDialog } from "../../components/FormDialog";
import { issueFor } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { todayIn } from "../../taxonomy";

const useStyles = makeStyles({ content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

export function RecordVisitDialog({ onClose, onRecorded }: { onClose(): void; onRecorded(visit: VisitDto): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api, config } = useSession();
  const [mandate, setMandate] = useState("");
  const [holder, setHolder] = useState("");
  const [body, setBody] = useState<VisitingBody>("special-procedure");
  const [requestedOn, setRequestedOn] = useState(todayIn(config.timeZone));
  const [reference, setReference] = useState("");
  const [requestedFrom, setRequestedFrom] = useState("");
  const [requestedTo, setRequestedTo] = useState("");

  const record = useAction(async () => {
    const visit = await api.call("recordVisit", {
      body: {
        mandate: mandate.trim(),
        body,
        requestedOn,
        timeZone: config.timeZone,
        ...(holder.trim() ? { holder: holder.trim() } : {}),
        ...(reference.trim() ? { requestReference: reference.trim() } : {}),
        ...(requestedFrom ? { requestedFrom } : {}),
        ...(requestedTo ? { requestedTo } : {}),
      },
    });
    onRecorded(visit);
  });

  return (
    <FormDialog
      title={t("visits.record")}
      action={record}
      canSubmit={Boolean(mandate.trim() && requestedOn)}
      submitLabel={record.busy ? t("common.saving") : t("visits.recordSubmit")}
      onClose={onClose}
      contentClassName={styles.content}
    >
      <Field label={t("visits.col.mandate")} required hint={t("visits.mandateHint")} validationMessage={issueFor(record.error, "mandate")}>
        <Input value={mandate} onChange={(_, d) => setMandate(d.value)} />
      </Field>
      <Field label={t("visits.field.holder")} validationMessage={issueFor(record.error, "holder")}>
        <Input value={holder} onChange={(_, d) => setHolder(d.value)} />
      </Field>
      <Field label={t("visits.field.body")} validationMessage={issueFor(record.error, "body")}>
        <Dropdown value={t(`visits.body.${body}`)} selectedOptions={[body]} onOptionSelect={(_, d) => d.optionValue && setBody(d.optionValue as VisitingBody)}>
          {VISITING_BODIES.map((code) => (
            <Option key={code} value={code} text={t(`visits.body.${code}`)}>
              {t(`visits.body.${code}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("visits.requestedOn")} required validationMessage={issueFor(record.error, "requestedOn")}>
        <Input type="date" value={requestedOn} onChange={(_, d) => setRequestedOn(d.value)} />
      </Field>
      <Field label={t("visits.field.reference")} validationMessage={issueFor(record.error, "requestReference")}>
        <Input value={reference} onChange={(_, d) => setReference(d.value)} />
      </Field>
      <Field label={t("visits.field.requestedFrom")} validationMessage={issueFor(record.error, "requestedFrom")}>
        <Input type="date" value={requestedFrom} onChange={(_, d) => setRequestedFrom(d.value)} />
      </Field>
      <Field label={t("visits.field.requestedTo")} validationMessage={issueFor(record.error, "requestedTo")}>
        <Input type="date" value={requestedTo} onChange={(_, d) => setRequestedTo(d.value)} />
      </Field>
    </FormDialog>
  );
}
