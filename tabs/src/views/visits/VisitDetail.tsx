/**
 * A visit: its request, reply and dates, the standard operating procedure's checklist the
 * secretariat ticks, the programme (who, when, where, the ministries asked to host or brief),
 * the end-of-visit statement and the follow-up of its report's recommendations. The secretariat
 * records the State's reply and the agreed dates here, when the visit's status allows them.
 */
import { Button, Checkbox, Link, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { VisitDto } from "../../../../core/api";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n, type MessageKey } from "../../i18n/i18n";
import { hrefOf, navigate } from "../../shell/router";
import { AgreeDatesDialog } from "./AgreeDatesDialog";
import { VisitReplyDialog } from "./VisitReplyDialog";
import { VisitStatusBadge } from "./VisitsView";
import { useVisitDetail } from "./use-visit-detail";

const useStyles = makeStyles({
  section: { marginBlockEnd: tokens.spacingVerticalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  facts: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  steps: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3, marginInlineStart: tokens.spacingHorizontalXXL },
  wide: { overflowX: "auto" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function stepLabel(step: VisitDto["checklist"][number], t: (key: MessageKey) => string): string {
  return step.title ?? t(`visits.sop.${step.key}` as MessageKey);
}

export default function VisitDetail({ visitId }: { visitId: string }) {
  const styles = useStyles();
  const { t, date, number } = useI18n();
  const { view, canEdit, canReply, canAgreeDates, tick, saving, problem, dismissProblem, ministryName } = useVisitDetail(visitId);
  const [dialog, setDialog] = useState<"reply" | "dates" | undefined>();
  const saved = () => {
    setDialog(undefined);
    view.reload();
  };
  const back = (
    <Link
      href={hrefOf("/visits")}
      onClick={(event) => {
        event.preventDefault();
        navigate("/visits");
      }}
    >
      {t("visits.back")}
    </Link>
  );
  if (view.error !== undefined && !view.data) return <>{back}<ProblemBar error={view.error} onRetry={view.reload} /></>;
  if (!view.data) return <Loading />;
  const { visit, followUp } = view.data;
  const span = (from?: string, to?: string) => (from && to ? t("calendar.span", { from: date(from, "long"), to: date(to, "long") }) : "—");
  const done = visit.checklist.filter((s) => s.doneAt).length;
  return (
    <>
      {back}
      <PageHeader title={visit.mandate} description={visit.holder} />
      <section className={styles.section} aria-labelledby="visit-facts">
        <Title3 as="h2" id="visit-facts">
          {t("visits.facts")}
        </Title3>
        <dl className={styles.facts}>
          <dt>{t("visits.col.status")}</dt>
          <dd>
            <VisitStatusBadge status={visit.status} />
          </dd>
          <dt>{t("visits.requestedOn")}</dt>
          <dd>{date(visit.requestedOn, "long")}</dd>
          <dt>{t("visits.datesRequested")}</dt>
          <dd>{span(visit.requestedFrom, visit.requestedTo)}</dd>
          {visit.proposedFrom && (
            <>
              <dt>{t("visits.datesProposed")}</dt>
              <dd>{span(visit.proposedFrom, visit.proposedTo)}</dd>
            </>
          )}
          <dt>{t("visits.datesAgreed")}</dt>
          <dd>{span(visit.agreedFrom, visit.agreedTo)}</dd>
          <dt>{t("visits.statement")}</dt>
          <dd>{visit.statementOn ? (visit.statementUrl ? <Link href={visit.statementUrl} target="_blank" rel="noreferrer">{date(visit.statementOn, "long")}</Link> : date(visit.statementOn, "long")) : "—"}</dd>
          <dt>{t("visits.reportSymbol")}</dt>
          <dd>{visit.reportSymbol ?? "—"}</dd>
        </dl>
        {(canReply || canAgreeDates) && (
          <div className={styles.actions}>
            {canReply && <Button onClick={() => setDialog("reply")}>{t("visits.reply")}</Button>}
            {canAgreeDates && <Button onClick={() => setDialog("dates")}>{t("visits.agreeDates")}</Button>}
          </div>
        )}
        {dialog === "reply" && <VisitReplyDialog visit={visit} onClose={() => setDialog(undefined)} onSaved={saved} />}
        {dialog === "dates" && <AgreeDatesDialog visit={visit} onClose={() => setDialog(undefined)} onSaved={saved} />}
      </section>

      <section className={styles.section} aria-labelledby="visit-checklist">
        <Title3 as="h2" id="visit-checklist">
          {t("visits.checklist")} ({t("visits.stepsDone", { done: number(done), total: number(visit.checklist.length) })})
        </Title3>
        {problem !== undefined && <ProblemBar error={problem} onRetry={view.reload} onDismiss={dismissProblem} />}
        <ul className={styles.steps}>
          {visit.checklist.map((step) => (
            <li key={step.key}>
              <Checkbox label={stepLabel(step, t)} checked={Boolean(step.doneAt)} disabled={!canEdit || saving !== undefined} onChange={(_, data) => void tick(step.key, data.checked === true)} />
              {step.doneAt && <div className={styles.muted}>{t("visits.stepDoneBy", { name: step.doneByName ?? step.doneBy ?? "", date: date(step.doneAt.slice(0, 10)) })}</div>}
            </li>
          ))}
        </ul>
      </section>

      <section className={styles.section} aria-labelledby="visit-programme">
        <Title3 as="h2" id="visit-programme">
          {t("visits.programme")}
        </Title3>
        {visit.programme.length === 0 ? (
          <Text>{t("visits.noProgramme")}</Text>
        ) : (
          <div className={styles.wide}>
            <Table aria-labelledby="visit-programme">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t("visits.col.date")}</TableHeaderCell>
                  <TableHeaderCell>{t("visits.col.time")}</TableHeaderCell>
                  <TableHeaderCell>{t("visits.col.place")}</TableHeaderCell>
                  <TableHeaderCell>{t("visits.col.with")}</TableHeaderCell>
                  <TableHeaderCell>{t("visits.col.ministries")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {[...visit.programme]
                  .sort((a, b) => a.date.localeCompare(b.date) || (a.startTime ?? "").localeCompare(b.startTime ?? ""))
                  .map((meeting) => (
                    <TableRow key={meeting.key}>
                      <TableCell>{date(meeting.date)}</TableCell>
                      <TableCell>{meeting.startTime ? `${meeting.startTime}${meeting.endTime ? `–${meeting.endTime}` : ""}` : "—"}</TableCell>
                      <TableCell>
                        <bdi>{meeting.place ?? "—"}</bdi>
                      </TableCell>
                      <TableCell>
                        <bdi>{meeting.with}</bdi>
                      </TableCell>
                      <TableCell>{meeting.ministryIds.length ? `${meeting.ministryIds.map(ministryName).join(", ")} (${t(`visits.role.${meeting.role}`)})` : "—"}</TableCell>
                    </TableRow>
                  ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      {visit.reportSymbol && (
        <section className={styles.section} aria-labelledby="visit-follow-up">
          <Title3 as="h2" id="visit-follow-up">
            {t("visits.followUp")}
          </Title3>
          <Text>{t("visits.followUpCounts", { count: number(followUp.recommendations.length), unassigned: number(followUp.unassigned) })}</Text>
        </section>
      )}
    </>
  );
}
