/**
 * The import view's state, apart from its render: the file and what the person says of it
 * (format, mechanism, symbol, session), the preview the server answers, the outcome shown, and
 * the commit's result.
 */
import { useState } from "react";
import type { ImportSessionDto } from "../../../../core/api";
import type { Mechanism } from "../../../../core/records/taxonomy";
import { useAction } from "../../api/use-resource";
import { useSession } from "../../shell/session";

export const FORMATS = ["ohchr-docx", "uhri-xlsx", "uhri-csv", "csv"] as const;
export type Format = (typeof FORMATS)[number];
export type Outcome = "all" | "new" | "changed" | "unchanged" | "duplicate" | "invalid";

export function useImport() {
  const { api } = useSession();
  const [file, setFile] = useState<File>();
  const [format, setFormat] = useState<Format>();
  const [mechanism, setMechanism] = useState<Mechanism>();
  const [symbol, setSymbol] = useState("");
  const [session, setSession] = useState("");
  const [preview, setPreview] = useState<ImportSessionDto>();
  const [outcome, setOutcome] = useState<Outcome>("all");
  const [committed, setCommitted] = useState<{ created: number; updated: number; unchanged: number; invalid: number; failed: number; duplicates: number }>();

  const upload = useAction(async () => {
    if (!file) return;
    setCommitted(undefined);
    const result = await api.call("uploadImport", {
      query: { fileName: file.name, format, mechanism, documentSymbol: symbol.trim() || undefined, session: session.trim() ? Number(session) : undefined },
      body: file,
    });
    setPreview(result);
    setOutcome("all");
  });
  const commit = useAction(async () => {
    if (!preview) return;
    const result = await api.call("commitImport", { params: { id: preview.id } });
    setCommitted(result);
    setPreview(undefined);
  });

  const p = preview?.preview;
  const rows = (p?.rows ?? []).filter((row) => outcome === "all" || row.outcome === outcome);
  return { file, setFile, format, setFormat, mechanism, setMechanism, symbol, setSymbol, session, setSession, preview, outcome, setOutcome, committed, upload, commit, p, rows };
}
