/**
 * Opens a report: mechanism, type, title, due date (a calendar date in the mechanism's time
 * zone), the word limit the mechanism sets (prefilled, editable), and for a list of issues the
 * questions, one per line.
 */
import { Checkbox, Dropdown, Field, Input, makeStyles, Option, Textarea, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { ReportDto } from "../../../../core/api";
import type { Mechanism, ReportType } from "../../../../core/records/taxonomy";
import { REPORT_LANGUAGES, type ReportLanguage } from "../../../../core/reports/report";
import { wordLimitFor } from "../../../../core/drafts/word-limits";
import { useAction } from "../../api/use-resource";
import { FormDialog } from "../../components/FormDialog";
import { issueFor } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { addDays, MECHANISM_CODES, reportTypesFor, todayIn } from "../../taxonomy";

/** A language's name in the person's language (Intl: `français`, `French`, `الفرنسية`). */
export function useLanguageNames(): (code: string) => string {
  const { locale } = useI18n();
  const names = useMemo(() => {
    try {
      return new Intl.DisplayNames([locale, "en"], { type: "language" });
    } catch {
      return undefined;
    }
  }, [locale]);
  return (code) => names?.of(code) ?? code;
}

const useStyles = makeStyles({ content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

/** `12. What measures…` lines → questions. */
export function parseQuestions(text: string): { number: string; text: string }[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => {
      const match = /^(\d+[a-z]?|[A-Z]\d*)[.)]\s+(.*)$/.exec(line);
      return match ? { number: match[1]!, text: match[2]! } : { number: String(index + 1), text: line };
    });
}

export function CreateReportDialog({ onClose, onCreated }: { onClose(): void; onCreated(report: ReportDto): void }) {
  const styles = useStyles();
  const { t, language: tabLanguage } = useI18n();
  const { api, config } = useSession();
  const languageName = useLanguageNames();
  const [mechanism, setMechanism] = useState<Mechanism>("UPR");
  const [type, setType] = useState<ReportType>("upr-national");
  const [title, setTitle] = useState("");
  const [dueDate, setDueDate] = useState(addDays(todayIn(config.timeZone), 180));
  const [wordLimit, setWordLimit] = useState<string>(String(wordLimitFor("upr-national") ?? ""));
  const [cycle, setCycle] = useState("");
  const [questions, setQuestions] = useState("");
  const [shared, setShared] = useState(false);
  // The report's language starts as the person's, when the State can report in it.
  const [language, setLanguage] = useState<ReportLanguage>(() => ((REPORT_LANGUAGES as readonly string[]).includes(tabLanguage) ? (tabLanguage as ReportLanguage) : "en"));

  const chooseMechanism = (next: Mechanism) => {
    setMechanism(next);
    const types = reportTypesFor(next);
    if (!types.includes(type)) chooseType(types[0]!);
  };
  const chooseType = (next: ReportType) => {
    setType(next);
    setWordLimit(String(wordLimitFor(next) ?? ""));
  };

  const create = useAction(async () => {
    const report = await api.call("createReport", {
      body: {
        title: title.trim(),
        mechanism,
        type,
        language,
        dueDate,
        timeZone: config.timeZone,
        ...(wordLimit.trim() ? { wordLimit: Number(wordLimit) } : {}),
        ...(cycle.trim() ? { cycle: Number(cycle) } : {}),
        questions: parseQuestions(questions),
        sharedWithObservers: shared,
      },
    });
    onCreated(report);
  });

  return (
    <FormDialog
      title={t("reports.new")}
      action={create}
      canSubmit={Boolean(title.trim())}
      submitLabel={create.busy ? t("common.saving") : t("reports.create")}
      onClose={onClose}
      contentClassName={styles.content}
    >
      <Field label={t("grid.mechanism")} required>
        <Dropdown value={t(`mechanism.${mechanism}`)} selectedOptions={[mechanism]} onOptionSelect={(_, d) => d.optionValue && chooseMechanism(d.optionValue as Mechanism)}>
          {MECHANISM_CODES.map((code) => (
            <Option key={code} value={code} text={t(`mechanism.${code}`)}>
              {t(`mechanism.${code}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("reports.type")} required>
        <Dropdown value={t(`reportType.${type}`)} selectedOptions={[type]} onOptionSelect={(_, d) => d.optionValue && chooseType(d.optionValue as ReportType)}>
          {reportTypesFor(mechanism).map((code) => (
            <Option key={code} value={code} text={t(`reportType.${code}`)}>
              {t(`reportType.${code}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("reports.language")} hint={t("reports.languageHint")}>
        <Dropdown value={languageName(language)} selectedOptions={[language]} onOptionSelect={(_, d) => d.optionValue && setLanguage(d.optionValue as ReportLanguage)}>
          {REPORT_LANGUAGES.map((code) => (
            <Option key={code} value={code} text={languageName(code)}>
              <span lang={code}>{languageName(code)}</span>
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("reports.titleField")} required validationMessage={issueFor(create.error, "title")}>
        <Input value={title} onChange={(_, d) => setTitle(d.value)} placeholder={t("reports.titlePlaceholder")} />
      </Field>
      <Field label={t("reports.dueDate")} required hint={t("reports.dueDateHint", { zone: config.timeZone })} validationMessage={issueFor(create.error, "dueDate")}>
        <Input type="date" value={dueDate} onChange={(_, d) => setDueDate(d.value)} />
      </Field>
      <Field label={t("reports.wordLimit")} hint={t("reports.wordLimitHint")} validationMessage={issueFor(create.error, "wordLimit")}>
        <Input type="number" min={1} value={wordLimit} onChange={(_, d) => setWordLimit(d.value)} />
      </Field>
      <Field label={t("grid.cycle")} validationMessage={issueFor(create.error, "cycle")}>
        <Input type="number" min={1} max={20} value={cycle} onChange={(_, d) => setCycle(d.value)} />
      </Field>
      {(type === "loipr-replies" || type === "follow-up") && (
        <Field label={t("reports.questions")} hint={t("reports.questionsHint")}>
          <Textarea value={questions} onChange={(_, d) => setQuestions(d.value)} rows={5} resize="vertical" />
        </Field>
      )}
      <Checkbox checked={shared} onChange={(_, d) => setShared(Boolean(d.checked))} label={t("reports.shared")} />
    </FormDialog>
  );
}
