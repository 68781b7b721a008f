/**
 * Reads a CSV file into a table, whatever program saved it: UTF-8 with or without a BOM,
 * UTF-16 (Excel's "Unicode text"), Windows-1252 (older Excel); `,`, `;` (Excel in most of
 * Europe) or tab as the delimiter; quoted cells over several lines.
 */
import { parse } from "csv-parse/sync";
import { ValidationError } from "../core/errors";
import type { Table } from "../core/import";
import type { ImportLimits } from "./limits";

/** How a file's bytes were read: the encoding's name, and whether it was guessed (no BOM said so). */
export interface DecodedText {
  text: string;
  encoding: "UTF-8" | "UTF-16LE" | "UTF-16BE" | "Windows-1252";
  guessed: boolean;
}

/**
 * UTF-16 without a byte-order mark: text in Latin letters has a NUL in every other byte (the
 * high byte of each character), in the odd positions for little-endian, the even for big-endian.
 */
function utf16WithoutBom(bytes: Uint8Array): "UTF-16LE" | "UTF-16BE" | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 64 * 1024) & ~1);
  if (sample.length < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNul += 1;
    if (sample[i + 1] === 0) oddNul += 1;
  }
  const pairs = sample.length / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return "UTF-16LE";
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return "UTF-16BE";
  return undefined;
}

export function decodeTextNamed(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8", guessed: false };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16LE", guessed: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16BE", guessed: false };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16 === "UTF-16LE" ? "utf-16le" : "utf-16be").decode(bytes), encoding: utf16, guessed: true };
  try {
    // Plain ASCII or valid UTF-8: nothing to guess.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8", guessed: false };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "Windows-1252", guessed: true };
  }
}

export function decodeText(bytes: Uint8Array): string {
  return decodeTextNamed(bytes).text;
}

/** What the preview says of an encoding that was guessed, so that an officer checks the accented letters. */
export function encodingWarning(decoded: Pick<DecodedText, "encoding" | "guessed">): string | undefined {
  if (!decoded.guessed) return undefined;
  if (decoded.encoding === "Windows-1252") return "The file is not UTF-8: it was read as Windows-1252 (older Excel). Check the accented letters in the preview, or save the file as CSV UTF-8.";
  return `The file has no byte-order mark: it was read as ${decoded.encoding === "UTF-16LE" ? "UTF-16 little-endian" : "UTF-16 big-endian"} (Excel's "Unicode text").`;
}

/** Whether the bytes look like text rather than a binary file (no NUL bytes in a UTF-8/1252 file). */
export function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  if (utf16WithoutBom(bytes)) return true;
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

/** A CSV's table, with the encoding it was read in. */
export interface CsvTable extends Table {
  encoding: DecodedText["encoding"];
  /** Said in the preview when the encoding was guessed. */
  warnings: string[];
}

export function readCsv(bytes: Uint8Array, limits: ImportLimits): CsvTable {
  const decoded = decodeTextNamed(bytes);
  const text = decoded.text.replace(/^\uFEFF/, "");
  const warning = encodingWarning(decoded);
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
    encoding: decoded.encoding,
    warnings: warning ? [warning] : [],
    headers: headers.map((header) => header.trim()),
    // Row numbers as a spreadsheet shows the file: the header is row 1.
    rows: data.map((values, index) => ({ row: index + 2, values })).filter(({ values }) => values.some((value) => value.trim() !== "")),
  };
}
