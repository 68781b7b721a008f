/**
 * The grid's filters and sorts, run in the browser over the loaded list so that a keystroke
 * updates the rows at once. They mean what the server's query parameters mean (GET
 * /api/recommendations): words are matched without case or accents in the text, symbol,
 * paragraph, cluster, recommending States, themes and groups.
 */
import type { RecommendationDto } from "../../../../core/api";
import type { ImplementationStatus, Mechanism, UprPosition } from "../../../../core/records/taxonomy";
import { STATUS_CODES } from "../../taxonomy";

export interface RecommendationFilters {
  q: string;
  mechanism?: Mechanism;
  cycle?: number;
  session?: number;
  theme?: string;
  sdg?: number;
  position?: UprPosition;
  /** A ministry id, or `none` for recommendations without a lead ministry. */
  leadMinistryId?: string;
  status?: ImplementationStatus;
  /** Only recommendations these ministries lead or support (a focal point's own). */
  ministryIds?: readonly string[];
}

export const NO_FILTERS: RecommendationFilters = { q: "" };

export type SortKey = "symbol" | "mechanism" | "cycle" | "position" | "lead" | "status";
export interface Sort {
  key: SortKey;
  direction: "ascending" | "descending";
}

export function fold(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

const haystacks = new WeakMap<RecommendationDto, string>();

function haystackOf(r: RecommendationDto): string {
  let text = haystacks.get(r);
  if (text === undefined) {
    text = fold([r.text, r.documentSymbol, r.paragraph, r.cluster ?? "", ...r.recommendingStates, ...r.themes, ...r.affectedGroups].join(" "));
    haystacks.set(r, text);
  }
  return text;
}

export function activeFilterCount(filters: RecommendationFilters): number {
  return [filters.q.trim(), filters.mechanism, filters.cycle, filters.session, filters.theme, filters.sdg, filters.position, filters.leadMinistryId, filters.status].filter((v) => v !== undefined && v !== "").length;
}

export function filterRecommendations(items: readonly RecommendationDto[], filters: RecommendationFilters): RecommendationDto[] {
  const words = fold(filters.q).split(/\s+/).filter(Boolean);
  const theme = filters.theme ? fold(filters.theme) : undefined;
  const ministries = filters.ministryIds && filters.ministryIds.length ? new Set(filters.ministryIds) : undefined;
  return items.filter((r) => {
    if (filters.mechanism && r.mechanism !== filters.mechanism) return false;
    if (filters.status && r.status !== filters.status) return false;
    if (filters.position && r.position !== filters.position) return false;
    if (filters.leadMinistryId === "none" ? r.leadMinistryId : filters.leadMinistryId && r.leadMinistryId !== filters.leadMinistryId) return false;
    if (filters.cycle !== undefined && r.cycle !== filters.cycle) return false;
    if (filters.session !== undefined && r.session !== filters.session) return false;
    if (theme && !r.themes.some((t) => fold(t) === theme)) return false;
    if (filters.sdg !== undefined && !r.sdgGoals.includes(filters.sdg)) return false;
    if (ministries && !(r.leadMinistryId && ministries.has(r.leadMinistryId)) && !r.supportingMinistryIds.some((id) => ministries.has(id))) return false;
    if (words.length) {
      const haystack = haystackOf(r);
      for (const word of words) if (!haystack.includes(word)) return false;
    }
    return true;
  });
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
const STATUS_ORDER = new Map(STATUS_CODES.map((status, index) => [status, index]));
const POSITION_ORDER = new Map([
  ["supported", 0],
  ["supported-in-part", 1],
  ["noted", 2],
]);

export function sortRecommendations(items: RecommendationDto[], sort: Sort, ministryName: (id: string | undefined) => string): RecommendationDto[] {
  const bySymbol = (a: RecommendationDto, b: RecommendationDto) => collator.compare(a.documentSymbol, b.documentSymbol) || collator.compare(a.paragraph, b.paragraph);
  const primary = (a: RecommendationDto, b: RecommendationDto): number => {
    switch (sort.key) {
      case "mechanism":
        return collator.compare(a.mechanism, b.mechanism);
      case "cycle":
        return (a.cycle ?? 0) - (b.cycle ?? 0);
      case "position":
        return (POSITION_ORDER.get(a.position ?? "") ?? 9) - (POSITION_ORDER.get(b.position ?? "") ?? 9);
      case "lead":
        return collator.compare(ministryName(a.leadMinistryId), ministryName(b.leadMinistryId));
      case "status":
        return (STATUS_ORDER.get(a.status) ?? 0) - (STATUS_ORDER.get(b.status) ?? 0);
      default:
        return 0;
    }
  };
  const sign = sort.direction === "descending" ? -1 : 1;
  return items.sort((a, b) => sign * (primary(a, b) || bySymbol(a, b)));
}

/** The values present in the list, for the cycle, session and theme filters. */
export function facetsOf(items: readonly RecommendationDto[]): { cycles: number[]; sessions: number[]; themes: string[] } {
  const cycles = new Set<number>();
  const sessions = new Set<number>();
  const themes = new Set<string>();
  for (const r of items) {
    if (r.cycle !== undefined) cycles.add(r.cycle);
    if (r.session !== undefined) sessions.add(r.session);
    for (const theme of r.themes) themes.add(theme);
  }
  return { cycles: [...cycles].sort((a, b) => a - b), sessions: [...sessions].sort((a, b) => a - b), themes: [...themes].sort(collator.compare) };
}
