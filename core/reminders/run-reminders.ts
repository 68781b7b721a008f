import { SYSTEM_ACTOR } from "../auth/policy";
import type { Stored } from "../records/common";
import type { OutboxEntryInput } from "../outbox/outbox-entry";
import { DEFAULT_REMINDER_POLICY, type ReportFields } from "../reports/report";
import type { RequestFields } from "../requests/request";
import { readAll } from "../ports/repository";
import { NeedsAttentionError, type RowNeedingAttention } from "../records/needs-attention";
import { calendarDateAt } from "../calendar/calendar";
import { digestKey, dueNotices, isDigestTime, isOverdue } from "./reminder-schedule";
import { applyRequestEvent, COUNTS_AS_LATE } from "../requests/request-lifecycle";
import { auditMany, type AuditEvent } from "../audit/audit";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { activeFocalPoints } from "../ministries/focal-points";

export interface ReminderRunOptions {
  /** The mechanism's time zone, for the secretariat's daily digest. */
  timeZone: string;
}

export interface ReminderRun {
  reminders: number;
  escalations: number;
  digests: number;
  markedOverdue: number;
  /**
   * Rows skipped because a person left them in SharePoint in a state the app cannot use (requests,
   * and the reports they belong to): nobody is reminded about them until they are fixed.
   */
  needsAttention: number;
  /** Which rows those are (`Requests 12`), for the log. */
  skipped: string[];
}

type Deps = Pick<UseCaseDeps, "repos" | "clock" | "directory">;

/**
 * Queues what is due now: reminders to technical focal points before the due date, the
 * escalation to the senior focal point after it, and the secretariat's daily digest of
 * overdue requests. Safe to run as often as one likes and after any crash: each notice has an
 * idempotency key (outbox and request), so it is queued once.
 */
export async function runReminders(deps: Deps, options: ReminderRunOptions): Promise<ReminderRun> {
  const now = deps.clock.now();
  const run: ReminderRun = { reminders: 0, escalations: 0, digests: 0, markedOverdue: 0, needsAttention: 0, skipped: [] };
  const skip = (row: RowNeedingAttention) => {
    run.needsAttention += 1;
    run.skipped.push(`${row.list} ${row.id}`);
  };
  const reports = new Map<string, Stored<ReportFields> | null>();
  const reportOf = async (id: string) => {
    if (!reports.has(id)) {
      reports.set(
        id,
        await deps.repos.reports.get(id).catch((error: unknown) => {
          if (error instanceof NeedsAttentionError) skip(error.row);
          return null;
        }),
      );
    }
    return reports.get(id) ?? null;
  };

  const waiting: Stored<RequestFields>[] = [];
  for (const status of COUNTS_AS_LATE) {
    const { items, needsAttention } = await readAll(deps.repos.requests, { where: [{ field: "status", op: "eq", value: status }] });
    waiting.push(...items);
    needsAttention.forEach(skip);
  }

  const overdue: Stored<RequestFields>[] = [];
  const events: AuditEvent[] = [];
  for (const request of waiting) {
    const report = await reportOf(request.reportId);
    if (!report || report.status === "submitted") continue;
    const { timeZone, reminderPolicy } = report;

    let changes: Partial<RequestFields> = {};
    if (isOverdue(request, timeZone, now) && request.status !== "overdue" && request.status !== "escalated") {
      changes = applyRequestEvent(request, { type: "mark-overdue" });
      run.markedOverdue += 1;
      events.push({ action: "request.overdue", entity: "requests", entityId: request.id, summary: `Request ${request.id} is overdue (due ${request.dueDate})`, changes: [{ field: "status", from: request.status, to: "overdue" }] });
    }
    const current = { ...request, ...changes };
    const notices = dueNotices(current, reminderPolicy, timeZone, now);
    const queued: string[] = [];
    for (const notice of notices) {
      let recipients = await activeFocalPoints(deps, request.ministryId, notice.recipientRole);
      if (recipients.length === 0 && notice.recipientRole === "senior") recipients = await activeFocalPoints(deps, request.ministryId, "technical");
      const entries: OutboxEntryInput[] = recipients.map((focalPoint) => ({
        key: `${notice.key}:${request.id}:${focalPoint.userId}`,
        recipientId: focalPoint.userId,
        notification:
          notice.kind === "reminder"
            ? { kind: "reminder", requestId: request.id, daysBefore: notice.daysBefore ?? 0 }
            : { kind: "escalation", requestId: request.id, daysLate: notice.daysLate ?? 1 },
        createdAt: now.toISOString(),
      }));
      for (const result of await deps.repos.outbox.createMany(entries)) {
        if (!result.ok && result.error.code !== "conflict") throw result.error;
      }
      queued.push(notice.key);
      if (notice.kind === "reminder") run.reminders += 1;
      else {
        run.escalations += 1;
        if (current.status === "overdue") {
          changes = { ...changes, ...applyRequestEvent(current, { type: "escalate" }) };
          events.push({ action: "request.escalated", entity: "requests", entityId: request.id, summary: `Request ${request.id} escalated to the senior focal point`, changes: [{ field: "status", from: current.status, to: "escalated" }] });
        }
      }
    }
    if (queued.length) changes = { ...changes, notices: [...request.notices, ...queued] };
    if (Object.keys(changes).length) {
      // A concurrent change (an answer arriving now) wins; the next run looks again and the outbox keys prevent duplicates.
      await deps.repos.requests.update(request.id, changes, request.eTag).catch((error: unknown) => {
        if ((error as { code?: string }).code !== "concurrency") throw error;
      });
    }
    const status = changes.status ?? request.status;
    if (status === "overdue" || status === "escalated") overdue.push(request);
  }
  await auditMany(deps, SYSTEM_ACTOR, events);

  const today = calendarDateAt(now, options.timeZone);
  if (overdue.length && isDigestTime(DEFAULT_REMINDER_POLICY, today, options.timeZone, now)) {
    const secretariat = await deps.directory.usersWithRole("Secretariat");
    const entries: OutboxEntryInput[] = secretariat.map((person) => ({
      key: digestKey(today, person.id),
      recipientId: person.id,
      notification: { kind: "overdue-digest", date: today, requestIds: overdue.map((r) => r.id).slice(0, 2000) },
      createdAt: now.toISOString(),
    }));
    for (const result of await deps.repos.outbox.createMany(entries)) {
      if (result.ok) run.digests += 1;
      else if (result.error.code !== "conflict") throw result.error;
    }
  }
  return run;
}
