/**
 * The mechanisms' follow-up schedules: every how many months, the first round's due date, how
 * many days before each due date its round starts, active or paused. The secretariat sets one,
 * changes it, pauses or resumes it; the server starts the rounds by itself.
 */
import { Badge, Button, Dropdown, Field, Input, makeStyles, Option, Switch, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { FollowUpScheduleDto, SetScheduleBody } from "../../../../core/api/followup";
import type { Mechanism } from "../../../../core/records/taxonomy";
import { useAction, useResource } from "../../api/use-resource";
import { FormDialog } from "../../components/FormDialog";
import { issueFor, ProblemBar } from "../../components/ProblemBar";
import { Loading } from "../../components/Loading";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { MECHANISM_CODES } from "../../taxonomy";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground3 },
  wide: { overflowX: "auto" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** What a schedule's form holds, as typed. */
interface ScheduleForm {
  mechanism: Mechanism;
  everyMonths: string;
  firstDueDate: string;
  startDaysBefore: string;
  active: boolean;
}

const EMPTY: Omit<ScheduleForm, "mechanism"> = { everyMonths: "3", firstDueDate: "", startDaysBefore: "21", active: true };

function formOf(mechanism: Mechanism, schedule?: FollowUpScheduleDto): ScheduleForm {
  return schedule ? { mechanism, everyMonths: String(schedule.everyMonths), firstDueDate: schedule.firstDueDate, startDaysBefore: String(schedule.startDaysBefore), active: schedule.active } : { mechanism, ...EMPTY };
}

/** A whole number as typed; what is not one goes as typed to the server, which says why it refuses it. */
const figure = (typed: string) => Number(typed.trim().replace(",", "."));

function bodyOf(form: ScheduleForm): SetScheduleBody {
  return { mechanism: form.mechanism, everyMonths: figure(form.everyMonths), firstDueDate: form.firstDueDate, ...(form.startDaysBefore.trim() ? { startDaysBefore: figure(form.startDaysBefore) } : {}), active: form.active };
}

export function FollowUpSchedules() {
  const styles = useStyles();
  const { t, plural, date, dateTime } = useI18n();
  const { api } = useSession();
  const schedules = useResource((signal) => api.call("listFollowUpSchedules", { signal }).then((r) => r.items), [api]);
  const [editing, setEditing] = useState<{ mechanism: Mechanism } | undefined>();
  const saved = (schedule: FollowUpScheduleDto) => schedules.set((items = []) => [...items.filter((s) => s.mechanism !== schedule.mechanism), schedule].sort((a, b) => a.mechanism.localeCompare(b.mechanism)));
  const toggle = useAction(async (schedule: FollowUpScheduleDto) => saved(await api.call("setFollowUpSchedule", { body: bodyOf({ ...formOf(schedule.mechanism, schedule), active: !schedule.active }) })));
  const unscheduled = MECHANISM_CODES.find((code) => !schedules.data?.some((s) => s.mechanism === code)) ?? "UPR";
  return (
    <section className={styles.section} aria-labelledby="schedules-heading">
      <div className={styles.heading}>
        <Title3 as="h2" id="schedules-heading">
          {t("schedules.heading")}
        </Title3>
        <Button appearance="primary" onClick={() => setEditing({ mechanism: unscheduled })}>
          {t("schedules.set")}
        </Button>
      </div>
      <Text className={styles.muted}>{t("schedules.intro")}</Text>
      <ProblemBar error={schedules.error} onRetry={schedules.reload} />
      <ProblemBar error={toggle.error} onDismiss={toggle.clear} />
      {schedules.loading && !schedules.data && <Loading />}
      {schedules.data && schedules.data.length === 0 && <Text>{t("schedules.none")}</Text>}
      {schedules.data && schedules.data.length > 0 && (
        <div className={styles.wide}>
          <Table aria-labelledby="schedules-heading">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("grid.mechanism")}</TableHeaderCell>
                <TableHeaderCell>{t("schedules.colEvery")}</TableHeaderCell>
                <TableHeaderCell>{t("schedules.colFirstDue")}</TableHeaderCell>
                <TableHeaderCell>{t("schedules.colStarts")}</TableHeaderCell>
                <TableHeaderCell>{t("schedules.colState")}</TableHeaderCell>
                <TableHeaderCell>{t("schedules.colSetBy")}</TableHeaderCell>
                <TableHeaderCell>{t("schedules.colActions")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {schedules.data.map((schedule) => {
                const name = t(`mechanism.${schedule.mechanism}`);
                return (
                  <TableRow key={schedule.id}>
                    <TableCell>{name}</TableCell>
                    <TableCell>{plural("schedules.every", schedule.everyMonths)}</TableCell>
                    <TableCell>{date(schedule.firstDueDate)}</TableCell>
                    <TableCell>{plural("schedules.daysBefore", schedule.startDaysBefore)}</TableCell>
                    <TableCell>
                      <Badge appearance="tint" shape="rounded" color={schedule.active ? "success" : "subtle"}>
                        {schedule.active ? t("schedules.active") : t("schedules.paused")}
                      </Badge>
                    </TableCell>
                    <TableCell>{t("schedules.setBy", { name: schedule.updatedByName, at: dateTime(schedule.updatedAt) })}</TableCell>
                    <TableCell>
                      <div className={styles.buttons}>
                        <Button size="small" aria-label={t("schedules.changeOf", { mechanism: name })} onClick={() => setEditing({ mechanism: schedule.mechanism })}>
                          {t("schedules.change")}
                        </Button>
                        <Button size="small" disabled={toggle.busy} aria-label={t(schedule.active ? "schedules.pauseOf" : "schedules.resumeOf", { mechanism: name })} onClick={() => void toggle.run(schedule)}>
                          {schedule.active ? t("schedules.pause") : t("schedules.resume")}
                        </Button>
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      {editing && (
        <SetScheduleDialog
          mechanism={editing.mechanism}
          schedules={schedules.data ?? []}
          onClose={() => setEditing(undefined)}
          onSaved={(schedule) => {
            saved(schedule);
            setEditing(undefined);
          }}
        />
      )}
    </section>
  );
}

function SetScheduleDialog({ mechanism, schedules, onClose, onSaved }: { mechanism: Mechanism; schedules: readonly FollowUpScheduleDto[]; onClose(): void; onSaved(schedule: FollowUpScheduleDto): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const existing = (code: Mechanism) => schedules.find((s) => s.mechanism === code);
  const [form, setForm] = useState<ScheduleForm>(() => formOf(mechanism, existing(mechanism)));
  const set = <K extends keyof ScheduleForm>(name: K, value: ScheduleForm[K]) => setForm((f) => ({ ...f, [name]: value }));
  const save = useAction(async () => onSaved(await api.call("setFollowUpSchedule", { body: bodyOf(form) })));
  const ready = form.everyMonths.trim() && form.firstDueDate;
  return (
    <FormDialog title={t("schedules.dialogTitle")} action={save} canSubmit={Boolean(ready)} submitLabel={save.busy ? t("common.saving") : t("schedules.save")} onClose={onClose} contentClassName={styles.content}>
      <Field label={t("grid.mechanism")} required validationMessage={issueFor(save.error, "mechanism")} hint={existing(form.mechanism) ? t("schedules.existing") : undefined}>
        {/* Choosing a mechanism that has a schedule shows its values, to change them. */}
        <Dropdown value={t(`mechanism.${form.mechanism}`)} selectedOptions={[form.mechanism]} onOptionSelect={(_, d) => d.optionValue && setForm(formOf(d.optionValue as Mechanism, existing(d.optionValue as Mechanism)))}>
          {MECHANISM_CODES.map((code) => (
            <Option key={code} value={code} text={t(`mechanism.${code}`)}>
              {t(`mechanism.${code}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("schedules.everyMonths")} hint={t("schedules.everyMonthsHint")} required validationMessage={issueFor(save.error, "everyMonths")}>
        <Input inputMode="numeric" value={form.everyMonths} onChange={(_, d) => set("everyMonths", d.value)} />
      </Field>
      <Field label={t("schedules.firstDueDate")} hint={t("schedules.firstDueDateHint")} required validationMessage={issueFor(save.error, "firstDueDate")}>
        <Input type="date" value={form.firstDueDate} onChange={(_, d) => set("firstDueDate", d.value)} />
      </Field>
      <Field label={t("schedules.startDaysBefore")} hint={t("schedules.startDaysBeforeHint")} validationMessage={issueFor(save.error, "startDaysBefore")}>
        <Input inputMode="numeric" value={form.startDaysBefore} onChange={(_, d) => set("startDaysBefore", d.value)} />
      </Field>
      <Switch checked={form.active} onChange={(_, d) => set("active", d.checked)} label={t("schedules.activeLabel")} />
    </FormDialog>
  );
}
