import { z } from "zod";
import { authorize, type Actor } from "../auth/policy";
import { InvalidStateError, ValidationError } from "../errors";
import { calendarDateSchema, LIMITS, recordIdSchema, textSchema, type Stored } from "../records/common";
import { fingerprint } from "../records/fingerprint";
import type { OutboxEntryInput } from "../outbox/outbox-entry";
import type { RecommendationFields } from "../recommendations/recommendation";
import type { FocalPointFields } from "../ministries/focal-point";
import type { MinistryFields } from "../ministries/ministry";
import type { ReportFields } from "../reports/report";
import { requestKey, requestSubjectSchema, subjectKey, type RequestFields, type RequestInput, type RequestSubject } from "./request";
import { parseOrThrow } from "../records/validate";
import { queryAll } from "../ports/repository";
import { audit, auditMany, type AuditEvent } from "../audit/audit";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { activeFocalPointsOf } from "../ministries/focal-points";
import { actorOfOperation, completeOperation, heartbeat, isStale, startOperation, takeOver, OPERATION_LEASE_MS } from "../operations/journal";
import type { OperationFields } from "../operations/operation";

export const createRequestsInputSchema = z.object({
  reportId: recordIdSchema,
  subjects: z.array(requestSubjectSchema).min(1, "choose at least one recommendation, question or section").max(5000),
  /** Whom to ask: each recommendation's lead ministry (and its supporting ones), or the ministries chosen. */
  ministries: z
    .discriminatedUnion("mode", [
      z.object({ mode: z.literal("lead") }),
      z.object({ mode: z.literal("lead-and-supporting") }),
      z.object({ mode: z.literal("selected"), ministryIds: z.array(recordIdSchema).min(1).max(200) }),
    ])
    .default({ mode: "lead" }),
  ask: textSchema(LIMITS.comment).pipe(z.string().trim().min(1, "say what you are asking for")),
  dueDate: calendarDateSchema,
});
export type CreateRequestsInput = z.input<typeof createRequestsInputSchema>;

export interface SkippedSubject {
  subject: RequestSubject;
  reason: string;
}

export interface CreateRequestsResult {
  /** The requests made: `queued` until Teams accepts their card, `undeliverable` when the ministry has nobody to send it to. */
  created: Stored<RequestFields>[];
  /** Requests that already existed for the same report, subject and ministry: left as they were. */
  alreadyExisting: number;
  skipped: SkippedSubject[];
  /** Created requests whose ministry has no technical focal point yet: nobody was sent the card. */
  unaddressed: { requestId: string; ministryId: string }[];
}

type Deps = Pick<UseCaseDeps, "repos" | "clock">;

/** Requests made and completed together: a crash loses at most one chunk's cards until a restart finishes them. */
const CHUNK = 200;

/**
 * Creates one request per subject × ministry and queues the request card for each ministry's
 * technical focal point. Idempotent: asking again for what was already asked creates nothing.
 *
 * Crash-safe: the operation is recorded first (core/operations), then each chunk of requests,
 * then their cards and audit entries, each write idempotent (unique keys the store enforces).
 * A request a crash left without its card or audit entry is completed by `finishCreateRequests`
 * when the operation's heartbeat is older than the lease (after a restart), or at once by the
 * next ask of the same report.
 */
export async function createRequests(deps: Deps, rawInput: CreateRequestsInput, actor: Actor): Promise<CreateRequestsResult> {
  authorize(actor, { kind: "create-requests" });
  const input = parseOrThrow(createRequestsInputSchema, rawInput, "The requests");
  const report = await deps.repos.reports.get(input.reportId);
  if (report.status === "submitted") throw new InvalidStateError("this report has been submitted: it takes no more requests", report.status, "create-requests");

  const now = deps.clock.now().toISOString();
  const ministries = new Map((await queryAll(deps.repos.ministries)).map((m) => [m.id, m]));
  if (input.ministries.mode === "selected") {
    const unknown = input.ministries.ministryIds.filter((id) => !ministries.has(id));
    if (unknown.length) throw new ValidationError(`unknown ministries: ${unknown.join(", ")}`, unknown.map((id) => ({ path: "ministries.ministryIds", message: `no ministry ${id}` })));
  }
  const recommendations = await loadRecommendations(deps, input.subjects);
  const existing = await queryAll(deps.repos.requests, { where: [{ field: "reportId", op: "eq", value: report.id }] });
  await finishInterruptedAsksOf(deps, existing);

  const plan = planRequests(input, { report, ministries, recommendations, existingKeys: new Set(existing.map((r) => r.key)) });
  const focalPoints = await technicalFocalPoints(deps, plan.requests.map((r) => r.ministryId));
  const result: CreateRequestsResult = { created: [], alreadyExisting: plan.alreadyExisting, skipped: plan.skipped, unaddressed: [] };
  if (plan.requests.length === 0) return result;

  const operation = await startOperation(deps, actor, {
    key: `create-requests:${report.id}:${now}:${fingerprint([actor.userId, input])}`.slice(0, 255),
    kind: "create-requests",
    reportId: report.id,
    planned: plan.requests.length,
    summary: `Asking ${new Set(plan.requests.map((r) => r.ministryId)).size} ministries about ${input.subjects.length} subjects of "${report.title}", due ${input.dueDate}`,
  });
  let current = operation;
  for (let start = 0; start < plan.requests.length; start += CHUNK) {
    const chunk = plan.requests.slice(start, start + CHUNK).map((request) => withDelivery(request, operation, focalPoints, now));
    const made: Stored<RequestFields>[] = [];
    for (const outcome of await deps.repos.requests.createMany(chunk)) {
      if (outcome.ok) made.push(outcome.record);
      else if (outcome.error.code === "conflict") result.alreadyExisting += 1; // asked meanwhile by someone else
      else throw outcome.error;
    }
    await completeRequests(deps, made, { report, ministries, focalPoints, actor, now });
    result.created.push(...made);
    current = await heartbeat(deps, current, { done: current.done + made.length });
  }
  result.unaddressed = result.created.filter((r) => r.status === "undeliverable").map((r) => ({ requestId: r.id, ministryId: r.ministryId }));
  await markReportCollecting(deps, report);
  await completeOperation(deps, current);
  return result;
}

interface Plan {
  requests: RequestInput[];
  alreadyExisting: number;
  skipped: SkippedSubject[];
}

/** One request per subject and ministry asked, leaving out what was already asked. */
function planRequests(
  input: z.output<typeof createRequestsInputSchema>,
  known: { report: Stored<ReportFields>; ministries: Map<string, Stored<MinistryFields>>; recommendations: Map<string, Stored<RecommendationFields>>; existingKeys: Set<string> },
): Plan {
  const questionNumbers = new Set(known.report.questions.map((q) => q.number));
  const plan: Plan = { requests: [], alreadyExisting: 0, skipped: [] };
  const plannedKeys = new Set<string>();
  for (const subject of input.subjects) {
    const targets = targetsFor(subject, input.ministries, known.recommendations, questionNumbers);
    if ("reason" in targets) {
      plan.skipped.push({ subject, reason: targets.reason });
      continue;
    }
    for (const { ministryId, role } of targets.ministries) {
      const ministry = known.ministries.get(ministryId);
      if (!ministry?.active) {
        plan.skipped.push({ subject, reason: ministry ? `${ministry.name} is no longer active` : `no ministry ${ministryId}` });
        continue;
      }
      const key = requestKey(known.report.id, subject, ministryId);
      if (known.existingKeys.has(key)) {
        plan.alreadyExisting += 1;
        continue;
      }
      if (plannedKeys.has(key)) continue;
      plannedKeys.add(key);
      plan.requests.push({
        key,
        reportId: known.report.id,
        subject,
        recommendationId: subject.kind === "recommendation" ? subject.recommendationId : undefined,
        ministryId,
        ministryRole: role,
        ask: input.ask,
        dueDate: input.dueDate,
        createdBy: "",
      });
    }
  }
  return plan;
}

/** The request as stored: queued for its card, or undeliverable at once when its ministry has nobody to receive it. */
function withDelivery(request: RequestInput, operation: Stored<OperationFields>, focalPoints: Map<string, Stored<FocalPointFields>[]>, now: string): RequestInput {
  const reachable = (focalPoints.get(request.ministryId) ?? []).length > 0;
  return {
    ...request,
    createdBy: operation.actorId,
    createdAt: now,
    operationKey: operation.key,
    status: reachable ? "queued" : "undeliverable",
    ...(reachable ? {} : { undeliverableReason: "no-focal-point" as const }),
  };
}

async function loadRecommendations(deps: Deps, subjects: RequestSubject[]): Promise<Map<string, Stored<RecommendationFields>>> {
  const ids = [...new Set(subjects.flatMap((s) => (s.kind === "recommendation" ? [s.recommendationId] : [])))];
  if (ids.length === 0) return new Map();
  if (ids.length > 20) {
    const wanted = new Set(ids);
    return new Map((await queryAll(deps.repos.recommendations, { top: 1000 })).filter((r) => wanted.has(r.id)).map((r) => [r.id, r]));
  }
  const found = await Promise.all(ids.map((id) => deps.repos.recommendations.get(id).catch(() => undefined)));
  return new Map(found.filter((r): r is Stored<RecommendationFields> => r !== undefined).map((r) => [r.id, r]));
}

type Targets = { ministries: { ministryId: string; role: "lead" | "supporting" }[] } | { reason: string };

function targetsFor(
  subject: RequestSubject,
  choice: z.output<typeof createRequestsInputSchema>["ministries"],
  recommendations: Map<string, Stored<RecommendationFields>>,
  questionNumbers: Set<string>,
): Targets {
  if (subject.kind === "question" && !questionNumbers.has(subject.number)) return { reason: `the report has no question ${subject.number}` };
  if (choice.mode === "selected") return { ministries: choice.ministryIds.map((ministryId) => ({ ministryId, role: "lead" })) };
  if (subject.kind !== "recommendation") return { reason: "choose the ministries to ask about a question or a section" };
  const recommendation = recommendations.get(subject.recommendationId);
  if (!recommendation) return { reason: `no recommendation ${subject.recommendationId}` };
  if (!recommendation.leadMinistryId) return { reason: `recommendation ${recommendation.documentSymbol} para. ${recommendation.paragraph} has no lead ministry yet` };
  const supporting = choice.mode === "lead-and-supporting" ? recommendation.supportingMinistryIds.filter((id) => id !== recommendation.leadMinistryId) : [];
  return {
    ministries: [
      { ministryId: recommendation.leadMinistryId, role: "lead" },
      ...supporting.map((ministryId) => ({ ministryId, role: "supporting" as const })),
    ],
  };
}

/** The technical focal points in office of each ministry. */
async function technicalFocalPoints(deps: Deps, ministryIds: string[]): Promise<Map<string, Stored<FocalPointFields>[]>> {
  return activeFocalPointsOf(deps, ministryIds, "technical");
}

function requestCardEntries(requests: Stored<RequestFields>[], focalPoints: Map<string, Stored<FocalPointFields>[]>, now: string, keySuffix = ""): OutboxEntryInput[] {
  return requests.flatMap((request) =>
    (focalPoints.get(request.ministryId) ?? []).map((focalPoint) => ({
      key: requestCardKey(request.id, focalPoint.userId, keySuffix),
      recipientId: focalPoint.userId,
      notification: { kind: "request" as const, requestId: request.id },
      createdAt: now,
    })),
  );
}

/** The outbox key of a request's card for one person (a resend or an extension adds a suffix). */
export function requestCardKey(requestId: string, userId: string, suffix = ""): string {
  return `request:${requestId}:${userId}${suffix}`;
}

/** The start of the outbox keys of every card of a request. */
export function requestCardKeyPrefix(requestId: string): string {
  return `request:${requestId}:`;
}

async function createOutboxEntries(deps: Deps, entries: OutboxEntryInput[]): Promise<void> {
  for (const result of await deps.repos.outbox.createMany(entries)) {
    if (!result.ok && result.error.code !== "conflict") throw result.error;
  }
}

function createdEvent(request: Stored<RequestFields>, report: Stored<ReportFields>, ministries: Map<string, Stored<MinistryFields>>): AuditEvent {
  return {
    action: "request.created",
    entity: "requests",
    entityId: request.id,
    summary: `Asked ${ministries.get(request.ministryId)?.name ?? request.ministryId} about ${subjectKey(request.subject)} for "${report.title}", due ${request.dueDate}`,
  };
}

/** The effects of made requests: their cards (idempotent by key) and their audit entries. */
async function completeRequests(
  deps: Deps,
  requests: Stored<RequestFields>[],
  context: { report: Stored<ReportFields>; ministries: Map<string, Stored<MinistryFields>>; focalPoints: Map<string, Stored<FocalPointFields>[]>; actor: Actor; now: string },
): Promise<void> {
  if (requests.length === 0) return;
  await createOutboxEntries(deps, requestCardEntries(requests, context.focalPoints, context.now));
  await auditMany(deps, context.actor, requests.map((request) => createdEvent(request, context.report, context.ministries)));
}

async function markReportCollecting(deps: Deps, report: Stored<ReportFields>): Promise<void> {
  if (report.status !== "planning") return;
  await deps.repos.reports.update(report.id, { status: "collecting" }, report.eTag).catch((error: unknown) => {
    if ((error as { code?: string }).code !== "concurrency") throw error;
  });
}

/**
 * Finishes an ask a crash interrupted: every request it made gets its cards and its audit entry
 * (the ones already written are found, not written twice). Requests it had not made yet stay
 * absent: asking again makes them.
 */
export async function finishCreateRequests(deps: Deps, operation: Stored<OperationFields>): Promise<number> {
  const made = await queryAll(deps.repos.requests, { where: [{ field: "operationKey", op: "eq", value: operation.key }] });
  if (made.length === 0) return 0;
  const report = await deps.repos.reports.get(made[0]!.reportId);
  const ministries = new Map((await queryAll(deps.repos.ministries)).map((m) => [m.id, m]));
  const focalPoints = await technicalFocalPoints(deps, made.filter((r) => r.status === "queued").map((r) => r.ministryId));
  const now = deps.clock.now().toISOString();
  await createOutboxEntries(deps, requestCardEntries(made.filter((r) => r.status === "queued"), focalPoints, now));
  const audited = new Set(
    (await queryAll(deps.repos.audit, { where: [{ field: "action", op: "eq", value: "request.created" }, { field: "at", op: "ge", value: operation.startedAt }] })).map((entry) => entry.entityId),
  );
  const actor = actorOfOperation(operation);
  await auditMany(deps, actor, made.filter((r) => !audited.has(r.id)).map((request) => createdEvent(request, report, ministries)));
  await markReportCollecting(deps, report);
  await audit(deps, actor, {
    action: "operation.recovered",
    entity: "operations",
    entityId: operation.id,
    summary: `Finished after a restart: ${operation.summary ?? operation.key} (${made.length} of ${operation.planned} requests had been made)`,
  });
  return made.length;
}

/** Asks of this report a crash interrupted: finished now, so that "already asked" is true of them. */
async function finishInterruptedAsksOf(deps: Deps, existing: Stored<RequestFields>[]): Promise<void> {
  const keys = new Set(existing.filter((r) => r.status === "queued" && r.operationKey).map((r) => r.operationKey!));
  if (keys.size === 0) return;
  const now = deps.clock.now();
  const started = await queryAll(deps.repos.operations, { where: [{ field: "status", op: "eq", value: "started" }] });
  for (const operation of started.filter((op) => keys.has(op.key) && isStale(op, now, OPERATION_LEASE_MS))) {
    const claimed = await takeOver(deps, operation);
    if (!claimed) continue;
    await finishCreateRequests(deps, claimed);
    await completeOperation(deps, claimed);
  }
}

/** Queues the request card for each ministry's technical focal point(s); returns the requests nobody can receive yet. */
export async function queueRequestCards(deps: Deps, requests: Stored<RequestFields>[], now: string, keySuffix = ""): Promise<{ requestId: string; ministryId: string }[]> {
  const focalPoints = await technicalFocalPoints(deps, requests.map((r) => r.ministryId));
  await createOutboxEntries(deps, requestCardEntries(requests, focalPoints, now, keySuffix));
  return requests.filter((r) => (focalPoints.get(r.ministryId) ?? []).length === 0).map((r) => ({ requestId: r.id, ministryId: r.ministryId }));
}
