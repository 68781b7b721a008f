/**
 * Writes a table (a heading per column, rows of cells) as an Excel workbook or CSV, streamed to
 * the response as it is written: an export of thousands of rows is never held whole in memory
 * as a workbook. CSV is UTF-8 with a byte order mark (Excel opens it with the right accents and
 * scripts), fields quoted as RFC 4180 says, and a cell a person typed that starts like a
 * formula (=, +, -, @) is written as text, so that opening an export never runs anything (in
 * the workbook every text cell is a string cell, never a formula).
 */
import ExcelJS from "exceljs";
import type { Writable } from "node:stream";

export type CellValue = string | number | undefined;

export interface ExportTable {
  /** The worksheet's name (at most 31 characters in Excel). */
  sheet: string;
  columns: { heading: string; width?: number }[];
  rows: CellValue[][];
  /** Right to left (Arabic): the worksheet opens with column A on the right. */
  rtl?: boolean;
}

/** A typed value that a spreadsheet would read as a formula, made text. */
export function neutralize(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: CellValue): string {
  if (value === undefined) return "";
  const text = typeof value === "number" ? String(value) : neutralize(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function write(out: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.write(chunk)) resolve();
    else {
      out.once("drain", resolve);
      out.once("error", reject);
    }
  });
}

export async function writeCsv(table: ExportTable, out: Writable): Promise<void> {
  await writeCsvSections([table], out, false);
}

/**
 * Several tables in one CSV file (the dashboard's figures): each under a line with its name,
 * a blank line between them.
 */
export async function writeCsvTables(tables: ExportTable[], out: Writable): Promise<void> {
  await writeCsvSections(tables, out, true);
}

async function writeCsvSections(tables: ExportTable[], out: Writable, titled: boolean): Promise<void> {
  let chunk = "\uFEFF";
  for (const [index, table] of tables.entries()) {
    if (index > 0) chunk += "\r\n";
    if (titled) chunk += `${csvField(table.sheet)}\r\n`;
    chunk += `${table.columns.map((c) => csvField(c.heading)).join(",")}\r\n`;
    for (const row of table.rows) {
      chunk += `${row.map(csvField).join(",")}\r\n`;
      if (chunk.length > 64_000) {
        await write(out, chunk);
        chunk = "";
      }
    }
  }
  if (chunk) await write(out, chunk);
  out.end();
}

export async function writeXlsx(table: ExportTable, out: Writable): Promise<void> {
  await writeXlsxSheets([table], out);
}

/** Several tables as the worksheets of one workbook, in order (names made unique and valid). */
export async function writeXlsxSheets(tables: ExportTable[], out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const used = new Set<string>();
  for (const table of tables) {
    const base = table.sheet.replace(/[\\/?*[\]:]/g, " ").slice(0, 31).trim() || "Export";
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 27)} (${n})`;
    used.add(name.toLowerCase());
    const sheet = workbook.addWorksheet(name, {
      views: [{ state: "frozen", ySplit: 1, rightToLeft: Boolean(table.rtl) }],
    });
    sheet.columns = table.columns.map((c, index) => ({ header: c.heading, key: String(index), width: c.width ?? 18 }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for (const row of table.rows) {
      sheet.addRow(row.map((cell) => cell ?? null)).commit();
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, table.columns.length) } };
    sheet.commit();
  }
  await workbook.commit();
}
