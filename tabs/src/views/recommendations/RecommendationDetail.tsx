/**
 * One recommendation in a side panel: the full text and what it is about, who leads it, the
 * contributions the ministries sent about it, and its status history. The secretariat edits
 * it here; a focal point of the lead ministry reports its implementation status here.
 */
import {
  Button,
  Divider,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  makeStyles,
  OverlayDrawer,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { RecommendationDto } from "../../../../core/api";
import { ImplementationBadge } from "../../components/badges";
import { Loading } from "../../components/Loading";
import { ProblemBar } from "../../components/ProblemBar";
import { ShareLinkButton } from "../../components/ShareLinkButton";
import { useI18n } from "../../i18n/i18n";
import { EditRecommendationForm } from "./EditRecommendationForm";
import { StatusForm } from "./StatusForm";
import { RecommendationContributions } from "./RecommendationContributions";
import { RecommendationFollowUp } from "../followup/RecommendationFollowUp";
import { useRecommendationDetail } from "./use-recommendation-detail";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, paddingBlockEnd: tokens.spacingVerticalXXL },
  text: { whiteSpace: "pre-wrap", lineHeight: tokens.lineHeightBase400, fontSize: tokens.fontSizeBase400 },
  facts: { display: "grid", gridTemplateColumns: "minmax(120px, max-content) 1fr", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  def: { margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  history: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground2, whiteSpace: "pre-wrap" },
});

export interface RecommendationDetailProps {
  id: string;
  /** The record as the grid has it, shown while the fresh one loads. */
  known?: RecommendationDto;
  onClose(): void;
  onChanged(record: RecommendationDto): void;
}

export function RecommendationDetail({ id, known, onClose, onChanged }: RecommendationDetailProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const { me, fresh, mode, setMode, r, ministryName, canReport, saved } = useRecommendationDetail({ id, known, onChanged });

  return (
    <OverlayDrawer open position="end" size="large" onOpenChange={(_, data) => !data.open && onClose()} aria-label={t("detail.label")}>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label={t("action.close")} onClick={onClose}>
              ✕
            </Button>
          }
        >
          {r ? t("detail.title", { paragraph: r.paragraph, symbol: r.documentSymbol }) : t("common.loading")}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        <ProblemBar error={fresh.error} onRetry={fresh.reload} />
        {!r ? (
          <Loading />
        ) : mode === "edit" ? (
          <EditRecommendationForm recommendation={r} onSaved={saved} onCancel={() => setMode("view")} onReload={fresh.reload} />
        ) : mode === "status" ? (
          <StatusForm recommendation={r} onSaved={saved} onCancel={() => setMode("view")} />
        ) : (
          <>
            <div className={styles.actions}>
              <ImplementationBadge status={r.status} />
              {me.can.editLists && <Button onClick={() => setMode("edit")}>{t("action.edit")}</Button>}
              {canReport && (
                <Button appearance="primary" onClick={() => setMode("status")}>
                  {t("detail.reportStatus")}
                </Button>
              )}
              <ShareLinkButton subPageId={`recommendation:${r.id}`} path={`/recommendations/${encodeURIComponent(r.id)}`} label={t("detail.title", { paragraph: r.paragraph, symbol: r.documentSymbol })} />
            </div>
            <Text as="p" className={styles.text}>
              {r.text}
            </Text>
            <dl className={styles.facts}>
              <dt className={styles.term}>{t("grid.mechanism")}</dt>
              <dd className={styles.def}>
                {t(`mechanism.${r.mechanism}`)}
                {r.body ? ` · ${r.body}` : ""}
              </dd>
              {r.cycle !== undefined && (
                <>
                  <dt className={styles.term}>{t("grid.cycle")}</dt>
                  <dd className={styles.def}>{r.session ? t("detail.cycleSession", { cycle: r.cycle, session: r.session }) : String(r.cycle)}</dd>
                </>
              )}
              {r.recommendingStates.length > 0 && (
                <>
                  <dt className={styles.term}>{t("detail.recommendingStates")}</dt>
                  <dd className={styles.def}>{r.recommendingStates.join(", ")}</dd>
                </>
              )}
              {r.position && (
                <>
                  <dt className={styles.term}>{t("grid.position")}</dt>
                  <dd className={styles.def}>
                    {t(`position.${r.position}`)}
                    {r.positionSource ? ` (${r.positionSource})` : ""}
                  </dd>
                </>
              )}
              {r.cluster && (
                <>
                  <dt className={styles.term}>{t("detail.cluster")}</dt>
                  <dd className={styles.def}>{r.cluster}</dd>
                </>
              )}
              {r.themes.length > 0 && (
                <>
                  <dt className={styles.term}>{t("filter.theme")}</dt>
                  <dd className={styles.def}>{r.themes.join(" · ")}</dd>
                </>
              )}
              {r.affectedGroups.length > 0 && (
                <>
                  <dt className={styles.term}>{t("detail.groups")}</dt>
                  <dd className={styles.def}>{r.affectedGroups.join(" · ")}</dd>
                </>
              )}
              {r.sdgGoals.length > 0 && (
                <>
                  <dt className={styles.term}>{t("filter.sdg")}</dt>
                  <dd className={styles.def}>{r.sdgGoals.map((goal) => `${goal} · ${t(`sdg.${goal}` as "sdg.1")}`).join("; ")}</dd>
                </>
              )}
              <dt className={styles.term}>{t("grid.lead")}</dt>
              <dd className={styles.def}>{ministryName(r.leadMinistryId)}</dd>
              {r.supportingMinistryIds.length > 0 && (
                <>
                  <dt className={styles.term}>{t("detail.supporting")}</dt>
                  <dd className={styles.def}>{r.supportingMinistryIds.map(ministryName).join(", ")}</dd>
                </>
              )}
              {r.actionPlanReference && (
                <>
                  <dt className={styles.term}>{t("detail.actionPlan")}</dt>
                  <dd className={styles.def}>{r.actionPlanReference}</dd>
                </>
              )}
              <dt className={styles.term}>{t("detail.shared")}</dt>
              <dd className={styles.def}>{r.sharedWithObservers ? t("common.yes") : t("common.no")}</dd>
            </dl>
            <Divider />
            <Subtitle2 as="h2">{t("followUp.title")}</Subtitle2>
            <RecommendationFollowUp recommendationId={r.id} leadMinistryId={r.leadMinistryId} />
            <Divider />
            <Subtitle2 as="h2">{t("detail.contributions")}</Subtitle2>
            <RecommendationContributions recommendationId={r.id} />
            <Divider />
            <Subtitle2 as="h2">{t("detail.history")}</Subtitle2>
            {r.statusHistory.length === 0 ? (
              <Text>{t("detail.noHistory")}</Text>
            ) : (
              <ol className={styles.history}>
                {[...r.statusHistory].reverse().map((change) => (
                  <li key={change.at + change.status}>
                    <ImplementationBadge status={change.status} /> <Text>{change.byName ? t("detail.changedBy", { name: change.byName, at: dateTime(change.at) }) : dateTime(change.at)}</Text>
                    {change.note && <div className={styles.note}>{change.note}</div>}
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
