/**
 * Which draft the document open in Word is, as GET /api/word/pane takes it: its custom
 * document properties (the names core stamps, core/drafts/draft-identity.ts; a test checks
 * they agree), or its address. The server validates them; the pane only passes them on.
 */
import type { OpenDocument } from "./office";

export const PROPERTY_NAMES = { site: "NMIRF.Site", reportId: "NMIRF.ReportId", draftId: "NMIRF.DraftId", draftVersion: "NMIRF.DraftVersion" } as const;

export interface PaneQuery {
  draftId?: string;
  reportId?: string;
  draftVersion?: string;
  site?: string;
  url?: string;
}

/** The query for the document, or undefined when it names no draft and has no address. */
export function paneQueryOf(document: Pick<OpenDocument, "properties" | "url">): PaneQuery | undefined {
  const value = (name: string) => document.properties[name]?.trim() || undefined;
  const draftId = value(PROPERTY_NAMES.draftId);
  if (draftId) return { draftId, reportId: value(PROPERTY_NAMES.reportId), draftVersion: value(PROPERTY_NAMES.draftVersion), site: value(PROPERTY_NAMES.site) };
  const url = document.url && /^https?:\/\//i.test(document.url) ? document.url : undefined;
  return url ? { url } : undefined;
}
