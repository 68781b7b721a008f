/**
 * Reports: every report with its mechanism, type, due date and status; the secretariat opens a
 * new one (the word limit comes from the mechanism's rules). A report's page holds its
 * workplan (milestones from planning to submission) and where its requests and drafts stand.
 */
import { Button, Link, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ReportDto } from "../../../../core/api";
import { useResource } from "../../api/use-resource";
import { ReportStatusBadge } from "../../components/badges";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { hrefOf, navigate, useRoute } from "../../shell/router";
import { useSession } from "../../shell/session";
import { CreateReportDialog } from "./CreateReportDialog";
import { ReportDetail } from "./ReportDetail";

const useStyles = makeStyles({ table: { backgroundColor: tokens.colorNeutralBackground1 }, muted: { color: tokens.colorNeutralForeground3 } });

export default function ReportsView() {
  const route = useRoute();
  return route.id ? <ReportDetail id={route.id} /> : <ReportList />;
}

function ReportList() {
  const styles = useStyles();
  const { t, date, number } = useI18n();
  const { api, me } = useSession();
  const reports = useResource((signal) => api.call("listReports", { signal }).then((r) => r.items), [api]);
  const [creating, setCreating] = useState(false);
  const open = (report: ReportDto) => navigate(`/reports/${report.id}`);
  return (
    <>
      <PageHeader
        title={t("reports.title")}
        description={t("reports.description")}
        actions={
          me.can.editLists && (
            <Button appearance="primary" onClick={() => setCreating(true)}>
              {t("reports.new")}
            </Button>
          )
        }
      />
      <ProblemBar error={reports.error} onRetry={reports.reload} />
      {!reports.data && !reports.error && <Loading />}
      {reports.data && reports.data.length === 0 && <Text>{t("reports.empty")}</Text>}
      {reports.data && reports.data.length > 0 && (
        <Table className={styles.table} aria-label={t("reports.title")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("reports.report")}</TableHeaderCell>
              <TableHeaderCell>{t("grid.mechanism")}</TableHeaderCell>
              <TableHeaderCell>{t("reports.type")}</TableHeaderCell>
              <TableHeaderCell>{t("reports.dueDate")}</TableHeaderCell>
              <TableHeaderCell>{t("reports.wordLimit")}</TableHeaderCell>
              <TableHeaderCell>{t("grid.status")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {reports.data.map((report) => (
              <TableRow key={report.id}>
                <TableCell>
                  <Link
                    href={hrefOf(`/reports/${report.id}`)}
                    onClick={(event) => {
                      event.preventDefault();
                      open(report);
                    }}
                  >
                    {report.title}
                  </Link>
                </TableCell>
                <TableCell>{t(`mechanism.${report.mechanism}`)}</TableCell>
                <TableCell>{t(`reportType.${report.type}`)}</TableCell>
                <TableCell>{date(report.dueDate)}</TableCell>
                <TableCell>{report.wordLimit ? number(report.wordLimit) : <span className={styles.muted}>{t("reports.noLimit")}</span>}</TableCell>
                <TableCell>
                  <ReportStatusBadge status={report.status} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {creating && (
        <CreateReportDialog
          onClose={() => setCreating(false)}
          onCreated={(report) => {
            setCreating(false);
            reports.set((list) => [...(list ?? []), report]);
            open(report);
          }}
        />
      )}
    </>
  );
}
