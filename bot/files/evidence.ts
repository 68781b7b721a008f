import type { Attachment } from "../../core/contributions/contribution";
import type { DocumentStore } from "../../core/ports/document-store";
import { isDomainError } from "../../core/errors";
import { downloadWithLimit, DownloadError, type FetchLike } from "./download";
import { extensionOf, fileTypeOf, safeFileName } from "./file-types";

export const TEAMS_FILE_DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info";

/** A file someone sent in the chat, before it is downloaded. */
export interface IncomingFile {
  name: string;
  url: string;
  declaredExtension?: string;
}

interface ActivityAttachment {
  contentType?: string;
  contentUrl?: string;
  name?: string;
  content?: unknown;
}

/**
 * The files among a message's attachments. Teams sends files in a 1:1 chat as
 * `file.download.info` (a short-lived `downloadUrl`); other channels (the Agents Playground's
 * custom activities, Web Chat) send a plain attachment with a `contentUrl`. Cards and the HTML
 * copy of the message Teams adds are not files.
 */
export function incomingFiles(attachments: ActivityAttachment[] | undefined): IncomingFile[] {
  const files: IncomingFile[] = [];
  for (const attachment of attachments ?? []) {
    const contentType = attachment.contentType ?? "";
    if (contentType === TEAMS_FILE_DOWNLOAD_INFO) {
      const content = (attachment.content ?? {}) as { downloadUrl?: unknown; fileType?: unknown };
      if (typeof content.downloadUrl === "string") {
        files.push({ name: attachment.name ?? "file", url: content.downloadUrl, declaredExtension: typeof content.fileType === "string" ? content.fileType : undefined });
      }
    } else if (contentType.startsWith("application/vnd.microsoft.card.") || contentType === "text/html") {
      continue;
    } else if (typeof attachment.contentUrl === "string") {
      files.push({ name: attachment.name ?? "file", url: attachment.contentUrl });
    }
  }
  return files;
}

export type EvidenceProblem = "type" | "too-large" | "content" | "unreachable" | "insecure-url";
export type StoredEvidence = { ok: true; attachment: Attachment } | { ok: false; name: string; problem: EvidenceProblem };

export interface EvidenceOptions {
  maxBytes: number;
  timeoutMs: number;
  allowHttp: boolean;
  fetch?: FetchLike;
}

/** Whether a file's type is on the allow-list, before anything is downloaded. */
export function refusedByType(file: IncomingFile): boolean {
  return !fileTypeOf(file.name, file.declaredExtension);
}

/**
 * Downloads each file (size limit, type allow-list, content check) and stores it in the
 * Evidence library, under a name that does not overwrite another file.
 */
export async function storeEvidence(documents: DocumentStore, files: IncomingFile[], folder: string, options: EvidenceOptions): Promise<StoredEvidence[]> {
  const results: StoredEvidence[] = [];
  for (const file of files) {
    const type = fileTypeOf(file.name, file.declaredExtension);
    if (!type) {
      results.push({ ok: false, name: file.name, problem: "type" });
      continue;
    }
    let content: Uint8Array;
    try {
      content = await downloadWithLimit(file.url, options);
    } catch (error) {
      if (!(error instanceof DownloadError)) throw error;
      results.push({ ok: false, name: file.name, problem: error.refusal.reason });
      continue;
    }
    if (!type.looksRight(content.subarray(0, 4096))) {
      results.push({ ok: false, name: file.name, problem: "content" });
      continue;
    }
    const name = extensionOf(file.name) ? safeFileName(file.name, type.extension) : safeFileName(`${file.name}.${type.extension}`, type.extension);
    const stored = await putWithoutOverwriting(documents, folder, name, content, type.contentType);
    results.push({ ok: true, attachment: { name: stored.name, fileId: stored.id, webUrl: stored.webUrl, size: stored.size, contentType: type.contentType } });
  }
  return results;
}

async function putWithoutOverwriting(documents: DocumentStore, folder: string, name: string, content: Uint8Array, contentType: string) {
  const extension = extensionOf(name);
  const base = extension ? name.slice(0, -(extension.length + 1)) : name;
  for (let copy = 1; ; copy += 1) {
    const candidate = copy === 1 ? name : `${base} (${copy})${extension ? `.${extension}` : ""}`;
    try {
      return await documents.put("Evidence", folder, candidate, content, { contentType, onConflict: "fail" });
    } catch (error) {
      if (!(isDomainError(error) && error.code === "conflict") || copy >= 50) throw error;
    }
  }
}
