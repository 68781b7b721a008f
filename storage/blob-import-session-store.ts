import { createHash } from "node:crypto";
import type { ContainerClient } from "@azure/storage-blob";
import { z } from "zod";
import type { ParsedImport } from "../core/import/import-types";
import type { ImportSessionStore, ImportSessionSummary, StoredImportSession } from "../core/ports/import-session-store";
import { statusOf } from "./errors";

/** A stored session larger than this is not read back (a parsed file is far smaller; see UPLOAD_LIMIT_BYTES). */
const MAX_SESSION_BYTES = 64 * 1024 * 1024;

/** What a blob holds: written by this code, read back through this schema all the same. */
const storedSessionSchema = z.object({
  version: z.literal(1),
  id: z.string().min(8).max(64),
  userId: z.string().min(1).max(256),
  fileName: z.string().max(512),
  uploadedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  parsed: z.looseObject({ format: z.string(), rows: z.array(z.unknown()), clusters: z.array(z.string()), warnings: z.array(z.string()), source: z.looseObject({}) }).optional(),
  // Absent keys are absent, not undefined: each is optional (zod 4 refuses a missing z.unknown() key).
  preview: z.unknown().optional(),
  file: z.string().optional(),
  table: z.unknown().optional(),
  mapping: z.unknown().optional(),
});

const metadataSchema = z.object({ owner: z.string().min(1), uploadedat: z.iso.datetime(), expiresat: z.iso.datetime() });

/**
 * Import sessions as blobs, one a session, named `{owner}/{id}` where owner is a digest of the
 * person's id: a session is found only under its uploader's prefix, and the names carry no
 * personal data. The owner's id and the times are also blob metadata, so that the limits and
 * the sweep list them without reading the files. A lifecycle rule in infra/azure.bicep deletes
 * what a sweep missed after a day.
 */
export class BlobImportSessionStore implements ImportSessionStore {
  constructor(private readonly container: () => Promise<ContainerClient>) {}

  async put(session: StoredImportSession): Promise<void> {
    const body = JSON.stringify({ version: 1, ...session, uploadedAt: session.uploadedAt.toISOString(), expiresAt: session.expiresAt.toISOString() });
    const blob = (await this.container()).getBlockBlobClient(blobName(session.id, session.userId));
    await blob.upload(body, Buffer.byteLength(body), {
      blobHTTPHeaders: { blobContentType: "application/json" },
      metadata: { owner: Buffer.from(session.userId).toString("base64url"), uploadedat: session.uploadedAt.toISOString(), expiresat: session.expiresAt.toISOString() },
      conditions: { ifNoneMatch: "*" },
    });
  }

  async get(id: string, userId: string): Promise<StoredImportSession | undefined> {
    return (await this.read(id, userId))?.session;
  }

  async take(id: string, userId: string): Promise<StoredImportSession | undefined> {
    const found = await this.read(id, userId);
    if (!found) return undefined;
    try {
      // Deleted only if it is still the blob read: of two instances taking it, one succeeds.
      await (await this.container()).getBlockBlobClient(blobName(id, userId)).delete({ conditions: { ifMatch: found.etag } });
    } catch (error) {
      if (statusOf(error) === 404 || statusOf(error) === 412) return undefined;
      throw error;
    }
    return found.session;
  }

  async delete(id: string, userId: string): Promise<void> {
    await (await this.container()).getBlockBlobClient(blobName(id, userId)).deleteIfExists();
  }

  async list(): Promise<ImportSessionSummary[]> {
    const container = await this.container();
    const sessions: ImportSessionSummary[] = [];
    for await (const item of container.listBlobsFlat({ includeMetadata: true })) {
      const id = item.name.split("/")[1];
      const metadata = metadataSchema.safeParse(item.metadata ?? {});
      if (!id || !metadata.success) continue; // not one of ours: left to the lifecycle rule
      sessions.push({ id, userId: Buffer.from(metadata.data.owner, "base64url").toString(), uploadedAt: new Date(metadata.data.uploadedat), expiresAt: new Date(metadata.data.expiresat) });
    }
    return sessions;
  }

  private async read(id: string, userId: string): Promise<{ session: StoredImportSession; etag: string } | undefined> {
    if (!/^[A-Za-z0-9_-]{8,64}$/.test(id)) return undefined;
    const blob = (await this.container()).getBlockBlobClient(blobName(id, userId));
    let bytes: Buffer;
    let etag: string;
    try {
      const properties = await blob.getProperties();
      if ((properties.contentLength ?? 0) > MAX_SESSION_BYTES) return undefined;
      etag = properties.etag!;
      bytes = await blob.downloadToBuffer(0, undefined, { conditions: { ifMatch: etag } });
    } catch (error) {
      if (statusOf(error) === 404 || statusOf(error) === 412) return undefined;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString("utf8"));
    } catch {
      return undefined;
    }
    const stored = storedSessionSchema.safeParse(json);
    if (!stored.success || stored.data.userId !== userId || stored.data.id !== id) return undefined;
    const { version: _version, ...session } = stored.data;
    return { session: { ...session, parsed: session.parsed as unknown as ParsedImport | undefined, uploadedAt: new Date(session.uploadedAt), expiresAt: new Date(session.expiresAt) }, etag };
  }
}

function blobName(id: string, userId: string): string {
  return `${createHash("sha256").update(userId).digest("base64url").slice(0, 22)}/${id}`;
}
