/**
 * The recommendations grid: only the rows in view are in the DOM (thousands stay fast), with
 * the grid pattern for assistive technologies (row count, row index, sort state) and the
 * keyboard: arrows, Page Up/Down, Home/End move between rows, Enter opens, Space selects.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useVirtualizer, type Virtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useRef, useState, type InputHTMLAttributes, type KeyboardEvent, type RefObject } from "react";
import type { RecommendationDto } from "../../../../core/api";
import { ImplementationBadge } from "../../components/badges";
import { useI18n, type I18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/i18n";
import type { Sort, SortKey } from "./filter";

export const ROW_HEIGHT = 56;

export interface RecommendationGridProps {
  rows: RecommendationDto[];
  sort: Sort;
  onSort(key: SortKey): void;
  onOpen(recommendation: RecommendationDto): void;
  ministryName(id: string | undefined): string;
  /** Selection for bulk actions; absent when the person cannot act on many at once. */
  selection?: { selected: ReadonlySet<string>; toggle(id: string): void; toggleAll(): void };
  /** The open recommendation, highlighted. */
  openId?: string;
}

const COLUMNS: { key: SortKey | "text"; label: MessageKey; sortable: boolean }[] = [
  { key: "symbol", label: "grid.symbol", sortable: true },
  { key: "text", label: "grid.text", sortable: false },
  { key: "mechanism", label: "grid.mechanism", sortable: true },
  { key: "cycle", label: "grid.cycle", sortable: true },
  { key: "position", label: "grid.position", sortable: true },
  { key: "lead", label: "grid.lead", sortable: true },
  { key: "status", label: "grid.status", sortable: true },
];

const WIDE_ONLY = new Set<string>(["mechanism", "cycle", "position", "lead"]);

const useStyles = makeStyles({
  grid: { display: "flex", flexDirection: "column", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1, minWidth: 0 },
  columns: { display: "grid", gridTemplateColumns: "40px 150px minmax(200px, 1fr) 90px 64px 130px 110px 170px", alignItems: "center", minWidth: "960px", "@media (max-width: 720px)": { gridTemplateColumns: "36px 88px minmax(0, 1fr) 112px", minWidth: 0 } },
  columnsNoSelect: { gridTemplateColumns: "0 150px minmax(200px, 1fr) 90px 64px 130px 110px 170px", "@media (max-width: 720px)": { gridTemplateColumns: "0 88px minmax(0, 1fr) 112px" } },
  // Narrow: the paragraph, its words and its status; mechanism, cycle, position and lead ministry are in its panel.
  wide: { "@media (max-width: 720px)": { display: "none" } },
  header: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground2, fontWeight: tokens.fontWeightSemibold, minHeight: "40px" },
  headerCell: { paddingInline: tokens.spacingHorizontalS, overflow: "hidden" },
  sortButton: {
    backgroundColor: "transparent", border: "none", padding: 0, margin: 0, fontFamily: "inherit", fontSize: "inherit", textAlign: "start",
    cursor: "pointer",
    display: "inline-flex",
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusSmall },
  },
  scroller: { overflow: "auto", height: "min(64vh, 900px)", minHeight: "320px", position: "relative" },
  canvas: { position: "relative", width: "100%", minWidth: "960px", "@media (max-width: 720px)": { minWidth: 0 } },
  row: {
    position: "absolute",
    insetInlineStart: 0,
    top: 0,
    width: "100%",
    height: `${ROW_HEIGHT}px`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    cursor: "pointer",
    color: tokens.colorNeutralForeground1,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  rowSelected: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  rowOpen: { backgroundColor: tokens.colorBrandBackground2 },
  cell: { paddingInline: tokens.spacingHorizontalS, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  text: { display: "-webkit-box", WebkitLineClamp: "2", WebkitBoxOrient: "vertical", whiteSpace: "normal", lineHeight: tokens.lineHeightBase200, fontSize: tokens.fontSizeBase200 },
  symbol: { fontVariantNumeric: "tabular-nums" },
  paragraph: { fontWeight: tokens.fontWeightSemibold },
  documentSymbol: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  check: {
    width: "16px",
    height: "16px",
    margin: `0 0 0 ${tokens.spacingHorizontalXS}`,
    accentColor: tokens.colorCompoundBrandBackground,
    cursor: "pointer",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  empty: { padding: tokens.spacingVerticalXXL, textAlign: "center", color: tokens.colorNeutralForeground3 },
});

/**
 * The browser's own checkbox: the grid draws one per row in view, and Fluent's (a styled label,
 * an indicator and an icon each) made a large part of the first rows' cost. `mixed` sets the
 * indeterminate state, which only a script can.
 */
function GridCheckbox({ mixed = false, ...props }: InputHTMLAttributes<HTMLInputElement> & { mixed?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = mixed;
  }, [mixed]);
  return <input ref={ref} type="checkbox" {...props} />;
}

/** State: the virtualizer, the row with the keyboard focus, and the key handling. */
export function useRecommendationGrid(props: RecommendationGridProps, scrollerRef: RefObject<HTMLDivElement | null>) {
  const { rows, onOpen, selection } = props;
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollerRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8, initialRect: { width: 1000, height: 640 } });
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    scrollerRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)?.focus();
  });

  const moveTo = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(rows.length - 1, index));
      setActive(next);
      focusPending.current = true;
      virtualizer.scrollToIndex(next, { align: "auto" });
    },
    [rows.length, virtualizer],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>, index: number) => {
      const page = Math.max(1, Math.floor((scrollerRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
      const row = rows[index];
      switch (event.key) {
        case "ArrowDown":
          moveTo(index + 1);
          break;
        case "ArrowUp":
          moveTo(index - 1);
          break;
        case "PageDown":
          moveTo(index + page);
          break;
        case "PageUp":
          moveTo(index - page);
          break;
        case "Home":
          moveTo(0);
          break;
        case "End":
          moveTo(rows.length - 1);
          break;
        case "Enter":
          if (row) onOpen(row);
          break;
        case " ":
          if (row && selection) selection.toggle(row.id);
          break;
        default:
          return;
      }
      event.preventDefault();
    },
    [moveTo, onOpen, rows, scrollerRef, selection],
  );

  return { virtualizer, activeIndex, setActive, onKeyDown };
}

export function RecommendationGrid(props: RecommendationGridProps) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const state = useRecommendationGrid(props, scrollerRef);
  const styles = useStyles();
  const i18n = useI18n();
  return renderRecommendationGrid(props, state, styles, i18n, scrollerRef);
}

function renderRecommendationGrid(
  props: RecommendationGridProps,
  state: ReturnType<typeof useRecommendationGrid>,
  styles: ReturnType<typeof useStyles>,
  i18n: I18n,
  scrollerRef: RefObject<HTMLDivElement | null>,
) {
  const { rows, sort, onSort, onOpen, ministryName, selection, openId } = props;
  const { t } = i18n;
  const virtualizer: Virtualizer<HTMLDivElement, Element> = state.virtualizer;
  const columns = mergeClasses(styles.columns, !selection && styles.columnsNoSelect);
  const allSelected = selection && rows.length > 0 && rows.every((r) => selection.selected.has(r.id));
  const someSelected = selection && !allSelected && rows.some((r) => selection.selected.has(r.id));
  return (
    <div className={styles.grid} role="grid" aria-label={t("grid.label")} aria-rowcount={rows.length + 1} aria-colcount={COLUMNS.length + 1} aria-multiselectable={selection ? true : undefined}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={mergeClasses(columns, styles.header)}>
          <div role="columnheader" className={styles.headerCell}>
            {selection && (
              <GridCheckbox
                className={styles.check}
                checked={Boolean(allSelected)}
                mixed={Boolean(someSelected)}
                onChange={() => selection.toggleAll()}
                aria-label={t("grid.selectAll", { count: rows.length })}
              />
            )}
          </div>
          {COLUMNS.map((column) => {
            const sorted = column.sortable && sort.key === column.key ? sort.direction : undefined;
            return (
              <div role="columnheader" key={column.key} className={mergeClasses(styles.headerCell, WIDE_ONLY.has(column.key) && styles.wide)} aria-sort={column.sortable ? (sorted ?? "none") : undefined}>
                {column.sortable ? (
                  <button type="button" className={styles.sortButton} onClick={() => onSort(column.key as SortKey)}>
                    {t(column.label)}
                    <span aria-hidden="true">{sorted === "ascending" ? "▲" : sorted === "descending" ? "▼" : ""}</span>
                  </button>
                ) : (
                  t(column.label)
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div ref={scrollerRef} className={styles.scroller} role="rowgroup" data-testid="grid-body">
        {rows.length === 0 ? (
          <div role="row" aria-rowindex={2}>
            <div role="gridcell" className={styles.empty}>
              {t("grid.empty")}
            </div>
          </div>
        ) : (
          <div className={styles.canvas} style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const r = rows[item.index]!;
              const selected = selection?.selected.has(r.id) ?? false;
              const lead = ministryName(r.leadMinistryId);
              return (
                <div
                  key={r.id}
                  role="row"
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  aria-selected={selection ? selected : undefined}
                  tabIndex={item.index === state.activeIndex ? 0 : -1}
                  className={mergeClasses(columns, styles.row, selected && styles.rowSelected, openId === r.id && styles.rowOpen)}
                  style={{ transform: `translateY(${item.start}px)` }}
                  onClick={() => {
                    state.setActive(item.index);
                    onOpen(r);
                  }}
                  onKeyDown={(event) => state.onKeyDown(event, item.index)}
                  onFocus={() => state.setActive(item.index)}
                >
                  <div role="gridcell" className={styles.cell} onClick={(event) => event.stopPropagation()}>
                    {selection && <GridCheckbox className={styles.check} tabIndex={-1} checked={selected} onChange={() => selection.toggle(r.id)} aria-label={t("grid.select", { symbol: `${r.documentSymbol} ${r.paragraph}` })} />}
                  </div>
                  <div role="gridcell" className={mergeClasses(styles.cell, styles.symbol)} title={`${r.documentSymbol} ¶ ${r.paragraph}`}>
                    <bdi className={styles.paragraph}>{r.paragraph}</bdi> <bdi className={styles.documentSymbol}>{r.documentSymbol}</bdi>
                  </div>
                  <div role="gridcell" className={styles.cell}>
                    <span className={styles.text} dir="auto">
                      {r.text}
                    </span>
                  </div>
                  <div role="gridcell" className={mergeClasses(styles.cell, styles.wide)}>
                    {t(`mechanismShort.${r.mechanism}`)}
                  </div>
                  <div role="gridcell" className={mergeClasses(styles.cell, styles.wide)}>
                    {r.cycle ?? "—"}
                  </div>
                  <div role="gridcell" className={mergeClasses(styles.cell, styles.wide)}>
                    {r.position ? t(`position.${r.position}`) : "—"}
                  </div>
                  <div role="gridcell" className={mergeClasses(styles.cell, styles.wide)} title={lead}>
                    {r.leadMinistryId ? <bdi>{lead}</bdi> : t("grid.noLead")}
                  </div>
                  <div role="gridcell" className={styles.cell}>
                    <ImplementationBadge status={r.status} />
                  </div>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
