import type { Router } from "express";
import type { z } from "zod";
import type { recommendationQuerySchema } from "../../core/api/recommendations";
import type { Actor } from "../../core/auth/policy";
import { API_ROUTES } from "../../core/api/routes";
import type { BulkResultDto } from "../../core/api/recommendations";
import { authorize } from "../../core/auth/policy";
import { readRecommendation, recommendationsNeedingAttention, visibleRecommendations } from "../../core/recommendations/read-recommendations";
import { isDomainError, ValidationError } from "../../core/errors";
import { queryAll } from "../../core/ports/repository";
import type { Stored } from "../../core/records/common";
import type { RecommendationFields } from "../../core/recommendations/recommendation";
import { IMPLEMENTATION_STATUSES } from "../../core/records/taxonomy";
import { compareParagraphs } from "../../core/drafts/assemble-draft";
import { createRecord, updateRecord } from "../../core/lists/edit-records";
import { updateRecommendationStatus } from "../../core/recommendations/update-recommendation-status";
import { renameThemes, themeVocabulary } from "../../core/recommendations/themes";
import { bindRoute, type RouteBinding } from "../http/bind-route";
import { pageOfArray } from "./paging";
import type { ApiServices } from "./services";

type Recommendation = Stored<RecommendationFields>;

/** Folds case and accents, so that "roma" finds "Roma" and "solidarite" finds "solidarité". */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

async function assertMinistriesExist(services: ApiServices, ids: (string | undefined)[], path: string): Promise<void> {
  const wanted = ids.filter((id): id is string => Boolean(id));
  if (!wanted.length) return;
  const known = new Set((await queryAll(services.deps.repos.ministries)).map((m) => m.id));
  const unknown = [...new Set(wanted.filter((id) => !known.has(id)))];
  if (unknown.length) throw new ValidationError(`unknown ministries: ${unknown.join(", ")}`, unknown.map((id) => ({ path, message: `no ministry ${id}` })));
}

const STATUS_ORDER = new Map(IMPLEMENTATION_STATUSES.map((status, index) => [status, index]));

function comparator(sort: string): (a: Recommendation, b: Recommendation) => number {
  const descending = sort.startsWith("-");
  const field = descending ? sort.slice(1) : sort;
  const byParagraph = (a: Recommendation, b: Recommendation) => a.documentSymbol.localeCompare(b.documentSymbol) || compareParagraphs(a.paragraph, b.paragraph);
  const primary = (a: Recommendation, b: Recommendation): number => {
    switch (field) {
      case "status":
        return (STATUS_ORDER.get(a.status) ?? 0) - (STATUS_ORDER.get(b.status) ?? 0);
      case "cycle":
        return (a.cycle ?? 0) - (b.cycle ?? 0);
      case "documentSymbol":
        return a.documentSymbol.localeCompare(b.documentSymbol);
      default:
        return 0;
    }
  };
  return (a, b) => (descending ? -1 : 1) * (primary(a, b) || byParagraph(a, b));
}

/** The recommendations the reader may see that the grid's filters match, in the grid's order (the list and the export). */
export async function matchingRecommendations(deps: ApiServices["deps"], query: Omit<z.output<typeof recommendationQuerySchema>, "pageSize" | "pageToken">, actor: Actor) {
  const words = query.q ? fold(query.q).split(/\s+/).filter(Boolean) : [];
  const symbol = query.documentSymbol?.toUpperCase().replace(/\s+/g, "");
  const cluster = query.cluster ? fold(query.cluster) : undefined;
  const theme = query.theme ? fold(query.theme) : undefined;
  const matches = (await visibleRecommendations(deps, actor)).filter((r) => {
    if (query.mechanism && r.mechanism !== query.mechanism) return false;
    if (query.status && r.status !== query.status) return false;
    if (query.position && r.position !== query.position) return false;
    if (query.leadMinistryId === "none" ? r.leadMinistryId : query.leadMinistryId && r.leadMinistryId !== query.leadMinistryId) return false;
    if (query.ministryId && r.leadMinistryId !== query.ministryId && !r.supportingMinistryIds.includes(query.ministryId)) return false;
    if (query.cycle !== undefined && r.cycle !== query.cycle) return false;
    if (query.session !== undefined && r.session !== query.session) return false;
    if (symbol && r.documentSymbol.toUpperCase() !== symbol) return false;
    if (cluster && fold(r.cluster ?? "") !== cluster) return false;
    if (theme && !r.themes.some((t) => fold(t) === theme)) return false;
    if (query.sdg !== undefined && !r.sdgGoals.includes(query.sdg)) return false;
    if (query.sharedWithObservers !== undefined && r.sharedWithObservers !== query.sharedWithObservers) return false;
    if (words.length) {
      const haystack = fold([r.text, r.documentSymbol, r.paragraph, r.cluster ?? "", ...r.recommendingStates, ...r.themes, ...r.affectedGroups].join(" "));
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  });
  return matches.sort(comparator(query.sort));
}

export function registerRecommendationRoutes(router: Router, binding: RouteBinding, services: ApiServices): void {
  const { deps } = services;

  bindRoute(router, API_ROUTES.listRecommendations, binding, async ({ query, actor }) => {
    const [matching, needsAttention] = await Promise.all([matchingRecommendations(deps, query, actor), recommendationsNeedingAttention(deps, actor)]);
    return { ...pageOfArray(matching, query), ...(needsAttention === undefined ? {} : { needsAttention }) };
  });

  bindRoute(router, API_ROUTES.getRecommendation, binding, async ({ params, actor }) => readRecommendation(deps, params.id, actor));

  bindRoute(router, API_ROUTES.createRecommendation, binding, async ({ body, actor }) => {
    authorize(actor, { kind: "edit-lists" });
    await assertMinistriesExist(services, [body.leadMinistryId, ...body.supportingMinistryIds], "body.leadMinistryId");
    return createRecord(deps, "recommendations", { ...body, key: "(computed)" }, actor);
  });

  bindRoute(router, API_ROUTES.updateRecommendation, binding, async ({ params, body, actor }) => {
    authorize(actor, { kind: "edit-lists" });
    await assertMinistriesExist(services, [body.changes.leadMinistryId, ...(body.changes.supportingMinistryIds ?? [])], "body.changes.leadMinistryId");
    return updateRecord(deps, "recommendations", params.id, body.changes, body.eTag, actor);
  });

  bindRoute(router, API_ROUTES.bulkAssignRecommendations, binding, async ({ body, actor }) => {
    authorize(actor, { kind: "edit-lists" });
    await assertMinistriesExist(services, [body.leadMinistryId, ...(body.supportingMinistryIds ?? [])], "body.leadMinistryId");
    const changes: Partial<RecommendationFields> = {};
    if (body.leadMinistryId !== undefined) changes.leadMinistryId = body.leadMinistryId;
    if (body.supportingMinistryIds !== undefined) changes.supportingMinistryIds = body.supportingMinistryIds;
    if (body.sharedWithObservers !== undefined) changes.sharedWithObservers = body.sharedWithObservers;
    const results: BulkResultDto["results"] = [];
    for (const item of body.items) {
      try {
        results.push({ ok: true, id: item.id, record: await updateRecord(deps, "recommendations", item.id, changes, item.eTag, actor) });
      } catch (error) {
        if (!isDomainError(error) || error.code === "forbidden" || error.code === "unavailable" || error.code === "throttled") throw error;
        const current = error.code === "concurrency" ? (error as { current?: unknown }).current : undefined;
        results.push({ ok: false, id: item.id, code: error.code, message: error.message, ...(current !== undefined ? { current } : {}) });
      }
    }
    const updated = results.filter((r) => r.ok).length;
    return { results, updated, failed: results.length - updated };
  });

  bindRoute(router, API_ROUTES.listThemes, binding, async ({ query, actor }) => ({ items: await themeVocabulary(deps, query, actor) }));

  bindRoute(router, API_ROUTES.renameThemes, binding, async ({ body, actor }) => renameThemes(deps, body, actor));

  bindRoute(router, API_ROUTES.updateRecommendationStatus, binding, async ({ params, body, actor }) =>
    updateRecommendationStatus(deps, { recommendationId: params.id, eTag: body.eTag, status: body.status, note: body.note }, actor),
  );
}
