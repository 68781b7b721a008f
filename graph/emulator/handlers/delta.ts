/**
 * GET …/items/delta (graph-contract.md 4.5.1). Every change gets a sequence number; a token is
 * the list, the last number seen and when it was issued. Pages carry `@odata.nextLink`, the
 * last one `@odata.deltaLink`; `token=latest` returns no items and the current deltaLink; an
 * unknown, foreign or expired token answers 410 with a Location to start over.
 */
import type { EmulatorContext, ListScope } from "../context";
import { GraphHttpError } from "../errors";
import { jsonResponse, refuseOptions, type EmulatorRequest, type EmulatorResponse } from "../http";
import { contentTypeId, itemJson } from "../model/items";
import { parseExpand, parseSelect, rebuildQuery } from "../odata/query-options";
import type { ItemRow, TombstoneRow } from "../store/store";
import { pageSize, renderOptionsFor } from "./items";

interface DeltaToken {
  /** List id. */
  l: string;
  /** Changes after this sequence number are still to be returned. */
  s: number;
  /** Issued at (ms). */
  t: number;
  /** The list's delta epoch when issued. */
  e: number;
  /** Set while the first full sync is paging: deletions are not reported then. */
  i?: 1;
}

function encodeToken(token: DeltaToken): string {
  return Buffer.from(JSON.stringify(token)).toString("base64url");
}

function decodeToken(raw: string): DeltaToken | undefined {
  try {
    const token = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<DeltaToken>;
    if (typeof token.l !== "string" || typeof token.s !== "number" || typeof token.t !== "number" || typeof token.e !== "number") return undefined;
    return token as DeltaToken;
  } catch {
    return undefined;
  }
}

/** True when a request is a delta with a token (1 resource unit instead of 2, 8.2). */
export function hasDeltaToken(request: EmulatorRequest): boolean {
  return request.query.get("token") !== undefined;
}

export function getDelta(context: EmulatorContext, request: EmulatorRequest, scope: ListScope): EmulatorResponse {
  refuseOptions(request, ["filter", "orderby", "skip", "count", "search"]);
  const { store, behaviour } = context;
  const listId = scope.list.id;
  const link = (token: DeltaToken) =>
    `${context.baseUrl}/${request.path}?${rebuildQuery(request.query, ["token", "skiptoken"], [])
      .split("&")
      .filter((part) => part !== "")
      .reduce((acc, part) => `${acc}&${part}`, `token=${encodeToken(token)}`)}`;
  const body: Record<string, unknown> = {
    "@odata.context": `${context.baseUrl}/$metadata#Collection(listItem)`,
  };

  const rawToken = request.query.get("token");
  if (rawToken === "latest") {
    body.value = [];
    body["@odata.deltaLink"] = link({ l: listId, s: store.maxSeqOfList(listId), t: context.now(), e: scope.list.delta_epoch });
    return jsonResponse(200, body);
  }
  let from: DeltaToken = { l: listId, s: 0, t: context.now(), e: scope.list.delta_epoch, i: 1 };
  if (rawToken !== undefined) {
    const token = decodeToken(rawToken);
    const expired = token && context.now() - token.t > behaviour.deltaTokenLifetimeMs;
    if (!token || token.l !== listId || token.e !== scope.list.delta_epoch || expired) {
      const restart = rebuildQuery(request.query, ["token", "skiptoken"], []);
      throw new GraphHttpError(
        410,
        "resyncChangesApplyDifferences",
        "Resync required. Replace any local items with the server's version (including deletes) if you're sure that the service was up to date with your local changes when you last sync'd. Upload any local changes that the server doesn't know about.",
        { headers: { Location: `${context.baseUrl}/${request.path}${restart ? `?${restart}` : ""}` } },
      );
    }
    from = token;
  }

  const top = pageSize(context, request);
  const changes = store.changesSince(listId, from.s, top + 1, from.i !== 1);
  const page = changes.slice(0, top);
  const expand = parseExpand(request.query.get("expand"));
  const select = parseSelect(request.query.get("select"));
  body.value = page.map((change) => {
    if ("deleted" in change) return deletedJson(scope, change);
    const item = change as ItemRow;
    return itemJson(context, scope, item, renderOptionsFor(context, scope, item, { expand, collection: true, ...(select ? { select } : {}) }));
  });
  const lastSeq = page.length > 0 ? page[page.length - 1]!.seq : from.s;
  if (changes.length > top) {
    body["@odata.nextLink"] = link({ l: listId, s: lastSeq, t: from.t, e: from.e, ...(from.i ? { i: 1 as const } : {}) });
  } else {
    body["@odata.deltaLink"] = link({ l: listId, s: Math.max(lastSeq, from.s), t: context.now(), e: from.e });
  }
  return jsonResponse(200, body);
}

function deletedJson(scope: ListScope, tombstone: TombstoneRow): Record<string, unknown> {
  return {
    id: String(tombstone.item_id),
    parentReference: { siteId: scope.site.id },
    contentType: { id: contentTypeId(scope.list, tombstone.content_type), name: tombstone.content_type },
    deleted: { state: "deleted" },
  };
}
