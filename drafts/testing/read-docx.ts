import { DOMParser, type Element } from "@xmldom/xmldom";
import JSZip from "jszip";

/**
 * Reads a .docx back for tests, from its XML alone (nothing of the renderer's): the body's
 * paragraphs and tables in order, the comments, the footnotes and the headers.
 */
export interface ReadParagraph {
  text: string;
  style?: string;
  /** The numbering list it is in (`w:numId`), if any. */
  numId?: string;
  /** Every run that has text is highlighted. */
  highlighted: boolean;
  rightToLeft: boolean;
  footnoteIds: number[];
  commentIds: number[];
  /** Inside the table of contents. */
  inContents: boolean;
  inTable: boolean;
}

export interface ReadTable {
  rows: string[][];
}

export interface ReadDraft {
  paragraphs: ReadParagraph[];
  /** Body elements in order: a paragraph or a table. */
  blocks: ({ kind: "paragraph"; paragraph: ReadParagraph } | { kind: "table"; table: ReadTable })[];
  tables: ReadTable[];
  comments: { id: number; author: string; initials: string; date: string; text: string }[];
  footnotes: { id: number; text: string }[];
  headers: string[];
  parts: Record<string, string>;
  hasContents: boolean;
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

function parse(xml: string): Element {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`not well-formed XML: ${message}`);
    },
  }).parseFromString(xml, "application/xml");
  return doc.documentElement as unknown as Element;
}

function children(element: Element, localName?: string): Element[] {
  const out: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (!localName || (node as Element).localName === localName)) out.push(node as Element);
  }
  return out;
}

function descendants(element: Element, localName: string): Element[] {
  return Array.from(element.getElementsByTagNameNS(W, localName) as unknown as ArrayLike<Element>);
}

function attr(element: Element | undefined, name: string): string | undefined {
  return element?.getAttributeNS(W, name) ?? element?.getAttribute(`w:${name}`) ?? undefined;
}

function textOf(element: Element): string {
  return descendants(element, "t")
    .map((t) => t.textContent ?? "")
    .join("");
}

function readParagraph(p: Element, inContents: boolean, inTable: boolean): ReadParagraph {
  const pPr = children(p, "pPr")[0];
  const runs = descendants(p, "r").filter((r) => descendants(r, "t").length > 0);
  return {
    text: textOf(p),
    style: attr(pPr && children(pPr, "pStyle")[0], "val"),
    numId: attr(pPr && descendants(pPr, "numId")[0], "val"),
    highlighted: runs.length > 0 && runs.every((r) => descendants(r, "highlight").length > 0),
    rightToLeft: pPr !== undefined && children(pPr, "bidi").length > 0,
    footnoteIds: descendants(p, "footnoteReference").map((f) => Number(attr(f, "id"))),
    commentIds: descendants(p, "commentReference").map((c) => Number(attr(c, "id"))),
    inContents,
    inTable,
  };
}

export async function readDocx(bytes: Uint8Array): Promise<ReadDraft> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (/\.(xml|rels)$/.test(name)) parts[name] = await (zip.file(name) as JSZip.JSZipObject).async("string");
  for (const xml of Object.values(parts)) parse(xml); // every part parses, or this throws

  const body = children(parse(parts["word/document.xml"] ?? ""), "body")[0] as Element;
  const paragraphs: ReadParagraph[] = [];
  const tables: ReadTable[] = [];
  const blocks: ReadDraft["blocks"] = [];
  let hasContents = false;
  for (const element of children(body)) {
    if (element.localName === "p") {
      const paragraph = readParagraph(element, false, false);
      paragraphs.push(paragraph);
      blocks.push({ kind: "paragraph", paragraph });
    } else if (element.localName === "sdt") {
      const isContents = descendants(element, "docPartGallery").some((g) => attr(g, "val") === "Table of Contents");
      hasContents ||= isContents;
      for (const p of descendants(element, "p")) paragraphs.push(readParagraph(p, isContents, false));
    } else if (element.localName === "tbl") {
      const table: ReadTable = { rows: children(element, "tr").map((tr) => children(tr, "tc").map((tc) => children(tc, "p").map(textOf).join("\n"))) };
      for (const p of descendants(element, "p")) paragraphs.push(readParagraph(p, false, true));
      tables.push(table);
      blocks.push({ kind: "table", table });
    }
  }

  const comments = parts["word/comments.xml"]
    ? children(parse(parts["word/comments.xml"]), "comment").map((c) => ({
        id: Number(attr(c, "id")),
        author: attr(c, "author") ?? "",
        initials: attr(c, "initials") ?? "",
        date: attr(c, "date") ?? "",
        text: children(c, "p").map(textOf).join("\n"),
      }))
    : [];
  const footnotes = parts["word/footnotes.xml"]
    ? children(parse(parts["word/footnotes.xml"]), "footnote")
        .filter((f) => !attr(f, "type"))
        .map((f) => ({ id: Number(attr(f, "id")), text: textOf(f) }))
    : [];
  const headers = Object.keys(parts)
    .filter((name) => /^word\/header\d*\.xml$/.test(name))
    .sort()
    .map((name) => textOf(parse(parts[name] as string)));
  return { paragraphs, blocks, tables, comments, footnotes, headers, parts, hasContents };
}

/** An independent word count: whitespace-separated tokens holding a letter or a digit. */
export function independentWordCount(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/**
 * The words of a draft read back, by part, counted independently of the renderer: the body up
 * to the "Annex" heading (not the contents, not the highlighted placeholders), the annex after
 * it (tables included), and the footnotes.
 */
export function wordsByPart(draft: ReadDraft, annexTitle = "Annex"): { body: number; annex: number; footnotes: number } {
  let body = 0;
  let annex = 0;
  let inAnnex = false;
  for (const block of draft.blocks) {
    if (block.kind === "table") {
      const words = block.table.rows.flat().reduce((sum, cell) => sum + independentWordCount(cell), 0);
      if (inAnnex) annex += words;
      else body += words;
      continue;
    }
    const p = block.paragraph;
    if (p.style === "Heading1" && p.text === annexTitle) inAnnex = true;
    if (p.highlighted || p.inContents) continue;
    if (inAnnex) annex += independentWordCount(p.text);
    else body += independentWordCount(p.text);
  }
  const footnotes = draft.footnotes.reduce((sum, f) => sum + independentWordCount(f.text), 0);
  return { body, annex, footnotes };
}

/**
 * The custom document properties of a .docx, found as Word finds them: through the package's
 * relationship to the custom properties part, whose content type is declared. Empty when the
 * document has none.
 */
export async function readCustomProperties(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const rels = new DOMParser().parseFromString((await zip.file("_rels/.rels")?.async("string")) ?? "<Relationships/>", "text/xml");
  const relationship = Array.from(rels.getElementsByTagName("Relationship")).find((r) => r.getAttribute("Type")?.endsWith("/custom-properties"));
  if (!relationship) return {};
  const part = (relationship.getAttribute("Target") ?? "").replace(/^\//, "");
  const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  if (!types.includes(`PartName="/${part}"`)) throw new Error(`the custom properties part ${part} has no content type: Word would not read it`);
  const xml = await zip.file(part)?.async("string");
  if (xml === undefined) throw new Error(`the package names a custom properties part ${part} that is not in it`);
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const out: Record<string, string> = {};
  for (const property of Array.from(doc.getElementsByTagName("property"))) {
    out[property.getAttribute("name") ?? ""] = property.textContent ?? "";
  }
  return out;
}
