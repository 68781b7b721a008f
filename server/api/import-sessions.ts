/**
 * Uploaded import files between preview and commit. The parsed file is kept in the import
 * session store under a random id for a while (not the preview alone: commit plans again
 * against the lists as they are then, so a preview that went stale cannot write stale data).
 * The store is Azure Blob Storage when the server has a Storage account (every instance sees
 * the same sessions: a preview made on one instance commits on another), this process's memory
 * otherwise. Only the person who uploaded a file can see or commit it; a commit takes the
 * session once, whichever instance it reaches.
 */
import { randomBytes } from "node:crypto";
import type { ParsedImport } from "../../core/import";
import type { ImportSessionStore, StoredImportSession } from "../../core/ports/import-session-store";

export const IMPORT_SESSION_TTL_MS = 30 * 60_000;
const MAX_SESSIONS = 50;
const MAX_PER_PERSON = 3;

export type ImportSession = StoredImportSession;

export class ImportSessions {
  constructor(
    private readonly store: ImportSessionStore,
    private readonly now: () => Date = () => new Date(),
    private readonly ttlMs = IMPORT_SESSION_TTL_MS,
  ) {}

  async add(userId: string, fileName: string, parsed: ParsedImport | undefined, preview: unknown, kept: Pick<ImportSession, "file" | "table" | "mapping"> = {}): Promise<ImportSession> {
    const live = await this.sweep();
    const byAge = (a: { uploadedAt: Date }, b: { uploadedAt: Date }) => a.uploadedAt.getTime() - b.uploadedAt.getTime();
    const own = live.filter((s) => s.userId === userId).sort(byAge);
    const dropped = new Set<string>();
    while (own.length >= MAX_PER_PERSON) {
      const oldest = own.shift()!;
      dropped.add(oldest.id);
      await this.store.delete(oldest.id, oldest.userId);
    }
    const others = live.filter((s) => !dropped.has(s.id)).sort(byAge);
    while (others.length >= MAX_SESSIONS) {
      const oldest = others.shift()!;
      await this.store.delete(oldest.id, oldest.userId);
    }
    const uploadedAt = this.now();
    const session: ImportSession = { id: randomBytes(16).toString("base64url"), userId, fileName, parsed, preview, ...kept, uploadedAt, expiresAt: new Date(uploadedAt.getTime() + this.ttlMs) };
    await this.store.put(session);
    return session;
  }

  /** The session, if it exists, has not expired and belongs to the person. */
  async get(id: string, userId: string): Promise<ImportSession | undefined> {
    const session = await this.store.get(id, userId);
    return session && this.isLive(session) ? session : undefined;
  }

  /** The session, removed so that no other commit (on this instance or another) gets it too. */
  async take(id: string, userId: string): Promise<ImportSession | undefined> {
    const session = await this.store.take(id, userId);
    return session && this.isLive(session) ? session : undefined;
  }

  /** Forgets a session (replaced by the same file read with another mapping). */
  async remove(id: string, userId: string): Promise<void> {
    await this.store.delete(id, userId);
  }

  private isLive(session: { expiresAt: Date }): boolean {
    return session.expiresAt.getTime() > this.now().getTime();
  }

  /** Forgets the expired sessions; returns the others. */
  private async sweep() {
    const all = await this.store.list();
    const live = [];
    for (const session of all) {
      if (this.isLive(session)) live.push(session);
      else await this.store.delete(session.id, session.userId);
    }
    return live;
  }
}
