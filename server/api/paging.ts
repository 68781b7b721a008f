/** Paging over a list already in memory: the page token is the offset, tied to the query that made it. */
import { createHash } from "node:crypto";
import { ValidationError } from "../../core/errors";

function fingerprint(query: object): string {
  const { pageToken: _token, pageSize: _size, ...rest } = query as Record<string, unknown>;
  return createHash("sha256").update(JSON.stringify(rest)).digest("base64url").slice(0, 10);
}

export function pageOfArray<T>(items: T[], query: { pageSize: number; pageToken?: string }): { items: T[]; nextPageToken?: string; total: number } {
  let offset = 0;
  if (query.pageToken) {
    const match = /^(\d{1,7})\.([A-Za-z0-9_-]{10})$/.exec(Buffer.from(query.pageToken, "base64url").toString("utf8"));
    if (!match || match[2] !== fingerprint(query)) {
      throw new ValidationError("the page token does not belong to this query: start again from the first page", [{ path: "query.pageToken", message: "not a page of this query" }]);
    }
    offset = Number(match[1]);
  }
  const page = items.slice(offset, offset + query.pageSize);
  const next = offset + query.pageSize;
  return {
    items: page,
    total: items.length,
    ...(next < items.length ? { nextPageToken: Buffer.from(`${next}.${fingerprint(query)}`).toString("base64url") } : {}),
  };
}
