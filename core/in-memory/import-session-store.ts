import type { ImportSessionStore, ImportSessionSummary, StoredImportSession } from "../ports/import-session-store";

/** Import sessions in this process's memory: one instance only (tests, a local run without Azurite). */
export class InMemoryImportSessionStore implements ImportSessionStore {
  private readonly sessions = new Map<string, StoredImportSession>();

  async put(session: StoredImportSession): Promise<void> {
    this.sessions.set(session.id, session);
  }

  async get(id: string, userId: string): Promise<StoredImportSession | undefined> {
    const session = this.sessions.get(id);
    return session && session.userId === userId ? session : undefined;
  }

  async take(id: string, userId: string): Promise<StoredImportSession | undefined> {
    const session = await this.get(id, userId);
    if (session) this.sessions.delete(id);
    return session;
  }

  async delete(id: string, userId: string): Promise<void> {
    if ((await this.get(id, userId)) !== undefined) this.sessions.delete(id);
  }

  async list(): Promise<ImportSessionSummary[]> {
    return [...this.sessions.values()].map(({ id, userId, uploadedAt, expiresAt }) => ({ id, userId, uploadedAt, expiresAt }));
  }
}
