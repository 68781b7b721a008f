/**
 * Picks up changes made outside the app (docs/graph.md, "Changes from outside"). Every instance
 * pulls the feeds its read models follow (the grid, the dashboard); the leader alone pulls one
 * feed per list from a stored place and audits the edits someone other than the app made there
 * (core/audit/outside-edits.ts), and tells the caches (a focal point's ministries). A timer is the
 * safety net in both modes; in tenant mode Graph's change notifications pull at once
 * (server/wiring/change-notifications.ts).
 */
import type { Logger } from "pino";
import { recordOutsideEdits, type OutsideEdit } from "../../core/audit/outside-edits";
import type { ChangeTokenStore } from "../../core/ports/change-tokens";
import { SOLE_INSTANCE, type Leadership } from "../../core/ports/leadership";
import type { Repositories } from "../../core/ports/repository";
import { RECORD_KINDS, type RecordName } from "../../core/records/kinds";
import type { GraphClient } from "../../graph/client/graph-client";
import { ListChangeFeed } from "../../graph/sharepoint/change-feed";
import type { SharePointListRepository } from "../../graph/sharepoint/list-repository";
import { OutsideEditAuditor } from "../../graph/sharepoint/outside-edits";

/** Lists whose outside edits are not audited: the audit log itself (its entries are what the audit writes). */
const NOT_AUDITED: readonly RecordName[] = ["audit"];

export interface ChangeTrackingOptions {
  client: GraphClient;
  repos: Repositories;
  /** Where the leader's feeds keep their place. */
  tokens: ChangeTokenStore;
  /** The app's own application ids: their writes are not outside edits. */
  ownAppIds: readonly string[];
  /** The feeds this instance's read models follow (pulled on every instance). */
  viewFeeds: readonly ListChangeFeed<never>[];
  leadership?: Leadership;
  /** How often the timer pulls (ms). */
  intervalMs: number;
  logger: Logger;
  /** Called when a list changed from outside (caches forget what they hold of it). */
  onChanged?: (list: RecordName) => void;
  now?: () => Date;
  /** Tenant mode's change notification subscriptions: checked (created, renewed) by the leader at each timed pull. */
  subscriptions?: { check(): Promise<unknown> };
}

export class ChangeTracking {
  /** The leader's feeds, one per audited list, by list id. */
  private readonly auditFeeds = new Map<string, ListChangeFeed<never>>();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private running: Promise<void> | undefined;
  /** The pull asked for while one runs: it starts when that one ends (one for all who ask meanwhile). */
  private queued: Promise<void> | undefined;

  constructor(private readonly options: ChangeTrackingOptions) {
    const auditor = new OutsideEditAuditor(options.client, {
      ownAppIds: options.ownAppIds,
      record: async (edits: OutsideEdit[]) => {
        await recordOutsideEdits({ repos: options.repos }, edits);
        if (edits.length) options.logger.info({ edits: edits.length, list: edits[0]!.entity, people: [...new Set(edits.map((e) => e.by?.name ?? "unknown"))] }, "audited edits made outside the app");
      },
    });
    for (const name of Object.keys(RECORD_KINDS) as RecordName[]) {
      if (NOT_AUDITED.includes(name)) continue;
      const repository = options.repos[name] as unknown as SharePointListRepository<never>;
      const feed = new ListChangeFeed(options.client, repository, { tokens: options.tokens, consumer: "audit", now: options.now });
      feed.subscribe(auditor.subscriberFor(feed));
      feed.subscribe((batch) => {
        if (batch.changes.length && (!batch.full || batch.resynced)) options.onChanged?.(name);
      });
      this.auditFeeds.set(repository.listId, feed);
    }
  }

  private get leadership(): Leadership {
    return this.options.leadership ?? SOLE_INSTANCE;
  }

  /** The lists whose changes are followed, by id (for the notifications' subscriptions). */
  listIds(): string[] {
    return [...this.auditFeeds.keys()];
  }

  start(): void {
    if (this.timer) return;
    this.unsubscribe = this.leadership.onChange((leader) => {
      if (leader) void this.pullAll();
    });
    void this.pullAll();
    this.timer = setInterval(() => void this.pullAll(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.running;
  }

  /**
   * Pulls every feed (the read models' here; the audited ones on the leader). A call while one
   * runs makes one more run after it, so a change notified during a pull is not missed, and
   * resolves when that run, which started after the call, is done.
   */
  pullAll(listIds?: readonly string[]): Promise<void> {
    if (this.running) {
      this.queued ??= this.running.catch(() => undefined).then(() => {
        this.queued = undefined;
        return this.pullAll();
      });
      return this.queued;
    }
    this.running = this.pullEach(listIds).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Reads the given lists (all when absent) from a full read again: a missed notification, a removed subscription. */
  async resync(listIds?: readonly string[]): Promise<void> {
    await this.running;
    const leader = this.leadership.isLeader();
    await Promise.all([
      ...this.options.viewFeeds.filter((feed) => !listIds || listIds.includes(feed.repository.listId)).map((feed) => this.safely(feed, () => feed.resync())),
      ...(leader ? [...this.auditFeeds.entries()].filter(([id]) => !listIds || listIds.includes(id)).map(([, feed]) => this.safely(feed, () => feed.resync())) : []),
    ]);
  }

  /** Resolves when no pull is running or due (tests, after a notification). */
  async settled(): Promise<void> {
    while (this.running || this.queued) await (this.queued ?? this.running);
  }

  private async pullEach(listIds?: readonly string[]): Promise<void> {
    if (!listIds && this.options.subscriptions && this.leadership.isLeader()) {
      try {
        await this.options.subscriptions.check();
      } catch (error) {
        this.options.logger.warn({ error: error instanceof Error ? error.message : String(error) }, "could not create or renew the lists' change notification subscriptions; the timer reads the changes meanwhile");
      }
    }
    const wanted = (id: string) => !listIds || listIds.includes(id);
    const feeds = this.options.viewFeeds.filter((feed) => wanted(feed.repository.listId));
    if (this.leadership.isLeader()) feeds.push(...[...this.auditFeeds.entries()].filter(([id]) => wanted(id)).map(([, feed]) => feed));
    // One list at a time: a pull is one request when nothing changed, and Graph's budget is shared.
    for (const feed of feeds) await this.safely(feed, () => feed.pull());
  }

  private async safely(feed: ListChangeFeed<never>, pull: () => Promise<unknown>): Promise<void> {
    try {
      await pull();
    } catch (error) {
      this.options.logger.warn({ list: feed.list, error: error instanceof Error ? error.message : String(error) }, "could not read the list's changes; the next pull tries again");
    }
  }
}
