import { Document, Packer, Paragraph, patchDocument, PatchType, TextRun, type FileChild, type ICommentOptions } from "docx";
import JSZip from "jszip";
import type { RenderedDraft } from "../../core/drafts/draft-content";
import type { WordCount } from "../../core/drafts/draft";
import { tableOfContents } from "../docx/build-document";
import { DraftWriter } from "../docx/draft-writer";
import { NUMBERING } from "../docx/styles";
import type { DraftLayout } from "../layout/blocks";
import { tallyWords, type WordTally } from "../word-tally";
import { validateTemplate } from "./validate-template";

const DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const DOTX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
const COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const COMMENTS_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";

/**
 * The draft patched into a secretariat's template (docx `patchDocument`), keeping its
 * letterhead and styles: `{{body}}` becomes the contents and the report, `{{annex}}` the matrix,
 * `{{title}}`, `{{date}}` and `{{version}}` their text. The template is checked again first, so
 * that no unchecked file is ever patched.
 */
export async function renderIntoTemplate(template: Uint8Array, original: DraftLayout, wordCountOf: (tally: WordTally) => WordCount): Promise<RenderedDraft> {
  const check = await validateTemplate(template);
  const tally = tallyWords(original, { title: !check.placeholders.includes("title") ? "block" : check.inBody.includes("title") ? "title" : "none" });
  // Placeholders are read from the template only: people's words are guarded so that none reads as one.
  const layout = guarded(original);
  const has = new Set(check.placeholders);
  const writer = new DraftWriter(layout.rtl);

  const body: FileChild[] = [];
  if (!has.has("title")) body.push(...writer.titleBlock(layout));
  body.push(tableOfContents(layout.contentsTitle), ...writer.write(layout.body));
  const annex = writer.write(layout.annex);
  if (!has.has("annex")) body.push(...annex);

  const text = (value: string) => ({ type: PatchType.PARAGRAPH, children: [new TextRun(value)] });
  const patched = await patchDocument({
    outputType: "uint8array",
    data: await prepare(template),
    trimPlaceholders: true,
    keepOriginalStyles: true,
    numbering: NUMBERING,
    footnotes: writer.footnotes,
    properties: { title: layout.title, subject: layout.draftLine, creator: "NMIRF" },
    patches: {
      title: text(layout.title),
      date: text(layout.dateLabel),
      version: text(layout.versionLabel),
      body: { type: PatchType.DOCUMENT, children: body },
      annex: has.has("annex") && annex.length > 0 ? { type: PatchType.DOCUMENT, children: annex } : text(""),
    },
  });
  return { content: await finish(patched, writer.comments), wordCount: wordCountOf(tally) };
}

/**
 * A character no text of ours holds (Unicode's private use area), put between two opening braces
 * of people's words before the template is patched and taken out after: `{{annex}}` typed in an
 * answer cannot be taken for the template's placeholder, and comes out as typed.
 */
const BRACE_GUARD = "\ue000";

function guardText(text: string): string {
  return text.replaceAll(BRACE_GUARD, "").replace(/\{(?=\{)/g, `{${BRACE_GUARD}`);
}

/** The layout with every string guarded (dates and other values as they are). */
function guarded<T>(value: T): T {
  if (typeof value === "string") return guardText(value) as T;
  if (Array.isArray(value)) return value.map((item) => guarded(item)) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, guarded(item)])) as T;
  }
  return value;
}

/**
 * The template as a plain document: a Word template (.dotx) is saved as a document, and the
 * link to its attached template is dropped (Word would load that template's macros, if any).
 */
async function prepare(template: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(template);
  let changed = false;
  const types = await zip.file("[Content_Types].xml")?.async("string");
  if (types?.includes(DOTX_MAIN)) {
    zip.file("[Content_Types].xml", types.replace(DOTX_MAIN, DOCX_MAIN));
    changed = true;
  }
  const settingsRels = await zip.file("word/_rels/settings.xml.rels")?.async("string");
  if (settingsRels && /attachedTemplate/.test(settingsRels)) {
    zip.file("word/_rels/settings.xml.rels", settingsRels.replace(/<Relationship\b[^>]*\/attachedTemplate"[^>]*\/>/g, ""));
    const settings = await zip.file("word/settings.xml")?.async("string");
    if (settings) zip.file("word/settings.xml", settings.replace(/<w:attachedTemplate\b[^>]*\/>/g, ""));
    changed = true;
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : template;
}

/** The elements of word/settings.xml that come after `w:updateFields`, in the schema's order. */
const AFTER_UPDATE_FIELDS = /<(w:hdrShapeDefaults|w:footnotePr|w:endnotePr|w:compat|w:docVars|w:rsids|m:mathPr|w:attachedSchema|w:themeFontLang|w:clrSchemeMapping|w:doNotIncludeSubdocsInStats|w:doNotAutoCompressPictures|w:forceUpgrade|w:captions|w:readModeInkLockDown|w:smartTagType|sl:schemaLibrary|w:shapeDefaults|w:doNotEmbedSmartTags|w:decimalSymbol|w:listSeparator|w14:|w15:|w16)[\s/>]/;

/**
 * The last touches `patchDocument` does not do: Word is asked to update the fields when it
 * opens the draft (so that the contents fill in), and the comments are added. `patchDocument`
 * writes the comment marks the patches hold but not the comments themselves: docx writes them
 * into a document of their own and they are carried over (beside the template's own, if any).
 */
async function finish(patched: Uint8Array, comments: ICommentOptions[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(patched);
  const settings = await zip.file("word/settings.xml")?.async("string");
  if (settings && !settings.includes("<w:updateFields")) {
    const next = AFTER_UPDATE_FIELDS.exec(settings);
    const at = next ? next.index : settings.lastIndexOf("</w:settings>");
    if (at > 0) zip.file("word/settings.xml", `${settings.slice(0, at)}<w:updateFields w:val="true"/>${settings.slice(at)}`);
  }
  if (comments.length > 0) await addComments(zip, comments);
  // The guard comes out of every part people's words went into (the body, headers, footnotes, comments, the properties).
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".xml"))) {
    const xml = await zip.file(name)!.async("string");
    if (xml.includes(BRACE_GUARD)) zip.file(name, xml.replaceAll(BRACE_GUARD, ""));
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function addComments(zip: JSZip, comments: ICommentOptions[]): Promise<void> {
  const carrier = await Packer.toBuffer(new Document({ comments: { children: comments }, sections: [{ children: [new Paragraph("")] }] }));
  const ours = await (await JSZip.loadAsync(carrier)).file("word/comments.xml")?.async("string");
  if (!ours) return;
  const existing = await zip.file("word/comments.xml")?.async("string");
  if (existing) {
    const elements = ours.slice(ours.indexOf("<w:comment "), ours.lastIndexOf("</w:comments>"));
    zip.file("word/comments.xml", existing.replace(/<\/w:comments>\s*$/, `${elements}</w:comments>`));
  } else {
    zip.file("word/comments.xml", ours);
    const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
    zip.file("[Content_Types].xml", types.replace("</Types>", `<Override PartName="/word/comments.xml" ContentType="${COMMENTS_TYPE}"/></Types>`));
    const relsName = "word/_rels/document.xml.rels";
    const rels = (await zip.file(relsName)?.async("string")) ?? "";
    const ids = new Set([...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n += 1;
    zip.file(relsName, rels.replace("</Relationships>", `<Relationship Id="rId${n}" Type="${COMMENTS_RELATIONSHIP}" Target="comments.xml"/></Relationships>`));
  }
}
