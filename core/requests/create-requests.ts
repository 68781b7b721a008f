import { z } from "zod";
import { authorize, type Actor } from "../auth/policy";
import { InvalidStateError, ValidationError } from "../errors";
import { calendarDateSchema, LIMITS, recordIdSchema, textSchema, type Stored } from "../records/common";
import type { OutboxEntryInput } from "../outbox/outbox-entry";
import type { RecommendationFields } from "../recommendations/recommendation";
import { requestKey, requestSubjectSchema, subjectKey, type RequestFields, type RequestInput, type RequestSubject } from "./request";
import { parseOrThrow } from "../records/validate";
import { queryAll } from "../ports/repository";
import { auditMany } from "../audit/audit";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { activeFocalPoints } from "../ministries/focal-points";

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
  created: Stored<RequestFields>[];
  /** Requests that already existed for the same report, subject and ministry: left as they were. */
  alreadyExisting: number;
  skipped: SkippedSubject[];
  /** Created requests whose ministry has no technical focal point yet: nobody was sent the card. */
  unaddressed: { requestId: string; ministryId: string }[];
}

type Deps = Pick<UseCaseDeps, "repos" | "clock">;

/**
 * Creates one request per subject × ministry and queues the request card for each ministry's
 * technical focal point. Idempotent: asking again for what was already asked creates nothing.
 */
export async function createRequests(deps: Deps, rawInput: CreateRequestsInput, actor: Actor): Promise<CreateRequestsResult> {
  authorize(actor, { kind: "create-requests" });
  const input = parseOrThrow(createRequestsInputSchema, rawInput, "The requests");
  const report = await deps.repos.reports.get(input.reportId);
  if (report.status === "submitted") throw new InvalidStateError("this report has been submitted: it takes no more requests", report.status, "create-requests");

  const now = deps.clock.now().toISOString();
  const ministries = new Map((await queryAll(deps.repos.ministries)).map((m) => [m.id, m]));
  const recommendations = await loadRecommendations(deps, input.subjects);
  const questionNumbers = new Set(report.questions.map((q) => q.number));
  const existingKeys = new Set((await queryAll(deps.repos.requests, { where: [{ field: "reportId", op: "eq", value: report.id }] })).map((r) => r.key));

  if (input.ministries.mode === "selected") {
    const unknown = input.ministries.ministryIds.filter((id) => !ministries.has(id));
    if (unknown.length) throw new ValidationError(`unknown ministries: ${unknown.join(", ")}`, unknown.map((id) => ({ path: "ministries.ministryIds", message: `no ministry ${id}` })));
  }

  const skipped: SkippedSubject[] = [];
  const toCreate: RequestInput[] = [];
  const plannedKeys = new Set<string>();
  let alreadyExisting = 0;

  for (const subject of input.subjects) {
    const targets = targetsFor(subject, input.ministries, recommendations, questionNumbers);
    if ("reason" in targets) {
      skipped.push({ subject, reason: targets.reason });
      continue;
    }
    for (const { ministryId, role } of targets.ministries) {
      const ministry = ministries.get(ministryId);
      if (!ministry?.active) {
        skipped.push({ subject, reason: ministry ? `${ministry.name} is no longer active` : `no ministry ${ministryId}` });
        continue;
      }
      const key = requestKey(report.id, subject, ministryId);
      if (existingKeys.has(key)) {
        alreadyExisting += 1;
        continue;
      }
      if (plannedKeys.has(key)) continue;
      plannedKeys.add(key);
      toCreate.push({
        key,
        reportId: report.id,
        subject,
        recommendationId: subject.kind === "recommendation" ? subject.recommendationId : undefined,
        ministryId,
        ministryRole: role,
        ask: input.ask,
        dueDate: input.dueDate,
        status: "sent",
        sentAt: now,
        createdBy: actor.userId,
      });
    }
  }

  const created: Stored<RequestFields>[] = [];
  for (const result of await deps.repos.requests.createMany(toCreate)) {
    if (result.ok) created.push(result.record);
    else if (result.error.code === "conflict") alreadyExisting += 1; // created meanwhile by someone else
    else throw result.error;
  }

  const unaddressed = await queueRequestCards(deps, created, now);
  await auditMany(
    deps,
    actor,
    created.map((request) => ({
      action: "request.created",
      entity: "requests",
      entityId: request.id,
      summary: `Asked ${ministries.get(request.ministryId)?.name ?? request.ministryId} about ${subjectKey(request.subject)} for "${report.title}", due ${request.dueDate}`,
    })),
  );
  if (created.length && report.status === "planning") {
    await deps.repos.reports.update(report.id, { status: "collecting" }, report.eTag).catch((error: unknown) => {
      if ((error as { code?: string }).code !== "concurrency") throw error;
    });
  }
  return { created, alreadyExisting, skipped, unaddressed };
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

/** Queues the request card for each ministry's technical focal point(s); returns the requests nobody can receive yet. */
export async function queueRequestCards(deps: Deps, requests: Stored<RequestFields>[], now: string, keySuffix = ""): Promise<{ requestId: string; ministryId: string }[]> {
  const focalPointsByMinistry = new Map<string, Awaited<ReturnType<typeof activeFocalPoints>>>();
  const entries: OutboxEntryInput[] = [];
  const unaddressed: { requestId: string; ministryId: string }[] = [];
  for (const request of requests) {
    let focalPoints = focalPointsByMinistry.get(request.ministryId);
    if (!focalPoints) {
      focalPoints = await activeFocalPoints(deps, request.ministryId, "technical");
      focalPointsByMinistry.set(request.ministryId, focalPoints);
    }
    if (focalPoints.length === 0) unaddressed.push({ requestId: request.id, ministryId: request.ministryId });
    for (const focalPoint of focalPoints) {
      entries.push({
        key: `request:${request.id}:${focalPoint.userId}${keySuffix}`,
        recipientId: focalPoint.userId,
        notification: { kind: "request", requestId: request.id },
        createdAt: now,
      });
    }
  }
  for (const result of await deps.repos.outbox.createMany(entries)) {
    if (!result.ok && result.error.code !== "conflict") throw result.error;
  }
  return unaddressed;
}
