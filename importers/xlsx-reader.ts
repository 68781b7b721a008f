/**
 * Reads an Excel workbook (exceljs) into a table: the first worksheet whose header row (among
 * its first rows) is a UHRI export's, its data rows with their Excel row numbers. Cells keep
 * their type: numbers stay numbers (UHRI dates are serial numbers), date cells become Dates.
 */
import ExcelJS from "exceljs";
import { ValidationError } from "../core/errors";
import { cellText, type Cell, type Table } from "../core/import";
import type { ImportLimits } from "./limits";

/** Rows searched for the header (an export may have a title row or two above it). */
const HEADER_SEARCH_ROWS = 10;

function plainValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((run) => run.text).join("");
    if ("formula" in value || "sharedFormula" in value) return plainValue((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("hyperlink" in value && "text" in value) return plainValue((value as { text: ExcelJS.CellValue }).text);
    if ("error" in value) return null;
  }
  return String(value);
}

function rowValues(row: ExcelJS.Row, width: number): Cell[] {
  const values: Cell[] = [];
  for (let column = 1; column <= width; column += 1) values.push(plainValue(row.getCell(column).value));
  return values;
}

/**
 * `isHeader` tells the header row of the table wanted (a UHRI export's); the first sheet with
 * one is read. Without one, the error names the first sheet's first row.
 */
export interface WorkbookChoice {
  /** The sheet to read, by name (a tracker with several sheets); without it, the first with the header. */
  sheet?: string;
  /** The header row's number (1-based), when the header is not found by its names. */
  headerRow?: number;
}

export async function readWorkbook(bytes: Uint8Array, isHeader: (headers: string[]) => boolean, limits: ImportLimits, choice: WorkbookChoice = {}): Promise<Table & { sheet: string; sheets: string[]; headerRow: number }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new ValidationError(`The Excel workbook cannot be read (${error instanceof Error ? error.message : String(error)}). Open it in Excel, save it again as .xlsx and import the new copy.`, [
      { path: "file", message: "unreadable workbook" },
    ]);
  }
  let firstRow: string[] | undefined;
  let sheets = workbook.worksheets;
  if (choice.sheet !== undefined) {
    sheets = sheets.filter((sheet) => sheet.name.trim().toLowerCase() === choice.sheet!.trim().toLowerCase());
    if (!sheets.length) {
      throw new ValidationError(`The workbook has no sheet "${choice.sheet}"; its sheets are ${workbook.worksheets.map((sheet) => `"${sheet.name}"`).join(", ")}.`, [{ path: "mapping.sheet", message: "no such sheet" }]);
    }
  }
  for (const sheet of sheets) {
    const width = Math.max(sheet.columnCount, sheet.actualColumnCount);
    const rowCount = sheet.rowCount; // before getRow, which adds the rows it is asked for
    const first = choice.headerRow ?? 1;
    const last = choice.headerRow ?? Math.min(HEADER_SEARCH_ROWS, sheet.rowCount);
    for (let rowNumber = first; rowNumber <= last; rowNumber += 1) {
      const headers = rowValues(sheet.getRow(rowNumber), width).map(cellText);
      if (headers.some(Boolean)) firstRow ??= headers;
      if (!isHeader(headers)) continue;
      const rows: Table["rows"] = [];
      for (let number = rowNumber + 1; number <= sheet.rowCount; number += 1) {
        const values = rowValues(sheet.getRow(number), width);
        if (values.every((value) => cellText(value) === "")) continue;
        rows.push({ row: number, values });
        if (rows.length > limits.maxRows) {
          throw new ValidationError(`The sheet "${sheet.name}" has more than ${limits.maxRows} rows, more than an import accepts; split it.`, [{ path: "file", message: "too many rows" }]);
        }
      }
      return { headers, rows, sheet: sheet.name, sheets: workbook.worksheets.map((each) => each.name), headerRow: rowNumber };
    }
    // A header row chosen on a chosen sheet (the wizard's): the refusal is about that row, not about a UHRI export.
    if (choice.sheet !== undefined && choice.headerRow !== undefined) throw notAHeaderRow(sheet, rowCount, choice.headerRow, width);
  }
  const found = firstRow?.filter(Boolean).map((h) => `"${h.slice(0, 60)}"`).join(", ") ?? "nothing";
  throw new ValidationError(
    `No sheet of this workbook is a UHRI export: none has the export's header row (Text, Document Symbol, OHCHR Annotation Id, …). The first sheet starts with ${found}.`,
    [{ path: "file", message: "no recognizable header row" }],
  );
}

function notAHeaderRow(sheet: ExcelJS.Worksheet, rowCount: number, headerRow: number, width: number): ValidationError {
  if (headerRow > rowCount) {
    return new ValidationError(`The sheet "${sheet.name}" has ${rowCount} rows: there is no row ${headerRow} to read the columns' names from.`, [{ path: "headerRow", message: "beyond the sheet's rows" }]);
  }
  const cells = rowValues(sheet.getRow(headerRow), width).map(cellText).filter(Boolean);
  const found = cells.length ? cells.map((cell) => `"${cell.slice(0, 60)}"`).join(", ") : "nothing";
  return new ValidationError(`Row ${headerRow} of the sheet "${sheet.name}" does not hold the columns' names: it has ${found}. Give the number of the row that does.`, [{ path: "headerRow", message: "not a header row" }]);
}
