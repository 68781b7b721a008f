/**
 * A draft's file from the tab: Download (.docx) for every reader allowed (the server answers
 * each their edition: the library's file, or the edition for observers), and PDF when the server
 * converts drafts (LibreOffice installed there: `me.can.downloadPdf`). A conversion takes
 * seconds: the button says so while it runs, and a failure says why.
 */
import { Button, Spinner } from "@fluentui/react-components";
import type { DraftDto } from "../../../../core/api";
import { saveBlob } from "../../components/ExportMenu";
import { ProblemBar } from "../../components/ProblemBar";
import { useAction } from "../../api/use-resource";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";

export function draftFileName(draft: Pick<DraftDto, "fileName" | "version">, format: "docx" | "pdf"): string {
  const base = (draft.fileName || `draft v${draft.version}.docx`).replace(/\.docx$/i, "");
  return `${base}.${format}`;
}

export function DraftDownloads({ draft, compact = false }: { draft: DraftDto; compact?: boolean }) {
  const { t } = useI18n();
  const { api, me } = useSession();
  const download = useAction(async (format: "docx" | "pdf") => {
    const blob = await api.call(format === "pdf" ? "downloadDraftPdf" : "downloadDraft", { params: { id: draft.id } });
    saveBlob(blob, draftFileName(draft, format));
  });
  const version = { version: draft.version };
  return (
    <>
      <Button size={compact ? "small" : "medium"} disabled={download.busy} onClick={() => void download.run("docx")} aria-label={compact ? t("drafts.downloadVersion", version) : undefined}>
        {t("drafts.download")}
      </Button>
      {me.can.downloadPdf && (
        <Button
          size={compact ? "small" : "medium"}
          disabled={download.busy}
          icon={download.busy ? <Spinner size="extra-tiny" /> : undefined}
          onClick={() => void download.run("pdf")}
          aria-label={compact ? t("drafts.downloadPdfVersion", version) : undefined}
        >
          {download.busy ? t("drafts.converting") : t("drafts.downloadPdf")}
        </Button>
      )}
      {download.error !== undefined && <ProblemBar error={download.error} onDismiss={download.clear} />}
    </>
  );
}
