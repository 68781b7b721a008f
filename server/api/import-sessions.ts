/**
 * Uploaded import files between preview and commit. The parsed file is kept in memory under
 * a random id for a while (not the preview: commit plans again against the lists as they are
 * then, so a preview that went stale cannot write stale data). Only the person who uploaded
 * it can see or commit it. A restart forgets them: the person uploads the file again.
 */
import { randomBytes } from "node:crypto";
import type { ParsedImport } from "../../core/import";

export const IMPORT_SESSION_TTL_MS = 30 * 60_000;
const MAX_SESSIONS = 50;
const MAX_PER_PERSON = 3;

export interface ImportSession {
  id: string;
  userId: string;
  fileName: string;
  parsed: ParsedImport;
  uploadedAt: Date;
  expiresAt: Date;
  /** The preview answered at upload, kept for GET. */
  preview: unknown;
}

export class ImportSessions {
  private readonly sessions = new Map<string, ImportSession>();

  constructor(private readonly now: () => Date = () => new Date(), private readonly ttlMs = IMPORT_SESSION_TTL_MS) {}

  add(userId: string, fileName: string, parsed: ParsedImport, preview: unknown): ImportSession {
    this.sweep();
    const own = [...this.sessions.values()].filter((s) => s.userId === userId).sort((a, b) => a.uploadedAt.getTime() - b.uploadedAt.getTime());
    while (own.length >= MAX_PER_PERSON) this.sessions.delete(own.shift()!.id);
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = [...this.sessions.values()].sort((a, b) => a.uploadedAt.getTime() - b.uploadedAt.getTime())[0];
      if (oldest) this.sessions.delete(oldest.id);
    }
    const uploadedAt = this.now();
    const session: ImportSession = { id: randomBytes(16).toString("base64url"), userId, fileName, parsed, preview, uploadedAt, expiresAt: new Date(uploadedAt.getTime() + this.ttlMs) };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The session, if it exists, has not expired and belongs to the person. */
  get(id: string, userId: string): ImportSession | undefined {
    this.sweep();
    const session = this.sessions.get(id);
    return session && session.userId === userId ? session : undefined;
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  private sweep(): void {
    const now = this.now().getTime();
    for (const [id, session] of this.sessions) if (session.expiresAt.getTime() <= now) this.sessions.delete(id);
  }
}
