/**
 * The secretariat's follow-up rounds: the rounds started (title, mechanism or report, due date,
 * who started it and when), starting one, and the mechanisms' schedules that start them by
 * themselves.
 */
import { Button, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useResource } from "../../api/use-resource";
import { Loading } from "../../components/Loading";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { FollowUpSchedules } from "./FollowUpSchedules";
import { StartRoundDialog } from "./StartRoundDialog";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground3 },
  wide: { overflowX: "auto" },
});

export function FollowUpRounds() {
  const styles = useStyles();
  const { t, date, dateTime } = useI18n();
  const { api } = useSession();
  const rounds = useResource((signal) => api.call("listFollowUpRounds", { signal }).then((r) => r.items), [api]);
  const reports = useResource((signal) => api.call("listReports", { signal }).then((r) => r.items), [api]);
  const [starting, setStarting] = useState(false);
  const reportTitle = (id: string) => reports.data?.find((r) => r.id === id)?.title ?? id;
  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="rounds-heading">
        <div className={styles.heading}>
          <Title3 as="h2" id="rounds-heading">
            {t("rounds.heading")}
          </Title3>
          <Button appearance="primary" onClick={() => setStarting(true)}>
            {t("rounds.start")}
          </Button>
        </div>
        <Text className={styles.muted}>{t("rounds.intro")}</Text>
        <ProblemBar error={rounds.error} onRetry={rounds.reload} />
        {rounds.loading && !rounds.data && <Loading />}
        {rounds.data && rounds.data.length === 0 && <Text>{t("rounds.none")}</Text>}
        {rounds.data && rounds.data.length > 0 && (
          <div className={styles.wide}>
            <Table aria-labelledby="rounds-heading">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t("rounds.title")}</TableHeaderCell>
                  <TableHeaderCell>{t("grid.mechanism")}</TableHeaderCell>
                  <TableHeaderCell>{t("rounds.report")}</TableHeaderCell>
                  <TableHeaderCell>{t("rounds.due")}</TableHeaderCell>
                  <TableHeaderCell>{t("rounds.colStartedBy")}</TableHeaderCell>
                  <TableHeaderCell>{t("rounds.colStartedAt")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rounds.data.map((round) => (
                  <TableRow key={round.id}>
                    <TableCell>
                      <bdi>{round.title}</bdi>
                    </TableCell>
                    <TableCell>{t(`mechanism.${round.mechanism}`)}</TableCell>
                    <TableCell>{round.reportId ? <bdi>{reportTitle(round.reportId)}</bdi> : "—"}</TableCell>
                    <TableCell>{date(round.dueDate)}</TableCell>
                    <TableCell>{round.startedByName}</TableCell>
                    <TableCell>{dateTime(round.startedAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
      <FollowUpSchedules />
      {starting && <StartRoundDialog reports={reports.data ?? []} onClose={() => setStarting(false)} onStarted={rounds.reload} />}
    </div>
  );
}
