/**
 * Upload sessions (graph-contract.md 5.5–5.8). The uploadUrl authorizes itself with a secret
 * (like SharePoint's tempauth), so chunk requests need no Authorization header; one sent anyway
 * is ignored. Chunks must follow each other; all but the last are multiples of 320 KiB.
 */
import type { EmulatorContext } from "../context";
import { GraphHttpError, invalidRequest, notFound } from "../errors";
import { header, jsonObject, jsonResponse, noContent, type EmulatorRequest, type EmulatorResponse } from "../http";
import { guid, secret } from "../ids";
import { checkName, driveItemETag, driveItemJson, ensureFolders, libraryScope, nameConflict, parseConflictBehavior, putFile, replaceContent, walkPath } from "../model/drives";
import { checkIfMatch } from "../model/items";
import type { UploadSessionRow } from "../store/store";
import { existingItem, type ItemAddress, type Library } from "./drives";

export const CHUNK_MULTIPLE = 320 * 1024;
export const MAX_CHUNK_BYTES = 60 * 1024 * 1024;

function expiration(context: EmulatorContext): number {
  return context.now() + context.behaviour.uploadSessionLifetimeMs;
}

function uploadUrl(context: EmulatorContext, session: UploadSessionRow): string {
  return `${context.baseUrl}/_upload/${session.id}?tempauth=${session.secret}`;
}

/** POST …:/{name}:/createUploadSession or …/items/{id}/createUploadSession → 200 uploadSession (5.5). */
export function createUploadSession(context: EmulatorContext, request: EmulatorRequest, library: Library, address: ItemAddress): EmulatorResponse {
  const body = jsonObject(request);
  const item = (body.item ?? {}) as Record<string, unknown>;
  const conflict = parseConflictBehavior(item["@microsoft.graph.conflictBehavior"], "replace");
  const { store } = context;
  const session = store.transaction(() => {
    let parentId: string;
    let name: string;
    let itemId: string | null = null;
    if (address.path === undefined) {
      const target = existingItem(context, library, address);
      if (target.is_folder) throw invalidRequest("An upload session replaces a file's content; this item is a folder.");
      checkIfMatch(context, header(request, "if-match"), driveItemETag(target, store.itemById(library.list.id, target.list_item_id!)));
      parentId = target.parent_id!;
      name = target.name;
      itemId = target.id;
    } else {
      const base = existingItem(context, library, { base: address.base });
      const walked = walkPath(context, base, address.path);
      if (walked.item) {
        if (walked.item.is_folder) throw nameConflict();
        if (conflict === "fail") throw nameConflict();
        checkIfMatch(context, header(request, "if-match"), driveItemETag(walked.item, store.itemById(library.list.id, walked.item.list_item_id!)));
        parentId = walked.item.parent_id!;
        name = walked.item.name;
      } else {
        name = walked.missing[walked.missing.length - 1]!;
        checkName(name);
        parentId = ensureFolders(context, library, walked.parent, walked.missing.slice(0, -1)).id;
      }
    }
    if (context.behaviour.refuseConcurrentUploadSessions && store.pendingSessionFor(library.driveId, parentId, name, context.now())) {
      throw new GraphHttpError(409, "nameAlreadyExists", "A file with the same name is currently being uploaded. Please try again later.");
    }
    const row: UploadSessionRow = {
      id: guid(),
      secret: secret(),
      drive_id: library.driveId,
      parent_id: parentId,
      name,
      item_id: itemId,
      conflict,
      total: null,
      received: 0,
      expires: expiration(context),
    };
    store.insertUploadSession(row);
    return row;
  });
  return jsonResponse(200, {
    "@odata.context": `${context.baseUrl}/$metadata#microsoft.graph.uploadSession`,
    expirationDateTime: new Date(session.expires).toISOString(),
    nextExpectedRanges: ["0-"],
    uploadUrl: uploadUrl(context, session),
  });
}

function sessionFor(context: EmulatorContext, request: EmulatorRequest, sessionId: string): UploadSessionRow {
  const session = context.store.uploadSession(sessionId);
  if (!session || session.secret !== request.query.get("tempauth")) {
    throw new GraphHttpError(404, "itemNotFound", "The upload session was not found.", { innerCode: "uploadSessionNotFound" });
  }
  if (session.expires <= context.now()) {
    context.store.deleteUploadSession(session.id);
    throw new GraphHttpError(404, "itemNotFound", "The upload session has expired.", { innerCode: "uploadSessionNotFound" });
  }
  return session;
}

function status(session: UploadSessionRow): Record<string, unknown> {
  return { expirationDateTime: new Date(session.expires).toISOString(), nextExpectedRanges: [`${session.received}-`] };
}

/** GET {uploadUrl}: what the session still needs, to resume after a failure (5.7). */
export function getUploadStatus(context: EmulatorContext, request: EmulatorRequest, sessionId: string): EmulatorResponse {
  return jsonResponse(200, status(sessionFor(context, request, sessionId)));
}

/** DELETE {uploadUrl} → 204. */
export function deleteUploadSession(context: EmulatorContext, request: EmulatorRequest, sessionId: string): EmulatorResponse {
  const session = sessionFor(context, request, sessionId);
  context.store.deleteUploadSession(session.id);
  return noContent();
}

const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+)$/;

/** PUT {uploadUrl} with Content-Range: 202 with the next range, or the driveItem once complete (5.7). */
export function putChunk(context: EmulatorContext, request: EmulatorRequest, sessionId: string): EmulatorResponse {
  const { store } = context;
  const session = sessionFor(context, request, sessionId);
  const range = CONTENT_RANGE.exec((header(request, "content-range") ?? "").trim());
  if (!range) throw invalidRequest("The Content-Range header is missing or malformed (bytes {start}-{end}/{total}).", "invalidRange");
  const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
  const length = request.body.length;
  if (end < start || end >= total) throw new GraphHttpError(416, "invalidRange", "The Content-Range is not valid.", { innerCode: "invalidRange" });
  if (length !== end - start + 1) {
    throw invalidRequest("The length of the body does not match the Content-Range.", "fragmentLengthMismatch");
  }
  if (session.total !== null && session.total !== total) throw invalidRequest("The total size changed between fragments.", "invalidRange");
  if (length >= MAX_CHUNK_BYTES) throw invalidRequest("A fragment must be smaller than 60 MiB.", "invalidRange");
  if (start < session.received) {
    throw new GraphHttpError(416, "invalidRange", "The uploaded fragment overlaps with data that has already been received.", { innerCode: "fragmentOverlap" });
  }
  if (start > session.received) {
    throw new GraphHttpError(416, "invalidRange", `The uploaded fragment does not start at the next expected byte (${session.received}).`, {
      innerCode: "fragmentOutOfOrder",
    });
  }
  const last = end + 1 === total;
  if (!last && length % CHUNK_MULTIPLE !== 0) {
    throw invalidRequest("Every fragment but the last must be a multiple of 320 KiB (327,680 bytes).", "invalidRange");
  }
  store.transaction(() => {
    store.insertChunk(session.id, start, request.body);
    store.updateUploadSession(session.id, end + 1, total, expiration(context));
  });
  if (!last) {
    const updated = store.uploadSession(session.id)!;
    return jsonResponse(202, status(updated));
  }
  return commit(context, store.uploadSession(session.id)!);
}

function commit(context: EmulatorContext, session: UploadSessionRow): EmulatorResponse {
  const { store } = context;
  const library = libraryScope(context, session.drive_id);
  const content = Buffer.concat(store.chunks(session.id));
  try {
    return store.transaction(() => {
      if (session.item_id !== null) {
        const target = store.driveItemById(library.driveId, session.item_id);
        if (!target) throw notFound("The file being replaced no longer exists.");
        const row = replaceContent(context, library, target, content);
        return jsonResponse(200, driveItemJson(context, library, row, { single: true }));
      }
      const parent = store.driveItemById(library.driveId, session.parent_id);
      if (!parent) throw notFound("The destination folder no longer exists.");
      const conflict = parseConflictBehavior(session.conflict, "replace");
      const { item, created } = putFile(context, library, parent, session.name, content, conflict);
      return jsonResponse(created ? 201 : 200, driveItemJson(context, library, item, { single: true }));
    });
  } finally {
    store.deleteUploadSession(session.id);
  }
}
