/**
 * Import files made by the tests: UHRI exports (.xlsx and .csv) in the export's exact column
 * layout, Word documents with a thematic list's table, and damaged or hostile archives.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { UHRI_COLUMNS } from "../../../core/import";

/** Slovenia's UPR cycle 4 thematic list (public UN document), copied from ../shared/fixtures so a clean clone has it. */
export const FIXTURE_PATH = path.resolve(__dirname, "../fixtures/ohchr-upr-thematic-list-slovenia-cycle4.docx");

export function thematicListFixture(): Buffer {
  return readFileSync(FIXTURE_PATH);
}

export type UhriColumn = (typeof UHRI_COLUMNS)[number];
export type UhriRecord = Partial<Record<UhriColumn, string | number | null>>;

/** A UPR recommendation of Slovenia's cycle 4 as the UHRI exports it. */
export function uhriUprRecord(paragraph: string, extra: UhriRecord = {}): UhriRecord {
  return {
    Text: `${paragraph} Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights (Maldives) (Portugal);`,
    "Countries Concerned": "- Slovenia",
    "Reccomending Body": "UPR",
    "Document Symbol": "A/HRC/59/15",
    Themes: "- Ratification of & accession to international instruments\n- Economic, social & cultural rights - general measures of implementation",
    "Affected Persons": "- Public officials",
    Sdgs: "- 1 - NO POVERTY\n- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
    "Document Publication Date": 45758,
    "UPR Reccomending States": "- Maldives\n- Portugal",
    "UPR Position": "Supported",
    Type: "Recommendation",
    "OHCHR Annotation Id": `annotation-${paragraph}`,
    "UPR Session": 48,
    "Regions Concerned": "- Eastern European States",
    "Recommending Regions": "- Asia-Pacific States\n- Western European and other States",
    "Date of publication on UHRI": 45800,
    ...extra,
  };
}

/** `count` distinct UPR recommendations, paragraphs 140.1 … 140.count. */
export function uhriUprRecords(count: number, extra: (index: number) => UhriRecord = () => ({})): UhriRecord[] {
  return Array.from({ length: count }, (_, index) => uhriUprRecord(`140.${index + 1}`, extra(index)));
}

/** An .xlsx as the UHRI exports it: one sheet, the header row, serial numbers for dates. */
export async function uhriWorkbook(records: UhriRecord[], options: { titleRows?: string[] } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Recommendations");
  for (const title of options.titleRows ?? []) sheet.addRow([title]);
  sheet.addRow([...UHRI_COLUMNS]);
  for (const record of records) sheet.addRow(UHRI_COLUMNS.map((column) => record[column] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvCell(value: string | number | null | undefined, delimiter: string): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A .csv of the same export: CRLF lines, quoted multi-line cells, optionally `;` and a BOM as Excel writes them in Europe. */
export function uhriCsv(records: UhriRecord[], options: { delimiter?: string; bom?: boolean; encoding?: "utf8" | "utf16le" | "latin1" } = {}): Buffer {
  const delimiter = options.delimiter ?? ",";
  const lines = [UHRI_COLUMNS.map((c) => csvCell(c, delimiter)).join(delimiter), ...records.map((record) => UHRI_COLUMNS.map((column) => csvCell(record[column], delimiter)).join(delimiter))];
  const text = `${lines.join("\r\n")}\r\n`;
  if (options.encoding === "utf16le") return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  if (options.encoding === "latin1") return Buffer.from(text, "latin1");
  return Buffer.concat([options.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, "utf8")]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function paragraph(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

export type DocxCell = string | { lines: string[]; span?: number; vMerge?: "restart" | "continue" };
export type DocxBlock = { paragraph: string } | { table: DocxCell[][] };

function cellXml(cell: DocxCell): string {
  const spec = typeof cell === "string" ? { lines: cell.split("\n") } : cell;
  const props = [spec.span ? `<w:gridSpan w:val="${spec.span}"/>` : "", spec.vMerge ? `<w:vMerge w:val="${spec.vMerge}"/>` : ""].join("");
  return `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ""}${(spec.lines.length ? spec.lines : [""]).map(paragraph).join("")}</w:tc>`;
}

/** A Word document: paragraphs and tables, and the page header OHCHR puts the review in. */
export async function wordDocument(blocks: DocxBlock[], header?: string): Promise<Buffer> {
  const body = blocks
    .map((block) => ("paragraph" in block ? paragraph(block.paragraph) : `<w:tbl><w:tblPr/>${block.table.map((row) => `<w:tr>${row.map(cellXml).join("")}</w:tr>`).join("")}</w:tbl>`))
    .join("");
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`);
  if (header) zip.file("word/header1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${W}>${paragraph(header)}</w:hdr>`);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** A ZIP with one highly compressible entry of `bytes` zeros. */
export async function zipOfZeros(name: string, bytes: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(name, Buffer.alloc(bytes));
  zip.file("[Content_Types].xml", "<Types/>");
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * A zip bomb that lies: its central directory declares `declared` bytes for word/document.xml,
 * but the entry inflates to far more. Only the 32-bit size fields are patched.
 */
export async function lyingZip(actualBytes: number, declared: number): Promise<Buffer> {
  const zip = await zipOfZeros("word/document.xml", actualBytes);
  const buffer = Buffer.from(zip);
  for (let offset = 0; offset + 46 <= buffer.length; offset += 1) {
    const signature = buffer.readUInt32LE(offset);
    if (signature === 0x02014b50 && buffer.toString("utf8", offset + 46, offset + 46 + buffer.readUInt16LE(offset + 28)) === "word/document.xml") {
      buffer.writeUInt32LE(declared, offset + 24);
    }
    if (signature === 0x04034b50 && buffer.toString("utf8", offset + 30, offset + 30 + buffer.readUInt16LE(offset + 26)) === "word/document.xml") {
      buffer.writeUInt32LE(declared, offset + 22);
    }
  }
  return buffer;
}
