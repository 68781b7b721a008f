/**
 * One observer's comment: who wrote it and when, the text, the secretariat's answer and whether
 * it was taken up; for the secretariat, the form to answer it. A refused save (a stale page)
 * is told and what was typed stays.
 */
import { Badge, Button, Checkbox, Field, makeStyles, Text, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ConsultationCommentDto } from "../../../../core/api";
import { useAction } from "../../api/use-resource";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import type { AnswerChanges } from "./use-consultation-detail";

const useStyles = makeStyles({
  comment: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBlockEndWidth: tokens.strokeWidthThin,
    borderBlockEndStyle: "solid",
    borderBlockEndColor: tokens.colorNeutralStroke2,
  },
  byline: { color: tokens.colorNeutralForeground3 },
  text: { whiteSpace: "pre-wrap", margin: 0 },
  answer: { borderInlineStartWidth: tokens.strokeWidthThicker, borderInlineStartStyle: "solid", borderInlineStartColor: tokens.colorBrandStroke1, paddingInlineStart: tokens.spacingHorizontalM, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  field: { alignSelf: "stretch" },
});

interface AnswerProps {
  comment: ConsultationCommentDto;
  onAnswer(comment: ConsultationCommentDto, changes: AnswerChanges): Promise<unknown>;
  /** Reads the comments again (after a stale save: the typed answer stays, to save again). */
  onReload(): void;
}

export function ConsultationComment({ canAnswer, ...props }: AnswerProps & { canAnswer: boolean }) {
  const { comment } = props;
  const styles = useStyles();
  const { t, dateTime } = useI18n();
  return (
    <article className={styles.comment} aria-label={t("consultations.commentBy", { name: comment.authorName, date: dateTime(comment.at) })}>
      <Text className={styles.byline}>{t("consultations.commentBy", { name: comment.authorName, date: dateTime(comment.at) })}</Text>
      <p className={styles.text}>
        <bdi>{comment.text}</bdi>
      </p>
      <div>
        <Badge appearance="tint" shape="rounded" color={comment.takenUp ? "success" : "subtle"}>
          {comment.takenUp ? t("consultations.takenUp") : t("consultations.notTakenUp")}
        </Badge>
      </div>
      {comment.answer && (
        <div className={styles.answer}>
          <Text weight="semibold">{t("consultations.answer")}</Text>
          <p className={styles.text}>
            <bdi>{comment.answer}</bdi>
          </p>
          {comment.answeredAt && <Text className={styles.byline}>{t("consultations.answeredOn", { date: dateTime(comment.answeredAt) })}</Text>}
        </div>
      )}
      {canAnswer && <AnswerForm {...props} />}
    </article>
  );
}

function AnswerForm({ comment, onAnswer, onReload }: AnswerProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [answer, setAnswer] = useState(comment.answer ?? "");
  const [takenUp, setTakenUp] = useState(comment.takenUp);
  const save = useAction(() => onAnswer(comment, { ...(answer.trim() ? { answer } : {}), takenUp }));
  const unchanged = answer.trim() === (comment.answer ?? "").trim() && takenUp === comment.takenUp;
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void save.run();
      }}
    >
      <Field className={styles.field} label={t("consultations.answerLabel")}>
        <Textarea value={answer} onChange={(_, data) => setAnswer(data.value)} resize="vertical" />
      </Field>
      <Checkbox label={t("consultations.markTakenUp")} checked={takenUp} onChange={(_, data) => setTakenUp(data.checked === true)} />
      {save.error !== undefined && (
        <ProblemBar
          error={save.error}
          onRetry={() => {
            save.clear();
            onReload();
          }}
          onDismiss={save.clear}
        />
      )}
      <Button type="submit" appearance="primary" disabled={save.busy || unchanged}>
        {t("consultations.saveAnswer")}
      </Button>
    </form>
  );
}
