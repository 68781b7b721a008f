/**
 * The secretariat hears in Teams of what is due beyond requests, as the calendar shows it: the
 * reply to a special procedures' communication (14, 7 and 1 days before its due date, on the
 * day, and the day after if it is still not sent), and a visit whose dates are agreed (14 and
 * 7 days before it starts, and the day before). Each notice goes out at 09:00 in the record's
 * time zone to every member of the secretariat, once: its outbox key names the record, the date
 * and the notice, and a notice whose time passed before the record existed is not sent. Only the
 * latest notice due is queued when several passed unsent (the timer was down).
 */
import { dueNotices } from "../reminders/reminder-schedule";
import type { OutboxEntryInput } from "../outbox/outbox-entry";
import { queryAll } from "../ports/repository";
import type { UseCaseDeps } from "../ports/use-case-deps";

type Deps = Pick<UseCaseDeps, "repos" | "clock" | "directory">;

/** Days before the due date; a negative number is days after it (a reply still not sent). */
export const COMMUNICATION_NOTICE_DAYS = [14, 7, 1, 0, -1] as const;
export const VISIT_NOTICE_DAYS = [14, 7, 1] as const;
const SEND_AT = "09:00";
const PREFIX = "engagement:";

export function engagementNoticeKey(subject: "communication" | "visit", id: string, date: string, daysBefore: number, recipientId: string): string {
  return `${PREFIX}${subject}:${id}:${date}:${daysBefore}:${recipientId}`;
}

export interface EngagementReminderRun {
  communications: number;
  visits: number;
}

/**
 * The notice due now for a date, by the rule requests' reminders follow (reminder-schedule.ts):
 * the latest whose time has come and came after the record was made; `daysBefore` -1 for the
 * day after the date, when `afterwards` says there is one.
 */
function dueNotice(date: string, days: readonly number[], afterwards: boolean, timeZone: string, now: Date, madeAt: string): { daysBefore: number } | undefined {
  const policy = { remindDaysBefore: days.filter((d) => d >= 0), escalateDaysAfter: 1, sendAt: SEND_AT, dailyDigest: false };
  const [notice] = dueNotices({ status: "sent", dueDate: date, createdAt: madeAt, notices: [] }, policy, timeZone, now);
  if (!notice) return undefined;
  if (notice.kind === "escalation") return afterwards ? { daysBefore: -1 } : undefined;
  return { daysBefore: notice.daysBefore ?? 0 };
}

export async function runEngagementReminders(deps: Deps, options: { timeZone: string }): Promise<EngagementReminderRun> {
  const run: EngagementReminderRun = { communications: 0, visits: 0 };
  const now = deps.clock.now();
  const [communications, visits] = await Promise.all([
    queryAll(deps.repos.communications, { where: [{ field: "status", op: "eq", value: "received" }] }),
    Promise.all([queryAll(deps.repos.visits, { where: [{ field: "status", op: "eq", value: "accepted" }] }), queryAll(deps.repos.visits, { where: [{ field: "status", op: "eq", value: "scheduled" }] })]).then((lists) => lists.flat()),
  ]);
  const due: { subject: "communication" | "visit"; id: string; date: string; daysBefore: number }[] = [];
  for (const communication of communications) {
    const notice = dueNotice(communication.replyDueDate, COMMUNICATION_NOTICE_DAYS, true, communication.timeZone || options.timeZone, now, communication.createdAt);
    if (notice) due.push({ subject: "communication", id: communication.id, date: communication.replyDueDate, ...notice });
  }
  for (const visit of visits) {
    if (!visit.agreedFrom) continue;
    const notice = dueNotice(visit.agreedFrom, VISIT_NOTICE_DAYS, false, visit.timeZone || options.timeZone, now, visit.createdAt);
    if (notice) due.push({ subject: "visit", id: visit.id, date: visit.agreedFrom, ...notice });
  }
  if (due.length === 0) return run;

  const secretariat = await deps.directory.usersWithRole("Secretariat");
  for (const notice of due) {
    const keyOf = (recipientId: string) => engagementNoticeKey(notice.subject, notice.id, notice.date, notice.daysBefore, recipientId);
    // Queued already (the usual case on a rerun): one read, no write.
    const queued = new Set((await queryAll(deps.repos.outbox, { where: [{ field: "key", op: "startswith", value: keyOf("") }] })).map((e) => e.recipientId));
    const entries: OutboxEntryInput[] = secretariat
      .filter((person) => !queued.has(person.id))
      .map((person) => ({
        key: keyOf(person.id),
        recipientId: person.id,
        notification: { kind: "engagement-due", subject: notice.subject, id: notice.id, date: notice.date, daysBefore: notice.daysBefore },
        createdAt: now.toISOString(),
      }));
    let created = false;
    for (const result of await deps.repos.outbox.createMany(entries)) {
      if (result.ok) created = true;
      else if (result.error.code !== "conflict") throw result.error;
    }
    if (created && notice.subject === "communication") run.communications += 1;
    if (created && notice.subject === "visit") run.visits += 1;
  }
  return run;
}
