/**
 * Reminders and escalation of a follow-up round's cards, by the rules requests follow
 * (core/reminders/reminder-schedule.ts): the technical focal point who has not reported on an
 * action is reminded before the round's due date at the policy's local time (the report's policy
 * for a round that prepares a report, the default one otherwise), and the lead ministry's senior
 * focal point hears of it the day after. An action reported on since the round started (in any
 * state of review) is not reminded of. Each notice is an outbox entry with a key of its own:
 * queued once, whatever the reruns, restarts and instances.
 */
import { addDays, calendarDateAt } from "../calendar/calendar";
import { activeFocalPoints } from "../ministries/focal-points";
import type { OutboxEntryInput } from "../outbox/outbox-entry";
import { queryAll } from "../ports/repository";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from "../reports/report";
import { dueNotices } from "../reminders/reminder-schedule";
import { progressCardPrefix } from "./follow-up-round";

type Deps = Pick<UseCaseDeps, "repos" | "clock">;

const NUDGE_PREFIX = "progress-nudge:";

/** `progress-nudge:{roundId}:{actionId}:{notice key}:{recipient}`: one per notice and person. */
export function progressNudgeKey(roundId: string, actionId: string, noticeKey: string, recipientId: string): string {
  return `${NUDGE_PREFIX}${roundId}:${actionId}:${noticeKey}:${recipientId}`;
}

export interface RoundReminderRun {
  reminders: number;
  escalations: number;
}

export async function runRoundReminders(deps: Deps, options: { timeZone: string }): Promise<RoundReminderRun> {
  const run: RoundReminderRun = { reminders: 0, escalations: 0 };
  const now = deps.clock.now();
  const today = calendarDateAt(now, options.timeZone);
  // Rounds whose escalation day has not passed (the longest a policy waits is 60 days).
  const rounds = (await queryAll(deps.repos.followUpRounds)).filter((round) => addDays(round.dueDate, 61) >= today);
  if (rounds.length === 0) return run;
  const [actions, updates] = await Promise.all([queryAll(deps.repos.actions), queryAll(deps.repos.progressUpdates)]);
  const actionById = new Map(actions.map((a) => [a.id, a]));

  for (const round of rounds) {
    const report = round.reportId ? await deps.repos.reports.get(round.reportId).catch(() => undefined) : undefined;
    const policy: ReminderPolicy = report?.reminderPolicy ?? DEFAULT_REMINDER_POLICY;
    const timeZone = report?.timeZone ?? options.timeZone;
    const cards = await queryAll(deps.repos.outbox, { where: [{ field: "key", op: "startswith", value: progressCardPrefix(round.id) }] });
    const nudged = new Set((await queryAll(deps.repos.outbox, { where: [{ field: "key", op: "startswith", value: `${NUDGE_PREFIX}${round.id}:` }] })).map((e) => e.key));
    const reported = new Set(updates.filter((u) => u.reportedAt >= round.startedAt).map((u) => u.actionId));

    for (const actionId of new Set(cards.flatMap((c) => (c.notification.kind === "progress" ? [c.notification.actionId] : [])))) {
      const action = actionById.get(actionId);
      if (!action || reported.has(actionId) || action.status === "done" || action.status === "dropped") continue;
      const delivered = cards.filter((c) => c.notification.kind === "progress" && c.notification.actionId === actionId && c.status === "sent");
      const sentAt = delivered.map((c) => c.sentAt ?? c.createdAt).sort()[0];
      const prefix = `${NUDGE_PREFIX}${round.id}:${actionId}:`;
      // The notice keys already queued for this action (`reminder:{date}:{days}`), whoever received them.
      const notices = [...nudged].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length).split(":").slice(0, 3).join(":"));
      const undeliverable = delivered.length === 0 && cards.some((c) => c.notification.kind === "progress" && c.notification.actionId === actionId && c.status === "undeliverable");
      const due = dueNotices(
        { status: "sent", dueDate: round.dueDate, sentAt, createdAt: round.startedAt, notices, undeliverableReason: undeliverable ? "unreachable" : undefined },
        policy,
        timeZone,
        now,
      );
      for (const notice of due) {
        let recipients = await activeFocalPoints(deps, action.leadMinistryId, notice.recipientRole);
        if (recipients.length === 0 && notice.recipientRole === "senior") recipients = await activeFocalPoints(deps, action.leadMinistryId, "technical");
        const entries: OutboxEntryInput[] = recipients.map((focalPoint) => ({
          key: progressNudgeKey(round.id, actionId, notice.key, focalPoint.userId),
          recipientId: focalPoint.userId,
          notification: {
            kind: "progress",
            roundId: round.id,
            actionId,
            nudge: notice.kind === "reminder" ? { kind: "reminder", daysBefore: notice.daysBefore ?? 0 } : { kind: "escalation", daysLate: notice.daysLate ?? 1 },
          },
          createdAt: now.toISOString(),
        }));
        let queued = false;
        for (const result of await deps.repos.outbox.createMany(entries)) {
          if (result.ok) queued = true;
          else if (result.error.code !== "conflict") throw result.error;
        }
        if (queued && notice.kind === "reminder") run.reminders += 1;
        if (queued && notice.kind === "escalation") run.escalations += 1;
      }
    }
  }
  return run;
}
