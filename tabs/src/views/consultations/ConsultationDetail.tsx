/**
 * A consultation: who was consulted, on what, when and how; then each item it shares for
 * comment (a section of the draft, a recommendation) with its comments and the secretariat's
 * answers. An invited observer comments while it is open; the secretariat answers and says
 * whether a comment was taken up.
 */
import { Button, Field, Link, makeStyles, Text, Textarea, Title3, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ConsultationCommentDto, RecommendationDto } from "../../../../core/api";
import { useAction } from "../../api/use-resource";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { hrefOf, navigate } from "../../shell/router";
import { CommentWindowBadge, useConsultationDates } from "./CommentWindowBadge";
import { ConsultationComment } from "./ConsultationComment";
import { itemKeyOf } from "./consultation-window";
import { useConsultationDetail, type AnswerChanges, type SharedItem } from "./use-consultation-detail";

const useStyles = makeStyles({
  section: { marginBlockEnd: tokens.spacingVerticalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  facts: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  itemTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  comments: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  field: { alignSelf: "stretch" },
});

export default function ConsultationDetail({ consultationId }: { consultationId: string }) {
  const styles = useStyles();
  const { t, date, number } = useI18n();
  const detail = useConsultationDetail(consultationId);
  const datesOf = useConsultationDates();
  const { consultations, consultation, comments } = detail;
  const back = (
    <Link
      href={hrefOf("/consultations")}
      onClick={(event) => {
        event.preventDefault();
        navigate("/consultations");
      }}
    >
      {t("consultations.back")}
    </Link>
  );
  if (consultations.error !== undefined && !consultations.data) return <>{back}<ProblemBar error={consultations.error} onRetry={consultations.reload} /></>;
  if (!consultations.data) return <Loading />;
  if (!consultation) return <>{back}<Text as="p">{t("consultations.notFound")}</Text></>;
  const canComment = detail.invited && detail.commentWindow === "open";
  // A comment is taken only on what the consultation still shares.
  const shared = new Set(consultation.sharedItems.map(itemKeyOf));
  return (
    <>
      {back}
      <PageHeader title={consultation.stakeholder} description={consultation.subject} />
      <section className={styles.section} aria-labelledby="consultation-facts">
        <Title3 as="h2" id="consultation-facts">
          {t("consultations.facts")}
        </Title3>
        <dl className={styles.facts}>
          <dt>{t("consultations.col.kind")}</dt>
          <dd>{t(`consultations.kind.${consultation.kind}`)}</dd>
          <dt>{t("consultations.col.dates")}</dt>
          <dd>{datesOf(consultation, "long")}</dd>
          <dt>{t("consultations.col.format")}</dt>
          <dd>{consultation.format ? t(`consultations.format.${consultation.format}`) : "—"}</dd>
          <dt>{t("consultations.col.participants")}</dt>
          <dd>{consultation.participants !== undefined ? number(consultation.participants) : "—"}</dd>
          <dt>{t("consultations.col.comments")}</dt>
          <dd>
            <CommentWindowBadge consultation={consultation} />
          </dd>
          {consultation.summary && (
            <>
              <dt>{t("consultations.summary")}</dt>
              <dd>
                <bdi>{consultation.summary}</bdi>
              </dd>
            </>
          )}
        </dl>
      </section>

      <section className={styles.section} aria-labelledby="consultation-shared">
        <Title3 as="h2" id="consultation-shared">
          {t("consultations.shared")}
        </Title3>
        {!detail.readsComments && <Text className={styles.muted}>{t("consultations.notInvited")}</Text>}
        {detail.readsComments && !detail.readsEveryComment && <Text className={styles.muted}>{t("consultations.ownComments")}</Text>}
        {detail.invited && !canComment && (
          <Text className={styles.muted}>{t("consultations.commentsTaken", { from: date(consultation.date, "long"), to: date(consultation.endDate ?? consultation.date, "long") })}</Text>
        )}
        {comments.error !== undefined && <ProblemBar error={comments.error} onRetry={comments.reload} />}
        {detail.readsComments && comments.loading && !comments.data && <Loading />}
        {detail.items.length === 0 && <Text>{t("consultations.nothingShared")}</Text>}
        {detail.items.map(({ key, item, comments: itemComments }) => (
          <SharedItemSection
            key={key}
            itemKey={key}
            item={item}
            recommendation={item.kind === "recommendation" ? detail.recommendations.get(item.recommendationId) : undefined}
            showsComments={detail.readsComments && comments.data !== undefined}
            comments={itemComments}
            canComment={canComment && shared.has(key)}
            canAnswer={detail.canAnswer}
            onComment={detail.addComment}
            onAnswer={detail.answer}
            onReload={comments.reload}
          />
        ))}
      </section>
    </>
  );
}

interface SharedItemSectionProps {
  itemKey: string;
  item: SharedItem;
  recommendation: RecommendationDto | undefined;
  showsComments: boolean;
  comments: ConsultationCommentDto[];
  canComment: boolean;
  canAnswer: boolean;
  onComment(item: SharedItem, text: string): Promise<unknown>;
  onAnswer(comment: ConsultationCommentDto, changes: AnswerChanges): Promise<unknown>;
  onReload(): void;
}

function SharedItemSection({ itemKey, item, recommendation, showsComments, comments, canComment, canAnswer, onComment, onAnswer, onReload }: SharedItemSectionProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const headingId = `item-${itemKey.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  const title =
    item.kind === "section" ? item.title : recommendation ? t("consultations.item.recommendation", { key: recommendation.key }) : t("consultations.item.recommendationUnread");
  return (
    <section className={styles.item} aria-labelledby={headingId}>
      <h3 className={styles.itemTitle} id={headingId}>
        <bdi>{title}</bdi>
      </h3>
      {recommendation && (
        <Text>
          <bdi>{recommendation.text}</bdi>
        </Text>
      )}
      {showsComments && comments.length === 0 && <Text className={styles.muted}>{t("consultations.noComments")}</Text>}
      {showsComments && comments.length > 0 && (
        <ul className={styles.comments} aria-label={t("consultations.commentsOn", { title })}>
          {comments.map((comment) => (
            <li key={comment.id}>
              <ConsultationComment comment={comment} canAnswer={canAnswer} onAnswer={onAnswer} onReload={onReload} />
            </li>
          ))}
        </ul>
      )}
      {canComment && <CommentForm item={item} onComment={onComment} />}
    </section>
  );
}

/** An invited observer's comment on one item: the text stays when the server refuses it, with the reason. */
function CommentForm({ item, onComment }: { item: SharedItem; onComment(item: SharedItem, text: string): Promise<unknown> }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [text, setText] = useState("");
  const send = useAction(async () => {
    await onComment(item, text);
    setText("");
  });
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void send.run();
      }}
    >
      <Field className={styles.field} label={t("consultations.yourComment")}>
        <Textarea value={text} onChange={(_, data) => setText(data.value)} resize="vertical" />
      </Field>
      {send.error !== undefined && <ProblemBar error={send.error} onDismiss={send.clear} />}
      <Button type="submit" appearance="primary" disabled={send.busy || text.trim() === ""}>
        {t("consultations.sendComment")}
      </Button>
    </form>
  );
}
