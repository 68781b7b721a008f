/** Identifiers and timestamps in the shapes SharePoint uses. */
import { randomBytes, randomUUID } from "node:crypto";

export function guid(): string {
  return randomUUID();
}

/** A drive id: `b!` and 64 URL-safe characters, like SharePoint's. */
export function driveId(): string {
  return `b!${randomBytes(48).toString("base64url")}`;
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** A driveItem id: `01` and 32 base-32 characters (SharePoint ids look like `01YT2AIJ…`). */
export function driveItemId(): string {
  const bytes = randomBytes(32);
  let id = "01";
  for (const byte of bytes) id += BASE32[byte % 32];
  return id;
}

/** A secret for URLs that authorize themselves (upload sessions, downloads). */
export function secret(): string {
  return randomBytes(24).toString("base64url");
}

/** UTC ISO time without fractions, as SharePoint writes it: `2025-03-01T09:30:00Z`. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
