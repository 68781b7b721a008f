import type { Clock } from "../../core/ports/clock";
import type { Directory } from "../../core/ports/directory";
import type { Repositories } from "../../core/ports/repository";
import type { Telemetry } from "../../core/ports/telemetry";
import { runReminders, type ReminderRun } from "../../core/reminders/run-reminders";
import { runFollowUpSchedules } from "../../core/followup/follow-up-schedules";
import { runRoundReminders } from "../../core/followup/round-reminders";
import { runEngagementReminders } from "../../core/engagement/engagement-reminders";
import { describeError, type BotLogger } from "../logger";

export interface ReminderSchedulerDeps {
  repos: Repositories;
  clock: Clock;
  directory: Directory;
  logger: BotLogger;
  timeZone: string;
  intervalMs: number;
  /** Called after a tick queued something: wakes the outbox sender. */
  onQueued(): void;
  /** Each run is reported here. */
  telemetry?: Pick<Telemetry, "reminderRun">;
}

/**
 * Runs core's reminder schedule on a timer: reminders before the due date, the escalation to
 * the senior focal point after it, the secretariat's daily digest; then the follow-up rounds the
 * schedules have due, the reminders and escalations of the rounds' cards, and the secretariat's
 * reminders of replies to communications and of visits about to start. Each is queued
 * once whatever restarts happen (outbox keys, round keys);
 * `tick` runs it now (tests pass a fake clock).
 */
export class ReminderScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ReminderSchedulerDeps) {}

  start(): void {
    if (this.timer) return;
    const run = () => {
      this.running = this.tick().catch(() => undefined);
    };
    run();
    this.timer = setInterval(run, this.deps.intervalMs);
    this.timer.unref?.();
  }

  /** Stops the timer and waits for a tick in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  async tick(): Promise<ReminderRun> {
    const started = performance.now();
    try {
      const run = await runReminders(this.deps, { timeZone: this.deps.timeZone });
      this.deps.telemetry?.reminderRun({ outcome: "done", durationMs: performance.now() - started, reminders: run.reminders, escalations: run.escalations, digests: run.digests });
      if (run.reminders || run.escalations || run.digests) {
        this.deps.logger.info({ ...run, at: this.deps.clock.now().toISOString() }, "reminders queued");
        this.deps.onQueued();
      }
      if (run.needsAttention) {
        this.deps.logger.warn({ needsAttention: run.needsAttention, skipped: run.skipped.slice(0, 50) }, "reminders skipped rows that need attention in SharePoint (see Data needing attention in the tab)");
      }
      await this.startScheduledRounds();
      return run;
    } catch (error) {
      this.deps.telemetry?.reminderRun({ outcome: "failed", durationMs: performance.now() - started, reminders: 0, escalations: 0, digests: 0 });
      this.deps.logger.error({ error: describeError(error) }, "the reminder run failed; the next one tries again");
      throw error;
    }
  }

  /**
   * The follow-up rounds the schedules have due, then the reminders and escalations of the
   * rounds' cards; a failure is logged and tried again at the next tick, the requests' run stands.
   */
  private async startScheduledRounds(): Promise<void> {
    try {
      const rounds = await runFollowUpSchedules(this.deps, { timeZone: this.deps.timeZone });
      if (rounds.started.length > 0) {
        this.deps.logger.info({ started: rounds.started }, "scheduled follow-up rounds started");
        this.deps.onQueued();
      }
      const nudges = await runRoundReminders(this.deps, { timeZone: this.deps.timeZone });
      if (nudges.reminders || nudges.escalations) {
        this.deps.logger.info({ ...nudges }, "follow-up round reminders queued");
        this.deps.onQueued();
      }
      const engagement = await runEngagementReminders(this.deps, { timeZone: this.deps.timeZone });
      if (engagement.communications || engagement.visits) {
        this.deps.logger.info({ ...engagement }, "the secretariat is reminded of replies to communications and visits due");
        this.deps.onQueued();
      }
    } catch (error) {
      this.deps.logger.error({ error: describeError(error) }, "the follow-up rounds' schedules or reminders, or the engagement reminders, could not run; the next run tries again");
    }
  }
}
