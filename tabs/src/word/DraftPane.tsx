/**
 * The Word task pane beside a draft: what the chair needs to decide (the report, mechanism and
 * due date; the draft's version, whether it is the latest and the one sent for approval; the file
 * version open; the word count against the limit; the requests still unanswered; the ministries
 * that contributed; the earlier review rounds) and the decision itself, through the same API
 * routes as the tab and the card. The secretariat sends the draft for approval from here.
 */
import { Body1, Button, Caption1, Field, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Subtitle2, Text, Textarea, Title3, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { WordPaneDraftDto, WordPaneDto } from "../../../core/api/word";
import type { Api } from "../api/client";
import { useAction, useResource } from "../api/use-resource";
import { ReviewStateBadge } from "../components/badges";
import { Loading } from "../components/Loading";
import { issueFor, ProblemBar } from "../components/ProblemBar";
import { useI18n } from "../i18n/i18n";
import type { PaneQuery } from "./draft-query";

const useStyles = makeStyles({
  pane: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground2, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium },
});

export interface DraftPaneProps {
  api: Api;
  query: PaneQuery | undefined;
  /** Where another draft version opens: its webUrl in Word, or (local mode) the local stand-in's page. */
  openHref(draft: { draftId: string; webUrl: string }): string;
}

export function DraftPane({ api, query, openHref }: DraftPaneProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const view = useResource<WordPaneDto>(query ? (signal) => api.call("wordPane", { query, signal }) : undefined, [api, JSON.stringify(query)]);
  // What was just done stays said after the pane reads the draft again (the form below starts afresh).
  const [done, setDone] = useState<string>();
  if (!query) return <NotADraft message={t("word.notADraft.none")} />;
  if (view.error && !view.data) return <ProblemBar error={view.error} onRetry={view.reload} />;
  if (!view.data) return <Loading />;
  if (view.data.kind === "not-a-draft") return <NotADraft message={t(`word.notADraft.${view.data.reason}`)} />;
  return (
    <div className={styles.pane}>
      <Figures view={view.data} openHref={openHref} />
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      <Actions key={view.data.draft.eTag} api={api} view={view.data} reload={view.reload} onDone={setDone} quiet={Boolean(done)} />
      <Reviews view={view.data} />
    </div>
  );
}

function NotADraft({ message }: { message: string }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("word.notADraftTitle")}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}

function Figures({ view, openHref }: { view: WordPaneDraftDto; openHref: DraftPaneProps["openHref"] }) {
  const styles = useStyles();
  const { t, plural, number, percent, date, dateTime } = useI18n();
  const { report, draft, wordCount } = view;
  const limit = wordCount.limit;
  const share = limit ? wordCount.counted / limit : undefined;
  const over = limit !== undefined && wordCount.counted > limit;
  const notCounted = !wordCount.parts.annexes && !wordCount.parts.footnotes ? t("word.notCounted.annexAndFootnotes") : !wordCount.parts.annexes ? t("word.notCounted.annex") : undefined;
  return (
    <>
      <header className={styles.section}>
        <Title3 as="h1">{report.title}</Title3>
        <Text>{t("word.mechanismDue", { mechanism: t(`mechanism.${report.mechanism}`), date: date(report.dueDate, "long") })}</Text>
      </header>
      <section className={styles.section} aria-labelledby="pane-version">
        <div className={styles.row}>
          <Subtitle2 as="h2" id="pane-version">
            {t("drafts.version", { version: draft.version })}
          </Subtitle2>
          <ReviewStateBadge state={draft.reviewState} />
        </div>
        <Text>{t("word.fileVersionOpen", { version: draft.fileVersion })}</Text>
        {view.access === "shared" && <Caption1 className={styles.muted}>{t("word.sharedOnly")}</Caption1>}
        {view.newer && view.newer.draftId !== view.inReview?.draftId && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              {t("word.newer", { version: view.newer.version })}{" "}
              <Link href={openHref(view.newer)} target="_blank" rel="noreferrer">
                {t("word.openVersion", { version: view.newer.version })}
              </Link>
            </MessageBarBody>
          </MessageBar>
        )}
        {view.inReview && view.inReview.draftId !== draft.id && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              {t("word.otherInReview", { version: view.inReview.version })}{" "}
              <Link href={openHref(view.inReview)} target="_blank" rel="noreferrer">
                {t("word.openVersion", { version: view.inReview.version })}
              </Link>
            </MessageBarBody>
          </MessageBar>
        )}
        {view.inReview && view.inReview.draftId === draft.id && <Text>{t("word.thisInReview", { at: dateTime(view.inReview.requestedAt) })}</Text>}
      </section>
      <section className={styles.section}>
        <Field
          label={limit ? t("drafts.wordCount", { counted: number(wordCount.counted), limit: number(limit), share: percent(share ?? 0) }) : t("drafts.wordCountNoLimit", { counted: number(wordCount.counted) })}
          validationState={over ? "error" : share !== undefined && share > 0.9 ? "warning" : "none"}
          validationMessage={over ? t("drafts.overLimit", { over: number(wordCount.counted - (limit ?? 0)) }) : undefined}
          hint={[notCounted, t("word.countedAtCompile", { version: draft.compiledFileVersion })].filter(Boolean).join(" ")}
        >
          {limit ? <ProgressBar value={Math.min(1, share ?? 0)} max={1} thickness="large" color={over ? "error" : share !== undefined && share > 0.9 ? "warning" : "brand"} /> : <span />}
        </Field>
      </section>
      {view.access === "full" && (
        <>
          <section className={styles.section} aria-labelledby="pane-unanswered">
            <Subtitle2 as="h2" id="pane-unanswered">
              {t("word.stillUnanswered")}
            </Subtitle2>
            {view.unansweredAtCompile === 0 ? (
              <Text>{t("drafts.allAnswered")}</Text>
            ) : view.stillUnanswered.length === 0 ? (
              <Text>{plural("word.answeredSince", view.unansweredAtCompile)}</Text>
            ) : (
              <ul className={styles.list}>
                {view.stillUnanswered.map((line) => (
                  <li key={line.ministryId}>
                    <bdi>{line.ministryName}</bdi>: {plural("drafts.ministryRequests", line.count)}
                    {line.firstDue && <span className={styles.muted}> · {t("drafts.firstDue", { date: date(line.firstDue) })}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className={styles.section} aria-labelledby="pane-contributors">
            <Subtitle2 as="h2" id="pane-contributors">
              {t("word.contributors")}
            </Subtitle2>
            {view.contributors.length === 0 ? (
              <Text>{t("word.noContributors")}</Text>
            ) : (
              <ul className={styles.list}>
                {view.contributors.map((line) => (
                  <li key={line.ministryId}>
                    <bdi>{line.ministryName}</bdi>: {plural("word.answers", line.count)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}

function Actions({ api, view, reload, onDone, quiet }: { api: Api; view: WordPaneDraftDto; reload(): void; onDone(message: string): void; quiet: boolean }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [comment, setComment] = useState("");
  const [message, setMessage] = useState("");
  // The file version the pane showed as open: a decision on a file changed since is refused (409).
  const openFileVersion = view.draft.fileVersion;
  const decide = useAction(async (decision: "approved" | "returned") => {
    const result = await api.call("decideDraft", { params: { id: view.inReview!.reviewId }, body: { decision, comment: comment.trim() || undefined, openFileVersion } });
    onDone(t(decision === "approved" ? "word.approvedNotice" : "word.returnedNotice", { version: result.draft.version, fileVersion: result.review.decidedFileVersion ?? openFileVersion }));
    reload();
  });
  const send = useAction(async () => {
    const result = await api.call("sendDraftForApproval", { params: { id: view.draft.id }, body: { eTag: view.draft.eTag, message: message.trim() || undefined } });
    onDone(t("word.sentNotice", { version: result.draft.version }));
    reload();
  });
  const { actions } = view;
  return (
    <>
      {actions.decide && view.inReview && (
        <form className={styles.form} onSubmit={(event) => event.preventDefault()} aria-labelledby="pane-decision">
          <Subtitle2 as="h2" id="pane-decision">
            {t("drafts.decisionTitle")}
          </Subtitle2>
          {view.inReview.message && <Text>{t("drafts.messageFrom", { message: view.inReview.message })}</Text>}
          <Field label={t("drafts.comment")} hint={t("drafts.commentHint")} validationMessage={issueFor(decide.error, "comment")}>
            <Textarea value={comment} onChange={(_, d) => setComment(d.value)} rows={3} resize="vertical" />
          </Field>
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void decide.run("approved")} disabled={decide.busy}>
              {t("drafts.approve")}
            </Button>
            <Button onClick={() => void decide.run("returned")} disabled={decide.busy || !comment.trim()}>
              {t("drafts.return")}
            </Button>
          </div>
          <ProblemBar error={decide.error} />
          {/* A refusal (the file changed since, a decision taken elsewhere) is settled by reading the draft as it is now. */}
          {Boolean(decide.error) && (
            <div>
              <Button onClick={reload}>{t("word.reload")}</Button>
            </div>
          )}
        </form>
      )}
      {actions.sendForApproval && (
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            void send.run();
          }}
        >
          <Field label={t("drafts.messageToChair")} validationMessage={issueFor(send.error, "message")}>
            <Textarea value={message} onChange={(_, d) => setMessage(d.value)} rows={2} resize="vertical" />
          </Field>
          <div>
            <Button type="submit" appearance="primary" disabled={send.busy}>
              {t("drafts.sendForApproval")}
            </Button>
          </div>
          <ProblemBar error={send.error} />
          {Boolean(send.error) && (
            <div>
              <Button onClick={reload}>{t("word.reload")}</Button>
            </div>
          )}
        </form>
      )}
      {actions.readOnlyReason && !quiet && <Body1 className={styles.muted}>{t(`word.readOnly.${actions.readOnlyReason}`)}</Body1>}
    </>
  );
}

function Reviews({ view }: { view: WordPaneDraftDto }) {
  const styles = useStyles();
  const { t, dateTime } = useI18n();
  if (view.access !== "full") return null;
  return (
    <section className={styles.section} aria-labelledby="pane-reviews">
      <Subtitle2 as="h2" id="pane-reviews">
        {t("word.reviews")}
      </Subtitle2>
      {view.reviews.length === 0 ? (
        <Text>{t("word.noReviews")}</Text>
      ) : (
        <ul className={styles.list}>
          {view.reviews.map((round) => (
            <li key={round.id} className={styles.section}>
              <Text weight="semibold">{t("word.roundSent", { version: round.draftVersion, at: dateTime(round.requestedAt) })}</Text>
              {round.message && <Text>{t("drafts.messageFrom", { message: round.message })}</Text>}
              <Text>
                {round.decision === "approved"
                  ? t("drafts.reviewApproved", { name: round.decidedByName ?? "", at: dateTime(round.decidedAt), version: round.decidedFileVersion ?? "" })
                  : round.decision === "returned"
                    ? t("drafts.reviewReturned", { name: round.decidedByName ?? "", at: dateTime(round.decidedAt), version: round.decidedFileVersion ?? "" })
                    : t("drafts.reviewPending", { at: dateTime(round.requestedAt) })}
              </Text>
              {round.comment && <Text>{t("word.roundComment", { comment: round.comment })}</Text>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
