/**
 * A follow-up schedule: how often a mechanism's actions are followed up (every quarter, every
 * six months...) and how many days before each due date its round starts
 * (core/followup/follow-up-schedules.ts starts them).
 */
import { z } from "zod";
import { addDays, type CalendarDate } from "../calendar/calendar";
import { calendarDateSchema, instantSchema, shortTextSchema, userIdSchema } from "../records/common";
import { mechanismSchema } from "../records/taxonomy";

export const followUpScheduleFieldsSchema = z.object({
  /** `mechanism:{code}`: one schedule per mechanism. */
  key: z.string().min(1).max(255),
  /** Whose recommendations' actions the rounds ask about. */
  mechanism: mechanismSchema,
  /** How many months between two rounds' due dates: 3 is every quarter. */
  everyMonths: z.number().int("a whole number of months").min(1, "at least every month").max(12, "at least once a year"),
  /** The due date of the first round; the next ones follow every `everyMonths` months (the same day of the month, or the month's last). */
  firstDueDate: calendarDateSchema,
  /** How many days before its due date a round starts: the time the ministries have to report. */
  startDaysBefore: z.number().int("a whole number of days").min(1, "at least one day").max(120, "at most 120 days").default(21),
  /** A paused schedule starts no round. */
  active: z.boolean().default(true),
  updatedAt: instantSchema,
  updatedBy: userIdSchema,
  updatedByName: shortTextSchema,
});
export type FollowUpScheduleFields = z.infer<typeof followUpScheduleFieldsSchema>;
export type FollowUpScheduleInput = z.input<typeof followUpScheduleFieldsSchema>;

export function scheduleKey(mechanism: string): string {
  return `mechanism:${mechanism}`;
}

/** `date` plus `months` months, on the same day of the month or the month's last day. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, "0")}-${String(targetMonth).padStart(2, "0")}-${String(Math.min(day, lastDay)).padStart(2, "0")}`;
}

/** The round a schedule has under way or due to start on `today`: the first due date not past, when its start has come. */
export function dueRoundOf(schedule: Pick<FollowUpScheduleFields, "everyMonths" | "firstDueDate" | "startDaysBefore">, today: CalendarDate): { dueDate: CalendarDate; startsOn: CalendarDate } | undefined {
  let dueDate = schedule.firstDueDate;
  for (let step = 1; dueDate < today && step <= 12 * 200; step += 1) dueDate = addMonths(schedule.firstDueDate, step * schedule.everyMonths);
  const startsOn = addDays(dueDate, -schedule.startDaysBefore);
  return today >= startsOn ? { dueDate, startsOn } : undefined;
}

/** A round's title from its due date: `UPR follow-up due 2026-06-30` (a title in the same words finds the same round). */
export function scheduledRoundTitle(mechanism: string, dueDate: CalendarDate): string {
  return `${mechanism} follow-up due ${dueDate}`;
}
