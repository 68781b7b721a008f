/**
 * Reads a CSV file into a table, whatever program saved it: UTF-8 with or without a BOM,
 * UTF-16 (Excel's "Unicode text"), Windows-1252 (older Excel); `,`, `;` (Excel in most of
 * Europe) or tab as the delimiter; quoted cells over several lines.
 */
import { parse } from "csv-parse/sync";
import { ValidationError } from "../core/errors";
import type { Table } from "../core/import";
import type { ImportLimits } from "./limits";

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** Whether the bytes look like text rather than a binary file (no NUL bytes in a UTF-8/1252 file). */
export function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 9 || (byte > 13 && byte < 32)) control += 1;
  }
  return control <= sample.length / 100;
}

/** The delimiter of the header line: the most frequent of `,`, `;` and tab outside quotes. */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ",";
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

export function readCsv(bytes: Uint8Array, limits: ImportLimits): Table {
  const text = decodeText(bytes).replace(/^\uFEFF/, "");
  if (!text.trim()) throw new ValidationError("The CSV file is empty.", [{ path: "file", message: "empty" }]);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      bom: true,
      max_record_size: 1024 * 1024,
      to: limits.maxRows + 2,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ValidationError(`The CSV file cannot be read: ${detail}`, [{ path: "file", message: "malformed CSV" }]);
  }
  if (records.length > limits.maxRows + 1) {
    throw new ValidationError(`The CSV file has more than ${limits.maxRows} rows, more than an import accepts; split it.`, [{ path: "file", message: "too many rows" }]);
  }
  const [headers = [], ...data] = records;
  return {
    headers: headers.map((header) => header.trim()),
    // Row numbers as a spreadsheet shows the file: the header is row 1.
    rows: data.map((values, index) => ({ row: index + 2, values })).filter(({ values }) => values.some((value) => value.trim() !== "")),
  };
}
