/**
 * Evidence: the files a ministry sends with its answer, kept in the Evidence library. One policy
 * for every door (a file sent in the Teams chat, an upload from the tab):
 *
 * - the types: office documents, PDFs, plain data and images, by extension, and the file's first
 *   bytes must agree (a `.pdf` that is not a PDF is refused); no program, web page or SVG;
 * - the names: no control character, no bidirectional override (which makes `x\u202Efdp.exe` read
 *   `xexe.pdf`), no folder in it; characters SharePoint refuses are replaced;
 * - where: the request's folder `Report {id}/Request {id}`, or, while the person has not said
 *   which request a file is for, their own folder `Incoming/{user id}`;
 * - an answer may list only files of its request's folder (or those it listed before).
 */
import { authorize, type Actor } from "../auth/policy";
import { ForbiddenError, InvalidStateError, isDomainError, ValidationError } from "../errors";
import type { StoredFile } from "../ports/document-store";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { LIMITS, type Stored } from "../records/common";
import { BIDI_CONTROLS, CONTROL_CHARACTERS, INVISIBLE } from "../records/normalize";
import type { RequestFields } from "../requests/request";
import { isOpen } from "../requests/request-lifecycle";
import { ministriesOfFocalPoint } from "../ministries/focal-points";
import type { Attachment } from "./contribution";

export interface EvidenceType {
  extension: string;
  /** The type it is stored and served with (never the sender's). */
  contentType: string;
  /** Whether the first bytes look like this type. */
  looksRight(head: Uint8Array): boolean;
}

const startsWith = (head: Uint8Array, bytes: number[]) => bytes.every((byte, index) => head[index] === byte);
const zip = (head: Uint8Array) => startsWith(head, [0x50, 0x4b, 0x03, 0x04]);
/** Text: no NUL byte in what we saw (UTF-8 and the usual single-byte encodings have none). */
const text = (head: Uint8Array) => !head.includes(0);

export const EVIDENCE_TYPES: readonly EvidenceType[] = [
  { extension: "pdf", contentType: "application/pdf", looksRight: (h) => startsWith(h, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  { extension: "docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", looksRight: zip },
  { extension: "xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", looksRight: zip },
  { extension: "pptx", contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", looksRight: zip },
  { extension: "odt", contentType: "application/vnd.oasis.opendocument.text", looksRight: zip },
  { extension: "ods", contentType: "application/vnd.oasis.opendocument.spreadsheet", looksRight: zip },
  { extension: "csv", contentType: "text/csv", looksRight: text },
  { extension: "txt", contentType: "text/plain", looksRight: text },
  { extension: "png", contentType: "image/png", looksRight: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { extension: "jpg", contentType: "image/jpeg", looksRight: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  { extension: "jpeg", contentType: "image/jpeg", looksRight: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
];

export const EVIDENCE_EXTENSIONS = [...new Set(EVIDENCE_TYPES.map((type) => type.extension))];

/** How many first bytes are looked at. */
export const SNIFF_BYTES = 4096;

export function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name.trim());
  return match ? match[1]!.toLowerCase() : "";
}

/** The type of a file by its name's extension (or the extension its sender declared, when the name has none). */
export function evidenceTypeOf(name: string, declaredExtension?: string): EvidenceType | undefined {
  const extension = extensionOf(name) || (declaredExtension ?? "").toLowerCase().replace(/^\./, "");
  return EVIDENCE_TYPES.find((type) => type.extension === extension);
}

export type EvidenceProblem = "name" | "type" | "content" | "too-large";

/** A file the policy refuses, and why (each door words it). */
export class EvidenceRefusedError extends ValidationError {
  constructor(
    readonly problem: EvidenceProblem,
    readonly fileName: string,
    message: string,
  ) {
    super(message, [{ path: "file", message }]);
    this.name = "EvidenceRefusedError";
  }
}

/** What SharePoint refuses in a file name, replaced. */
const SHAREPOINT_REFUSES = /["*:<>?|#%]/g;

/**
 * The name a file is kept under, or a refusal: no control character (NUL included), no
 * bidirectional control, no folder; invisible characters dropped, characters SharePoint refuses
 * replaced, no leading dot or trailing dot or space, at most 120 characters, the extension of
 * its type.
 */
export function evidenceName(name: string, type: EvidenceType): string {
  if (new RegExp(CONTROL_CHARACTERS.source).test(name)) throw new EvidenceRefusedError("name", name, "the file's name holds a control character");
  if (BIDI_CONTROLS.test(name)) throw new EvidenceRefusedError("name", name, "the file's name holds a right-to-left override or another direction control: rename it");
  if (/[\\/]/.test(name) || /^\.\.?$/.test(name.trim())) throw new EvidenceRefusedError("name", name, "give the file's name only, without a folder");
  let cleaned = name.normalize("NFC").replace(INVISIBLE, "").replace(SHAREPOINT_REFUSES, "_").replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
  if (extensionOf(cleaned) !== type.extension) cleaned = `${cleaned || "file"}.${type.extension}`;
  if (cleaned.length > 120) cleaned = `${cleaned.slice(0, 110 - type.extension.length)}.${type.extension}`;
  return cleaned;
}

/** Checks a file against the policy: its type, size and first bytes. Returns its type and the name it is kept under. */
export function checkEvidence(file: { name: string; content: Uint8Array; declaredExtension?: string }, maxBytes: number = LIMITS.attachmentBytes): { type: EvidenceType; name: string } {
  const type = evidenceTypeOf(file.name, file.declaredExtension);
  if (!type) throw new EvidenceRefusedError("type", file.name, `this type of file is not accepted: send ${EVIDENCE_EXTENSIONS.join(", ")}`);
  const name = evidenceName(file.name, type);
  if (file.content.byteLength > maxBytes) throw new EvidenceRefusedError("too-large", file.name, `a file may be at most ${Math.floor(maxBytes / (1024 * 1024))} MB`);
  if (file.content.byteLength === 0) throw new EvidenceRefusedError("content", file.name, "the file is empty");
  if (!type.looksRight(file.content.subarray(0, SNIFF_BYTES))) throw new EvidenceRefusedError("content", file.name, `the file's content is not a ${type.extension} file`);
  return { type, name };
}

/** The request's folder in the Evidence library. */
export function evidenceFolder(request: Pick<Stored<RequestFields>, "id" | "reportId">): string {
  return `Report ${request.reportId}/Request ${request.id}`;
}

/** A person's own folder for files they sent before saying which request they are for. */
export function incomingFolder(userId: string): string {
  return `Incoming/${userId.replace(/[^A-Za-z0-9._-]/g, "_")}`;
}

type Deps = Pick<UseCaseDeps, "repos" | "clock" | "documents">;

async function authorizeForRequest(deps: Deps, request: Stored<RequestFields>, actor: Actor): Promise<void> {
  const ministryIds = await ministriesOfFocalPoint(deps, actor.userId);
  authorize({ ...actor, ministryIds }, { kind: "answer-request", ministryId: request.ministryId });
  if (!isOpen(request.status)) throw new InvalidStateError("this request is closed: it no longer takes answers", request.status, "answer");
}

function attachmentOf(file: StoredFile, type: EvidenceType): Attachment {
  return { name: file.name, fileId: file.id, webUrl: file.webUrl, size: file.size, contentType: type.contentType };
}

async function putWithoutOverwriting(deps: Deps, folder: string, name: string, content: Uint8Array, type: EvidenceType): Promise<StoredFile> {
  const stem = name.slice(0, -(type.extension.length + 1));
  for (let copy = 1; ; copy += 1) {
    const candidate = copy === 1 ? name : `${stem} (${copy}).${type.extension}`;
    try {
      return await deps.documents.put("Evidence", folder, candidate, content, { contentType: type.contentType, onConflict: "fail" });
    } catch (error) {
      if (!(isDomainError(error) && error.code === "conflict") || copy >= 50) throw error;
    }
  }
}

export interface EvidenceInput {
  /** The request it is for; absent while the person has not said (it goes to their own folder). */
  requestId?: string;
  fileName: string;
  content: Uint8Array;
  /** The extension the sender declared (Teams' `fileType`), for a name without one. */
  declaredExtension?: string;
  maxBytes?: number;
}

/**
 * Keeps a file in the Evidence library after checking it against the policy: in the request's
 * folder (only an active focal point of its ministry, while it is open), or in the person's own
 * folder (an active focal point of any ministry). A name already taken gets " (2)", " (3)".
 */
export async function storeEvidence(deps: Deps, input: EvidenceInput, actor: Actor): Promise<Attachment> {
  let folder: string;
  if (input.requestId) {
    const request = await deps.repos.requests.get(input.requestId);
    await authorizeForRequest(deps, request, actor);
    folder = evidenceFolder(request);
  } else {
    if ((await ministriesOfFocalPoint(deps, actor.userId)).length === 0) throw new ForbiddenError("only a ministry's focal point sends evidence");
    folder = incomingFolder(actor.userId);
  }
  const { type, name } = checkEvidence({ name: input.fileName, content: input.content, declaredExtension: input.declaredExtension }, input.maxBytes);
  return attachmentOf(await putWithoutOverwriting(deps, folder, name, input.content, type), type);
}

/**
 * Files the person sent before saying which request they are for, filed under that request:
 * each one in their own folder is copied into the request's folder (files already there stay
 * as they are); any other file is refused.
 */
export async function fileEvidenceUnder(deps: Deps, requestId: string, attachments: readonly Attachment[], actor: Actor): Promise<Attachment[]> {
  const request = await deps.repos.requests.get(requestId);
  await authorizeForRequest(deps, request, actor);
  const folder = evidenceFolder(request);
  const filed: Attachment[] = [];
  for (const [index, attachment] of attachments.entries()) {
    const { file, content } = await deps.documents.get("Evidence", attachment.fileId).catch((error: unknown) => {
      throw isDomainError(error) && error.code === "not_found" ? notEvidenceOf(index) : error;
    });
    const type = evidenceTypeOf(file.name);
    if (!type) throw notEvidenceOf(index);
    if (file.folder === folder) filed.push(attachmentOf(file, type));
    else if (file.folder === incomingFolder(actor.userId)) filed.push(attachmentOf(await putWithoutOverwriting(deps, folder, file.name, content, type), type));
    else throw notEvidenceOf(index);
  }
  return filed;
}

function notEvidenceOf(index: number): ValidationError {
  return new ValidationError("an attachment is not a file of this request's evidence: upload it for this request first", [{ path: `attachments.${index}.fileId`, message: "not in this request's evidence" }]);
}

/**
 * The attachments an answer may carry: files of the request's folder in the Evidence library,
 * described as the library has them (their name, link and size, not what the client says), or
 * files the latest answer listed already. Anything else is refused: nothing is saved.
 */
export async function evidenceOfRequest(deps: Pick<UseCaseDeps, "repos" | "documents">, request: Stored<RequestFields>, attachments: readonly Attachment[]): Promise<Attachment[]> {
  if (attachments.length === 0) return [];
  const [files, latest] = await Promise.all([
    deps.documents.list("Evidence", evidenceFolder(request)),
    request.latestContributionId ? deps.repos.contributions.get(request.latestContributionId).catch(() => undefined) : Promise.resolve(undefined),
  ]);
  const byId = new Map(files.map((f) => [f.id, f]));
  const before = new Map((latest?.attachments ?? []).map((a) => [a.fileId, a]));
  return attachments.map((attachment, index) => {
    const file = byId.get(attachment.fileId);
    const type = file && evidenceTypeOf(file.name);
    if (file && type) return attachmentOf(file, type);
    const listed = before.get(attachment.fileId);
    if (listed) return listed;
    throw notEvidenceOf(index);
  });
}
