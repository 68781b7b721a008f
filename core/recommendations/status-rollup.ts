import { IMPLEMENTATION_STATUSES, type ImplementationStatus, type Mechanism } from "../records/taxonomy";

export type RollupDimension = "ministry" | "mechanism" | "theme" | "sdg" | "cluster";

export interface RollupRecommendation {
  status: ImplementationStatus;
  mechanism: Mechanism;
  leadMinistryId?: string;
  themes: string[];
  sdgGoals: number[];
  cluster?: string;
}

export interface RollupRow {
  /** The ministry id, mechanism, theme, SDG goal number or cluster; `""` for recommendations without one. */
  key: string;
  total: number;
  byStatus: Record<ImplementationStatus, number>;
  /** Fully implemented, as a share of the recommendations still relevant (0–1). */
  implementedShare: number;
  /** Fully or partly implemented, or in progress, as a share of those still relevant (0–1). */
  progressShare: number;
}

function keysOf(recommendation: RollupRecommendation, dimension: RollupDimension): string[] {
  switch (dimension) {
    case "ministry":
      return [recommendation.leadMinistryId ?? ""];
    case "mechanism":
      return [recommendation.mechanism];
    case "cluster":
      return [recommendation.cluster ?? ""];
    case "theme":
      return recommendation.themes.length ? [...new Set(recommendation.themes)] : [""];
    case "sdg":
      return recommendation.sdgGoals.length ? [...new Set(recommendation.sdgGoals)].map(String) : [""];
  }
}

function emptyCounts(): Record<ImplementationStatus, number> {
  return Object.fromEntries(IMPLEMENTATION_STATUSES.map((status) => [status, 0])) as Record<ImplementationStatus, number>;
}

/**
 * Implementation status rolled up by a dimension. A recommendation with several themes or SDGs
 * counts once under each. Rows come largest first, then by key.
 */
export function rollUpStatus(recommendations: Iterable<RollupRecommendation>, dimension: RollupDimension): RollupRow[] {
  const rows = new Map<string, Record<ImplementationStatus, number>>();
  for (const recommendation of recommendations) {
    for (const key of keysOf(recommendation, dimension)) {
      let counts = rows.get(key);
      if (!counts) rows.set(key, (counts = emptyCounts()));
      counts[recommendation.status] += 1;
    }
  }
  return [...rows.entries()]
    .map(([key, byStatus]) => {
      const total = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
      const relevant = total - byStatus["no-longer-relevant"];
      const progressing = byStatus.implemented + byStatus["partially-implemented"] + byStatus["in-progress"];
      return {
        key,
        total,
        byStatus,
        implementedShare: relevant ? byStatus.implemented / relevant : 0,
        progressShare: relevant ? progressing / relevant : 0,
      };
    })
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
}
