/**
 * Maps a `/v1.0/...` path to a handler. Matching is purely syntactic, so the kind of request
 * (for counters and faults) and its resource-unit cost (graph-contract.md 8.2: 1 for a single
 * item, a delta with a token or a download; 2 for collections, writes and uploads) are known
 * before anything is read. Paths may address items by path: `root:/a/b.docx:/content`,
 * `sites/{hostname}:/sites/x:/lists` (1.2, 5.1).
 */
import type { EmulatorContext, ListScope } from "./context";
import { GraphHttpError } from "./errors";
import type { EmulatorRequest, EmulatorResponse } from "./http";
import { getDelta, hasDeltaToken } from "./handlers/delta";
import {
  deleteDriveItemHandler,
  download,
  driveOfList,
  driveOfSite,
  getChildren,
  getContent,
  getDrive,
  getDriveItem,
  getDriveListItem,
  getDriveListItemFields,
  getDrives,
  getFileVersion,
  getFileVersionContent,
  getFileVersions,
  patchDriveItem,
  patchDriveListItemFields,
  postChild,
  putContent,
  siteDefaultDrive,
  type ItemAddress,
  type Library,
} from "./handlers/drives";
import {
  deleteItemHandler,
  getItem,
  getItemDriveItem,
  getItemFields,
  getItems,
  getItemVersion,
  getItemVersions,
  patchItem,
  patchItemFields,
  postItem,
} from "./handlers/items";
import { getColumn, getColumns, getList, getLists, getSite, patchColumn, postColumn, postList, resolveList, resolveSite, type SiteRef } from "./handlers/lists";
import { createUploadSession, deleteUploadSession, getUploadStatus, putChunk } from "./handlers/uploads";
import { libraryScope } from "./model/drives";
import type { SiteRow } from "./store/store";

export interface Route {
  /** Counter kind, e.g. `list-items.create`. */
  kind: string;
  /** Resource units (8.2). */
  cost: number;
  /** Whether the bearer token is required (upload and download URLs authorize themselves). */
  authenticated: boolean;
  handle(): EmulatorResponse;
}

type Token = { segment: string } | { path: string };

function decodeSegment(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `drives/x/root:/a/b.docx:/content` → drives, x, root, {path: "/a/b.docx"}, content. */
export function tokenizePath(raw: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < raw.length) {
    if (raw[i] === "/") {
      i++;
      continue;
    }
    if (raw[i] === ":") {
      const close = raw.indexOf(":", i + 1);
      const end = close === -1 ? raw.length : close;
      tokens.push({ path: decodeSegment(raw.slice(i + 1, end)) });
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < raw.length && raw[j] !== "/" && raw[j] !== ":") j++;
    tokens.push({ segment: decodeSegment(raw.slice(i, j)) });
    i = j;
  }
  return tokens;
}

class NoRoute extends GraphHttpError {
  constructor(what: string) {
    super(400, "BadRequest", `Resource not found for the segment '${what}'.`);
  }
}

function methodNotAllowed(): GraphHttpError {
  return new GraphHttpError(405, "BadRequest", "Specified HTTP method is not allowed for the request target.");
}

const seg = (token: Token | undefined): string | undefined => (token && "segment" in token ? token.segment : undefined);
const pathOf = (token: Token | undefined): string | undefined => (token && "path" in token ? token.path : undefined);

interface Choice {
  kind: string;
  cost: number;
  run: () => EmulatorResponse;
}

/** Picks the handler for the request's method among those a path allows. */
function byMethod(request: EmulatorRequest, choices: Partial<Record<string, Choice>>): Route {
  const choice = choices[request.method];
  if (!choice) {
    return { kind: "unsupported", cost: 0, authenticated: true, handle: () => { throw methodNotAllowed(); } };
  }
  return { kind: choice.kind, cost: choice.cost, authenticated: true, handle: choice.run };
}

export function route(context: EmulatorContext, request: EmulatorRequest): Route {
  const tokens = tokenizePath(request.path);
  const first = seg(tokens[0]);
  switch (first) {
    case "sites":
      return siteRoute(context, request, tokens.slice(1));
    case "drives": {
      const driveId = seg(tokens[1]);
      if (!driveId) break;
      return driveRoute(context, request, () => libraryScope(context, driveId), tokens.slice(2));
    }
    case "_upload": {
      const sessionId = seg(tokens[1]);
      if (!sessionId || tokens.length !== 2) break;
      const choices: Partial<Record<string, Choice>> = {
        PUT: { kind: "upload.chunk", cost: 2, run: () => putChunk(context, request, sessionId) },
        GET: { kind: "upload.session.get", cost: 1, run: () => getUploadStatus(context, request, sessionId) },
        DELETE: { kind: "upload.session.delete", cost: 1, run: () => deleteUploadSession(context, request, sessionId) },
      };
      return { ...byMethod(request, choices), authenticated: false };
    }
    case "_download":
      if (tokens.length !== 1) break;
      return { ...byMethod(request, { GET: { kind: "download", cost: 1, run: () => download(context, request) } }), authenticated: false };
    default:
      break;
  }
  const what = tokens.map((t) => ("segment" in t ? t.segment : `:${t.path}:`)).join("/") || "/";
  return { kind: "unknown", cost: 0, authenticated: true, handle: () => { throw new NoRoute(what); } };
}

function siteRoute(context: EmulatorContext, request: EmulatorRequest, tokens: Token[]): Route {
  const refText = seg(tokens[0]);
  if (refText === undefined) {
    return byMethod(request, {});
  }
  let ref: SiteRef;
  let rest: Token[];
  const addressed = pathOf(tokens[1]);
  if (addressed !== undefined) {
    ref = { kind: "path", hostname: refText, path: addressed };
    rest = tokens.slice(2);
  } else if (refText === "root" || refText.includes(",")) {
    ref = { kind: "id", id: refText };
    rest = tokens.slice(1);
  } else {
    ref = { kind: "path", hostname: refText, path: "/" };
    rest = tokens.slice(1);
  }
  const site = () => resolveSite(context, ref);
  const [a, b] = [seg(rest[0]), seg(rest[1])];
  if (rest.length === 0) return byMethod(request, { GET: { kind: "sites.get", cost: 1, run: () => getSite(context, site()) } });
  if (a === "lists" && rest.length === 1) {
    return byMethod(request, {
      GET: { kind: "lists.list", cost: 2, run: () => getLists(context, request, site()) },
      POST: { kind: "lists.create", cost: 2, run: () => postList(context, request, site()) },
    });
  }
  if (a === "lists" && b !== undefined) return listRoute(context, request, () => resolveList(context, site(), b), rest.slice(2));
  if (a === "drive") return driveRoute(context, request, () => siteDefaultDrive(context, site()), rest.slice(1));
  if (a === "drives" && rest.length === 1) return byMethod(request, { GET: { kind: "drives.list", cost: 2, run: () => getDrives(context, request, site()) } });
  if (a === "drives" && b !== undefined) return driveRoute(context, request, () => driveOfSite(context, site(), b), rest.slice(2));
  return noRoute(rest);
}

function noRoute(tokens: Token[]): Route {
  const what = seg(tokens[0]) ?? pathOf(tokens[0]) ?? "";
  return { kind: "unknown", cost: 0, authenticated: true, handle: () => { throw new NoRoute(what); } };
}

function listRoute(context: EmulatorContext, request: EmulatorRequest, scope: () => ListScope, rest: Token[]): Route {
  const [a, b, c, d, e] = rest.map(seg);
  const n = rest.length;
  if (n === 0) return byMethod(request, { GET: { kind: "lists.get", cost: 1, run: () => getList(context, request, scope()) } });
  if (a === "columns" && n === 1) {
    return byMethod(request, {
      GET: { kind: "columns.list", cost: 2, run: () => getColumns(context, request, scope()) },
      POST: { kind: "columns.create", cost: 2, run: () => postColumn(context, request, scope()) },
    });
  }
  if (a === "columns" && n === 2 && b !== undefined) {
    return byMethod(request, {
      GET: { kind: "columns.get", cost: 1, run: () => getColumn(context, scope(), b) },
      PATCH: { kind: "columns.update", cost: 2, run: () => patchColumn(context, request, scope(), b) },
    });
  }
  if (a === "drive") return driveRoute(context, request, () => driveOfList(scope()), rest.slice(1));
  if (a !== "items") return noRoute(rest);
  if (n === 1) {
    return byMethod(request, {
      GET: { kind: "list-items.list", cost: 2, run: () => getItems(context, request, scope()) },
      POST: { kind: "list-items.create", cost: 2, run: () => postItem(context, request, scope()) },
    });
  }
  if (b === "delta" && n === 2) {
    return byMethod(request, { GET: { kind: "delta", cost: hasDeltaToken(request) ? 1 : 2, run: () => getDelta(context, request, scope()) } });
  }
  if (b === "$count" && n === 2) {
    return byMethod(request, {
      GET: {
        kind: "list-items.count",
        cost: 1,
        run: () => {
          throw new GraphHttpError(404, "itemNotFound", "The resource could not be found.");
        },
      },
    });
  }
  if (b === undefined) return noRoute(rest.slice(1));
  if (n === 2) {
    return byMethod(request, {
      GET: { kind: "list-items.get", cost: 1, run: () => getItem(context, request, scope(), b) },
      PATCH: { kind: "list-items.update", cost: 2, run: () => patchItem(context, request, scope(), b) },
      DELETE: { kind: "list-items.delete", cost: 2, run: () => deleteItemHandler(context, request, scope(), b) },
    });
  }
  if (c === "fields" && n === 3) {
    return byMethod(request, {
      GET: { kind: "list-items.get", cost: 1, run: () => getItemFields(context, request, scope(), b) },
      PATCH: { kind: "list-items.update", cost: 2, run: () => patchItemFields(context, request, scope(), b) },
    });
  }
  if (c === "versions" && n === 3) {
    return byMethod(request, { GET: { kind: "list-item-versions.list", cost: 2, run: () => getItemVersions(context, request, scope(), b) } });
  }
  if (c === "versions" && d !== undefined && (n === 4 || (n === 5 && e === "fields"))) {
    return byMethod(request, {
      GET: { kind: "list-item-versions.get", cost: 1, run: () => getItemVersion(context, request, scope(), b, d, n === 5) },
    });
  }
  if (c === "driveItem" && n === 3) {
    return byMethod(request, { GET: { kind: "drive-items.get", cost: 1, run: () => getItemDriveItem(context, scope(), b) } });
  }
  return noRoute(rest.slice(2));
}

function driveRoute(context: EmulatorContext, request: EmulatorRequest, library: () => Library, rest: Token[]): Route {
  if (rest.length === 0) return byMethod(request, { GET: { kind: "drives.get", cost: 1, run: () => getDrive(context, library()) } });
  let address: ItemAddress;
  let actions: Token[];
  const first = seg(rest[0]);
  if (first === "root") {
    address = { base: { kind: "root" } };
    actions = rest.slice(1);
  } else if (first === "items" && seg(rest[1]) !== undefined) {
    address = { base: { kind: "id", id: seg(rest[1])! } };
    actions = rest.slice(2);
  } else {
    return noRoute(rest);
  }
  const relative = pathOf(actions[0]);
  if (relative !== undefined) {
    address = { ...address, path: relative };
    actions = actions.slice(1);
  }
  return driveItemRoute(context, request, library, address, actions);
}

function driveItemRoute(context: EmulatorContext, request: EmulatorRequest, library: () => Library, address: ItemAddress, actions: Token[]): Route {
  const [a, b, c] = actions.map(seg);
  const n = actions.length;
  if (n === 0) {
    return byMethod(request, {
      GET: { kind: "drive-items.get", cost: 1, run: () => getDriveItem(context, request, library(), address) },
      PATCH: { kind: "drive-items.update", cost: 2, run: () => patchDriveItem(context, request, library(), address) },
      DELETE: { kind: "drive-items.delete", cost: 2, run: () => deleteDriveItemHandler(context, request, library(), address) },
    });
  }
  if (a === "content" && n === 1) {
    return byMethod(request, {
      GET: { kind: "download", cost: 1, run: () => getContent(context, library(), address) },
      PUT: { kind: "upload.simple", cost: 2, run: () => putContent(context, request, library(), address) },
    });
  }
  if (a === "children" && n === 1) {
    return byMethod(request, {
      GET: { kind: "drive-items.list", cost: 2, run: () => getChildren(context, request, library(), address) },
      POST: { kind: "drive-items.create", cost: 2, run: () => postChild(context, request, library(), address) },
    });
  }
  if (a === "createUploadSession" && n === 1) {
    return byMethod(request, { POST: { kind: "upload.session.create", cost: 2, run: () => createUploadSession(context, request, library(), address) } });
  }
  if (a === "versions" && n === 1) {
    return byMethod(request, { GET: { kind: "drive-item-versions.list", cost: 2, run: () => getFileVersions(context, library(), address) } });
  }
  if (a === "versions" && b !== undefined && n === 2) {
    return byMethod(request, { GET: { kind: "drive-item-versions.get", cost: 1, run: () => getFileVersion(context, library(), address, b) } });
  }
  if (a === "versions" && b !== undefined && c === "content" && n === 3) {
    return byMethod(request, { GET: { kind: "download", cost: 1, run: () => getFileVersionContent(context, library(), address, b) } });
  }
  if (a === "listItem" && n === 1) {
    return byMethod(request, { GET: { kind: "list-items.get", cost: 1, run: () => getDriveListItem(context, request, library(), address) } });
  }
  if (a === "listItem" && b === "fields" && n === 2) {
    return byMethod(request, {
      GET: { kind: "list-items.get", cost: 1, run: () => getDriveListItemFields(context, request, library(), address) },
      PATCH: { kind: "list-items.update", cost: 2, run: () => patchDriveListItemFields(context, request, library(), address) },
    });
  }
  return noRoute(actions);
}

export type { SiteRow };
