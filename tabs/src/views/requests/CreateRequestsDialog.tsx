/**
 * Asks ministries for input on a report: choose recommendations (searched among the report's
 * mechanism) or the report's questions (or type new ones), then the ministries — each
 * recommendation's lead ministry by default, or the ministries chosen — what is asked and by when.
 */
import {
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  SearchBox,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { CreateRequestsBody, ReportDto, RecommendationDto } from "../../../../core/api";
import { useAction, useResource } from "../../api/use-resource";
import { MinistriesPicker, ministryShortName } from "../../components/MinistriesPicker";
import { FormDialog } from "../../components/FormDialog";
import { issueFor, ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { addDays, todayIn } from "../../taxonomy";
import { parseQuestions } from "../reports/CreateReportDialog";

export type CreateRequestsResult = { created: unknown[]; alreadyExisting: number; skipped: unknown[]; unaddressed: unknown[] };

const useStyles = makeStyles({
  surface: { maxWidth: "760px", width: "100%" },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  picker: { maxHeight: "260px", overflowY: "auto", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, display: "flex", flexDirection: "column" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function CreateRequestsDialog({ report, onClose, onCreated }: { report: ReportDto; onClose(): void; onCreated(result: CreateRequestsResult): void }) {
  const styles = useStyles();
  const { t, plural } = useI18n();
  const { api, ministries, config } = useSession();
  const [kind, setKind] = useState<"recommendation" | "question">(report.questions.length ? "question" : "recommendation");
  const [q, setQ] = useState("");
  const [chosen, setChosen] = useState<Map<string, RecommendationDto>>(new Map());
  const [questions, setQuestions] = useState<Set<string>>(new Set(report.questions.map((x) => x.number)));
  const [newQuestions, setNewQuestions] = useState("");
  const [who, setWho] = useState<"lead" | "lead-and-supporting" | "selected">(kind === "question" ? "selected" : "lead");
  const [selectedMinistries, setSelectedMinistries] = useState<string[]>([]);
  const [ask, setAsk] = useState(t("requests.defaultAsk"));
  const today = todayIn(config.timeZone);
  const [dueDate, setDueDate] = useState(() => {
    const target = addDays(report.dueDate, -60);
    return target > today ? target : addDays(today, 21);
  });

  const found = useResource(
    kind === "recommendation" ? (signal) => api.call("listRecommendations", { query: { mechanism: report.mechanism, q: q.trim() || undefined, pageSize: 100 }, signal }) : undefined,
    [api, kind, q, report.mechanism],
  );
  const leadIds = useMemo(() => [...new Set([...chosen.values()].map((r) => r.leadMinistryId).filter((id): id is string => Boolean(id)))], [chosen]);
  const withoutLead = [...chosen.values()].filter((r) => !r.leadMinistryId).length;
  const options = [...ministries.values()].filter((m) => m.active).sort((a, b) => a.name.localeCompare(b.name));

  const toggle = (r: RecommendationDto, on: boolean) =>
    setChosen((map) => {
      const next = new Map(map);
      if (on) next.set(r.id, r);
      else next.delete(r.id);
      return next;
    });
  const chooseKind = (next: "recommendation" | "question") => {
    setKind(next);
    if (next === "question") setWho("selected");
  };

  const create = useAction(async () => {
    let subjects: CreateRequestsBody["subjects"];
    if (kind === "recommendation") {
      subjects = [...chosen.keys()].map((recommendationId) => ({ kind: "recommendation" as const, recommendationId }));
    } else {
      const added = parseQuestions(newQuestions).filter((x) => !report.questions.some((existing) => existing.number === x.number));
      if (added.length) {
        // New questions join the report first: a request asks about a question the report has.
        await api.call("updateReport", { params: { id: report.id }, body: { changes: { questions: [...report.questions, ...added] }, eTag: report.eTag } });
      }
      subjects = [...questions, ...added.map((x) => x.number)].map((number) => ({ kind: "question" as const, number }));
    }
    const result = await api.call("createRequests", {
      params: { id: report.id },
      body: { subjects, ministries: who === "selected" ? { mode: "selected", ministryIds: selectedMinistries } : { mode: who }, ask, dueDate },
    });
    onCreated(result);
  });

  const subjectCount = kind === "recommendation" ? chosen.size : questions.size + parseQuestions(newQuestions).length;
  const ready = subjectCount > 0 && ask.trim() && dueDate && (who !== "selected" || selectedMinistries.length > 0);

  return (
    <FormDialog
      title={t("requests.newFor", { report: report.title })}
      action={create}
      canSubmit={Boolean(ready)}
      submitLabel={create.busy ? t("common.saving") : plural("requests.send", subjectCount)}
      onClose={onClose}
      surfaceClassName={styles.surface}
      contentClassName={styles.content}
    >
      <Field label={t("requests.askAbout")}>
        <RadioGroup layout="horizontal" value={kind} onChange={(_, d) => chooseKind(d.value as "recommendation" | "question")}>
          <Radio value="recommendation" label={t("requests.aboutRecommendations")} />
          <Radio value="question" label={t("requests.aboutQuestions")} />
        </RadioGroup>
      </Field>
      {kind === "recommendation" ? (
        <>
          <Field label={t("requests.findRecommendations")}>
            <SearchBox value={q} onChange={(_, d) => setQ(d.value)} placeholder={t("filter.searchPlaceholder")} />
          </Field>
          <ProblemBar error={found.error} onRetry={found.reload} />
          <div className={styles.picker} role="group" aria-label={t("requests.recommendationChoices")}>
            {found.data?.items.map((r) => (
              <Checkbox key={r.id} checked={chosen.has(r.id)} onChange={(_, d) => toggle(r, Boolean(d.checked))} label={`${r.paragraph} (${r.documentSymbol}) — ${r.text.slice(0, 140)}`} />
            ))}
            {found.data && found.data.items.length === 0 && <Text className={styles.muted}>{t("grid.empty")}</Text>}
          </div>
          <Text>{plural("requests.chosen", chosen.size)}</Text>
        </>
      ) : (
        <>
          {report.questions.length > 0 && (
            <div className={styles.picker} role="group" aria-label={t("reports.questions")}>
              {report.questions.map((x) => (
                <Checkbox
                  key={x.number}
                  checked={questions.has(x.number)}
                  onChange={(_, d) =>
                    setQuestions((set) => {
                      const next = new Set(set);
                      if (d.checked) next.add(x.number);
                      else next.delete(x.number);
                      return next;
                    })
                  }
                  label={`${x.number}. ${x.text.slice(0, 160)}`}
                />
              ))}
            </div>
          )}
          <Field label={t("requests.newQuestions")} hint={t("reports.questionsHint")}>
            <Textarea value={newQuestions} onChange={(_, d) => setNewQuestions(d.value)} rows={3} resize="vertical" />
          </Field>
        </>
      )}
      <Field label={t("requests.whom")}>
        <RadioGroup value={who} onChange={(_, d) => setWho(d.value as typeof who)}>
          {kind === "recommendation" && <Radio value="lead" label={leadIds.length ? t("requests.whomLead", { ministries: leadIds.map((id) => ministryShortName(ministries, id)).join(", ") }) : t("requests.whomLeadNone")} />}
          {kind === "recommendation" && <Radio value="lead-and-supporting" label={t("requests.whomLeadSupporting")} />}
          <Radio value="selected" label={t("requests.whomSelected")} />
        </RadioGroup>
      </Field>
      {kind === "recommendation" && who !== "selected" && withoutLead > 0 && <Text className={styles.muted}>{plural("requests.withoutLead", withoutLead)}</Text>}
      {who === "selected" && (
        <Field label={t("requests.ministries")} required>
          <MinistriesPicker ministries={ministries} options={options} selected={selectedMinistries} onChange={setSelectedMinistries} placeholder={t("bulk.choose")} />
        </Field>
      )}
      <Field label={t("requests.askField")} required validationMessage={issueFor(create.error, "ask")}>
        <Textarea value={ask} onChange={(_, d) => setAsk(d.value)} rows={3} resize="vertical" />
      </Field>
      <Field label={t("requests.due")} required validationMessage={issueFor(create.error, "dueDate")}>
        <Input type="date" value={dueDate} min={today} onChange={(_, d) => setDueDate(d.value)} />
      </Field>
    </FormDialog>
  );
}
