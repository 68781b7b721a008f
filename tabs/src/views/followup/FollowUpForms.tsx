/** The secretariat's forms: a new action for a recommendation, a new indicator of an action. The server validates; its refusal is shown as it says it. */
import { Button, Dropdown, Field, Input, makeStyles, Option, Textarea, tokens } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";

const useStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(200px, 100%), 1fr))", gap: tokens.spacingHorizontalM, alignItems: "end", padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  wide: { gridColumn: "1 / -1" },
});

function useSubmit(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = (work: () => Promise<unknown>) => async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await work();
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

export function NewActionForm({ recommendationId, leadMinistryId, onDone }: { recommendationId: string; leadMinistryId?: string; onDone(): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api, ministries } = useSession();
  const [title, setTitle] = useState("");
  const [lead, setLead] = useState(leadMinistryId ?? "");
  const [startDate, setStartDate] = useState("");
  const [endDate, setEndDate] = useState("");
  const [expectedOutput, setExpectedOutput] = useState("");
  const { busy, error, run } = useSubmit(onDone);
  return (
    <form className={styles.form} aria-label={t("followUp.newAction")} onSubmit={run(() => api.call("createAction", { body: { title, recommendationIds: [recommendationId], leadMinistryId: lead, startDate, endDate, expectedOutput } }))}>
      <div className={styles.wide}>
        <ProblemBar error={error} />
      </div>
      <Field label={t("followUp.actionTitle")} required className={styles.wide}>
        <Input value={title} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <Field label={t("actions.colLead")} required>
        <Dropdown value={ministries.get(lead)?.name ?? ""} selectedOptions={lead ? [lead] : []} onOptionSelect={(_, d) => setLead(d.optionValue ?? "")}>
          {[...ministries.values()].map((m) => (
            <Option key={m.id} value={m.id}>
              {m.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("followUp.startDate")} required>
        <Input type="date" value={startDate} onChange={(_, d) => setStartDate(d.value)} />
      </Field>
      <Field label={t("followUp.endDate")} required>
        <Input type="date" value={endDate} onChange={(_, d) => setEndDate(d.value)} />
      </Field>
      <Field label={t("followUp.expectedOutput")} required className={styles.wide}>
        <Textarea value={expectedOutput} onChange={(_, d) => setExpectedOutput(d.value)} resize="vertical" />
      </Field>
      <Button type="submit" appearance="primary" disabled={busy}>
        {t("followUp.create")}
      </Button>
    </form>
  );
}

export function NewIndicatorForm({ actionId, onDone }: { actionId: string; onDone(): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const [fields, setFields] = useState({ definition: "", unit: "", baselineValue: "", baselineDate: "", targetValue: "", targetDate: "", dataSource: "" });
  const set = (name: keyof typeof fields) => (_: unknown, d: { value: string }) => setFields((f) => ({ ...f, [name]: d.value }));
  const figure = (typed: string) => (typed.trim() === "" ? Number.NaN : Number(typed.replace(",", ".")));
  const { busy, error, run } = useSubmit(onDone);
  return (
    <form
      className={styles.form}
      aria-label={t("followUp.newIndicator")}
      onSubmit={run(() => api.call("createIndicator", { body: { actionId, definition: fields.definition, unit: fields.unit, baselineValue: figure(fields.baselineValue), baselineDate: fields.baselineDate, targetValue: figure(fields.targetValue), targetDate: fields.targetDate, dataSource: fields.dataSource } }))}
    >
      <div className={styles.wide}>
        <ProblemBar error={error} />
      </div>
      <Field label={t("followUp.definition")} required className={styles.wide}>
        <Input value={fields.definition} onChange={set("definition")} />
      </Field>
      <Field label={t("followUp.unit")} required>
        <Input value={fields.unit} onChange={set("unit")} />
      </Field>
      <Field label={t("followUp.dataSource")} required>
        <Input value={fields.dataSource} onChange={set("dataSource")} />
      </Field>
      <Field label={t("followUp.baselineValue")} required>
        <Input inputMode="decimal" value={fields.baselineValue} onChange={set("baselineValue")} />
      </Field>
      <Field label={t("followUp.baselineDate")} required>
        <Input type="date" value={fields.baselineDate} onChange={set("baselineDate")} />
      </Field>
      <Field label={t("followUp.targetValue")} required>
        <Input inputMode="decimal" value={fields.targetValue} onChange={set("targetValue")} />
      </Field>
      <Field label={t("followUp.targetDate")} required>
        <Input type="date" value={fields.targetDate} onChange={set("targetDate")} />
      </Field>
      <Button type="submit" appearance="primary" disabled={busy}>
        {t("followUp.create")}
      </Button>
    </form>
  );
}
