/**
 * Visits and communications of special procedures: the visits (status, dates, how much of the
 * checklist is done) and the communications (reference, reply due, sent), each visit opening its
 * detail with the checklist and the programme. The secretariat records a visit request and a
 * communication here, and the day a communication's reply was sent.
 */
import { Badge, Button, Caption1, Link, MessageBar, MessageBarBody, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3, tokens } from "@fluentui/react-components";
import type { CommunicationDto, ListedCommunicationDto, VisitDto } from "../../../../core/api";
import { useState } from "react";
import type { VisitStatus } from "../../../../core/visits/visit";
import { useResource } from "../../api/use-resource";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { hrefOf, navigate, useRoute } from "../../shell/router";
import { useSession } from "../../shell/session";
import { todayIn } from "../../taxonomy";
import { AskAboutCommunicationDialog } from "./AskAboutCommunicationDialog";
import { RecordCommunicationDialog } from "./RecordCommunicationDialog";
import { RecordVisitDialog } from "./RecordVisitDialog";
import { ReplySentDialog } from "./ReplySentDialog";
import VisitDetail from "./VisitDetail";

const useStyles = makeStyles({
  section: { marginBlockEnd: tokens.spacingVerticalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  wide: { overflowX: "auto" },
  heading: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
  status: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

const STATUS_COLORS: Record<VisitStatus, "informative" | "warning" | "success" | "danger" | "subtle" | "brand"> = {
  requested: "warning",
  "dates-proposed": "informative",
  accepted: "brand",
  declined: "danger",
  scheduled: "brand",
  completed: "success",
  reported: "subtle",
};

export function VisitStatusBadge({ status }: { status: VisitStatus }) {
  const { t } = useI18n();
  return (
    <Badge appearance="tint" color={STATUS_COLORS[status]} shape="rounded">
      {t(`visits.status.${status}`)}
    </Badge>
  );
}

export default function VisitsView() {
  const route = useRoute();
  if (route.id) return <VisitDetail visitId={route.id} />;
  return <VisitsList />;
}

function VisitsList() {
  const styles = useStyles();
  const { t, date, number } = useI18n();
  const { api, config, me } = useSession();
  const canRecord = me.can.editLists;
  const canAsk = me.can.createRequests;
  const [dialog, setDialog] = useState<{ kind: "visit" } | { kind: "communication" } | { kind: "sent"; communication: CommunicationDto } | { kind: "ask"; communication: ListedCommunicationDto } | undefined>();
  const [asked, setAsked] = useState<{ reference: string; created: number; alreadyExisting: number } | undefined>();
  const visits = useResource<{ items: VisitDto[] }>((signal) => api.call("listVisits", { signal }), [api]);
  const communications = useResource<{ items: ListedCommunicationDto[] }>((signal) => api.call("listCommunications", { signal }), [api]);
  const today = todayIn(config.timeZone);
  const datesOf = (visit: VisitDto) => {
    const [key, from, to] = visit.agreedFrom ? (["visits.datesAgreed", visit.agreedFrom, visit.agreedTo] as const) : (["visits.datesRequested", visit.requestedFrom, visit.requestedTo] as const);
    return from && to ? `${t(key)}: ${t("calendar.span", { from: date(from), to: date(to) })}` : "—";
  };
  return (
    <>
      <PageHeader title={t("visits.title")} description={t("visits.description")} />
      <section className={styles.section} aria-labelledby="visits-heading">
        <div className={styles.heading}>
          <Title3 as="h2" id="visits-heading">
            {t("visits.visitsHeading")}
          </Title3>
          {canRecord && (
            <Button appearance="primary" onClick={() => setDialog({ kind: "visit" })}>
              {t("visits.record")}
            </Button>
          )}
        </div>
        {visits.error !== undefined && <ProblemBar error={visits.error} onRetry={visits.reload} />}
        {visits.loading && !visits.data && <Loading />}
        {visits.data && visits.data.items.length === 0 && <Text>{t("visits.noVisits")}</Text>}
        {visits.data && visits.data.items.length > 0 && (
          <div className={styles.wide}>
            <Table aria-labelledby="visits-heading">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t("visits.col.mandate")}</TableHeaderCell>
                  <TableHeaderCell>{t("visits.col.status")}</TableHeaderCell>
                  <TableHeaderCell>{t("visits.col.dates")}</TableHeaderCell>
                  <TableHeaderCell>{t("visits.checklist")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {visits.data.items.map((visit) => (
                  <TableRow key={visit.id}>
                    <TableCell>
                      <Link
                        href={hrefOf(`/visits/${visit.id}`)}
                        onClick={(event) => {
                          event.preventDefault();
                          navigate(`/visits/${visit.id}`);
                        }}
                      >
                        <bdi>{visit.mandate}</bdi>
                      </Link>
                    </TableCell>
                    <TableCell>
                      <VisitStatusBadge status={visit.status} />
                    </TableCell>
                    <TableCell>{datesOf(visit)}</TableCell>
                    <TableCell>{t("visits.stepsDone", { done: number(visit.checklist.filter((s) => s.doneAt).length), total: number(visit.checklist.length) })}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
      <section className={styles.section} aria-labelledby="communications-heading">
        <div className={styles.heading}>
          <Title3 as="h2" id="communications-heading">
            {t("visits.communicationsHeading")}
          </Title3>
          {canRecord && (
            <Button appearance="primary" onClick={() => setDialog({ kind: "communication" })}>
              {t("communications.record")}
            </Button>
          )}
        </div>
        {asked && (
          <MessageBar intent="success">
            <MessageBarBody>
              {t("communications.asked", { count: asked.created, reference: asked.reference })}
              {asked.alreadyExisting > 0 && ` ${t("communications.alreadyAsked", { count: asked.alreadyExisting })}`}
            </MessageBarBody>
          </MessageBar>
        )}
        {communications.error !== undefined && <ProblemBar error={communications.error} onRetry={communications.reload} />}
        {communications.loading && !communications.data && <Loading />}
        {communications.data && communications.data.items.length === 0 && <Text>{t("visits.noCommunications")}</Text>}
        {communications.data && communications.data.items.length > 0 && (
          <div className={styles.wide}>
            <Table aria-labelledby="communications-heading">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t("communications.col.reference")}</TableHeaderCell>
                  <TableHeaderCell>{t("communications.col.kind")}</TableHeaderCell>
                  <TableHeaderCell>{t("communications.col.received")}</TableHeaderCell>
                  <TableHeaderCell>{t("communications.col.replyDue")}</TableHeaderCell>
                  <TableHeaderCell>{t("visits.col.status")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {communications.data.items.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell>
                      <bdi>{c.reference}</bdi>
                    </TableCell>
                    <TableCell>{t(`communications.kind.${c.kind}`)}</TableCell>
                    <TableCell>{date(c.receivedOn)}</TableCell>
                    <TableCell>
                      {date(c.replyDueDate)}
                      {c.status === "received" && c.replyDueDate < today && (
                        <>
                          {" "}
                          <Badge appearance="filled" color="danger">
                            {t("calendar.overdue")}
                          </Badge>
                        </>
                      )}
                    </TableCell>
                    <TableCell>
                      <div className={styles.status}>
                        {c.status === "replied" && c.sentOn ? t("communications.sentOn", { date: date(c.sentOn) }) : t(`communications.status.${c.status}`)}
                        {/* The reply is recorded sent once the chair approved a draft of it. */}
                        {c.status === "received" && c.approvedReply && <Caption1>{t("communications.replyApproved", { version: number(c.approvedReply.version) })}</Caption1>}
                        {c.status === "received" && !c.approvedReply && <Caption1>{t("communications.replyAwaitingApproval")}</Caption1>}
                        {canAsk && c.status === "received" && c.reportId && (
                          <Button size="small" aria-label={t("communications.askOf", { reference: c.reference })} onClick={() => setDialog({ kind: "ask", communication: c })}>
                            {t("communications.ask")}
                          </Button>
                        )}
                        {canRecord && c.status === "received" && c.approvedReply && (
                          <Button size="small" onClick={() => setDialog({ kind: "sent", communication: c })}>
                            {t("communications.replySent")}
                          </Button>
                        )}
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
      {dialog?.kind === "visit" && (
        <RecordVisitDialog
          onClose={() => setDialog(undefined)}
          onRecorded={() => {
            setDialog(undefined);
            visits.reload();
          }}
        />
      )}
      {dialog?.kind === "communication" && (
        <RecordCommunicationDialog
          onClose={() => setDialog(undefined)}
          onRecorded={() => {
            setDialog(undefined);
            communications.reload();
          }}
        />
      )}
      {dialog?.kind === "ask" && (
        <AskAboutCommunicationDialog
          communication={dialog.communication}
          onClose={() => setDialog(undefined)}
          onAsked={(result) => {
            setAsked({ reference: dialog.communication.reference, created: result.created.length, alreadyExisting: result.alreadyExisting });
            setDialog(undefined);
          }}
        />
      )}
      {dialog?.kind === "sent" && (
        <ReplySentDialog
          communication={dialog.communication}
          onClose={() => setDialog(undefined)}
          onSaved={() => {
            setDialog(undefined);
            communications.reload();
          }}
        />
      )}
    </>
  );
}
