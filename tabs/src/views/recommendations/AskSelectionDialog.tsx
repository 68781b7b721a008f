/**
 * "Ask the lead ministries about these N": the recommendations selected in the grid (or, with
 * none selected, every one its filters show) asked of their lead ministries for a report, in one
 * go. Before sending, a preview per ministry: how many, to whom (its technical focal points), due
 * when; those already asked for the report and those without a lead ministry are left out and
 * counted. The server makes the requests and queues their cards (core's createRequests).
 */
import { Checkbox, Dropdown, Field, Input, makeStyles, Option, ProgressBar, Radio, RadioGroup, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Textarea, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { CreateRequestsBody, RecommendationDto } from "../../../../core/api";
import { useAction, useResource } from "../../api/use-resource";
import { FormDialog } from "../../components/FormDialog";
import { issueFor, ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { addDays, todayIn } from "../../taxonomy";
import type { CreateRequestsResult } from "../requests/CreateRequestsDialog";

const useStyles = makeStyles({
  surface: { maxWidth: "820px", width: "100%" },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  preview: { maxHeight: "280px", overflowY: "auto", overflowX: "auto" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface AskPlanRow {
  ministryId: string;
  count: number;
}

/** Whom each recommendation goes to: its lead ministry (and its supporting ones when asked), leaving out those already asked. */
export function planAsk(records: readonly RecommendationDto[], options: { withSupporting: boolean; alreadyAsked?: ReadonlySet<string> }) {
  const byMinistry = new Map<string, number>();
  let withoutLead = 0;
  let alreadyAsked = 0;
  const subjects: string[] = [];
  for (const r of records) {
    if (options.alreadyAsked?.has(r.id)) {
      alreadyAsked += 1;
      continue;
    }
    if (!r.leadMinistryId) {
      withoutLead += 1;
      continue;
    }
    subjects.push(r.id);
    const targets = options.withSupporting ? [r.leadMinistryId, ...r.supportingMinistryIds.filter((id) => id !== r.leadMinistryId)] : [r.leadMinistryId];
    for (const id of targets) byMinistry.set(id, (byMinistry.get(id) ?? 0) + 1);
  }
  return { subjects, rows: [...byMinistry.entries()].map(([ministryId, count]) => ({ ministryId, count })), withoutLead, alreadyAsked };
}

export function AskSelectionDialog({ records, onClose, onDone }: { records: readonly RecommendationDto[]; onClose(): void; onDone(result: CreateRequestsResult): void }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, plural, date, number } = i18n;
  const { api, ministries, config } = useSession();
  const reports = useResource((signal) => api.call("listReports", { signal }).then((r) => r.items.filter((x) => x.status !== "submitted")), [api]);
  const [chosenReport, setReportId] = useState<string>();
  const reportId = chosenReport ?? reports.data?.[0]?.id;
  const report = reports.data?.find((r) => r.id === reportId);
  const [withSupporting, setWithSupporting] = useState(false);
  const [onlyNotAsked, setOnlyNotAsked] = useState(true);
  const [ask, setAsk] = useState(t("requests.defaultAsk"));
  const today = todayIn(config.timeZone);
  const [chosenDue, setDueDate] = useState<string>();
  const defaultDue = report ? (addDays(report.dueDate, -60) > today ? addDays(report.dueDate, -60) : addDays(today, 21)) : addDays(today, 21);
  const dueDate = chosenDue ?? defaultDue;

  // What the report already asked about: left out when "only those not yet asked" is on.
  const asked = useResource(
    reportId && onlyNotAsked
      ? async (signal) => {
          const ids = new Set<string>();
          let pageToken: string | undefined;
          do {
            const page = await api.call("listRequests", { query: { reportId, pageSize: 200, pageToken }, signal });
            for (const r of page.items) if (r.recommendationId && r.status !== "closed") ids.add(r.recommendationId);
            pageToken = page.nextPageToken;
          } while (pageToken);
          return ids;
        }
      : undefined,
    [api, reportId, onlyNotAsked],
  );
  const plan = useMemo(() => planAsk(records, { withSupporting, alreadyAsked: onlyNotAsked ? asked.data : undefined }), [records, withSupporting, onlyNotAsked, asked.data]);
  const rows = [...plan.rows].sort((a, b) => b.count - a.count || (ministries.get(a.ministryId)?.name ?? "").localeCompare(ministries.get(b.ministryId)?.name ?? ""));

  const send = useAction(async () => {
    if (!reportId) return;
    const body: CreateRequestsBody = {
      subjects: plan.subjects.map((recommendationId) => ({ kind: "recommendation" as const, recommendationId })),
      ministries: { mode: withSupporting ? "lead-and-supporting" : "lead" },
      ask,
      dueDate,
    };
    onDone(await api.call("createRequests", { params: { id: reportId }, body }));
  });
  const loadingAsked = onlyNotAsked && asked.loading;
  const ready = Boolean(reportId && plan.subjects.length > 0 && ask.trim() && dueDate && !loadingAsked);

  return (
    <FormDialog
      title={plural("ask.title", records.length)}
      action={send}
      canSubmit={ready}
      submitLabel={send.busy ? t("ask.sending") : plural("ask.send", plan.subjects.length)}
      onClose={onClose}
      surfaceClassName={styles.surface}
      contentClassName={styles.content}
    >
      <ProblemBar error={reports.error ?? asked.error} onRetry={reports.error ? reports.reload : asked.reload} />
      {reports.data && reports.data.length === 0 && <Text>{t("ask.noReport")}</Text>}
      <Field label={t("ask.report")} required>
        <Dropdown value={report?.title ?? ""} selectedOptions={reportId ? [reportId] : []} onOptionSelect={(_, d) => setReportId(d.optionValue)}>
          {(reports.data ?? []).map((r) => (
            <Option key={r.id} value={r.id}>
              {r.title}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("requests.whom")}>
        <RadioGroup layout="horizontal" value={withSupporting ? "both" : "lead"} onChange={(_, d) => setWithSupporting(d.value === "both")}>
          <Radio value="lead" label={t("ask.lead")} />
          <Radio value="both" label={t("requests.whomLeadSupporting")} />
        </RadioGroup>
      </Field>
      <Checkbox checked={onlyNotAsked} onChange={(_, d) => setOnlyNotAsked(Boolean(d.checked))} label={t("ask.onlyNotAsked")} />
      <Field label={t("requests.askField")} required validationMessage={issueFor(send.error, "ask")}>
        <Textarea value={ask} onChange={(_, d) => setAsk(d.value)} rows={3} resize="vertical" />
      </Field>
      <Field label={t("requests.due")} required validationMessage={issueFor(send.error, "dueDate")}>
        <Input type="date" value={dueDate} min={today} onChange={(_, d) => setDueDate(d.value)} />
      </Field>
      <Text weight="semibold" as="h3">
        {t("ask.preview")}
      </Text>
      {loadingAsked ? (
        <ProgressBar aria-label={t("ask.checking")} />
      ) : (
        <>
          <div className={styles.preview}>
            <Table size="small" aria-label={t("ask.preview")}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t("requests.ministry")}</TableHeaderCell>
                  <TableHeaderCell>{t("ask.howMany")}</TableHeaderCell>
                  <TableHeaderCell>{t("ask.toWhom")}</TableHeaderCell>
                  <TableHeaderCell>{t("requests.due")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => {
                  const ministry = ministries.get(row.ministryId);
                  const people = ministry?.focalPoints.technical.map((f) => f.displayName) ?? [];
                  return (
                    <TableRow key={row.ministryId}>
                      <TableCell>
                        <bdi>{ministry?.name ?? row.ministryId}</bdi>
                      </TableCell>
                      <TableCell>{number(row.count)}</TableCell>
                      <TableCell>{people.length ? <bdi>{people.join(", ")}</bdi> : <Text className={styles.muted}>{t("ask.nobody")}</Text>}</TableCell>
                      <TableCell>{date(dueDate)}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
          <Text>{plural("ask.summary", plan.subjects.length)} {plural("ask.ministries", rows.length)}</Text>
          {plan.alreadyAsked > 0 && <Text className={styles.muted}>{plural("ask.alreadyAsked", plan.alreadyAsked)}</Text>}
          {plan.withoutLead > 0 && <Text className={styles.muted}>{plural("requests.withoutLead", plan.withoutLead)}</Text>}
        </>
      )}
      {send.busy && <ProgressBar aria-label={t("ask.sending")} />}
    </FormDialog>
  );
}
