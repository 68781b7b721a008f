/**
 * One request in a side panel: what was asked (and the recommendation or question it is
 * about), when it was sent, seen and answered, every version of the answer, and what the
 * person may do: the secretariat resends, extends, closes or reopens; a focal point answers.
 */
import { Button, Divider, DrawerBody, DrawerHeader, DrawerHeaderTitle, Field, Input, makeStyles, OverlayDrawer, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { can } from "../../../../core/auth/policy";
import type { RequestDto } from "../../../../core/api";
import { canApply, isUnanswered } from "../../../../core/requests/request-lifecycle";
import { useAction, useResource } from "../../api/use-resource";
import { ImplementationBadge, RequestStatusBadge } from "../../components/badges";
import { Loading } from "../../components/Loading";
import { issueFor, ProblemBar } from "../../components/ProblemBar";
import { ShareLinkButton } from "../../components/ShareLinkButton";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { addDays } from "../../taxonomy";
import { AnswerForm } from "./AnswerForm";
import { subjectLabel } from "./subject";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, paddingBlockEnd: tokens.spacingVerticalXXL },
  facts: { display: "grid", gridTemplateColumns: "minmax(120px, max-content) 1fr", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  def: { margin: 0 },
  quote: { whiteSpace: "pre-wrap", borderInlineStartWidth: tokens.strokeWidthThicker, borderInlineStartStyle: "solid", borderInlineStartColor: tokens.colorNeutralStroke1, paddingInlineStart: tokens.spacingHorizontalM, margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  versions: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  text: { whiteSpace: "pre-wrap" },
});

export function RequestPanel({ id, known, onClose, onChanged }: { id: string; known?: RequestDto; onClose(): void; onChanged(request: RequestDto): void }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, date, dateTime } = i18n;
  const { api, me, actor, ministries } = useSession();
  const request = useResource((signal) => api.call("getRequest", { params: { id }, signal }), [api, id]);
  const r = request.data ?? known;
  // Answers are read by whoever reads the request in full (not at the level shared with observers).
  const readsAnswers = me.can.readAnswers && r !== undefined && r.access !== "shared";
  const contributions = useResource(
    readsAnswers ? (signal) => api.call("listContributions", { params: { id }, signal }).then((c) => c.items) : undefined,
    [api, id, r?.latestVersion, readsAnswers],
  );
  const recommendation = useResource(
    r?.subject.kind === "recommendation" ? (signal) => api.call("getRecommendation", { params: { id: r.recommendationId ?? "" }, signal }) : undefined,
    [api, r?.recommendationId],
  );
  const report = useResource(r ? (signal) => api.call("getReport", { params: { id: r.reportId }, signal }) : undefined, [api, r?.reportId]);
  const [until, setUntil] = useState("");
  const [answering, setAnswering] = useState(false);

  const changed = (updated: RequestDto) => {
    request.set(() => updated);
    onChanged(updated);
  };
  const act = useAction(async (action: "resendRequest" | "closeRequest" | "reopenRequest") => {
    if (!r) return;
    changed(await api.call(action, { params: { id: r.id }, body: { eTag: r.eTag } }));
  });
  const extend = useAction(async () => {
    if (!r) return;
    changed(await api.call("extendRequest", { params: { id: r.id }, body: { eTag: r.eTag, until } }));
    setUntil("");
  });

  const question = r?.subject.kind === "question" ? report.data?.questions.find((q) => q.number === (r.subject as { number: string }).number) : undefined;
  const mayAnswer = Boolean(r && can(actor, { kind: "answer-request", ministryId: r.ministryId }) && r.status !== "closed");

  return (
    <OverlayDrawer open position="end" size="large" onOpenChange={(_, d) => !d.open && onClose()} aria-label={t("requestPanel.label")}>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label={t("action.close")} onClick={onClose}>
              ✕
            </Button>
          }
        >
          {r ? `${subjectLabel(r, i18n)} · ${ministries.get(r.ministryId)?.name ?? r.ministryId}` : t("common.loading")}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        <ProblemBar error={request.error} onRetry={request.reload} />
        {!r ? (
          <Loading />
        ) : (
          <>
            <div className={styles.actions}>
              <RequestStatusBadge status={r.status} />
              <ShareLinkButton subPageId={`request:${r.id}`} path={`/requests?report=${r.reportId}&request=${r.id}`} label={subjectLabel(r, i18n)} />
            </div>
            <dl className={styles.facts}>
              <dt className={styles.term}>{t("requests.report")}</dt>
              <dd className={styles.def}>{report.data?.title ?? "…"}</dd>
              <dt className={styles.term}>{t("requests.due")}</dt>
              <dd className={styles.def}>{date(r.dueDate, "long")}</dd>
              {r.sentAt ? (
                <>
                  <dt className={styles.term}>{t("requestPanel.sent")}</dt>
                  <dd className={styles.def}>{dateTime(r.sentAt)}</dd>
                </>
              ) : (
                <>
                  <dt className={styles.term}>{t("requestPanel.delivery")}</dt>
                  <dd className={styles.def}>{r.undeliverableReason ? t(`undeliverable.${r.undeliverableReason}`) : t("requestPanel.queued")}</dd>
                </>
              )}
              {r.seenAt && (
                <>
                  <dt className={styles.term}>{t("requestPanel.seen")}</dt>
                  <dd className={styles.def}>{dateTime(r.seenAt)}</dd>
                </>
              )}
              {r.answeredAt && (
                <>
                  <dt className={styles.term}>{t("requestPanel.answered")}</dt>
                  <dd className={styles.def}>{dateTime(r.answeredAt)}</dd>
                </>
              )}
              <dt className={styles.term}>{t("requestPanel.role")}</dt>
              <dd className={styles.def}>{t(r.ministryRole === "lead" ? "requestPanel.lead" : "requestPanel.supporting")}</dd>
              {r.moreTimeRequestedUntil && (
                <>
                  <dt className={styles.term}>{t("requestPanel.moreTime")}</dt>
                  <dd className={styles.def}>
                    {date(r.moreTimeRequestedUntil)} — {r.moreTimeReason}
                  </dd>
                </>
              )}
              {r.declinedReason && (
                <>
                  <dt className={styles.term}>{t("requestPanel.declined")}</dt>
                  <dd className={styles.def} dir="auto">{r.declinedReason}</dd>
                </>
              )}
              {r.reassignedToMinistryId && (
                <>
                  <dt className={styles.term}>{t("requestPanel.movedTo")}</dt>
                  <dd className={styles.def}>
                    <bdi>{ministries.get(r.reassignedToMinistryId)?.name ?? r.reassignedToMinistryId}</bdi>
                  </dd>
                </>
              )}
              {r.revisionComment && r.revisionRequestedAt && (
                <>
                  <dt className={styles.term}>{t("requestPanel.returned", { at: dateTime(r.revisionRequestedAt) })}</dt>
                  <dd className={styles.def} dir="auto">{r.revisionComment}</dd>
                </>
              )}
              {r.acceptedVersion && r.acceptedAt && (
                <>
                  <dt className={styles.term}>{t("requestPanel.accepted")}</dt>
                  <dd className={styles.def}>{t("requestPanel.acceptedValue", { version: r.acceptedVersion, at: dateTime(r.acceptedAt) })}</dd>
                </>
              )}
            </dl>
            <Subtitle2 as="h2">{t("requestPanel.ask")}</Subtitle2>
            <p className={styles.quote}>{r.ask}</p>
            {recommendation.data && (
              <>
                <Text weight="semibold">{t("detail.title", { paragraph: recommendation.data.paragraph, symbol: recommendation.data.documentSymbol })}</Text>
                <p className={styles.quote}>{recommendation.data.text}</p>
              </>
            )}
            {!recommendation.data && r.subject.kind === "recommendation" && r.subjectText && (
              <>
                <Text weight="semibold">{subjectLabel(r, i18n)}</Text>
                <p className={styles.quote}>{r.subjectText}</p>
              </>
            )}
            {question && <p className={styles.quote}>{`${question.number}. ${question.text}`}</p>}
            {me.can.createRequests && (
              <div className={styles.actions}>
                {isUnanswered(r.status) && (
                  <Button onClick={() => void act.run("resendRequest")} disabled={act.busy}>
                    {t("requestPanel.resend")}
                  </Button>
                )}
                {canApply(r.status, "close") && (
                  <Button onClick={() => void act.run("closeRequest")} disabled={act.busy}>
                    {t("requestPanel.close")}
                  </Button>
                )}
                {canApply(r.status, "reopen") && (
                  <Button onClick={() => void act.run("reopenRequest")} disabled={act.busy}>
                    {t("requestPanel.reopen")}
                  </Button>
                )}
                {canApply(r.status, "extend") && (
                  <form
                    className={styles.actions}
                    onSubmit={(event) => {
                      event.preventDefault();
                      void extend.run();
                    }}
                  >
                    <Field label={t("requestPanel.newDueDate")} validationMessage={issueFor(extend.error, "until")}>
                      <Input type="date" value={until} min={addDays(r.dueDate, 1)} onChange={(_, d) => setUntil(d.value)} />
                    </Field>
                    <Button type="submit" disabled={!until || extend.busy}>
                      {t("requestPanel.extend")}
                    </Button>
                  </form>
                )}
              </div>
            )}
            <ProblemBar error={act.error ?? extend.error} onRetry={request.reload} />
            {mayAnswer && !answering && (
              <Button appearance="primary" onClick={() => setAnswering(true)}>
                {r.latestVersion ? t("answer.revise") : t("answer.answer")}
              </Button>
            )}
            {mayAnswer && answering && (
              <AnswerForm
                request={r}
                recommendationStatus={recommendation.data?.status}
                onCancel={() => setAnswering(false)}
                onSaved={(updated) => {
                  setAnswering(false);
                  changed(updated);
                  contributions.reload();
                }}
              />
            )}
            {readsAnswers && <Divider />}
            {readsAnswers && <Subtitle2 as="h2">{t("requestPanel.answers")}</Subtitle2>}
            <ProblemBar error={contributions.error} onRetry={contributions.reload} />
            {contributions.data && contributions.data.length === 0 && <Text>{t("requestPanel.noAnswer")}</Text>}
            {contributions.data && contributions.data.length > 0 && (
              <ol className={styles.versions} aria-label={t("requestPanel.answers")}>
                {contributions.data.map((c) => (
                  <li key={c.id}>
                    <div className={styles.meta}>
                      {t("contribution.version", { version: c.version, name: c.authorName, at: dateTime(c.answeredAt) })} · {t(`contribution.via.${c.via}`)} {c.reportedStatus && <ImplementationBadge status={c.reportedStatus} />}
                    </div>
                    <div className={styles.text}>{c.text}</div>
                    {c.attachments.length > 0 && (
                      <ul>
                        {c.attachments.map((a) => (
                          <li key={a.fileId}>
                            <a href={a.webUrl} target="_blank" rel="noreferrer">
                              {a.name}
                            </a>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
