import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import { ValidationError } from "../../core/errors";

/** The largest template accepted: a letterhead with its logo is far smaller. */
export const TEMPLATE_MAX_BYTES = 10 * 1024 * 1024;
/** What a template may unpack to, and how many files it may hold: a guard against zip bombs. */
export const TEMPLATE_MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
export const TEMPLATE_MAX_FILES = 2000;

/**
 * The placeholders a template may hold, each typed as `{{name}}` in Word:
 * `{{title}}` the report's title, `{{date}}` the date the draft was compiled (29 November 2026),
 * `{{version}}` "Draft v3", `{{body}}` the report (required, in a paragraph of its own), `{{annex}}`
 * the annexed matrix of recommendations (without it the annex follows the body).
 */
export const TEMPLATE_PLACEHOLDERS = ["title", "date", "version", "body", "annex"] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** Placeholders that stand for whole paragraphs, tables and headings: once each, in the document's body. */
const BLOCK_PLACEHOLDERS: readonly TemplatePlaceholder[] = ["body", "annex"];

export interface TemplateCheck {
  /** The placeholders found, anywhere (the body, headers, footers). */
  placeholders: TemplatePlaceholder[];
  /** The placeholders found in the document's body itself (not in a header or footer). */
  inBody: TemplatePlaceholder[];
  /** What the secretariat may want to know, e.g. that the title will be written above the body. */
  notes: string[];
  /** Whether it is a Word template (.dotx), saved as a document when patched. */
  isWordTemplate: boolean;
}

const MAIN_DOCUMENT = "word/document.xml";
const CONTENT_TYPES = "[Content_Types].xml";
const DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const DOTX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";

/** Relationship types that bring code or foreign content into a document. */
const REFUSED_RELATIONSHIPS: [RegExp, string][] = [
  [/\/vbaProject$|\/wordVbaData$|\/keyMapCustomizations$/i, "it holds macros (VBA): save it as a Word document (.docx), not a macro-enabled one (.docm)"],
  [/\/aFChunk$/i, "it imports another file into itself (altChunk): paste that content into the template instead"],
  [/\/oleObject$|\/package$/i, "it embeds an object (OLE) that could run code: paste it as a picture instead"],
  [/\/control$|\/activeXControl/i, "it holds ActiveX controls: remove them"],
  [/\/subDocument$/i, "it is a master document with sub-documents: save it as a single document"],
  [/\/frame$/i, "it loads web frames: remove them"],
];

/** Fields that run commands, load files or links when Word updates them. */
const REFUSED_FIELDS = /\b(DDE|DDEAUTO|INCLUDETEXT|INCLUDEPICTURE|MACROBUTTON|IMPORT|LINK|AUTOEXEC|AUTOOPEN)\b/i;

function refuse(message: string): never {
  throw new ValidationError(`This template cannot be used: ${message}.`, [{ path: "template", message }]);
}

function unpackedSize(file: JSZip.JSZipObject): number {
  const size = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === "number" ? size : 0;
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"|([\w:]+)\s*=\s*'([^']*)'/g)) out[match[1] ?? match[3] ?? ""] = match[2] ?? match[4] ?? "";
  return out;
}

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
    const lower = name.toLowerCase();
    if (lower === "lt") return "<";
    if (lower === "gt") return ">";
    if (lower === "amp") return "&";
    if (lower === "quot") return '"';
    if (lower === "apos") return "'";
    const code = lower.startsWith("#x") ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/** The `{{placeholders}}` of a part, read from its text as Word shows it (a placeholder may be split across runs). */
export function placeholdersIn(xml: string): { key: string; raw: string }[] {
  let text = "";
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<\/w:p>/g)) text += match[1] !== undefined ? decodeEntities(match[1]) : "\n";
  return [...text.matchAll(/\{\{([^{}\n]*)\}\}/g)].map((m) => ({ key: (m[1] ?? "").trim(), raw: m[0] }));
}

function checkWellFormed(name: string, xml: string): void {
  try {
    new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(xml, "application/xml");
  } catch {
    refuse(`its part ${name} is damaged (not well-formed XML): open it in Word and save it again`);
  }
}

/**
 * Checks a secretariat's Word template when it is uploaded: it is under the size limit, it opens
 * as a Word document, it holds no macros, ActiveX, embedded objects, imported files or fields
 * that run commands, and its `{{placeholders}}` are ones the product fills, `{{body}}` among them.
 * Throws a `ValidationError` saying what is wrong.
 */
export async function validateTemplate(bytes: Uint8Array): Promise<TemplateCheck> {
  if (bytes.byteLength === 0) refuse("the file is empty");
  if (bytes.byteLength > TEMPLATE_MAX_BYTES) refuse(`it is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; a template may be at most ${TEMPLATE_MAX_BYTES / 1024 / 1024} MB`);

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    refuse("it is not a Word document (.docx): it could not be opened as one");
  }
  const files = Object.values(zip.files).filter((file) => !file.dir);
  if (files.length > TEMPLATE_MAX_FILES) refuse(`it holds ${files.length} files; a Word document holds far fewer`);
  const unpacked = files.reduce((sum, file) => sum + unpackedSize(file), 0);
  if (unpacked > TEMPLATE_MAX_UNPACKED_BYTES) refuse(`it unpacks to ${Math.round(unpacked / 1024 / 1024)} MB; at most ${TEMPLATE_MAX_UNPACKED_BYTES / 1024 / 1024} MB are accepted`);
  if (!zip.file(CONTENT_TYPES) || !zip.file(MAIN_DOCUMENT)) refuse("it is not a Word document (.docx): it has no word/document.xml");

  for (const file of files) {
    if (/(^|\/)vbaProject\.bin$|(^|\/)vbaData\.xml$/i.test(file.name)) refuse(REFUSED_RELATIONSHIPS[0]![1]);
    if (/^word\/activeX\//i.test(file.name)) refuse("it holds ActiveX controls: remove them");
    if (/^word\/embeddings\//i.test(file.name)) refuse("it embeds objects (OLE) that could run code: paste them as pictures instead");
  }

  const read = async (name: string): Promise<string> => {
    try {
      return await (zip.file(name) as JSZip.JSZipObject).async("string");
    } catch {
      refuse(`its part ${name} could not be unpacked`);
    }
  };

  const contentTypes = await read(CONTENT_TYPES);
  checkWellFormed(CONTENT_TYPES, contentTypes);
  if (/macroEnabled|vbaProject|vbaData/i.test(contentTypes)) refuse(REFUSED_RELATIONSHIPS[0]![1]);
  if (/activeX|oleObject/i.test(contentTypes)) refuse("it holds ActiveX controls or embedded objects (OLE) that could run code: remove them");
  const main = [...contentTypes.matchAll(/<Override\b[^>]*>/g)].map((m) => attributes(m[0])).find((a) => a.PartName === `/${MAIN_DOCUMENT}`);
  const mainType = main?.ContentType;
  if (mainType !== undefined && mainType !== DOCX_MAIN && mainType !== DOTX_MAIN) refuse(`its main part is of type ${mainType}, not a Word document's`);

  for (const file of files.filter((f) => f.name.endsWith(".rels"))) {
    const rels = await read(file.name);
    for (const match of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const rel = attributes(match[0]);
      const type = rel.Type ?? "";
      const refused = REFUSED_RELATIONSHIPS.find(([pattern]) => pattern.test(type));
      if (refused) refuse(refused[1]);
      const external = (rel.TargetMode ?? "").toLowerCase() === "external";
      if (external && !/\/hyperlink$|\/attachedTemplate$/i.test(type)) {
        refuse(`it loads content from outside the document (${type.split("/").pop() ?? type}: ${rel.Target ?? ""}): insert that content into the template instead`);
      }
    }
  }

  const found = new Map<TemplatePlaceholder, string[]>();
  const unknown = new Set<string>();
  const parts = files.filter((f) => /^word\/[^/]+\.xml$/i.test(f.name));
  for (const file of parts) {
    const xml = await read(file.name);
    checkWellFormed(file.name, xml);
    if (/<w:altChunk\b/.test(xml)) refuse(REFUSED_RELATIONSHIPS[1]![1]);
    if (/<w:object\b|<o:OLEObject\b|<w:control\b/.test(xml)) refuse("it embeds objects (OLE) or controls that could run code: paste them as pictures instead");
    const instructions = [...xml.matchAll(/<w:instrText\b[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => decodeEntities(m[1] ?? "")).join("");
    const simple = [...xml.matchAll(/<w:fldSimple\b[^>]*>/g)].map((m) => decodeEntities(attributes(m[0])["w:instr"] ?? "")).join(" ");
    const field = REFUSED_FIELDS.exec(`${instructions} ${simple}`);
    if (field) refuse(`it has a ${field[1]?.toUpperCase()} field, which makes Word run a command or load a file or link: remove it`);
    if (!/^word\/(document|header\d*|footer\d*)\.xml$/i.test(file.name)) continue;
    for (const { key, raw } of placeholdersIn(xml)) {
      if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(key)) {
        unknown.add(raw);
        continue;
      }
      const where = found.get(key as TemplatePlaceholder) ?? [];
      where.push(file.name);
      found.set(key as TemplatePlaceholder, where);
    }
  }

  const known = TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ");
  if (unknown.size > 0) refuse(`it has placeholders this product does not fill: ${[...unknown].join(", ")} (known: ${known})`);
  const body = found.get("body") ?? [];
  if (body.length === 0) refuse(`it has no {{body}} placeholder: type {{body}} in a paragraph of its own where the report goes (known placeholders: ${known})`);
  for (const name of BLOCK_PLACEHOLDERS) {
    const where = found.get(name) ?? [];
    if (where.some((part) => part !== MAIN_DOCUMENT)) refuse(`{{${name}}} must be in the document itself, not in a header or footer`);
    if (where.length > 1) refuse(`{{${name}}} appears ${where.length} times: keep only one`);
  }

  const notes: string[] = [];
  if (!found.has("title")) notes.push("There is no {{title}}: the report's title is written above the body.");
  if (!found.has("annex")) notes.push("There is no {{annex}}: the annexed matrix of recommendations follows the body.");
  if (!found.has("version") && !found.has("date")) notes.push("There is no {{version}} or {{date}}: only the file name tells the draft's version.");

  const placeholders = TEMPLATE_PLACEHOLDERS.filter((p) => found.has(p));
  return {
    placeholders,
    inBody: placeholders.filter((p) => (found.get(p) ?? []).includes(MAIN_DOCUMENT)),
    notes,
    isWordTemplate: mainType === DOTX_MAIN,
  };
}
