/** One report: its facts, its workplan (milestones), and where its requests and drafts stand. */
import { isCompiled } from "../../../../core/drafts/draft-review";
import { useLanguageNames } from "./CreateReportDialog";
import { Button, Dropdown, Link, makeStyles, Option, Text, Title3, tokens } from "@fluentui/react-components";
import type { ReportStatus } from "../../../../core/reports/report";
import { useAction, useResource } from "../../api/use-resource";
import { ReportStatusBadge, RequestStatusBadge } from "../../components/badges";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { ProblemBar } from "../../components/ProblemBar";
import { ShareLinkButton } from "../../components/ShareLinkButton";
import { useI18n } from "../../i18n/i18n";
import { hrefOf, navigate } from "../../shell/router";
import { useSession } from "../../shell/session";
import { REPORT_STATUS_CODES, REQUEST_STATUS_CODES } from "../../taxonomy";
import { Milestones } from "./Milestones";

const useStyles = makeStyles({
  facts: { display: "grid", gridTemplateColumns: "minmax(140px, max-content) 1fr", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0, marginBlockEnd: tokens.spacingVerticalL },
  term: { color: tokens.colorNeutralForeground3 },
  def: { margin: 0 },
  panel: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalL, borderRadius: tokens.borderRadiusMedium, marginBlockEnd: tokens.spacingVerticalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, listStyleType: "none", padding: 0, margin: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export function ReportDetail({ id }: { id: string }) {
  const styles = useStyles();
  const { t, date, number, plural } = useI18n();
  const languageName = useLanguageNames();
  const { api, me } = useSession();
  const report = useResource((signal) => api.call("getReport", { params: { id }, signal }), [api, id]);
  const requests = useResource(async (signal) => {
    const items = [];
    let pageToken: string | undefined;
    do {
      const page = await api.call("listRequests", { query: { reportId: id, pageSize: 200, pageToken }, signal });
      items.push(...page.items);
      pageToken = page.nextPageToken;
    } while (pageToken);
    return items;
  }, [api, id]);
  const drafts = useResource((signal) => api.call("listDrafts", { params: { id }, signal }).then((r) => r.items), [api, id]);
  const changeStatus = useAction(async (status: ReportStatus) => {
    if (!report.data) return;
    const updated = await api.call("updateReport", { params: { id }, body: { changes: { status }, eTag: report.data.eTag } });
    report.set(() => updated);
  });

  if (report.error) return <ProblemBar error={report.error} onRetry={report.reload} />;
  const r = report.data;
  if (!r) return <Loading />;
  const counts = new Map<string, number>();
  for (const request of requests.data ?? []) counts.set(request.status, (counts.get(request.status) ?? 0) + 1);
  const latest = drafts.data?.find(isCompiled);

  return (
    <>
      <Link href={hrefOf("/reports")} onClick={(e) => (e.preventDefault(), navigate("/reports"))}>
        {t("reports.back")}
      </Link>
      <PageHeader
        title={r.title}
        description={`${t(`mechanism.${r.mechanism}`)} · ${t(`reportType.${r.type}`)}`}
        actions={
          <>
            <Button appearance="primary" onClick={() => navigate(`/requests?report=${r.id}`)}>
              {t("reports.openRequests")}
            </Button>
            <Button onClick={() => navigate(`/drafts?report=${r.id}`)}>{t("reports.openDrafts")}</Button>
            <ShareLinkButton subPageId={`report:${r.id}`} path={`/reports/${r.id}`} label={r.title} />
          </>
        }
      />
      <dl className={styles.facts}>
        <dt className={styles.term}>{t("grid.status")}</dt>
        <dd className={styles.def}>
          {me.can.editLists ? (
            <Dropdown aria-label={t("reports.changeStatus")} value={t(`reportStatus.${r.status}`)} selectedOptions={[r.status]} onOptionSelect={(_, d) => d.optionValue && d.optionValue !== r.status && void changeStatus.run(d.optionValue as ReportStatus)}>
              {REPORT_STATUS_CODES.map((code) => (
                <Option key={code} value={code} text={t(`reportStatus.${code}`)}>
                  {t(`reportStatus.${code}`)}
                </Option>
              ))}
            </Dropdown>
          ) : (
            <ReportStatusBadge status={r.status} />
          )}
        </dd>
        <dt className={styles.term}>{t("reports.dueDate")}</dt>
        <dd className={styles.def}>
          {date(r.dueDate, "long")} ({r.timeZone})
        </dd>
        <dt className={styles.term}>{t("reports.wordLimit")}</dt>
        <dd className={styles.def}>{r.wordLimit ? number(r.wordLimit) : t("reports.noLimit")}</dd>
        {r.cycle !== undefined && (
          <>
            <dt className={styles.term}>{t("grid.cycle")}</dt>
            <dd className={styles.def}>{String(r.cycle)}</dd>
          </>
        )}
        {r.questions.length > 0 && (
          <>
            <dt className={styles.term}>{t("reports.questions")}</dt>
            <dd className={styles.def}>{plural("reports.questionCount", r.questions.length)}</dd>
          </>
        )}
        <dt className={styles.term}>{t("reports.language")}</dt>
        <dd className={styles.def} lang={r.language}>
          {languageName(r.language)}
        </dd>
        <dt className={styles.term}>{t("detail.shared")}</dt>
        <dd className={styles.def}>{r.sharedWithObservers ? t("common.yes") : t("common.no")}</dd>
      </dl>
      <ProblemBar error={changeStatus.error} />
      <section className={styles.panel} aria-labelledby="requests-summary">
        <Title3 as="h2" id="requests-summary">
          {t("reports.requests")}
        </Title3>
        <ProblemBar error={requests.error} onRetry={requests.reload} />
        {requests.data && requests.data.length === 0 && <Text>{t("reports.noRequests")}</Text>}
        {requests.data && requests.data.length > 0 && (
          <ul className={styles.counts}>
            {REQUEST_STATUS_CODES.filter((s) => counts.get(s)).map((status) => (
              <li key={status} className={styles.row}>
                <RequestStatusBadge status={status} /> <Text>{number(counts.get(status) ?? 0)}</Text>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.panel} aria-labelledby="drafts-summary">
        <Title3 as="h2" id="drafts-summary">
          {t("reports.drafts")}
        </Title3>
        <ProblemBar error={drafts.error} onRetry={drafts.reload} />
        {drafts.data && !latest && <Text>{t("reports.noDrafts")}</Text>}
        {latest && <Text>{t("reports.latestDraft", { version: latest.version, date: date(latest.compiledAt.slice(0, 10)), words: number(latest.wordCount.counted) })}</Text>}
      </section>
      <Milestones report={r} />
    </>
  );
}
