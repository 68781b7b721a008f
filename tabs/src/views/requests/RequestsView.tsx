/**
 * Requests for input: per report, what was asked of which ministry, due when, and where each
 * stands (sent, seen, answered, overdue, escalated...). The secretariat creates requests,
 * resends, extends, closes and reopens them; anyone who may read them opens a request to read
 * every version of its answers. A focal point sees their ministry's requests and answers here.
 */
import { Badge, Button, Dropdown, Field, makeStyles, MessageBar, MessageBarBody, Option, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import type { RequestStatus } from "../../../../core/requests/request";
import { RequestStatusBadge } from "../../components/badges";
import { Loading } from "../../components/Loading";
import { ExportMenu } from "../../components/ExportMenu";
import { PageHeader } from "../../components/PageHeader";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { navigate } from "../../shell/router";
import { useSession } from "../../shell/session";
import { REQUEST_STATUS_CODES } from "../../taxonomy";
import { CreateRequestsDialog } from "./CreateRequestsDialog";
import { DecisionsInbox } from "./DecisionsInbox";
import { decisionsWaiting } from "../../../../core/requests/decisions";
import { RequestPanel } from "./RequestPanel";
import { subjectLabel } from "./subject";
import { useRequestsView } from "./use-requests-view";

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-end", marginBlockEnd: tokens.spacingVerticalM },
  dropdown: { minWidth: "min(220px, 100%)" },
  // A narrow window scrolls the table sideways inside its frame, never the page.
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  rowButton: { backgroundColor: "transparent", border: "none", padding: 0, margin: 0, fontFamily: "inherit", fontSize: "inherit", textAlign: "start", cursor: "pointer", color: tokens.colorNeutralForeground1, textDecorationLine: "underline", ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  about: { width: "40%" },
  waiting: { marginInlineStart: tokens.spacingHorizontalXS },
  // What the request is about, at most two lines (the panel has the whole text).
  ask: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, display: "-webkit-box", WebkitLineClamp: 2, WebkitBoxOrient: "vertical", overflow: "hidden" },
});

const ALL = "__all__";

export default function RequestsView() {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, date, plural } = i18n;
  const { api } = useSession();
  const { me, ministries, reportId, openId, reports, report, requests, sorted, status, setStatus, ministryId, setMinistryId, ministryOptions, creating, setCreating, notice, open, close, replace, created } = useRequestsView();

  return (
    <>
      <PageHeader
        title={t("requests.title")}
        description={me.ministries.length ? t("requests.descriptionFocalPoint") : t("requests.description")}
        actions={
          <>
            {(reportId || ministryId) && <ExportMenu name={report ? `${t("requests.title")} ${report.title}` : t("requests.title")} load={(format, lang) => api.call("exportRequests", { query: { reportId, ministryId, status, format, lang } })} />}
            {me.can.createRequests && report && (
              <Button appearance="primary" onClick={() => setCreating(true)} disabled={report.status === "submitted"}>
                {t("requests.new")}
              </Button>
            )}
          </>
        }
      />
      <div className={styles.bar}>
        <Field label={t("requests.report")}>
          <Dropdown
            className={styles.dropdown}
            value={report?.title ?? (reportId ? "" : t("requests.allReports"))}
            selectedOptions={[reportId ?? ALL]}
            onOptionSelect={(_, d) => navigate(d.optionValue === ALL ? "/requests" : `/requests?report=${d.optionValue}`)}
          >
            {me.ministries.length > 0 && <Option value={ALL}>{t("requests.allReports")}</Option>}
            {(reports.data ?? []).map((r) => (
              <Option key={r.id} value={r.id}>
                {r.title}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t("grid.status")}>
          <Dropdown className={styles.dropdown} value={status ? t(`requestStatus.${status}`) : t("filter.any")} selectedOptions={[status ?? ALL]} onOptionSelect={(_, d) => setStatus(d.optionValue === ALL ? undefined : (d.optionValue as RequestStatus))}>
            <Option value={ALL}>{t("filter.any")}</Option>
            {REQUEST_STATUS_CODES.map((code) => (
              <Option key={code} value={code} text={t(`requestStatus.${code}`)}>
                {t(`requestStatus.${code}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t("requests.ministry")}>
          <Dropdown className={styles.dropdown} value={ministryId ? (ministries.get(ministryId)?.name ?? "") : t("filter.any")} selectedOptions={[ministryId ?? ALL]} onOptionSelect={(_, d) => setMinistryId(d.optionValue === ALL ? undefined : d.optionValue)}>
            <Option value={ALL}>{t("filter.any")}</Option>
            {ministryOptions.map((m) => (
              <Option key={m.id} value={m.id}>
                {m.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      {me.can.editLists && <DecisionsInbox reportId={reportId} onChanged={() => requests.reload()} />}
      <ProblemBar error={reports.error ?? requests.error} onRetry={reports.error ? reports.reload : requests.reload} />
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {(reports.data === undefined || requests.loading) && !reports.error && !requests.error && <Loading />}
      {reports.data && reports.data.length === 0 && <Text>{t("requests.noReports")}</Text>}
      {requests.data && sorted.length === 0 && !requests.loading && <Text>{t("requests.empty")}</Text>}
      {sorted.length > 0 && (
        // Focusable: a table wider than a narrow window scrolls sideways with the keyboard too.
        <div className={styles.scroll} tabIndex={0} role="region" aria-label={t("requests.title")}>
        <Table className={styles.table} aria-label={t("requests.title")} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.about}>{t("requests.subject")}</TableHeaderCell>
              <TableHeaderCell>{t("requests.ministry")}</TableHeaderCell>
              <TableHeaderCell>{t("requests.due")}</TableHeaderCell>
              <TableHeaderCell>{t("grid.status")}</TableHeaderCell>
              <TableHeaderCell>{t("requests.answers")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sorted.map((r) => (
              <TableRow key={r.id} aria-selected={openId === r.id}>
                <TableCell>
                  <button type="button" className={styles.rowButton} onClick={() => open(r)}>
                    {subjectLabel(r, i18n)}
                  </button>
                  <span className={styles.ask} title={r.subjectText ?? r.ask} dir="auto">
                    {r.subjectText ?? r.ask}
                  </span>
                </TableCell>
                <TableCell>
                  <bdi>{ministries.get(r.ministryId)?.name ?? r.ministryId}</bdi>
                </TableCell>
                <TableCell>{date(r.dueDate)}</TableCell>
                <TableCell>
                  <RequestStatusBadge status={r.status} />
                  {me.can.editLists &&
                    decisionsWaiting(r).map((kind) => (
                      <Badge key={kind} appearance="tint" color="warning" className={styles.waiting}>
                        {t(`decisions.kind.${kind}`)}
                      </Badge>
                    ))}
                </TableCell>
                <TableCell>{r.latestVersion ? plural("requests.versions", r.latestVersion) : "—"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        </div>
      )}
      {openId && <RequestPanel id={openId} known={requests.data?.find((r) => r.id === openId)} onClose={close} onChanged={replace} />}
      {creating && report && (
        <CreateRequestsDialog
          report={report}
          onClose={() => setCreating(false)}
          onCreated={created}
        />
      )}
    </>
  );
}
