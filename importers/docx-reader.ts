/**
 * Reads a Word document's body into what core's thematic-list parser needs: the paragraphs
 * between tables and every table row, each cell as its lines (paragraphs and line breaks),
 * plus the page headers' text. Vertically merged cells repeat the value above them.
 */
import { DOMParser, onErrorStopParsing, type Element as XmlElement, type Node as XmlNode } from "@xmldom/xmldom";
import { ValidationError } from "../core/errors";
import type { WordBlock, WordDocumentContent } from "../core/import";
import type { SafeZip } from "./safe-zip";

const ELEMENT_NODE = 1;
/** Runs whose text is not document text: deleted revisions, field codes, footnote marks, drawings. */
const SKIPPED = new Set(["del", "delText", "instrText", "fldChar", "footnoteReference", "endnoteReference", "commentReference", "drawing", "pict", "object", "Fallback", "rPr", "pPr", "tcPr", "trPr", "tblPr", "sectPr"]);

function elementChildren(node: XmlNode): XmlElement[] {
  const out: XmlElement[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.nodeType === ELEMENT_NODE) out.push(child as XmlElement);
  return out;
}

function firstChild(node: XmlNode, localName: string): XmlElement | undefined {
  return elementChildren(node).find((child) => child.localName === localName);
}

/** A paragraph's text; `w:br`/`w:cr` make new lines, `w:tab` a tab. */
function paragraphText(paragraph: XmlElement): string {
  let text = "";
  const walk = (node: XmlNode) => {
    for (const child of elementChildren(node)) {
      const name = child.localName ?? "";
      if (SKIPPED.has(name)) continue;
      if (name === "t") text += child.textContent ?? "";
      else if (name === "tab" || name === "ptab") text += "\t";
      else if (name === "br" || name === "cr") text += "\n";
      else if (name === "noBreakHyphen") text += "-";
      else if (name === "p") {
        // A text box's paragraphs inside this one.
        if (text && !text.endsWith("\n")) text += "\n";
        walk(child);
      } else walk(child);
    }
  };
  walk(paragraph);
  return text;
}

/** The lines of a cell: each paragraph, split at its line breaks; a nested table's cells as lines too. */
function cellLines(cell: XmlElement): string[] {
  const lines: string[] = [];
  const walk = (node: XmlNode) => {
    for (const child of elementChildren(node)) {
      const name = child.localName;
      if (name === "p") lines.push(...paragraphText(child).split("\n"));
      else if (name === "tbl" || name === "tr" || name === "tc" || name === "sdt" || name === "sdtContent" || name === "customXml") walk(child);
    }
  };
  walk(cell);
  return lines.map((line) => line.replace(/\u00A0/g, " ").trimEnd());
}

function attribute(element: XmlElement | undefined, localName: string): string | undefined {
  if (!element) return undefined;
  for (let index = 0; index < element.attributes.length; index += 1) {
    const attr = element.attributes.item(index);
    if (attr && (attr.localName === localName || attr.name === `w:${localName}`)) return attr.value;
  }
  return undefined;
}

/** Rows and cells, looking through content controls (`w:sdt`) and custom XML wrappers. */
function childrenThrough(node: XmlNode, localName: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of elementChildren(node)) {
    if (child.localName === localName) out.push(child);
    else if (child.localName === "sdt" || child.localName === "sdtContent" || child.localName === "customXml") out.push(...childrenThrough(child, localName));
  }
  return out;
}

function tableRows(table: XmlElement, tableNumber: number): WordBlock[] {
  const blocks: WordBlock[] = [];
  let above = new Map<number, string[]>();
  childrenThrough(table, "tr").forEach((tr, rowIndex) => {
    const trPr = firstChild(tr, "trPr");
    let column = Number(attribute(trPr && firstChild(trPr, "gridBefore"), "val") ?? 0) || 0;
    const current = new Map<number, string[]>();
    const cells: string[][] = [];
    for (const tc of childrenThrough(tr, "tc")) {
      const tcPr = firstChild(tc, "tcPr");
      const span = Number(attribute(tcPr && firstChild(tcPr, "gridSpan"), "val") ?? 1) || 1;
      const vMerge = tcPr && firstChild(tcPr, "vMerge");
      const continues = vMerge !== undefined && (attribute(vMerge, "val") ?? "continue") === "continue";
      const lines = continues ? (above.get(column) ?? []) : cellLines(tc);
      cells.push(lines);
      current.set(column, lines);
      column += span;
    }
    above = current;
    blocks.push({ kind: "row", table: tableNumber, row: rowIndex + 1, cells });
  });
  return blocks;
}

export function parseXml(xml: string, part: string): XmlElement {
  if (/<!DOCTYPE/i.test(xml)) {
    throw new ValidationError(`The document's part ${part} declares a DTD, which Word never writes; it is refused.`, [{ path: "file", message: "unexpected DTD" }]);
  }
  try {
    const document = new DOMParser({ onError: onErrorStopParsing, locator: false }).parseFromString(xml, "text/xml");
    if (!document.documentElement) throw new Error("no root element");
    return document.documentElement;
  } catch (error) {
    throw new ValidationError(`The document's part ${part} is not well-formed XML (${error instanceof Error ? error.message.split("\n")[0] : String(error)}).`, [
      { path: "file", message: "malformed XML" },
    ]);
  }
}

/** The main document part: named by the package relationships, `word/document.xml` by default. */
function mainPartName(zip: SafeZip): string {
  const rels = zip.read("_rels/.rels");
  if (rels) {
    const root = parseXml(rels.toString("utf8"), "_rels/.rels");
    for (const relationship of elementChildren(root)) {
      const type = attribute(relationship, "Type") ?? relationship.getAttribute("Type") ?? "";
      const target = relationship.getAttribute("Target") ?? "";
      if (type.endsWith("/officeDocument") && target) return target.replace(/^\//, "");
    }
  }
  return "word/document.xml";
}

export function isWordPackage(zip: SafeZip): boolean {
  return zip.has("word/document.xml") || zip.entries.some((entry) => /^word\/.+\.xml$/.test(entry.name));
}

export function readWordDocument(zip: SafeZip): WordDocumentContent {
  const mainPart = mainPartName(zip);
  const xml = zip.read(mainPart);
  if (!xml) throw new ValidationError(`The Word document has no main part (${mainPart}).`, [{ path: "file", message: "no document part" }]);
  const root = parseXml(xml.toString("utf8"), mainPart);
  const body = firstChild(root, "body");
  if (!body) throw new ValidationError("The Word document has no body.", [{ path: "file", message: "no body" }]);

  const blocks: WordBlock[] = [];
  let tables = 0;
  const walk = (node: XmlNode) => {
    for (const child of elementChildren(node)) {
      if (child.localName === "p") blocks.push({ kind: "paragraph", text: paragraphText(child).replace(/\s+/g, " ").trim() });
      else if (child.localName === "tbl") blocks.push(...tableRows(child, ++tables));
      else if (child.localName === "sdt" || child.localName === "sdtContent" || child.localName === "customXml") walk(child);
    }
  };
  walk(body);

  const headers: string[] = [];
  for (const entry of zip.entries) {
    if (!/^word\/header\d*\.xml$/.test(entry.name)) continue;
    const collect = (node: XmlNode) => {
      for (const child of elementChildren(node)) {
        if (child.localName !== "p") collect(child);
        else {
          const text = paragraphText(child).replace(/\s+/g, " ").trim();
          if (text) headers.push(text);
        }
      }
    };
    collect(parseXml(zip.read(entry.name)!.toString("utf8"), entry.name));
  }
  return { headers, blocks };
}
