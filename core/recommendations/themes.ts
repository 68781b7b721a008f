/**
 * The themes a mechanism's recommendations use, as a vocabulary the secretariat controls: each
 * theme with how many recommendations carry it and the names that are probably the same theme
 * written another way ("Equality & non-discrimination" / "Equality and non-discrimination"); and
 * renaming or merging themes across every recommendation, previewed first (how many change),
 * each change written with the eTag read and audited as any edit of a recommendation.
 */
import { authorize, type Actor } from "../auth/policy";
import { isDomainError } from "../errors";
import { updateRecord } from "../lists/edit-records";
import { viewsOf, type UseCaseDeps } from "../ports/use-case-deps";
import type { Stored } from "../records/common";
import type { Mechanism } from "../records/taxonomy";
import type { RecommendationFields } from "./recommendation";
import { visibleRecommendations } from "./read-recommendations";

type Deps = Pick<UseCaseDeps, "repos" | "views" | "clock">;

/** The same theme whatever its case and accents: how a filter and a rename match a name. */
export function themeIdentity(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim().replace(/\s+/g, " ").toLowerCase();
}

/** Probably the same theme: also "&" for "and", punctuation and a plural's s aside. */
export function themeLikeness(name: string): string {
  return themeIdentity(name)
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter(Boolean)
    .map((word) => (word.length > 4 && word.endsWith("ies") ? `${word.slice(0, -3)}y` : word.length > 3 ? word.replace(/s$/, "") : word))
    .join(" ");
}

export interface ThemeEntry {
  name: string;
  count: number;
  /** Other names in use that are probably this theme (candidates for a merge). */
  similar: string[];
}

export async function themeVocabulary(deps: Deps, query: { mechanism?: Mechanism }, actor: Actor): Promise<ThemeEntry[]> {
  const recommendations = (await visibleRecommendations(deps, actor)).filter((r) => !query.mechanism || r.mechanism === query.mechanism);
  const byName = new Map<string, { name: string; count: number }>();
  for (const r of recommendations) {
    for (const theme of new Set(r.themes.map(themeIdentity))) {
      const name = r.themes.find((t) => themeIdentity(t) === theme)!.trim();
      const entry = byName.get(theme) ?? { name, count: 0 };
      entry.count++;
      byName.set(theme, entry);
    }
  }
  const byLikeness = new Map<string, string[]>();
  for (const entry of byName.values()) byLikeness.set(themeLikeness(entry.name), [...(byLikeness.get(themeLikeness(entry.name)) ?? []), entry.name]);
  return [...byName.values()]
    .map((entry) => ({ ...entry, similar: (byLikeness.get(themeLikeness(entry.name)) ?? []).filter((other) => other !== entry.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface RenameThemes {
  /** The themes renamed (one) or merged (several), as they are written (case and accents aside). */
  from: string[];
  to: string;
  mechanism?: Mechanism;
  /** false: only say what would change. */
  apply: boolean;
}

export interface RenameResult {
  applied: boolean;
  /** How many recommendations change (or changed). */
  changed: number;
  /** The names in `from` no recommendation carries. */
  notFound: string[];
  items: { id: string; documentSymbol: string; paragraph: string; before: string[]; after: string[]; ok?: boolean; message?: string }[];
  updated: number;
  failed: number;
}

function renamed(themes: string[], from: Set<string>, to: string): string[] {
  const out: string[] = [];
  for (const theme of themes) {
    const next = from.has(themeIdentity(theme)) ? to : theme;
    if (!out.some((t) => themeIdentity(t) === themeIdentity(next))) out.push(next);
  }
  return out;
}

export async function renameThemes(deps: Deps, input: RenameThemes, actor: Actor): Promise<RenameResult> {
  authorize(actor, { kind: "edit-lists" });
  const from = new Set(input.from.map(themeIdentity));
  const to = input.to.trim().replace(/\s+/g, " ");
  const all: Stored<RecommendationFields>[] = await viewsOf(deps).recommendations.all();
  const inScope = all.filter((r) => !input.mechanism || r.mechanism === input.mechanism);
  const present = new Set(inScope.flatMap((r) => r.themes.map(themeIdentity)));
  const targets = inScope
    .map((r) => ({ r, after: renamed(r.themes, from, to) }))
    .filter(({ r, after }) => after.join("\u0000") !== r.themes.join("\u0000"))
    .sort((a, b) => a.r.documentSymbol.localeCompare(b.r.documentSymbol) || a.r.paragraph.localeCompare(b.r.paragraph, undefined, { numeric: true }));
  const result: RenameResult = {
    applied: input.apply,
    changed: targets.length,
    notFound: input.from.filter((name) => !present.has(themeIdentity(name))),
    items: targets.map(({ r, after }) => ({ id: r.id, documentSymbol: r.documentSymbol, paragraph: r.paragraph, before: r.themes, after })),
    updated: 0,
    failed: 0,
  };
  if (!input.apply) return result;
  for (const item of result.items) {
    const target = targets.find((t) => t.r.id === item.id)!;
    try {
      await updateRecord(deps, "recommendations", item.id, { themes: item.after }, target.r.eTag, actor);
      item.ok = true;
      result.updated++;
    } catch (error) {
      // One recommendation edited meanwhile is said, not lost: the others are renamed, it can be again.
      if (!isDomainError(error) || error.code === "forbidden" || error.code === "unavailable" || error.code === "throttled") throw error;
      item.ok = false;
      item.message = error.message;
      result.failed++;
    }
  }
  return result;
}
