/**
 * Reading the follow-up: the actions a person may see (by ministry, plan, recommendation,
 * status, overdue, off track), one action with its indicators' value series and its progress
 * timeline, one indicator. Every door (the API, the tab, the bot) reads through these, so an
 * observer or another ministry's focal point is refused or shown the same thing whichever way
 * they ask.
 */
import { accessToAction, authorize, can, requireAccess, type Access, type Actor } from "../auth/policy";
import { calendarDateAt, type CalendarDate } from "../calendar/calendar";
import { queryAll } from "../ports/repository";
import { rulesOf, type UseCaseDeps } from "../ports/use-case-deps";
import type { Stored } from "../records/common";
import { ACTION_STATUSES, type ActionFields, type ActionStatus } from "./action";
import type { IndicatorFields, IndicatorValueFields } from "./indicator";
import { latestValue, trackOf, type IndicatorTrack } from "./indicator-track";
import type { ProgressUpdateFields } from "./progress-update";

type Deps = Pick<UseCaseDeps, "repos" | "clock" | "rules">;

/** The day "today" is for overdue actions and targets passed: the mechanism's time zone. */
export interface FollowUpReadOptions {
  timeZone: string;
}

export interface ActionFilter {
  /** The lead or a supporting ministry. */
  ministryId?: string;
  /** Carries out an item of this plan. */
  planId?: string;
  recommendationId?: string;
  status?: ActionStatus;
  /** Past its end date and neither done nor dropped. */
  overdue?: boolean;
  /** At least one of its indicators is off track. */
  offTrack?: boolean;
}

/** An action as a reader gets it; `access: "shared"` marks one read at the "shared" level. */
export type ReadableAction = Stored<ActionFields> & {
  access?: "shared";
  /** Past its end date and neither done nor dropped. */
  overdue: boolean;
  /** How many of its own indicators are off track. */
  indicatorsOffTrack: number;
};

export interface IndicatorView {
  indicator: Stored<IndicatorFields>;
  /** The accepted values, oldest date first. */
  values: Stored<IndicatorValueFields>[];
  latest?: Stored<IndicatorValueFields>;
  track: IndicatorTrack;
  access: "full" | "shared";
}

/** One version of a progress update as the reader gets it. */
export type ReadableProgressUpdate = Stored<ProgressUpdateFields> & { access?: "shared" };

export interface ActionView {
  action: ReadableAction;
  access: "full" | "shared";
  /** Its own indicators, then those of the recommendations it implements. */
  indicators: IndicatorView[];
  /** Every version reported, newest first (at the "shared" level: the accepted ones). */
  timeline: ReadableProgressUpdate[];
  /** The reader may report progress on it: an active focal point of its lead ministry. */
  mayReport: boolean;
  /** The reader may accept or return its updates: the secretariat. */
  mayReview: boolean;
}

export function isOverdue(action: Pick<ActionFields, "endDate" | "status">, today: CalendarDate): boolean {
  return action.endDate < today && action.status !== "done" && action.status !== "dropped";
}

/** What the "shared" level shows of an action: what is done, by which ministries, until when; not who recorded it. */
function sharedAction(action: Stored<ActionFields>): Stored<ActionFields> {
  return { ...action, createdBy: "" };
}

/** A value as observers see it: the figure and its date, not who reported it or the files behind it. */
function sharedValue(value: Stored<IndicatorValueFields>): Stored<IndicatorValueFields> {
  const { note: _note, ...rest } = value;
  return { ...rest, reportedById: "", reportedByName: "", evidence: [] };
}

/** An accepted update as observers see it: what was done, when, and the status; not its author, files or the secretariat's comments. */
function sharedUpdate(update: Stored<ProgressUpdateFields>): ReadableProgressUpdate {
  const { reviewComment: _comment, reviewedBy: _by, ...rest } = update;
  return { ...rest, authorId: "", authorName: "", attachments: [], submissionId: "", access: "shared" };
}

function todayOf(deps: Pick<UseCaseDeps, "clock">, options: FollowUpReadOptions): CalendarDate {
  return calendarDateAt(deps.clock.now(), options.timeZone);
}

function byDate(values: Stored<IndicatorValueFields>[]): Stored<IndicatorValueFields>[] {
  return [...values].sort((a, b) => a.date.localeCompare(b.date) || a.reportedAt.localeCompare(b.reportedAt));
}

function indicatorView(indicator: Stored<IndicatorFields>, values: Stored<IndicatorValueFields>[], level: "full" | "shared", today: CalendarDate): IndicatorView {
  const sorted = byDate(values);
  const shown = level === "full" ? sorted : sorted.map(sharedValue);
  const latest = latestValue(shown);
  return { indicator: level === "full" ? indicator : { ...indicator, createdBy: "" }, values: shown, ...(latest ? { latest } : {}), track: trackOf(indicator, sorted, today), access: level };
}

function readable(action: Stored<ActionFields>, access: Access, today: CalendarDate, indicatorsOffTrack: number): ReadableAction {
  const base = access.level === "full" ? action : { ...sharedAction(action), access: "shared" as const };
  return { ...base, overdue: isOverdue(action, today), indicatorsOffTrack };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * The actions a person may see that the filter matches, the soonest ending first: every one for
 * the secretariat, the chair and administrators; a focal point's those its ministry leads or
 * supports (every ministry's when the mechanism lets them); those shared with observers, at the
 * "shared" level, for anyone with a role.
 */
export async function listActions(deps: Deps, filter: ActionFilter, actor: Actor, options: FollowUpReadOptions): Promise<ReadableAction[]> {
  authorize(actor, { kind: "read" });
  const rules = rulesOf(deps);
  const today = todayOf(deps, options);
  const [actions, planItems] = await Promise.all([
    queryAll(deps.repos.actions, filter.status ? { where: [{ field: "status", op: "eq", value: filter.status }] } : {}),
    filter.planId ? queryAll(deps.repos.planItems, { where: [{ field: "planId", op: "eq", value: filter.planId }] }) : Promise.resolve([]),
  ]);
  const itemsOfPlan = new Set(planItems.map((item) => item.id));
  const matching = actions.filter(
    (a) =>
      (!filter.status || a.status === filter.status) &&
      (!filter.ministryId || a.leadMinistryId === filter.ministryId || a.supportingMinistryIds.includes(filter.ministryId)) &&
      (!filter.planId || a.planItemIds.some((id) => itemsOfPlan.has(id))) &&
      (!filter.recommendationId || a.recommendationIds.includes(filter.recommendationId)) &&
      (filter.overdue === undefined || isOverdue(a, today) === filter.overdue),
  );
  const offTrack = await offTrackCounts(deps, matching, today);
  const items = matching.flatMap((action) => {
    const access = accessToAction(actor, action, rules);
    if (access.level === "none") return [];
    const count = offTrack.get(action.id) ?? 0;
    if (filter.offTrack !== undefined && count > 0 !== filter.offTrack) return [];
    return [readable(action, access, today, count)];
  });
  return items.sort((a, b) => a.endDate.localeCompare(b.endDate) || Number(a.id) - Number(b.id) || a.id.localeCompare(b.id));
}

/** How many of each action's own indicators are off track (two whole-list reads, whatever the number of actions). */
async function offTrackCounts(deps: Deps, actions: readonly Stored<ActionFields>[], today: CalendarDate): Promise<Map<string, number>> {
  if (actions.length === 0) return new Map();
  const wanted = new Set(actions.map((a) => a.id));
  const [indicators, values] = await Promise.all([queryAll(deps.repos.indicators, { top: 5000 }), queryAll(deps.repos.indicatorValues, { top: 5000 })]);
  const valuesOf = groupBy(values, (v) => v.indicatorId);
  const counts = new Map<string, number>();
  for (const indicator of indicators) {
    if (!indicator.actionId || !wanted.has(indicator.actionId)) continue;
    if (trackOf(indicator, valuesOf.get(indicator.id) ?? [], today) === "off-track") counts.set(indicator.actionId, (counts.get(indicator.actionId) ?? 0) + 1);
  }
  return counts;
}

async function valuesOfIndicator(deps: Deps, indicatorId: string): Promise<Stored<IndicatorValueFields>[]> {
  return queryAll(deps.repos.indicatorValues, { where: [{ field: "indicatorId", op: "eq", value: indicatorId }] });
}

/** One action with its indicators' series and its progress timeline; refused (ForbiddenError) to whom may not read it. */
export async function readAction(deps: Deps, actionId: string, actor: Actor, options: FollowUpReadOptions): Promise<ActionView> {
  authorize(actor, { kind: "read" });
  const action = await deps.repos.actions.get(actionId);
  const level = requireAccess(accessToAction(actor, action, rulesOf(deps)));
  return {
    ...(await actionView(deps, action, level, todayOf(deps, options))),
    mayReport: can(actor, { kind: "answer-request", ministryId: action.leadMinistryId }),
    mayReview: can(actor, { kind: "edit-lists" }),
  };
}

/**
 * An action as a card core queued shows it (a follow-up round's question to its lead
 * ministry's focal point): whom it goes to was decided when it was queued, so it is read in
 * full; `mayReport` is the sender's to say.
 */
export async function readActionForDelivery(deps: Deps, actionId: string, options: FollowUpReadOptions): Promise<ActionView> {
  const action = await deps.repos.actions.get(actionId);
  return { ...(await actionView(deps, action, "full", todayOf(deps, options))), mayReport: false, mayReview: false };
}

async function actionView(deps: Deps, action: Stored<ActionFields>, level: "full" | "shared", today: CalendarDate): Promise<Omit<ActionView, "mayReport" | "mayReview">> {
  const own = await queryAll(deps.repos.indicators, { where: [{ field: "actionId", op: "eq", value: action.id }] });
  const ofRecommendations = (
    await Promise.all(action.recommendationIds.map((id) => queryAll(deps.repos.indicators, { where: [{ field: "recommendationId", op: "eq", value: id }] })))
  ).flat();
  const seen = new Set<string>();
  const indicators = [...own, ...ofRecommendations].filter((i) => !seen.has(i.id) && Boolean(seen.add(i.id)));
  const views = await Promise.all(indicators.map(async (indicator) => indicatorView(indicator, await valuesOfIndicator(deps, indicator.id), level, today)));
  const versions = (await queryAll(deps.repos.progressUpdates, { where: [{ field: "actionId", op: "eq", value: action.id }] })).sort((a, b) => b.version - a.version);
  const timeline = level === "full" ? versions : versions.filter((u) => u.review === "accepted").map(sharedUpdate);
  const offTrack = views.filter((v) => v.indicator.actionId === action.id && v.track === "off-track").length;
  return { action: readable(action, { level }, today, offTrack), access: level, indicators: views, timeline };
}

/**
 * One indicator with its values: read as its action is, or, for an indicator of a
 * recommendation (or a cluster), as that recommendation is.
 */
export async function readIndicator(deps: Deps, indicatorId: string, actor: Actor, options: FollowUpReadOptions): Promise<IndicatorView> {
  authorize(actor, { kind: "read" });
  const indicator = await deps.repos.indicators.get(indicatorId);
  let level: "full" | "shared";
  if (indicator.actionId) {
    level = requireAccess(accessToAction(actor, await deps.repos.actions.get(indicator.actionId), rulesOf(deps)));
  } else {
    const shared = indicator.recommendationId ? (await deps.repos.recommendations.get(indicator.recommendationId)).sharedWithObservers : false;
    authorize(actor, { kind: "read-record", sharedWithObservers: shared });
    level = can(actor, { kind: "read-people" }) ? "full" : "shared";
  }
  return indicatorView(indicator, await valuesOfIndicator(deps, indicator.id), level, todayOf(deps, options));
}

export interface FollowUpFigures {
  actions: { total: number; byStatus: Record<ActionStatus, number> };
  overdueActions: number;
  indicators: { total: number; offTrack: number };
}

/**
 * The dashboard's follow-up figures, of what the reader may see: the actions `listActions`
 * shows them, and the indicators of those actions and of the recommendations they may read.
 */
export async function followUpFigures(deps: Deps, actor: Actor, options: FollowUpReadOptions, visibleRecommendationIds: ReadonlySet<string>): Promise<FollowUpFigures> {
  const today = todayOf(deps, options);
  const actions = await listActions(deps, {}, actor, options);
  const byStatus = Object.fromEntries(ACTION_STATUSES.map((status) => [status, actions.filter((a) => a.status === status).length])) as Record<ActionStatus, number>;
  const visibleActions = new Set(actions.map((a) => a.id));
  const [indicators, values] = await Promise.all([queryAll(deps.repos.indicators, { top: 5000 }), queryAll(deps.repos.indicatorValues, { top: 5000 })]);
  const valuesOf = groupBy(values, (v) => v.indicatorId);
  const shown = indicators.filter((i) => (i.actionId ? visibleActions.has(i.actionId) : i.recommendationId !== undefined && visibleRecommendationIds.has(i.recommendationId)));
  return {
    actions: { total: actions.length, byStatus },
    overdueActions: actions.filter((a) => a.overdue).length,
    indicators: { total: shown.length, offTrack: shown.filter((i) => trackOf(i, valuesOf.get(i.id) ?? [], today) === "off-track").length },
  };
}
