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

export function ExportMenu({ name, load, disabled }: { name: string; load(format: ExportFormat, lang: string): Promise<Blob>; disabled?: boolean }) {
  const { t, locale } = useI18n();
  const run = useAction(async (format: ExportFormat) => {
    const blob = await load(format, locale);
    saveBlob(blob, `${name} ${new Date().toISOString().slice(0, 10)}.${format}`);
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
          </MenuList>
        </MenuPopover>
      </Menu>
      {run.error !== undefined && <ProblemBar error={run.error} onDismiss={run.clear} />}
    </>
  );
}
