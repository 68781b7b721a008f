/**
 * The report's workplan: milestones from planning to submission, in order; the secretariat
 * marks them done, adds one, or lays out the usual workplan back from the due date.
 */
import { Button, Checkbox, Field, Input, makeStyles, Text, Title3, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { MilestoneDto, ReportDto } from "../../../../core/api";
import { useAction, useResource } from "../../api/use-resource";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { addDays, todayIn } from "../../taxonomy";

const useStyles = makeStyles({
  panel: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalL, borderRadius: tokens.borderRadiusMedium, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  late: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  add: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-end" },
});

/** The usual workplan, in days before the due date. */
export const STANDARD_WORKPLAN: { title: MessageKey; daysBefore: number }[] = [
  { title: "workplan.plan", daysBefore: 120 },
  { title: "workplan.requests", daysBefore: 100 },
  { title: "workplan.contributions", daysBefore: 70 },
  { title: "workplan.consultation", daysBefore: 55 },
  { title: "workplan.draft", daysBefore: 45 },
  { title: "workplan.approval", daysBefore: 20 },
  { title: "workplan.translation", daysBefore: 10 },
  { title: "workplan.submission", daysBefore: 0 },
];

export function Milestones({ report }: { report: ReportDto }) {
  const styles = useStyles();
  const { t, date } = useI18n();
  const { api, me } = useSession();
  const milestones = useResource((signal) => api.call("listMilestones", { params: { id: report.id }, signal }).then((r) => r.items), [api, report.id]);
  const [title, setTitle] = useState("");
  const [dueDate, setDueDate] = useState(report.dueDate);
  const today = todayIn(report.timeZone);
  const editable = me.can.editLists;

  const toggle = useAction(async (milestone: MilestoneDto, done: boolean) => {
    const updated = await api.call("updateMilestone", { params: { id: milestone.id }, body: { changes: { doneAt: done ? new Date().toISOString() : null }, eTag: milestone.eTag } });
    milestones.set((list) => list?.map((m) => (m.id === updated.id ? updated : m)));
  });
  const add = useAction(async () => {
    const created = await api.call("createMilestone", { params: { id: report.id }, body: { title: title.trim(), dueDate, order: (milestones.data?.length ?? 0) * 10 } });
    milestones.set((list) => [...(list ?? []), created]);
    setTitle("");
  });
  const standard = useAction(async () => {
    for (const [index, step] of STANDARD_WORKPLAN.entries()) {
      await api.call("createMilestone", { params: { id: report.id }, body: { title: t(step.title), dueDate: addDays(report.dueDate, -step.daysBefore), order: index * 10 } });
    }
    milestones.reload();
  });

  const sorted = [...(milestones.data ?? [])].sort((a, b) => a.order - b.order || a.dueDate.localeCompare(b.dueDate));
  return (
    <section className={styles.panel} aria-labelledby="workplan-heading">
      <Title3 as="h2" id="workplan-heading">
        {t("workplan.title")}
      </Title3>
      <ProblemBar error={milestones.error ?? toggle.error ?? add.error ?? standard.error} onRetry={milestones.error ? milestones.reload : undefined} />
      {milestones.data && sorted.length === 0 && (
        <>
          <Text className={styles.muted}>{t("workplan.empty")}</Text>
          {editable && (
            <Button onClick={() => void standard.run()} disabled={standard.busy}>
              {t("workplan.standard")}
            </Button>
          )}
        </>
      )}
      <ul className={styles.list}>
        {sorted.map((m) => {
          const late = !m.doneAt && m.dueDate < today;
          const label = `${m.title} — ${date(m.dueDate)}${late ? ` (${t("workplan.late")})` : ""}`;
          return (
            <li key={m.id}>
              {editable ? (
                <Checkbox checked={Boolean(m.doneAt)} onChange={(_, d) => void toggle.run(m, Boolean(d.checked))} label={<span className={late ? styles.late : undefined}>{label}</span>} />
              ) : (
                <Text className={late ? styles.late : undefined}>
                  {m.doneAt ? "✓ " : ""}
                  {label}
                </Text>
              )}
            </li>
          );
        })}
      </ul>
      {editable && (
        <form
          className={styles.add}
          onSubmit={(event) => {
            event.preventDefault();
            if (title.trim()) void add.run();
          }}
        >
          <Field label={t("workplan.newTitle")}>
            <Input value={title} onChange={(_, d) => setTitle(d.value)} />
          </Field>
          <Field label={t("reports.dueDate")}>
            <Input type="date" value={dueDate} onChange={(_, d) => setDueDate(d.value)} />
          </Field>
          <Button type="submit" disabled={!title.trim() || add.busy}>
            {t("workplan.add")}
          </Button>
        </form>
      )}
    </section>
  );
}
