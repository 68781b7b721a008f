/**
 * The edge of an import: from the bytes of an uploaded file to core's `ParsedImport`. Checks
 * the size, tells the format from the content (not only the name), unzips .docx/.xlsx under
 * the limits, reads the table and hands the rows to core's pure parsers. A file that cannot be
 * imported is a ValidationError with a message a secretariat officer can act on; nothing is
 * written anywhere by this module.
 */
import path from "node:path";
import { ValidationError } from "../core/errors";
import {
  IMPORT_FORMAT_NAMES,
  columnKey,
  isUhriHeader,
  parseColumnMapping,
  parseMappedTable,
  parseOhchrThematicList,
  parseUhriExport,
  type ColumnMapping,
  type ImportFormat,
  type ParsedImport,
  type Table,
} from "../core/import";
import type { Mechanism } from "../core/records/taxonomy";
import { looksLikeText, readCsv } from "./csv-reader";
import { looksLikeJson, readJsonTable } from "./json-reader";
import { isWordPackage, readWordDocument } from "./docx-reader";
import { DEFAULT_IMPORT_LIMITS, megabytes, type ImportLimits } from "./limits";
import { isZip, openZip } from "./safe-zip";
import { readWorkbook } from "./xlsx-reader";

export interface ReadImportOptions {
  /** The uploaded file's name (shown in the preview and the audit entries). */
  fileName?: string;
  /** The format the user chose; the content must agree. Without it the content decides. */
  format?: ImportFormat;
  /** The mechanism of UHRI/CSV rows that do not say (e.g. a CSV of one committee's recommendations). */
  mechanism?: Mechanism;
  /** OHCHR list: the Working Group report's symbol when the list gives no source of position; CSV: the default symbol. */
  documentSymbol?: string;
  /** OHCHR list: the UPR session when the page header does not say. */
  session?: number;
  /** Generic CSV: the column mapping (see core/import/mapped-table). */
  mapping?: unknown;
  limits?: Partial<ImportLimits>;
}

type Container = "docx" | "xlsx" | "text";

function refuse(message: string, detail: string): ValidationError {
  return new ValidationError(message, [{ path: "file", message: detail }]);
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

const ACCEPTED = "an OHCHR thematic list (.docx), a UHRI export (.xlsx, .csv or .json) or a CSV with a column mapping";

function containerOfFormat(format: ImportFormat): Container {
  return format === "ohchr-docx" ? "docx" : format === "uhri-xlsx" ? "xlsx" : "text";
}

const CONTAINER_NAMES: Record<Container, string> = { docx: "a Word document (.docx)", xlsx: "an Excel workbook (.xlsx)", text: "a text file (CSV or JSON)" };

/** Reads and parses an import file. Throws ValidationError for a file that cannot be imported. */
export async function readImportFile(bytes: Uint8Array, options: ReadImportOptions = {}): Promise<ParsedImport> {
  const limits: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };
  const fileName = options.fileName ? path.basename(options.fileName) : undefined;
  const extension = fileName ? path.extname(fileName).toLowerCase() : "";

  if (bytes.byteLength > limits.maxFileBytes) {
    throw refuse(`The file is ${megabytes(bytes.byteLength)}; an import accepts files up to ${megabytes(limits.maxFileBytes)}.`, "over the upload limit");
  }
  if (bytes.byteLength === 0) throw refuse("The file is empty.", "empty");
  if (startsWith(bytes, OLE_SIGNATURE) && (extension === ".docx" || extension === ".xlsx")) {
    // Office stores a password-protected .docx/.xlsx in an OLE container.
    throw refuse("This file is protected by a password (encrypted). Open it, remove the password, save it and import that copy.", "encrypted Office file");
  }
  if (startsWith(bytes, OLE_SIGNATURE)) {
    throw refuse("This is an older Office file (.doc or .xls). Open it in Word or Excel, save it as .docx or .xlsx, and import that copy.", "legacy Office format");
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    throw refuse(`This is a PDF. Import ${ACCEPTED}; OHCHR publishes the thematic list as Word and the UHRI exports to Excel.`, "PDF");
  }

  let container: Container;
  let zip: ReturnType<typeof openZip> | undefined;
  if (isZip(bytes)) {
    const what = extension === ".xlsx" ? "Excel workbook" : extension === ".docx" ? "Word document" : "file";
    zip = openZip(bytes, limits, what);
    if (isWordPackage(zip)) container = "docx";
    else if (zip.has("xl/workbook.xml")) container = "xlsx";
    else throw refuse(`This is a ZIP archive but neither a Word document nor an Excel workbook. Import ${ACCEPTED}.`, "unknown archive");
  } else if (extension === ".docx" || extension === ".xlsx") {
    throw refuse(`The file is named ${extension} but is not ${extension === ".docx" ? "a Word document" : "an Excel workbook"} (it is not a ZIP package). Open it in its program and save it again.`, "not a ZIP package");
  } else if (looksLikeText(bytes)) {
    container = "text";
  } else {
    throw refuse(`This file is not ${ACCEPTED}.`, "unknown format");
  }

  if (options.format && containerOfFormat(options.format) !== container) {
    throw refuse(`You chose "${IMPORT_FORMAT_NAMES[options.format]}", but the file is ${CONTAINER_NAMES[container]}.`, "format mismatch");
  }

  if (container === "docx") {
    return parseOhchrThematicList(readWordDocument(zip!), { fileName, documentSymbol: options.documentSymbol, session: options.session });
  }
  if (container === "xlsx") {
    zip!.verifyAll();
    if (options.mapping !== undefined && options.format !== "uhri-xlsx") {
      // A tracker kept in Excel: the header is the row that has the column mapped to the text.
      const mapping = withDefaultSymbol(parseColumnMapping(options.mapping), options.documentSymbol);
      const textColumn = columnKey(mapping.columns.text!);
      const table = await readWorkbook(bytes, (headers) => headers.some((header) => columnKey(header) === textColumn), limits, { sheet: mapping.sheet, headerRow: mapping.headerRow });
      return parseMappedTable(table, mapping, { fileName, mechanism: options.mechanism });
    }
    const table = await readWorkbook(bytes, isUhriHeader, limits);
    return parseUhriExport(table, { format: "uhri-xlsx", fileName, mechanism: options.mechanism });
  }

  if (options.format === "uhri-json" || (options.format === undefined && options.mapping === undefined && looksLikeJson(bytes))) {
    const json = readJsonTable(bytes, limits);
    if (!isUhriHeader(json.headers)) {
      const found = json.headers.slice(0, 12).map((h) => `"${h.slice(0, 40)}"`).join(", ") || "no keys";
      throw refuse(`This JSON file is not a UHRI export: its annotations have ${found}, not the export's Text, Symbol, Body, AnnotationId…`, "no recognizable keys");
    }
    return parseUhriExport(json, { format: "uhri-json", fileName, mechanism: options.mechanism });
  }
  const table = readCsv(bytes, limits);
  const wantsMapping = options.format === "csv" || (options.mapping !== undefined && options.format !== "uhri-csv");
  if (wantsMapping) {
    if (options.mapping === undefined) throw refuse("A generic CSV needs a column mapping: say which column holds the text, the symbol, the paragraph…", "no mapping");
    const withSymbol = withDefaultSymbol(parseColumnMapping(options.mapping), options.documentSymbol);
    return withWarnings(parseMappedTable(table, withSymbol, { fileName, mechanism: options.mechanism }), table.warnings);
  }
  if (!isUhriHeader(table.headers)) {
    const found = table.headers.filter(Boolean).slice(0, 12).map((h) => `"${h.slice(0, 40)}"`).join(", ") || "no column names";
    throw refuse(
      `This CSV is not a UHRI export: its header row has ${found}, not the export's Text, Document Symbol, Reccomending Body, OHCHR Annotation Id… To import another CSV, give a column mapping.`,
      "no recognizable header row",
    );
  }
  return withWarnings(parseUhriExport(table, { format: "uhri-csv", fileName, mechanism: options.mechanism }), table.warnings);
}

function withDefaultSymbol(mapping: ColumnMapping, documentSymbol: string | undefined): ColumnMapping {
  return documentSymbol && !mapping.defaults?.documentSymbol ? { ...mapping, defaults: { ...mapping.defaults, documentSymbol } } : mapping;
}

/** The reader's own warnings (a guessed encoding) come first, before the parser's. */
function withWarnings(parsed: ParsedImport, warnings: readonly string[]): ParsedImport {
  return warnings.length ? { ...parsed, warnings: [...warnings, ...parsed.warnings] } : parsed;
}

/** A tracker's table as the import wizard maps it: its columns and values, before any mapping. */
export interface ImportTable {
  table: Table;
  /** An Excel tracker: the sheet read, and every sheet of the workbook (to choose another). */
  sheet?: string;
  sheets?: string[];
  /** The header row (1-based). */
  headerRow: number;
  /** The reader's warnings (a guessed encoding). */
  warnings: string[];
}

/**
 * The table of a CSV or Excel file, for the wizard to map (undefined for a Word document, which
 * is read by its own layout). The header row of a workbook is the first of its first rows with
 * two named cells, unless `headerRow` says; the sheet the first with one, unless `sheet` says.
 */
export async function readImportTable(bytes: Uint8Array, options: { fileName?: string; sheet?: string; headerRow?: number; limits?: Partial<ImportLimits> } = {}): Promise<ImportTable | undefined> {
  const limits: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };
  if (bytes.byteLength > limits.maxFileBytes || bytes.byteLength === 0) return undefined;
  if (isZip(bytes)) {
    const zip = openZip(bytes, limits, "Excel workbook");
    if (!zip.has("xl/workbook.xml")) return undefined;
    zip.verifyAll();
    const named = (headers: string[]) => headers.filter((header) => header.trim()).length >= 2;
    const table = await readWorkbook(bytes, named, limits, { sheet: options.sheet, headerRow: options.headerRow });
    return { table: { headers: table.headers, rows: table.rows }, sheet: table.sheet, sheets: table.sheets, headerRow: table.headerRow, warnings: [] };
  }
  if (startsWith(bytes, OLE_SIGNATURE) || startsWith(bytes, [0x25, 0x50, 0x44, 0x46]) || !looksLikeText(bytes)) return undefined;
  const csv = readCsv(bytes, limits);
  return { table: { headers: csv.headers, rows: csv.rows }, headerRow: 1, warnings: csv.warnings };
}
