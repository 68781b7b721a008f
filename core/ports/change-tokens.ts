/**
 * Where a list's change feed keeps its place: the delta link SharePoint gave at the end of the
 * last pull, and when that pull was made. Kept across restarts (a blob in the Storage account in
 * tenant mode, a file next to the local data, memory in tests), so that a change handed on once
 * (an outside edit audited) is not handed on again after a restart.
 */
import { z } from "zod";

export const changeTokenSchema = z.object({
  /** The service's `@odata.deltaLink`, without the Graph endpoint (`/sites/…/items/delta?token=…`). */
  deltaLink: z.string().min(1).max(8192),
  /** When the pull that returned it was made (ISO instant). */
  syncedAt: z.iso.datetime({ offset: false }),
});
export type ChangeToken = z.infer<typeof changeTokenSchema>;

/** A key names one feed: `{consumer}.{list id}`; letters, digits, `.`, `-` and `_` only. */
export const changeTokenKeySchema = z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, "letters, digits, '.', '-' and '_' (at most 200)");

export interface ChangeTokenStore {
  /** The token last written under the key; undefined when none (or what is stored is not a token). */
  read(key: string): Promise<ChangeToken | undefined>;
  write(key: string, token: ChangeToken): Promise<void>;
  /** Forgets the key (the next pull reads the whole list). */
  remove(key: string): Promise<void>;
}

/** In memory: a process's own feeds (the read models), and tests. */
export class InMemoryChangeTokenStore implements ChangeTokenStore {
  private readonly tokens = new Map<string, ChangeToken>();
  async read(key: string): Promise<ChangeToken | undefined> {
    return this.tokens.get(changeTokenKeySchema.parse(key));
  }
  async write(key: string, token: ChangeToken): Promise<void> {
    this.tokens.set(changeTokenKeySchema.parse(key), changeTokenSchema.parse(token));
  }
  async remove(key: string): Promise<void> {
    this.tokens.delete(changeTokenKeySchema.parse(key));
  }
}
