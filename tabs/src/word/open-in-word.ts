/**
 * Opening a draft in Word, and saving it: in a tenant "Open in Word" is the file's webUrl in the
 * Drafts library; in local mode (no SharePoint, no Word) it is the local stand-in for Word, which
 * shows the draft's own file beside the Review draft pane. A download always goes through our
 * server (GET /api/drafts/{id}/file): what the reader may have of the draft, under its own name.
 */
import type { Api } from "../api/client";

export function openInWordHref(mode: "local" | "tenant", draft: { id: string; webUrl?: string }, personaId?: string): string | undefined {
  if (mode === "tenant") return draft.webUrl;
  const query = new URLSearchParams({ draftId: draft.id, ...(personaId ? { persona: personaId } : {}) });
  return `/word/local.html?${query.toString()}`;
}

export async function downloadDraftFile(api: Api, draftId: string, fileName: string): Promise<void> {
  const blob = await api.call("downloadDraft", { params: { id: draftId } });
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
