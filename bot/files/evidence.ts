import type { Actor } from "../../core/auth/policy";
import type { Attachment } from "../../core/contributions/contribution";
import { EvidenceRefusedError, evidenceTypeOf, storeEvidence, type EvidenceProblem } from "../../core/contributions/evidence";
import type { UseCaseDeps } from "../../core/ports/use-case-deps";
import { CONTROL_CHARACTERS, INVISIBLE } from "../../core/records/normalize";
import { downloadWithLimit, DownloadError, type FetchLike } from "./download";

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

export type ChatEvidenceProblem = EvidenceProblem | "unreachable" | "insecure-url" | "foreign-host";
export type StoredEvidence = { ok: true; attachment: Attachment } | { ok: false; name: string; problem: ChatEvidenceProblem };

export interface EvidenceOptions {
  maxBytes: number;
  timeoutMs: number;
  /** The hosts files may be downloaded from (Teams', the tenant's SharePoint and OneDrive). */
  allowedHosts: readonly string[];
  fetch?: FetchLike;
}

/** Whether a file's type is refused by the evidence policy, before anything is downloaded. */
export function refusedByType(file: IncomingFile): boolean {
  return !evidenceTypeOf(file.name, file.declaredExtension);
}

/**
 * Downloads each file (allowed hosts only, size limit) and hands it to core's evidence policy,
 * which checks its type, content and name and keeps it in the Evidence library: in the
 * request's folder, or the person's own while they have not said which request it is for.
 */
export async function storeChatEvidence(
  deps: Pick<UseCaseDeps, "repos" | "clock" | "documents">,
  files: IncomingFile[],
  requestId: string | undefined,
  actor: Actor,
  options: EvidenceOptions,
): Promise<StoredEvidence[]> {
  const results: StoredEvidence[] = [];
  for (const incoming of files) {
    // Said back in the chat: without the controls that could make a name read backwards.
    const file = incoming;
    const shown = incoming.name.replace(INVISIBLE, "").replace(CONTROL_CHARACTERS, "");
    if (refusedByType(file)) {
      results.push({ ok: false, name: shown, problem: "type" });
      continue;
    }
    let content: Uint8Array;
    try {
      content = await downloadWithLimit(file.url, options);
    } catch (error) {
      if (!(error instanceof DownloadError)) throw error;
      results.push({ ok: false, name: shown, problem: error.refusal.reason });
      continue;
    }
    try {
      const attachment = await storeEvidence(deps, { requestId, fileName: file.name, content, declaredExtension: file.declaredExtension, maxBytes: options.maxBytes }, actor);
      results.push({ ok: true, attachment });
    } catch (error) {
      if (!(error instanceof EvidenceRefusedError)) throw error;
      results.push({ ok: false, name: shown, problem: error.problem });
    }
  }
  return results;
}
