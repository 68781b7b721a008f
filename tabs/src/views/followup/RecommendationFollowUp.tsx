/**
 * A recommendation's follow-up: its actions, each with its indicators (a small chart of their
 * values against baseline and target) and its progress timeline; the secretariat accepts or
 * returns an update waiting for review.
 */
import { Badge, Button, Field, makeStyles, Subtitle2, Text, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ActionViewDto } from "../../../../core/api/followup";
import { useResource } from "../../api/use-resource";
import { Loading } from "../../components/Loading";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { IndicatorChart } from "./IndicatorChart";
import { NewActionForm, NewIndicatorForm } from "./FollowUpForms";

const useStyles = makeStyles({
  list: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  item: { borderInlineStartWidth: tokens.strokeWidthThicker, borderInlineStartStyle: "solid", borderInlineStartColor: tokens.colorBrandStroke1, paddingInlineStart: tokens.spacingHorizontalM, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  text: { whiteSpace: "pre-wrap" },
  timeline: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
});

export function RecommendationFollowUp({ recommendationId, leadMinistryId }: { recommendationId: string; leadMinistryId?: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api, me } = useSession();
  const [adding, setAdding] = useState(false);
  const data = useResource(
    async (signal) => {
      const actions = (await api.call("listActions", { query: { recommendationId, pageSize: 50 }, signal })).items;
      return Promise.all(actions.map((a) => api.call("getAction", { params: { id: a.id }, signal })));
    },
    [api, recommendationId],
  );
  const add = me.can.editLists && (
    <>
      <Button onClick={() => setAdding((open) => !open)} aria-expanded={adding}>
        {t("followUp.addAction")}
      </Button>
      {adding && (
        <NewActionForm
          recommendationId={recommendationId}
          leadMinistryId={leadMinistryId}
          onDone={() => {
            setAdding(false);
            data.reload();
          }}
        />
      )}
    </>
  );
  if (data.error) return <ProblemBar error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  if (data.data.length === 0) {
    return (
      <>
        <Text>{t("followUp.none")}</Text>
        {add}
      </>
    );
  }
  return (
    <>
      <ul className={styles.list}>
        {data.data.map((view) => (
          <ActionItem key={view.action.id} view={view} onChanged={data.reload} />
        ))}
      </ul>
      {add}
    </>
  );
}

/** One action as the follow-up shows it (a recommendation's panel, the Actions view). */
export function ActionItem({ view, onChanged }: { view: ActionViewDto; onChanged(): void }) {
  const styles = useStyles();
  const { t, date, dateTime } = useI18n();
  const { ministries } = useSession();
  const { action } = view;
  const [addingIndicator, setAddingIndicator] = useState(false);
  return (
    <li className={styles.item} aria-label={action.title}>
      <div>
        <Text weight="semibold">{action.title}</Text> <Badge appearance="tint" shape="rounded">{t(`actionStatus.${action.status}`)}</Badge>{" "}
        {action.overdue && (
          <Badge appearance="filled" color="danger" shape="rounded">
            {t("followUp.overdue")}
          </Badge>
        )}
      </div>
      <div className={styles.meta}>
        {t("followUp.lead", { name: ministries.get(action.leadMinistryId)?.name ?? action.leadMinistryId })} · {date(action.startDate)} – {date(action.endDate)}
      </div>
      <div className={styles.text}>{action.expectedOutput}</div>
      {view.indicators.length > 0 && <Subtitle2 as="h3">{t("followUp.indicators")}</Subtitle2>}
      {view.indicators.map((indicator) => (
        <div key={indicator.indicator.id}>
          <Text>{indicator.indicator.definition}</Text> <Badge appearance="outline" color={indicator.track === "off-track" ? "danger" : indicator.track === "achieved" ? "success" : "informative"} shape="rounded">{t(`followUp.track.${indicator.track}`)}</Badge>
          <IndicatorChart view={indicator} />
        </div>
      ))}
      {view.mayReview && (
        <>
          <Button size="small" onClick={() => setAddingIndicator((open) => !open)} aria-expanded={addingIndicator}>
            {t("followUp.addIndicator")}
          </Button>
          {addingIndicator && (
            <NewIndicatorForm
              actionId={action.id}
              onDone={() => {
                setAddingIndicator(false);
                onChanged();
              }}
            />
          )}
        </>
      )}
      <Subtitle2 as="h3">{t("followUp.timeline")}</Subtitle2>
      {view.timeline.length === 0 ? (
        <Text>{t("followUp.noProgress")}</Text>
      ) : (
        <ol className={styles.timeline} aria-label={t("followUp.timeline")}>
          {view.timeline.map((update) => (
            <li key={update.id}>
              <div className={styles.meta}>
                {update.authorName ? t("followUp.version", { version: update.version, name: update.authorName, at: dateTime(update.reportedAt) }) : t("followUp.versionShared", { version: update.version, at: dateTime(update.reportedAt) })} · {t(`actionStatus.${update.reportedStatus}`)} ·{" "}
                {t(`followUp.review.${update.review}`)}
              </div>
              <div className={styles.text}>{update.text}</div>
              {update.reviewComment && <div className={styles.meta}>{t("followUp.reviewComment", { comment: update.reviewComment })}</div>}
              {view.mayReview && update.review === "submitted" && <ReviewControls updateId={update.id} onDone={onChanged} />}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

function ReviewControls({ updateId, onDone }: { updateId: string; onDone(): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const decide = async (decision: "accepted" | "returned") => {
    setBusy(true);
    setError(undefined);
    try {
      await api.call("reviewProgress", { params: { id: updateId }, body: decision === "accepted" ? { decision } : { decision, comment } });
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ProblemBar error={error} />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void decide("accepted")}>
          {t("followUp.accept")}
        </Button>
        <Field label={t("followUp.returnComment")}>
          <Textarea value={comment} onChange={(_, d) => setComment(d.value)} resize="vertical" />
        </Field>
        <Button disabled={busy || comment.trim().length === 0} onClick={() => void decide("returned")}>
          {t("followUp.return")}
        </Button>
      </div>
    </>
  );
}
