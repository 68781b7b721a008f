/**
 * Reading requests: one request with what a card or a page shows about it, the requests a
 * person may see, the open requests of a focal point's ministries. Every door (the bot's cards,
 * the API) reads through these, so that an observer, a focal point of another ministry or a
 * person with no role is refused or shown the same thing whichever way they ask.
 */
import { accessToRequest, authorize, can, decide, requireAccess, type Actor } from "../auth/policy";
import { ForbiddenError, InvalidStateError, isDomainError, type DomainError } from "../errors";
import type { ContributionFields } from "../contributions/contribution";
import type { MinistryFields } from "../ministries/ministry";
import { queryAll, readAll } from "../ports/repository";
import { rulesOf, viewsOf, type UseCaseDeps } from "../ports/use-case-deps";
import type { Stored } from "../records/common";
import type { Mechanism, UprPosition } from "../records/taxonomy";
import type { RecommendationFields } from "../recommendations/recommendation";
import type { ReportFields } from "../reports/report";
import { changeRequest } from "./change-request";
import type { RequestFields, RequestStatus } from "./request";
import { applyRequestEvent, canApply, isAwaitingDelivery, isOpen, isUnanswered } from "./request-lifecycle";

type Deps = Pick<UseCaseDeps, "repos" | "rules" | "views">;

export type SubjectView =
  | { kind: "recommendation"; documentSymbol: string; paragraph: string; text: string; recommendingStates: string[]; position?: UprPosition }
  | { kind: "question"; number: string; text?: string }
  | { kind: "section"; section: string; title: string }
  /** The recommendation was not found (it should not happen: records are never deleted). */
  | { kind: "unknown" };

/** A request with what a card or a page shows about it, as the reader may see it. */
export interface RequestView {
  /** At the "shared" level: without the reasons given, the notices queued or the latest answer's id. */
  request: ReadableRequest;
  /** "full": everything; "shared": what is shared with observers (no answer). */
  access: "full" | "shared";
  report?: Stored<ReportFields>;
  mechanism?: Mechanism;
  ministry?: Stored<MinistryFields>;
  subject: SubjectView;
  /** The latest answer, for a reader at the "full" level. */
  latest?: Stored<ContributionFields>;
  /** The reader may answer it (and ask for more time, decline it): an active focal point of its ministry, while it is open. */
  mayAnswer: boolean;
}

/** Whether a request is shared with observers: its report is, and so is the recommendation it is about. */
export function isRequestShared(report: Pick<ReportFields, "sharedWithObservers"> | undefined, recommendation: Pick<RecommendationFields, "sharedWithObservers"> | undefined, request: Pick<RequestFields, "subject">): boolean {
  if (!report?.sharedWithObservers) return false;
  return request.subject.kind !== "recommendation" || recommendation?.sharedWithObservers === true;
}

/** A request as a reader gets it; `access: "shared"` marks one read at the "shared" level (its answers are not theirs to read). */
export type ReadableRequest = Stored<RequestFields> & { access?: "shared" };

/** What the "shared" level shows of a request: its subject, ministry, dates and status; not what people wrote or what was queued. */
export function sharedRequest(request: Stored<RequestFields>): ReadableRequest {
  const { moreTimeReason: _reason, declinedReason: _declined, latestContributionId: _latest, moreTimeRequestedUntil: _until, ...rest } = request;
  return { ...rest, notices: [], access: "shared" };
}

/** The reader may answer this request now. */
export function mayAnswer(actor: Actor, request: Pick<RequestFields, "ministryId" | "status">): boolean {
  return can(actor, { kind: "answer-request", ministryId: request.ministryId }) && isOpen(request.status);
}

async function orUndefined<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    // A related record that is gone, or that a person left unusable in SharePoint (it needs attention), is shown as unknown.
    if (isDomainError(error) && (error.code === "not_found" || error.code === "needs_attention")) return undefined;
    throw error;
  }
}

async function loadAround(deps: Pick<UseCaseDeps, "repos">, request: Stored<RequestFields>) {
  const [report, ministry, recommendation] = await Promise.all([
    orUndefined(deps.repos.reports.get(request.reportId)),
    orUndefined(deps.repos.ministries.get(request.ministryId)),
    request.subject.kind === "recommendation" ? orUndefined(deps.repos.recommendations.get(request.subject.recommendationId)) : Promise.resolve(undefined),
  ]);
  return { report, ministry, recommendation };
}

/** One request as the reader may see it; refused (ForbiddenError) when they may not read it at all. */
export async function readRequest(deps: Deps, requestOrId: string | Stored<RequestFields>, actor: Actor): Promise<RequestView> {
  authorize(actor, { kind: "read" });
  const request = typeof requestOrId === "string" ? await deps.repos.requests.get(requestOrId) : requestOrId;
  const { report, ministry, recommendation } = await loadAround(deps, request);
  const access = requireAccess(accessToRequest(actor, { ministryId: request.ministryId, sharedWithObservers: isRequestShared(report, recommendation, request) }, rulesOf(deps)));
  const latest = access === "full" && request.latestContributionId ? await orUndefined(deps.repos.contributions.get(request.latestContributionId)) : undefined;
  return {
    request: access === "full" ? request : sharedRequest(request),
    access,
    report,
    mechanism: report?.mechanism,
    ministry,
    subject: subjectView(request, report, recommendation),
    latest,
    mayAnswer: mayAnswer(actor, request),
  };
}

/**
 * A request as a message core queued shows it (a request card, a reminder, a notice to the
 * secretariat): whom it goes to was decided when it was queued (the request's focal points,
 * the secretariat), so it is read in full; `mayAnswer` is the sender's to say.
 */
export async function readRequestForDelivery(deps: Pick<UseCaseDeps, "repos">, requestId: string): Promise<RequestView> {
  const request = await deps.repos.requests.get(requestId);
  const { report, ministry, recommendation } = await loadAround(deps, request);
  const latest = request.latestContributionId ? await orUndefined(deps.repos.contributions.get(request.latestContributionId)) : undefined;
  return { request, access: "full", report, mechanism: report?.mechanism, ministry, subject: subjectView(request, report, recommendation), latest, mayAnswer: false };
}

function subjectView(request: RequestFields, report: Stored<ReportFields> | undefined, recommendation: Stored<RecommendationFields> | undefined): SubjectView {
  const subject = request.subject;
  switch (subject.kind) {
    case "recommendation":
      if (!recommendation) return { kind: "unknown" };
      return {
        kind: "recommendation",
        documentSymbol: recommendation.documentSymbol,
        paragraph: recommendation.paragraph,
        text: recommendation.text,
        recommendingStates: recommendation.recommendingStates,
        position: recommendation.position,
      };
    case "question":
      return { kind: "question", number: subject.number, text: report?.questions.find((q) => q.number === subject.number)?.text };
    case "section":
      return { kind: "section", section: subject.section, title: subject.title };
  }
}

/**
 * Opens a request: reads it as `readRequest` does and, when its focal point opens it for the
 * first time, marks it seen (a failure to mark it leaves it as it was: opening still works).
 */
export async function openRequest(deps: Deps & Pick<UseCaseDeps, "clock" | "directory">, requestId: string, actor: Actor, onSeenFailure?: (error: unknown) => void): Promise<RequestView> {
  const view = await readRequest(deps, requestId, actor);
  if (!(view.request.status === "sent" || isAwaitingDelivery(view.request.status)) || !view.mayAnswer) return view;
  try {
    const seen = await changeRequest(deps, { requestId, change: { action: "see" } }, actor);
    return { ...view, request: seen };
  } catch (error) {
    onSeenFailure?.(error);
    return view;
  }
}

export interface RequestFilter {
  reportId?: string;
  ministryId?: string;
  recommendationId?: string;
  status?: RequestStatus;
}

export interface RequestList {
  /** The requests the reader may see, each at its level, by due date. */
  items: ReadableRequest[];
  /** The reports read to decide (pass them on to describe the subjects without reading again). */
  reports?: Stored<ReportFields>[];
  /** The recommendations read to decide, likewise. */
  recommendations?: Stored<RecommendationFields>[];
}

/**
 * The requests a person may see: every one for the secretariat, the chair and administrators;
 * a focal point's own ministry's (every ministry's when the mechanism lets them); and, for
 * anyone with a role, those shared with observers (a shared report, about a shared subject),
 * at the "shared" level.
 */
export async function listRequests(deps: Deps, filter: RequestFilter, actor: Actor): Promise<RequestList> {
  authorize(actor, { kind: "read" });
  const rules = rulesOf(deps);
  const views = viewsOf(deps);
  const matching = (await views.requests.all()).filter(
    (r) =>
      (!filter.reportId || r.reportId === filter.reportId) &&
      (!filter.ministryId || r.ministryId === filter.ministryId) &&
      (!filter.recommendationId || r.recommendationId === filter.recommendationId) &&
      (!filter.status || r.status === filter.status),
  );
  // Whether a request is shared matters only for those the reader does not read in full.
  const needsSharing = matching.some((r) => accessToRequest(actor, { ministryId: r.ministryId, sharedWithObservers: false }, rules).level !== "full");
  const [reports, recommendations] = needsSharing ? await Promise.all([queryAll(deps.repos.reports), views.recommendations.all()]) : [undefined, undefined];
  const reportById = new Map((reports ?? []).map((r) => [r.id, r]));
  const recommendationById = new Map((recommendations ?? []).map((r) => [r.id, r]));
  const items = matching.flatMap((request) => {
    const shared = needsSharing && isRequestShared(reportById.get(request.reportId), request.recommendationId ? recommendationById.get(request.recommendationId) : undefined, request);
    const access = accessToRequest(actor, { ministryId: request.ministryId, sharedWithObservers: shared }, rules);
    if (access.level === "none") return [];
    return [access.level === "full" ? request : sharedRequest(request)];
  });
  items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || Number(a.id) - Number(b.id) || a.id.localeCompare(b.id));
  return { items, reports, recommendations };
}

/** The open requests of the reader's ministries (those they may answer): those waiting for an answer first, the soonest due first. */
export async function openRequestsOf(deps: Deps, actor: Actor): Promise<RequestView[]> {
  return (await myOpenRequests(deps, actor)).views;
}

/**
 * The person's open requests, and how many of their ministries' requests cannot be shown because
 * a person left them in SharePoint in a state the app cannot use (the secretariat fixes them).
 */
export async function myOpenRequests(deps: Deps, actor: Actor): Promise<{ views: RequestView[]; needsAttention: number }> {
  const requests: Stored<RequestFields>[] = [];
  let needsAttention = 0;
  for (const ministryId of actor.ministryIds) {
    const { items: ofMinistry, needsAttention: broken } = await readAll(deps.repos.requests, { where: [{ field: "ministryId", op: "eq", value: ministryId }] });
    requests.push(...ofMinistry.filter((request) => mayAnswer(actor, request)));
    needsAttention += broken.length;
  }
  requests.sort(
    (a, b) => Number(isUnanswered(b.status)) - Number(isUnanswered(a.status)) || a.dueDate.localeCompare(b.dueDate) || Number(a.id) - Number(b.id),
  );
  return { views: await Promise.all(requests.map((request) => readRequest(deps, request, actor))), needsAttention };
}

/** What a typed answer or a file most likely belongs to: the requests still waiting, else every open one. */
export function answerCandidates(views: RequestView[]): RequestView[] {
  const waiting = views.filter((view) => isUnanswered(view.request.status));
  return waiting.length ? waiting : views;
}

/**
 * Why the reader may not answer (or ask for more time on, or decline) this request: the
 * policy's refusal, or the lifecycle's for a closed request; nothing when they may. The same
 * errors the use cases throw, so that every door words them alike.
 */
export function refusalToAnswer(actor: Actor, request: Pick<RequestFields, "ministryId" | "status" | "dueDate" | "statusBeforeClose">): DomainError | undefined {
  const decision = decide(actor, { kind: "answer-request", ministryId: request.ministryId });
  if (!decision.allowed) return new ForbiddenError(decision.reason);
  if (canApply(request.status, "answer")) return undefined;
  try {
    applyRequestEvent(request, { type: "answer", at: "" });
  } catch (error) {
    if (error instanceof InvalidStateError) return error;
  }
  return new InvalidStateError("this request no longer takes answers", request.status, "answer");
}
