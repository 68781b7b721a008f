import type { ReminderPolicy } from "../reports/report";
import type { RequestFields } from "../requests/request";
import { addDays, startOfDate, zonedInstant, type CalendarDate } from "../calendar/calendar";
import { COUNTS_AS_LATE } from "../requests/request-lifecycle";
import type { RequestStatus } from "../requests/request";

const isLateable = (status: RequestStatus) => COUNTS_AS_LATE.includes(status);

export interface DueNotice {
  /** Unique per request and due date: a notice with a key already in `request.notices` is never due again. */
  key: string;
  kind: "reminder" | "escalation";
  /** Who receives it: the technical focal point is reminded, the senior one hears of escalations. */
  recipientRole: "technical" | "senior";
  daysBefore?: number;
  daysLate?: number;
  /** When it became due. */
  at: Date;
}

type ScheduledRequest = Pick<RequestFields, "status" | "dueDate" | "sentAt" | "createdAt" | "notices" | "undeliverableReason">;

export function reminderKey(dueDate: CalendarDate, daysBefore: number): string {
  return `reminder:${dueDate}:${daysBefore}`;
}

export function escalationKey(dueDate: CalendarDate, daysLate: number): string {
  return `escalation:${dueDate}:${daysLate}`;
}

/**
 * The reminders and the escalation that are due for a request now, each at most once.
 *
 * - Reminders go out at the policy's local time, `remindDaysBefore` days before the due date
 *   (0 = on the due date). A reminder whose time passed before the request was sent is not due
 *   (nobody is reminded of what they just received), and when several passed unsent (the
 *   scheduler was down) only the latest is due.
 * - The escalation goes out `escalateDaysAfter` days after the due date.
 * - An extension moves the due date, and with it every key: the new schedule starts afresh.
 */
export function dueNotices(request: ScheduledRequest, policy: ReminderPolicy, timeZone: string, now: Date): DueNotice[] {
  if (!isLateable(request.status)) return [];
  const alreadyQueued = new Set(request.notices);
  const sentAt = new Date(request.sentAt ?? request.createdAt ?? 0);
  const due: DueNotice[] = [];

  const escalationAt = zonedInstant(addDays(request.dueDate, policy.escalateDaysAfter), policy.sendAt, timeZone);
  if (now >= escalationAt) {
    const key = escalationKey(request.dueDate, policy.escalateDaysAfter);
    if (!alreadyQueued.has(key)) {
      due.push({ key, kind: "escalation", recipientRole: "senior", daysLate: policy.escalateDaysAfter, at: escalationAt });
    }
    return due;
  }
  // Reminders go to the technical focal point, whom the card could not reach: only the escalation goes out.
  if (request.status === "undeliverable" || request.undeliverableReason) return due;

  const passedReminders = [...new Set(policy.remindDaysBefore)]
    .map((daysBefore) => ({ daysBefore, at: zonedInstant(addDays(request.dueDate, -daysBefore), policy.sendAt, timeZone) }))
    .filter(({ at }) => at <= now && at > sentAt)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const latest = passedReminders[0];
  if (latest) {
    const key = reminderKey(request.dueDate, latest.daysBefore);
    if (!alreadyQueued.has(key)) {
      due.push({ key, kind: "reminder", recipientRole: "technical", daysBefore: latest.daysBefore, at: latest.at });
    }
  }
  return due;
}

/** Past the end of its due date in the mechanism's time zone, with no answer. */
export function isOverdue(request: Pick<RequestFields, "status" | "dueDate">, timeZone: string, now: Date): boolean {
  return isLateable(request.status) && now >= startOfDate(addDays(request.dueDate, 1), timeZone);
}

export function digestKey(date: CalendarDate, recipientId: string): string {
  return `digest:${date}:${recipientId}`;
}

/** Whether today's digest time has come (it goes out once a day, at the policy's local time). */
export function isDigestTime(policy: ReminderPolicy, today: CalendarDate, timeZone: string, now: Date): boolean {
  return policy.dailyDigest && now >= zonedInstant(today, policy.sendAt, timeZone);
}
