/**
 * Follow-up rounds: the secretariat asks every lead ministry, in one card per action still
 * planned or under way, how its actions progressed. The round is recorded first (the intent),
 * then an operation of the journal, then the cards, in chunks, each with a unique outbox key:
 * starting the same round again, or a restart finishing one a crash interrupted, queues only
 * the cards still missing.
 */
import { z } from "zod";
import { authorize, type Actor } from "../auth/policy";
import { audit } from "../audit/audit";
import { isDomainError, ValidationError } from "../errors";
import { activeFocalPointsOf } from "../ministries/focal-points";
import { actorOfOperation, completeOperation, heartbeat, startOperation } from "../operations/journal";
import type { OperationFields } from "../operations/operation";
import type { OutboxEntryInput } from "../outbox/outbox-entry";
import { findOne, queryAll } from "../ports/repository";
import { viewsOf, type UseCaseDeps } from "../ports/use-case-deps";
import { calendarDateSchema, nonEmptyShortTextSchema, recordIdSchema, type Stored } from "../records/common";
import { mechanismSchema } from "../records/taxonomy";
import { parseOrThrow } from "../records/validate";
import type { ActionFields } from "./action";
import { roundKey, type FollowUpRoundFields } from "./round";

type Deps = Pick<UseCaseDeps, "repos" | "clock" | "views">;

export const startRoundInputSchema = z
  .strictObject({
    title: nonEmptyShortTextSchema,
    /** The mechanism whose recommendations' actions are asked about; a report's when `reportId` is given. */
    mechanism: mechanismSchema.optional(),
    reportId: recordIdSchema.optional(),
    dueDate: calendarDateSchema,
  })
  .refine((input) => input.mechanism !== undefined || input.reportId !== undefined, { path: ["mechanism"], message: "name the mechanism, or the report the round prepares" });
export type StartRoundInput = z.input<typeof startRoundInputSchema>;

export interface StartRoundResult {
  round: Stored<FollowUpRoundFields>;
  /** The actions asked about (planned or under way, for the mechanism's recommendations). */
  actions: number;
  /** Cards queued now. */
  queued: number;
  /** Cards this round had queued already (the round started again): not queued twice. */
  alreadyQueued: number;
  /** Actions whose lead ministry has no technical focal point: nobody was asked. */
  unaddressed: { actionId: string; ministryId: string }[];
}

/** Cards queued together between two heartbeats. */
const CHUNK = 200;

/** What the keys of a round's cards start with. */
export function progressCardPrefix(roundId: string): string {
  return `progress:${roundId}:`;
}

export function progressCardKey(roundId: string, actionId: string, recipientId: string): string {
  return `${progressCardPrefix(roundId)}${actionId}:${recipientId}`;
}

const OPERATION_PREFIX = "follow-up-round:";

/** The secretariat starts a round (or starts it again: what was queued is not queued twice). */
export async function startFollowUpRound(deps: Deps, rawInput: StartRoundInput, actor: Actor): Promise<StartRoundResult> {
  authorize(actor, { kind: "create-requests" });
  const input = parseOrThrow(startRoundInputSchema, rawInput, "The follow-up round");
  const report = input.reportId ? await deps.repos.reports.get(input.reportId) : undefined;
  if (report && input.mechanism && report.mechanism !== input.mechanism) {
    throw new ValidationError(`the report is a ${report.mechanism} report, not ${input.mechanism}`, [{ path: "mechanism", message: `the report is a ${report.mechanism} report` }]);
  }
  const mechanism = report?.mechanism ?? input.mechanism!;
  const key = roundKey({ mechanism, reportId: report?.id }, input.title);
  const round =
    (await findOne(deps.repos.followUpRounds, "key", key)) ??
    (await deps.repos.followUpRounds
      .create({ key, title: input.title, mechanism, reportId: report?.id, dueDate: input.dueDate, startedAt: deps.clock.now().toISOString(), startedBy: actor.userId, startedByName: actor.displayName.slice(0, 255) })
      .catch(async (error: unknown) => {
        // Started at the same instant by someone else: the same round.
        if (isDomainError(error) && error.code === "conflict") return (await findOne(deps.repos.followUpRounds, "key", key))!;
        throw error;
      }));
  const operationKey = `${OPERATION_PREFIX}${round.id}`;
  const operation =
    (await findOne(deps.repos.operations, "key", operationKey)) ??
    (await startOperation(deps, actor, { key: operationKey, kind: "follow-up-round", reportId: round.reportId, planned: 0, summary: `Follow-up round "${round.title}" (${round.mechanism}), due ${round.dueDate}` }).catch(async (error: unknown) => {
      if (isDomainError(error) && error.code === "conflict") return (await findOne(deps.repos.operations, "key", operationKey))!;
      throw error;
    }));
  const result = await queueRoundCards(deps, round, operation);
  await completeOperation(deps, result.operation);
  if (result.queued > 0) {
    await audit(deps, actor, { action: "round.started", entity: "followUpRounds", entityId: round.id, summary: `Follow-up round "${round.title}": ${result.queued} card(s) to ${new Set(result.asked.map((a) => a.leadMinistryId)).size} ministries about ${result.actions} action(s)` });
  }
  return { round, actions: result.actions, queued: result.queued, alreadyQueued: result.alreadyQueued, unaddressed: result.unaddressed };
}

/** The actions a round asks about: planned or under way, for a recommendation of its mechanism. */
async function actionsOfRound(deps: Deps, round: FollowUpRoundFields): Promise<Stored<ActionFields>[]> {
  const ofMechanism = new Set((await viewsOf(deps).recommendations.all()).filter((r) => r.mechanism === round.mechanism).map((r) => r.id));
  const open = [...(await queryAll(deps.repos.actions, { where: [{ field: "status", op: "eq", value: "planned" }] })), ...(await queryAll(deps.repos.actions, { where: [{ field: "status", op: "eq", value: "under-way" }] }))];
  return open.filter((a) => a.recommendationIds.some((id) => ofMechanism.has(id))).sort((a, b) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id));
}

async function queueRoundCards(deps: Deps, round: Stored<FollowUpRoundFields>, operation: Stored<OperationFields>) {
  const actions = await actionsOfRound(deps, round);
  const technical = await activeFocalPointsOf(deps, actions.map((a) => a.leadMinistryId), "technical");
  const recipients = new Map([...technical].map(([ministryId, focalPoints]) => [ministryId, focalPoints.map((f) => f.userId)]));
  const now = deps.clock.now().toISOString();
  const entries: OutboxEntryInput[] = actions.flatMap((action) =>
    (recipients.get(action.leadMinistryId) ?? []).map((recipientId) => ({ key: progressCardKey(round.id, action.id, recipientId), recipientId, notification: { kind: "progress" as const, roundId: round.id, actionId: action.id }, createdAt: now })),
  );
  let current = operation;
  let queued = 0;
  let alreadyQueued = 0;
  for (let start = 0; start < entries.length; start += CHUNK) {
    for (const outcome of await deps.repos.outbox.createMany(entries.slice(start, start + CHUNK))) {
      if (outcome.ok) queued += 1;
      else if (outcome.error.code === "conflict") alreadyQueued += 1;
      else throw outcome.error;
    }
    current = await heartbeat(deps, current, { done: queued + alreadyQueued });
  }
  const asked = actions.filter((a) => (recipients.get(a.leadMinistryId) ?? []).length > 0);
  const unaddressed = actions.filter((a) => (recipients.get(a.leadMinistryId) ?? []).length === 0).map((a) => ({ actionId: a.id, ministryId: a.leadMinistryId }));
  return { operation: current, actions: actions.length, asked, queued, alreadyQueued, unaddressed };
}

/** Finishes a round a crash interrupted (core/operations/recover): queues the cards still missing. */
export async function finishFollowUpRound(deps: Deps, operation: Stored<OperationFields>): Promise<number> {
  const round = await deps.repos.followUpRounds.get(operation.key.slice(OPERATION_PREFIX.length));
  const result = await queueRoundCards(deps, round, operation);
  if (result.queued > 0) {
    await audit(deps, actorOfOperation(operation), { action: "round.started", entity: "followUpRounds", entityId: round.id, summary: `Follow-up round "${round.title}" finished after a restart: ${result.queued} card(s)` });
  }
  return result.queued;
}

/** The rounds started, newest first. */
export async function listFollowUpRounds(deps: Deps, actor: Actor): Promise<Stored<FollowUpRoundFields>[]> {
  authorize(actor, { kind: "edit-lists" });
  return (await queryAll(deps.repos.followUpRounds)).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}
