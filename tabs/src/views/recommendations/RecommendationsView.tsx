/**
 * Recommendations: the whole list in a virtualized grid with search, filters and sorting;
 * the secretariat assigns lead ministries to many at once and edits one; a focal point sees
 * their ministry's and reports implementation status; the detail panel holds the full text,
 * the contributions and the status history.
 */
import { Button, makeStyles, MessageBar, MessageBarBody, ProgressBar, Text, tokens } from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import type { RecommendationDto } from "../../../../core/api";
import { ministryShortName } from "../../components/MinistriesPicker";
import { PageHeader } from "../../components/PageHeader";
import { ExportMenu } from "../../components/ExportMenu";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { navigate, useRoute } from "../../shell/router";
import { useSession } from "../../shell/session";
import { BulkAssignDialog } from "./BulkAssignDialog";
import { ThemesDialog } from "./ThemesDialog";
import { AskSelectionDialog } from "./AskSelectionDialog";
import { facetsOf, filterRecommendations, NO_FILTERS, sortRecommendations, type RecommendationFilters, type Sort, type SortKey } from "./filter";
import { RecommendationDetail } from "./RecommendationDetail";
import { RecommendationFiltersBar } from "./RecommendationFiltersBar";
import { RecommendationGrid } from "./RecommendationGrid";
import { useRecommendationList } from "./use-recommendation-list";

const useStyles = makeStyles({
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalM, marginBlockEnd: tokens.spacingVerticalS },
  count: { color: tokens.colorNeutralForeground2 },
  progress: { marginBlockEnd: tokens.spacingVerticalS },
});

export default function RecommendationsView() {
  const styles = useStyles();
  const { t, plural } = useI18n();
  const session = useSession();
  const { api, me, ministries } = session;
  const route = useRoute();
  const list = useRecommendationList(api, session.personaId);
  const ownMinistries = useMemo(() => me.ministries.map((m) => m.id), [me.ministries]);
  const [filters, setFilters] = useState<RecommendationFilters>(() => ({ ...NO_FILTERS, ministryIds: ownMinistries.length ? ownMinistries : undefined }));
  const [sort, setSort] = useState<Sort>({ key: "symbol", direction: "ascending" });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkOpen, setBulkOpen] = useState(false);
  const [themesOpen, setThemesOpen] = useState(false);
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<string>();

  const ministryShort = useCallback((id: string | undefined) => (id ? ministryShortName(ministries, id) : ""), [ministries]);
  const ministryOptions = useMemo(() => [...ministries.values()].filter((m) => m.active).map((m) => ({ id: m.id, name: m.name })).sort((a, b) => a.name.localeCompare(b.name)), [ministries]);
  const facets = useMemo(() => facetsOf(list.items), [list.items]);
  const rows = useMemo(() => sortRecommendations(filterRecommendations(list.items, filters), sort, ministryShort), [list.items, filters, sort, ministryShort]);

  const onSort = useCallback((key: SortKey) => setSort((s) => ({ key, direction: s.key === key && s.direction === "ascending" ? "descending" : "ascending" })), []);
  const onOpen = useCallback((r: RecommendationDto) => navigate(`/recommendations/${encodeURIComponent(r.id)}`), []);
  const selection = me.can.editLists
    ? {
        selected,
        toggle: (id: string) =>
          setSelected((s) => {
            const next = new Set(s);
            if (next.has(id)) next.delete(id);
            else next.add(id);
            return next;
          }),
        toggleAll: () => setSelected((s) => (rows.length > 0 && rows.every((r) => s.has(r.id)) ? new Set() : new Set(rows.map((r) => r.id)))),
      }
    : undefined;
  const selectedRecords = useMemo(() => list.items.filter((r) => selected.has(r.id)), [list.items, selected]);
  // What "ask about these" means: the rows ticked, or with none ticked every row the filters show.
  const toAsk = selected.size ? selectedRecords : rows;
  // The grid's filters, as the exports take them.
  const exportFilters = {
    q: filters.q.trim() || undefined,
    mechanism: filters.mechanism,
    cycle: filters.cycle,
    session: filters.session,
    theme: filters.theme,
    sdg: filters.sdg,
    position: filters.position,
    leadMinistryId: filters.leadMinistryId,
    status: filters.status,
    ministryId: filters.ministryIds?.length === 1 ? filters.ministryIds[0] : undefined,
  };

  return (
    <>
      <PageHeader
        title={t("recommendations.title")}
        description={me.ministries.length ? t("recommendations.descriptionFocalPoint") : t("recommendations.description")}
        actions={
          <>
            <ExportMenu
              name={t("recommendations.title")}
              load={(format, lang) => api.call("exportRecommendations", { query: { format, lang, ...exportFilters } })}
              others={
                // The matrix is the UPR's: offered unless the grid shows another mechanism.
                filters.mechanism === undefined || filters.mechanism === "UPR"
                  ? [
                      {
                        name: filters.cycle !== undefined ? t("matrix.sheetCycle", { cycle: filters.cycle }) : t("matrix.sheet"),
                        labels: { xlsx: t("matrix.xlsx"), csv: t("matrix.csv") },
                        load: (format, lang) => {
                          const { mechanism: _mechanism, ...matrixFilters } = exportFilters;
                          return api.call("exportUprMatrix", { query: { format, lang, ...matrixFilters } });
                        },
                      },
                    ]
                  : []
              }
            />
            {me.can.editLists && <Button onClick={() => setThemesOpen(true)}>{t("themes.button")}</Button>}
            {me.can.createRequests && (
              <Button disabled={toAsk.length === 0 || !list.complete} onClick={() => setAsking(true)}>
                {plural("ask.button", toAsk.length)}
              </Button>
            )}
            {selection && (
              <Button appearance="primary" disabled={selected.size === 0} onClick={() => setBulkOpen(true)}>
                {selected.size ? plural("recommendations.assignSelected", selected.size) : t("recommendations.assign")}
              </Button>
            )}
          </>
        }
      />
      <RecommendationFiltersBar
        filters={filters}
        onChange={setFilters}
        cycles={facets.cycles}
        sessions={facets.sessions}
        themes={facets.themes}
        ministries={ministryOptions}
        mine={ownMinistries.length ? { on: Boolean(filters.ministryIds?.length), toggle: (on) => setFilters((f) => ({ ...f, ministryIds: on ? ownMinistries : undefined })) } : undefined}
      />
      <ProblemBar error={list.error} onRetry={list.reload} />
      {notice && (
        <MessageBar intent={selected.size ? "warning" : "success"}>
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.toolbar}>
        <Text className={styles.count} role="status" aria-live="polite" data-testid="grid-count">
          {list.complete ? t("recommendations.showing", { shown: rows.length, total: list.total }) : t("recommendations.loadingCount", { loaded: list.items.length, total: list.total })}
        </Text>
      </div>
      {!list.complete && !list.error && <ProgressBar className={styles.progress} value={list.total ? list.items.length / list.total : undefined} aria-label={t("recommendations.loadingLabel")} />}
      {/* data-query: the search the rows below were rendered for (the benchmark times keystroke → rows with it). */}
      <div data-query={filters.q}>
        <RecommendationGrid rows={rows} sort={sort} onSort={onSort} onOpen={onOpen} ministryName={ministryShort} selection={selection} openId={route.id} />
      </div>
      {route.id && (
        <RecommendationDetail
          id={route.id}
          known={list.items.find((r) => r.id === route.id)}
          onClose={() => navigate("/recommendations")}
          onChanged={(record) => list.replace([record])}
        />
      )}
      {asking && (
        <AskSelectionDialog
          records={toAsk}
          onClose={() => setAsking(false)}
          onDone={(result) => {
            setAsking(false);
            setSelected(new Set());
            setNotice(
              [plural("requests.created", result.created.length), result.alreadyExisting ? plural("requests.alreadyExisting", result.alreadyExisting) : "", result.skipped.length ? plural("requests.skipped", result.skipped.length) : "", result.unaddressed.length ? plural("requests.unaddressed", result.unaddressed.length) : ""]
                .filter(Boolean)
                .join(" "),
            );
          }}
        />
      )}
      {themesOpen && (
        <ThemesDialog
          mechanism={filters.mechanism}
          onClose={() => setThemesOpen(false)}
          onDone={(changed) => {
            if (changed > 0) list.reload();
          }}
        />
      )}
      {bulkOpen && (
        <BulkAssignDialog
          records={selectedRecords}
          onClose={() => setBulkOpen(false)}
          onDone={(updated, failedIds, failures) => {
            list.replace(updated);
            setSelected(new Set(failedIds));
            setBulkOpen(false);
            setNotice(plural("recommendations.assigned", updated.length) + (failures.length ? ` ${t("bulk.failed")} ${failures.slice(0, 10).join("; ")}` : ""));
          }}
        />
      )}
    </>
  );
}
