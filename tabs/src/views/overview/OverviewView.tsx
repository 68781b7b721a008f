/**
 * Overview: implementation progress by ministry, mechanism, theme and SDG (a chart, and the
 * same figures as a table), the requests overdue and due soon, and the reports' deadlines.
 */
import { Card, CardHeader, Link, makeStyles, MessageBar, MessageBarBody, Switch, Tab, TabList, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3, tokens } from "@fluentui/react-components";
import { HorizontalBarChart } from "@fluentui/react-charts";
import type { DashboardDto, DueRequestDto } from "../../../../core/api";
import { RequestStatusBadge, ReportStatusBadge } from "../../components/badges";
import { ExportMenu } from "../../components/ExportMenu";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { hrefOf, navigate } from "../../shell/router";
import { useSession } from "../../shell/session";
import { ACTION_STATUS_CODES, STATUS_CODES } from "../../taxonomy";
import { subjectLabel } from "../requests/subject";
import { DecisionsInbox } from "../requests/DecisionsInbox";
import { DueCalendar } from "./DueCalendar";
import { STATUS_COLORS, useOverview, type Dimension } from "./use-overview";


const useStyles = makeStyles({
  kpis: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(180px, 100%), 1fr))", gap: tokens.spacingHorizontalM, marginBlockEnd: tokens.spacingVerticalL },
  kpiValue: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  section: { marginBlockEnd: tokens.spacingVerticalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  panel: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalL, borderRadius: tokens.borderRadiusMedium, overflowX: "auto", minWidth: 0 },
  columns: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(360px, 100%), 1fr))", gap: tokens.spacingHorizontalL },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, listStyleType: "none", padding: 0, margin: 0 },
  swatch: { display: "inline-block", width: "12px", height: "12px", borderRadius: tokens.borderRadiusSmall, marginInlineEnd: tokens.spacingHorizontalXS, verticalAlign: "middle" },
  muted: { color: tokens.colorNeutralForeground3 },
  tabs: { flexWrap: "wrap" },
  list: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  clip: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

export default function OverviewView() {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, plural, percent, number } = i18n;
  const { api } = useSession();
  const { me, ministry, dimension, setDimension, asTable, setAsTable, dashboard, rows, chartData } = useOverview();

  const d = dashboard.data;
  return (
    <>
      <PageHeader
        title={t("overview.title")}
        description={t("overview.description")}
        actions={<ExportMenu name={t("overview.exportName")} disabled={!d} load={(format, lang) => api.call("exportDashboard", { query: { format, lang, dimension, ministryId: ministry?.id } })} />}
      />
      <ProblemBar error={dashboard.error} onRetry={dashboard.reload} />
      {d?.needsAttention && d.needsAttention.count > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {plural("overview.needsAttention", d.needsAttention.count)} <Link href={hrefOf("/data-quality")}>{t("nav.dataQuality")}</Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {!d && !dashboard.error && <Loading />}
      {d && (
        <div className={styles.kpis}>
          <Kpi label={t("overview.recommendations")} value={number(d.recommendations.total)} />
          <Kpi label={t("overview.implemented")} value={percent(d.recommendations.implementedShare)} />
          <Kpi label={t("overview.progress")} value={percent(d.recommendations.progressShare)} />
          <Kpi label={t("overview.overdue")} value={number(d.requestsDue.overdue.count)} />
        </div>
      )}
      {d && (
        <section className={styles.section} aria-labelledby="follow-up-heading">
          <Title3 as="h2" id="follow-up-heading">
            {t("overview.followUp")}
          </Title3>
          <div className={styles.kpis}>
            <Kpi label={t("overview.actions")} value={number(d.followUp.actions.total)} />
            {ACTION_STATUS_CODES.map((status) => (
              <Kpi key={status} label={t(`actionStatus.${status}`)} value={number(d.followUp.actions.byStatus[status] ?? 0)} />
            ))}
            <Kpi label={t("overview.actionsOverdue")} value={number(d.followUp.overdueActions)} hint={t("overview.actionsOverdueHint")} />
            <Kpi label={t("overview.indicatorsOffTrack")} value={t("overview.offTrackOf", { offTrack: number(d.followUp.indicators.offTrack), total: number(d.followUp.indicators.total) })} hint={t("overview.offTrackHint")} />
          </div>
        </section>
      )}
      {me.can.editLists && <DecisionsInbox limit={8} />}
      <section className={styles.section} aria-labelledby="progress-heading">
        <Title3 as="h2" id="progress-heading">
          {t("overview.progressBy")}
        </Title3>
        <TabList className={styles.tabs} selectedValue={dimension} onTabSelect={(_, data) => setDimension(data.value as Dimension)} aria-label={t("overview.progressBy")}>
          <Tab value="ministry">{t("overview.byMinistry")}</Tab>
          <Tab value="mechanism">{t("overview.byMechanism")}</Tab>
          <Tab value="theme">{t("overview.byTheme")}</Tab>
          <Tab value="sdg">{t("overview.bySdg")}</Tab>
        </TabList>
        <Switch checked={asTable} onChange={(_, data) => setAsTable(data.checked)} label={t("overview.showTable")} />
        <div className={styles.panel}>
          {d && rows.length === 0 && <Text>{t("overview.noData")}</Text>}
          {d && rows.length > 0 && !asTable && (
            <>
              <ul className={styles.legend} aria-label={t("overview.legend")}>
                {STATUS_CODES.map((status) => (
                  <li key={status}>
                    <span className={styles.swatch} style={{ backgroundColor: STATUS_COLORS[status] }} aria-hidden="true" />
                    {t(`status.${status}`)}
                  </li>
                ))}
              </ul>
              <HorizontalBarChart data={chartData} chartDataMode="fraction" culture={i18n.locale} barHeight={14} />
            </>
          )}
          {d && rows.length > 0 && asTable && (
            <Table size="small" aria-label={t("overview.progressBy")}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t(`overview.dimension.${dimension}`)}</TableHeaderCell>
                  <TableHeaderCell>{t("overview.total")}</TableHeaderCell>
                  {STATUS_CODES.map((s) => (
                    <TableHeaderCell key={s}>{t(`status.${s}`)}</TableHeaderCell>
                  ))}
                  <TableHeaderCell>{t("overview.implemented")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.key}>
                    <TableCell>{row.label}</TableCell>
                    <TableCell>{number(row.total)}</TableCell>
                    {STATUS_CODES.map((s) => (
                      <TableCell key={s}>{number(row.byStatus[s])}</TableCell>
                    ))}
                    <TableCell>{percent(row.implementedShare)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </div>
      </section>
      <div className={styles.columns}>
        <section className={styles.section} aria-labelledby="requests-heading">
          <Title3 as="h2" id="requests-heading">
            {t("overview.requestsAttention")}
          </Title3>
          {ministry && <Text className={styles.muted}>{t("overview.requestsOfMinistry", { name: ministry.name })}</Text>}
          {d && <RequestList id="overdue-heading" title={t("overview.overdueRequests")} list={d.requestsDue.overdue} empty={t("overview.noOverdue")} />}
          {d && <RequestList id="due-soon-heading" title={t("overview.dueSoon")} list={d.requestsDue.dueSoon} empty={t("overview.noDueSoon")} />}
          {d && me.can.createRequests && (
            <RequestList id="undeliverable-heading" title={t("overview.undeliverable")} list={d.requestsDue.undeliverable} empty={t("overview.noUndeliverable")} />
          )}
          {!d && !dashboard.error && <Loading />}
        </section>
        <section className={styles.section} aria-labelledby="deadlines-heading">
          <Title3 as="h2" id="deadlines-heading">
            {t("overview.deadlines")}
          </Title3>
          {d && d.reports.length === 0 && <Text>{t("overview.noReports")}</Text>}
          {d && (
            <ul className={styles.list}>
              {[...d.reports]
                .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
                .map((report) => (
                  <li key={report.id}>
                    <Link
                      href={hrefOf(`/reports/${report.id}`)}
                      onClick={(event) => {
                        event.preventDefault();
                        navigate(`/reports/${report.id}`);
                      }}
                    >
                      {report.title}
                    </Link>{" "}
                    <ReportStatusBadge status={report.status} />
                    <div className={styles.muted}>
                      {t("overview.reportDue", { date: i18n.date(report.dueDate, "long") })} · {i18n.plural("overview.requestCount", report.requests.total)}
                      {report.requests.byStatus.answered ? ` · ${t("overview.answered", { count: report.requests.byStatus.answered })}` : ""}
                    </div>
                  </li>
                ))}
            </ul>
          )}
        </section>
      </div>
      <DueCalendar />
    </>
  );
}

function Kpi({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const styles = useStyles();
  return (
    <Card>
      <CardHeader header={<Text className={styles.muted}>{label}</Text>} />
      <Text className={styles.kpiValue}>{value}</Text>
      {hint && <Text className={styles.muted}>{hint}</Text>}
    </Card>
  );
}

function RequestList({ id, title, list, empty }: { id: string; title: string; list: DashboardDto["requestsDue"]["overdue"]; empty: string }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, date, plural } = i18n;
  const more = list.count - list.items.length;
  return (
    <section className={styles.panel} aria-labelledby={id}>
      <Text weight="semibold" as="h3" block id={id}>
        {title} ({i18n.number(list.count)})
      </Text>
      {list.items.length === 0 ? (
        <Text className={styles.muted}>{empty}</Text>
      ) : (
        <ul className={styles.list}>
          {list.items.map((r: DueRequestDto) => (
            <li key={r.id}>
              <Link
                href={hrefOf(`/requests?report=${r.reportId}&request=${r.id}`)}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(`/requests?report=${r.reportId}&request=${r.id}`);
                }}
              >
                {subjectLabel(r, i18n)}
              </Link>{" "}
              · <bdi>{r.ministryName}</bdi> <RequestStatusBadge status={r.status} />
              {r.subjectText && (
                <div className={styles.clip} dir="auto">
                  {r.subjectText}
                </div>
              )}
              {r.undeliverableReason && <div>{t(`undeliverable.${r.undeliverableReason}`)}</div>}
              <div className={styles.muted}>
                {r.daysLeft < 0 ? `${t("overview.requestDue", { date: date(r.dueDate) })} (${plural("overview.daysLate", -r.daysLeft)})` : r.daysLeft === 0 ? t("overview.dueToday") : t("overview.requestDue", { date: date(r.dueDate) })} · {r.reportTitle}
              </div>
            </li>
          ))}
        </ul>
      )}
      {more > 0 && (
        <Link
          href={hrefOf("/requests")}
          onClick={(event) => {
            event.preventDefault();
            navigate("/requests");
          }}
        >
          {plural("overview.moreRequests", more)}
        </Link>
      )}
    </section>
  );
}
