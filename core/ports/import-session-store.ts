import type { ParsedImport } from "../import/import-types";

/**
 * Uploaded import files between their preview and their commit, kept where every instance of
 * the server finds them (Azure Blob Storage in production), so that a preview made on one
 * instance commits on another. The policy (who may see one, how long, how many) is the
 * server's (server/api/import-sessions.ts); a store only keeps them.
 */
export interface StoredImportSession {
  id: string;
  userId: string;
  fileName: string;
  uploadedAt: Date;
  expiresAt: Date;
  /** The file parsed; absent while a tracker waits for its mapping. */
  parsed?: ParsedImport;
  /** The preview answered at upload, kept for GET. */
  preview?: unknown;
  /** The uploaded bytes (base64), kept so the wizard can read the file again with another mapping. */
  file?: string;
  /** The file's columns and values (the wizard's profile), and the mapping the preview was made with. */
  table?: unknown;
  mapping?: unknown;
}

export type ImportSessionSummary = Pick<StoredImportSession, "id" | "userId" | "uploadedAt" | "expiresAt">;

export interface ImportSessionStore {
  put(session: StoredImportSession): Promise<void>;
  /** The session of this id uploaded by this person (another person's is not found). */
  get(id: string, userId: string): Promise<StoredImportSession | undefined>;
  /** Removes the session and returns it, once: of two instances taking it at the same time, one gets it. */
  take(id: string, userId: string): Promise<StoredImportSession | undefined>;
  delete(id: string, userId: string): Promise<void>;
  /** Every session, without its contents (for the limits and for forgetting expired ones). */
  list(): Promise<ImportSessionSummary[]>;
}
