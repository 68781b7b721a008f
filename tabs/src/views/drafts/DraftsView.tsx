/**
 * Drafts: the secretariat compiles the report's Word draft from the latest answers, sees its
 * word count against the mechanism's limit and the requests still unanswered, opens it in Word
 * and sends it for approval; the chair approves it or returns it with a comment here too.
 */
import {
  Button,
  Dropdown,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Subtitle2,
  Text,
  Textarea,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { canReview } from "../../../../core/drafts/draft-review";
import { RequestStatusBadge, ReviewStateBadge } from "../../components/badges";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { issueFor, ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { hrefOf, navigate } from "../../shell/router";
import { useSession } from "../../shell/session";
import { openInWordHref } from "../../word/open-in-word";
import { DraftDownloads } from "./DraftDownloads";
import { TemplatesSection } from "./TemplatesSection";
import { useDraftCard, useDraftsView, useReportDrafts, type DraftCardProps, type ReportDraftsProps } from "./use-drafts-view";

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-end", marginBlockEnd: tokens.spacingVerticalM },
  panel: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalL, borderRadius: tokens.borderRadiusMedium, marginBlockEnd: tokens.spacingVerticalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  words: { maxWidth: "560px" },
});

export default function DraftsView() {
  const styles = useStyles();
  const { t } = useI18n();
  const { me, reportId, reports, report, templates, templateId, setTemplateId, uploaded } = useDraftsView();

  return (
    <>
      <PageHeader title={t("drafts.title")} description={t("drafts.description")} />
      <div className={styles.bar}>
        <Field label={t("requests.report")}>
          <Dropdown value={report?.title ?? ""} selectedOptions={reportId ? [reportId] : []} onOptionSelect={(_, d) => navigate(`/drafts?report=${d.optionValue}`)} placeholder={t("drafts.chooseReport")}>
            {(reports.data ?? []).map((r) => (
              <Option key={r.id} value={r.id}>
                {r.title}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <ProblemBar error={reports.error} onRetry={reports.reload} />
      {!reports.data && !reports.error && <Loading />}
      {reports.data && reports.data.length === 0 && <Text>{t("requests.noReports")}</Text>}
      {report && <ReportDrafts key={report.id} report={report} templates={templates} templateId={templateId} onTemplateChange={setTemplateId} />}
      {me.can.compileDrafts && <TemplatesSection templates={templates} onUploaded={uploaded} />}
    </>
  );
}

function ReportDrafts(props: ReportDraftsProps) {
  const { report, templates, onTemplateChange } = props;
  const styles = useStyles();
  const { t, plural, dateTime } = useI18n();
  const { me, drafts, templateId, gaps, compiled, leftOut, compile, latest } = useReportDrafts(props);
  const { config, personaId } = useSession();

  return (
    <>
      {me.can.compileDrafts && (
        <section className={styles.panel} aria-labelledby="compile-heading">
          <Title3 as="h2" id="compile-heading">
            {t("drafts.compileTitle")}
          </Title3>
          <Text className={styles.muted}>{t("drafts.compileHelp")}</Text>
          <div className={styles.row}>
            {templates.data && templates.data.length > 0 && (
              <Field label={t("drafts.template")}>
                <Dropdown value={templates.data.find((x) => x.id === templateId)?.name ?? t("drafts.noTemplate")} selectedOptions={[templateId ?? ""]} onOptionSelect={(_, d) => onTemplateChange(d.optionValue || undefined)}>
                  <Option value="">{t("drafts.noTemplate")}</Option>
                  {templates.data.map((x) => (
                    <Option key={x.id} value={x.id}>
                      {x.name}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            )}
            <Button appearance="primary" onClick={() => void compile.run()} disabled={compile.busy || report.status === "submitted"}>
              {compile.busy ? t("drafts.compiling") : t("drafts.compile")}
            </Button>
          </div>
          <ProblemBar error={compile.error} />
          {compiled && (
            <MessageBar intent="success">
              <MessageBarBody>{compiled}</MessageBarBody>
            </MessageBar>
          )}
          {leftOut.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {plural("drafts.leftOut", leftOut.length)}{" "}
                <Link href={hrefOf("/data-quality")}>{t("nav.dataQuality")}</Link>
                <ul className={styles.list}>
                  {leftOut.map((row) => (
                    <li key={`${row.kind}:${row.id}`}>
                      {t("dataQuality.rowName", { list: row.list, id: row.id, title: row.title ?? "" })}: {row.problems.join("; ")}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}
      <ProblemBar error={drafts.error} onRetry={drafts.reload} />
      {!drafts.data && !drafts.error && <Loading />}
      {drafts.data && !latest && <Text>{t("reports.noDrafts")}</Text>}
      {latest && <DraftCard key={latest.id + latest.eTag} draft={latest} report={report} gaps={gaps} onChanged={(d) => drafts.set((list) => list?.map((x) => (x.id === d.id ? d : x)))} />}
      {drafts.data && drafts.data.some((d) => d !== latest) && (
        <section className={styles.panel} aria-labelledby="older-heading">
          <Subtitle2 as="h2" id="older-heading">
            {t("drafts.earlier")}
          </Subtitle2>
          <ul className={styles.list}>
            {drafts.data.filter((d) => d !== latest).map((d) => (
              <li key={d.id} className={styles.row}>
                {d.webUrl ? (
                  <Link href={openInWordHref(config.mode, d, personaId)} target="_blank" rel="noreferrer">
                    {t("drafts.version", { version: d.version })}
                  </Link>
                ) : (
                  <Text>{t("drafts.version", { version: d.version })}</Text>
                )}
                <Text className={styles.muted}>
                  {dateTime(d.compiledAt)}
                  {d.wordCount ? ` · ${plural("drafts.words", d.wordCount.counted)}` : ""}
                </Text>
                <ReviewStateBadge state={d.reviewState} />
                <DraftDownloads draft={d} compact />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function DraftCard(props: DraftCardProps) {
  const { draft, report } = props;
  const styles = useStyles();
  const { t, plural, number, dateTime, date, percent } = useI18n();
  const { me, message, setMessage, comment, setComment, send, decide, limit, counted, share, over, reviews, openReview, unanswered, wordHref } = useDraftCard(props);

  return (
    <section className={styles.panel} aria-labelledby="latest-heading">
      <div className={styles.row}>
        <Title3 as="h2" id="latest-heading">
          {t("drafts.version", { version: draft.version })}
        </Title3>
        <ReviewStateBadge state={draft.reviewState} />
      </div>
      <Text className={styles.muted}>{t("drafts.compiledAt", { at: dateTime(draft.compiledAt), file: draft.fileName, fileVersion: draft.fileVersion })}</Text>
      <div className={styles.words}>
        <Field
          label={limit ? t("drafts.wordCount", { counted: number(counted), limit: number(limit), share: percent(share ?? 0) }) : t("drafts.wordCountNoLimit", { counted: number(counted) })}
          validationState={over ? "error" : share !== undefined && share > 0.9 ? "warning" : "none"}
          validationMessage={over ? t("drafts.overLimit", { over: number(counted - (limit ?? 0)) }) : undefined}
          hint={draft.wordCount.excluded ? t("drafts.excluded", { excluded: number(draft.wordCount.excluded) }) : undefined}
        >
          {limit ? <ProgressBar value={Math.min(1, share ?? 0)} max={1} thickness="large" color={over ? "error" : share !== undefined && share > 0.9 ? "warning" : "brand"} /> : <span />}
        </Field>
      </div>
      <Subtitle2 as="h3">{t("drafts.unanswered")}</Subtitle2>
      {draft.unansweredRequestIds.length === 0 ? (
        <Text>{t("drafts.allAnswered")}</Text>
      ) : (
        <>
          <Text>{plural("drafts.unansweredCount", draft.unansweredRequestIds.length)}</Text>
          {unanswered.length > 0 && (
            <ul className={styles.list}>
              {unanswered.map((g) => {
                const to = g.requestIds.length === 1 ? `/requests?report=${report.id}&request=${g.requestIds[0]}` : `/requests?report=${report.id}`;
                return (
                  <li key={g.ministryId} className={styles.row}>
                    <Link href={hrefOf(to)} onClick={(e) => (e.preventDefault(), navigate(to))}>
                      <bdi>{g.ministryName}</bdi>
                    </Link>
                    <Text>{plural("drafts.ministryRequests", g.requestIds.length)}</Text>
                    {g.byStatus.map((s) => (
                      <span key={s.status} className={styles.row}>
                        <RequestStatusBadge status={s.status} />
                        {g.byStatus.length > 1 && <Text>{number(s.count)}</Text>}
                      </span>
                    ))}
                    <Text className={styles.muted}>{t(g.requestIds.length === 1 ? "overview.requestDue" : "drafts.firstDue", { date: date(g.firstDue) })}</Text>
                  </li>
                );
              })}
            </ul>
          )}
          <Link href={hrefOf(`/requests?report=${report.id}`)} onClick={(e) => (e.preventDefault(), navigate(`/requests?report=${report.id}`))}>
            {t("drafts.seeRequests")}
          </Link>
        </>
      )}
      <div className={styles.row}>
        <Button as="a" href={wordHref} target="_blank" rel="noreferrer" appearance="primary">
          {t("drafts.openInWord")}
        </Button>
        <DraftDownloads draft={draft} />
      </div>
      {me.can.sendForApproval && canReview(draft.reviewState, "send-for-approval") && (
        <form
          className={styles.panel}
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
        </form>
      )}
      {me.can.decideDrafts && openReview && draft.reviewState === "in-review" && (
        <form className={styles.panel} onSubmit={(event) => event.preventDefault()} aria-labelledby="decision-heading">
          <Subtitle2 as="h3" id="decision-heading">
            {t("drafts.decisionTitle")}
          </Subtitle2>
          {openReview.message && <Text>{t("drafts.messageFrom", { message: openReview.message })}</Text>}
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
        </form>
      )}
      {reviews.length > 0 && (
        <>
          <Subtitle2 as="h3">{t("drafts.reviews")}</Subtitle2>
          <ul className={styles.list}>
            {reviews.map((r) => (
              <li key={r.id}>
                <Text>
                  {r.decision
                    ? t(r.decision === "approved" ? "drafts.reviewApproved" : "drafts.reviewReturned", { name: r.decidedByName ?? "", at: dateTime(r.decidedAt), version: r.decidedFileVersion ?? "" })
                    : t("drafts.reviewPending", { at: dateTime(r.requestedAt) })}
                </Text>
                {r.comment && <div className={styles.muted}>{r.comment}</div>}
              </li>
            ))}
          </ul>
        </>
      )}
      {draft.reviewState === "approved" && (
        <MessageBar intent="success">
          <MessageBarBody>{t("drafts.approvedNotice")}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
