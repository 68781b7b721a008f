/**
 * "Export": the view's rows, with its filters, as an Excel workbook or CSV. The server makes the
 * file (GET /api/exports/...); the browser saves it under the name given.
 */
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from "@fluentui/react-components";
import type { ExportFormat } from "../../../core/api";
import { useAction } from "../api/use-resource";
import { useI18n } from "../i18n/i18n";
import { ProblemBar } from "./ProblemBar";

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Another export of the same view (the UPR matrix beside the grid): its file name and its menu items' words. */
export interface OtherExport {
  name: string;
  labels: Record<ExportFormat, string>;
  load(format: ExportFormat, lang: string): Promise<Blob>;
}

export function ExportMenu({ name, load, disabled, others = [] }: { name: string; load(format: ExportFormat, lang: string): Promise<Blob>; disabled?: boolean; others?: OtherExport[] }) {
  const { t, locale } = useI18n();
  const run = useAction(async (format: ExportFormat, other?: OtherExport) => {
    const blob = await (other ?? { load }).load(format, locale);
    saveBlob(blob, `${other?.name ?? name} ${new Date().toISOString().slice(0, 10)}.${format}`);
  });
  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button disabled={disabled || run.busy}>{t("export.button")}</Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem onClick={() => void run.run("xlsx")}>{t("export.xlsx")}</MenuItem>
            <MenuItem onClick={() => void run.run("csv")}>{t("export.csv")}</MenuItem>
            {others.flatMap((other) => [
              <MenuItem key={`${other.name}-xlsx`} onClick={() => void run.run("xlsx", other)}>
                {other.labels.xlsx}
              </MenuItem>,
              <MenuItem key={`${other.name}-csv`} onClick={() => void run.run("csv", other)}>
                {other.labels.csv}
              </MenuItem>,
            ])}
          </MenuList>
        </MenuPopover>
      </Menu>
      {run.error !== undefined && <ProblemBar error={run.error} onDismiss={run.clear} />}
    </>
  );
}
