import type { Clock } from "../../core/ports/clock";
import type { Entry, OutboxRepository } from "./claims";

/** An entry whose processing failed unexpectedly (a store error) is left alone this long in this process. */
const COOL_DOWN_MS = 30_000;

/**
 * The pending entries due now, oldest first, a batch at most. Remembers when the next one will
 * be due (a retry's notBefore), so that the loop sleeps until then rather than polling.
 */
export class DueEntries {
  /** When the next pending entry is due, as of the last read. */
  nextAt: number | undefined;
  private readonly coolingDown = new Map<string, number>();

  constructor(
    private readonly deps: { outbox: OutboxRepository; clock: Clock; batchSize: number },
    private readonly isInFlight: (entryId: string) => boolean,
  ) {}

  async read(): Promise<Entry[]> {
    const now = this.deps.clock.now().getTime();
    const due: Entry[] = [];
    let nextAt: number | undefined;
    let pageToken: string | undefined;
    do {
      const page = await this.deps.outbox.query({ where: [{ field: "status", op: "eq", value: "pending" }], top: this.deps.batchSize, pageToken });
      for (const entry of page.items) {
        if (this.isInFlight(entry.id)) continue;
        const cooledAt = this.coolingDown.get(entry.id);
        if (cooledAt !== undefined && cooledAt > now) {
          nextAt = Math.min(nextAt ?? cooledAt, cooledAt);
          continue;
        }
        this.coolingDown.delete(entry.id);
        const at = entry.notBefore ? Date.parse(entry.notBefore) : 0;
        if (at <= now) due.push(entry);
        else nextAt = Math.min(nextAt ?? at, at);
      }
      pageToken = page.nextPageToken;
    } while (pageToken && due.length < this.deps.batchSize);
    this.nextAt = due.length ? now : nextAt;
    return due.slice(0, this.deps.batchSize);
  }

  /** Leaves an entry alone for a while (the store failed us on it: no tight loop). */
  coolDown(entryId: string): void {
    this.coolingDown.set(entryId, this.deps.clock.now().getTime() + COOL_DOWN_MS);
  }
}
