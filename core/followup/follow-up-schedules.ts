/**
 * Follow-up schedules: the secretariat says once how often each mechanism's actions are
 * followed up, and the rounds start by themselves, a set number of days before each due date,
 * on the leader's timer. A round is started through startFollowUpRound with a title made from
 * its due date, so a rerun, a restart or a second instance finds the same round and queues no
 * card twice.
 */
import { z } from "zod";
import { authorize, type Actor } from "../auth/policy";
import { audit } from "../audit/audit";
import { calendarDateAt, type CalendarDate } from "../calendar/calendar";
import { isDomainError } from "../errors";
import { findOne, readAll } from "../ports/repository";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { calendarDateSchema, type Stored } from "../records/common";
import { mechanismSchema } from "../records/taxonomy";
import { parseOrThrow } from "../records/validate";
import { startFollowUpRound } from "./follow-up-round";
import { roundKey } from "./round";
import { dueRoundOf, followUpScheduleFieldsSchema, scheduledRoundTitle, scheduleKey, type FollowUpScheduleFields } from "./schedule";

export const setScheduleInputSchema = z.strictObject({
  mechanism: mechanismSchema,
  everyMonths: followUpScheduleFieldsSchema.shape.everyMonths,
  firstDueDate: calendarDateSchema,
  startDaysBefore: followUpScheduleFieldsSchema.shape.startDaysBefore,
  active: z.boolean().default(true),
});
export type SetScheduleInput = z.input<typeof setScheduleInputSchema>;

type Deps = Pick<UseCaseDeps, "repos" | "clock" | "views">;

/** The secretariat sets (or changes, or pauses) a mechanism's follow-up schedule. */
export async function setFollowUpSchedule(deps: Deps, rawInput: SetScheduleInput, actor: Actor): Promise<Stored<FollowUpScheduleFields>> {
  authorize(actor, { kind: "create-requests" });
  const input = parseOrThrow(setScheduleInputSchema, rawInput, "The follow-up schedule");
  const key = scheduleKey(input.mechanism);
  const fields = { ...input, key, updatedAt: deps.clock.now().toISOString(), updatedBy: actor.userId, updatedByName: actor.displayName.slice(0, 255) };
  const existing = await findOne(deps.repos.followUpSchedules, "key", key);
  const saved = existing
    ? await deps.repos.followUpSchedules.update(existing.id, fields, existing.eTag)
    : await deps.repos.followUpSchedules.create(fields).catch(async (error: unknown) => {
        // Set at the same instant by someone else: this one's values win, with that record's eTag.
        if (!isDomainError(error) || error.code !== "conflict") throw error;
        const raced = (await findOne(deps.repos.followUpSchedules, "key", key))!;
        return deps.repos.followUpSchedules.update(raced.id, fields, raced.eTag);
      });
  const every = input.everyMonths === 1 ? "every month" : `every ${input.everyMonths} months`;
  await audit(deps, actor, {
    action: "schedule.set",
    entity: "followUpSchedules",
    entityId: saved.id,
    summary: `Follow-up of ${input.mechanism} ${input.active ? `${every}, first due ${input.firstDueDate}, each round started ${saved.startDaysBefore} days before` : "paused"}`,
  });
  return saved;
}

export async function listFollowUpSchedules(deps: Deps, actor: Actor): Promise<Stored<FollowUpScheduleFields>[]> {
  authorize(actor, { kind: "create-requests" });
  const { items } = await readAll(deps.repos.followUpSchedules);
  return items.sort((a, b) => a.mechanism.localeCompare(b.mechanism));
}

export interface ScheduleRun {
  /** Rounds that queued cards in this run. */
  started: { mechanism: string; dueDate: CalendarDate; queued: number }[];
  /** Schedules whose due round was started already (nothing to do). */
  upToDate: number;
}

/**
 * Starts the rounds the active schedules have due (the leader's timer runs it with the
 * reminders). Safe to run as often as one likes: a round already started queues nothing.
 * The round is started in the name of whoever last set the schedule.
 */
export async function runFollowUpSchedules(deps: Deps, options: { timeZone: string }): Promise<ScheduleRun> {
  const run: ScheduleRun = { started: [], upToDate: 0 };
  const today = calendarDateAt(deps.clock.now(), options.timeZone);
  const { items } = await readAll(deps.repos.followUpSchedules);
  for (const schedule of items) {
    if (!schedule.active) continue;
    const due = dueRoundOf(schedule, today);
    if (!due) continue;
    const title = scheduledRoundTitle(schedule.mechanism, due.dueDate);
    // Started already (a crash half-way is the operations recovery's to finish): nothing to read or write.
    if (await findOne(deps.repos.followUpRounds, "key", roundKey({ mechanism: schedule.mechanism }, title))) {
      run.upToDate += 1;
      continue;
    }
    const actor: Actor = { userId: schedule.updatedBy, displayName: schedule.updatedByName, roles: ["Secretariat"], ministryIds: [] };
    const result = await startFollowUpRound(deps, { title, mechanism: schedule.mechanism, dueDate: due.dueDate }, actor);
    if (result.queued > 0) run.started.push({ mechanism: schedule.mechanism, dueDate: due.dueDate, queued: result.queued });
    else run.upToDate += 1;
  }
  return run;
}
