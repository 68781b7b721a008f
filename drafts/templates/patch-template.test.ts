import { readFile } from "node:fs/promises";
import path from "node:path";
import JSZip from "jszip";
import { demoDraftContent } from "../demo/demo-content";
import { DocxDraftRenderer } from "../docx-draft-renderer";
import { independentWordCount, readDocx, type ReadDraft } from "../testing/read-docx";
import { alterTemplate, LETTERHEAD, makeTemplate } from "../testing/templates";

const renderer = new DocxDraftRenderer();
const content = demoDraftContent("upr-national");
const answers = content.items.flatMap((i) => i.answers);

const bodyText = (draft: ReadDraft) => draft.paragraphs.filter((p) => !p.inContents).map((p) => p.text);

describe("a draft patched into the secretariat's template", () => {
  let draft: ReadDraft;
  let plain: ReadDraft;
  let counted: number;
  let plainCounted: number;
  beforeAll(async () => {
    const rendered = await renderer.render(content, { template: await makeTemplate() });
    draft = await readDocx(rendered.content);
    counted = rendered.wordCount.counted;
    const plainRendered = await renderer.render(content);
    plain = await readDocx(plainRendered.content);
    plainCounted = plainRendered.wordCount.counted;
  });

  it("keeps the letterhead and its styles, and fills every placeholder", () => {
    expect(draft.paragraphs[0]).toMatchObject({ text: LETTERHEAD, style: "Letterhead" });
    expect(draft.parts["word/styles.xml"]).toContain('w:styleId="Letterhead"');
    expect(Object.values(draft.parts).join("")).not.toMatch(/\{\{|\}\}/);
    expect(draft.headers.join("\n")).toContain(`${content.report.title} | Draft v3, 29 November 2026`);
    // Word fills in the table of contents when it opens the draft.
    expect(draft.hasContents).toBe(true);
    expect(draft.parts["word/settings.xml"]).toContain('<w:updateFields w:val="true"/>');
  });

  it("puts the report where {{body}} was and the matrix where {{annex}} was", () => {
    const text = bodyText(draft);
    const firstChapter = text.indexOf("I. Methodology and consultation process");
    const annexesLabel = text.indexOf("Annexes");
    const annex = text.indexOf("Annex");
    expect(firstChapter).toBeGreaterThan(0);
    expect(annexesLabel).toBeGreaterThan(firstChapter);
    expect(annex).toBeGreaterThan(annexesLabel);
    expect(draft.tables).toHaveLength(1);
    expect(draft.tables[0]?.rows).toEqual(plain.tables[0]?.rows);
    // The template has {{title}} in its header: the title is not written again above the body.
    expect(draft.paragraphs.some((p) => p.style === "Title")).toBe(false);
  });

  it("has the same comments, footnotes, numbered paragraphs and placeholders as the draft without a template", () => {
    expect(draft.comments).toHaveLength(answers.length);
    expect(draft.comments.map((c) => [c.author, c.text])).toEqual(plain.comments.map((c) => [c.author, c.text]));
    const anchored = new Set(draft.paragraphs.flatMap((p) => p.commentIds));
    expect(draft.comments.every((c) => anchored.has(c.id))).toBe(true);
    expect(draft.parts["[Content_Types].xml"]).toContain('PartName="/word/comments.xml"');
    expect(draft.parts["word/_rels/document.xml.rels"]).toMatch(/relationships\/comments" Target="comments.xml"/);
    expect(draft.footnotes.map((f) => f.text)).toEqual(plain.footnotes.map((f) => f.text));
    const footnoteIds = new Set(draft.footnotes.map((f) => f.id));
    expect(draft.comments.some((c) => footnoteIds.has(c.id))).toBe(false);
    const numbered = (d: ReadDraft) => d.paragraphs.filter((p) => p.numId !== undefined).map((p) => p.text);
    expect(numbered(draft)).toEqual(numbered(plain));
    const highlighted = (d: ReadDraft) => d.paragraphs.filter((p) => p.highlighted).map((p) => p.text);
    expect(highlighted(draft)).toEqual(highlighted(plain));
  });

  it("counts the report's words, not the template's own text", () => {
    const report = draft.paragraphs
      .filter((p, i) => !p.inContents && !p.highlighted && !p.inTable && i < draft.paragraphs.findIndex((q) => q.text === "Annexes"))
      .reduce((sum, p) => sum + independentWordCount(p.text), 0);
    expect(counted).toBe(report - independentWordCount(LETTERHEAD));
  });

  it("writes the title above the body and the matrix after it when the template has no {{title}} or {{annex}}", async () => {
    const rendered = await renderer.render(content, { template: await makeTemplate({ body: ["{{body}}"], header: "Letterhead" }) });
    const bare = await readDocx(rendered.content);
    const text = bodyText(bare);
    expect(bare.paragraphs.find((p) => p.style === "Title")?.text).toBe(content.report.title);
    expect(text.indexOf("Annex")).toBeGreaterThan(text.indexOf("VI. Capacity-building needs and requests for technical assistance"));
    expect(bare.tables).toHaveLength(1);
    // The title block is the one a draft without a template starts with, and counts as it does.
    expect(rendered.wordCount.counted).toBe(plainCounted);
  });

  it("saves a Word template (.dotx) as a document, without the link to its attached template", async () => {
    const dotx = await alterTemplate(await makeTemplate(), (files) => ({
      "[Content_Types].xml": (files["[Content_Types].xml"] ?? "").replace("wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml"),
      "word/_rels/settings.xml.rels":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="file:///C:/Templates/Letter.dotm" TargetMode="External"/></Relationships>',
      "word/settings.xml": (files["word/settings.xml"] ?? "").replace(/(<w:settings[^>]*>)/, '$1<w:attachedTemplate r:id="rId1"/>'),
    }));
    const rendered = await renderer.render(content, { template: dotx });
    const zip = await JSZip.loadAsync(rendered.content);
    expect(await zip.file("[Content_Types].xml")?.async("string")).toContain("wordprocessingml.document.main+xml");
    expect(await zip.file("[Content_Types].xml")?.async("string")).not.toContain("template.main+xml");
    expect(await zip.file("word/settings.xml")?.async("string")).not.toContain("attachedTemplate");
    expect(await zip.file("word/_rels/settings.xml.rels")?.async("string")).not.toContain("Letter.dotm");
  });

  it("keeps the template's own comments beside the ministries'", async () => {
    const commented = await alterTemplate(await makeTemplate(), (files) => ({
      "word/comments.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="Secretariat" w:date="2026-01-01T00:00:00Z"><w:p><w:r><w:t>Check the letterhead</w:t></w:r></w:p></w:comment></w:comments>',
      "[Content_Types].xml": (files["[Content_Types].xml"] ?? "").replace("</Types>", '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>'),
      "word/_rels/document.xml.rels": (files["word/_rels/document.xml.rels"] ?? "").replace(
        "</Relationships>",
        '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
      ),
    }));
    const merged = await readDocx((await renderer.render(content, { template: commented })).content);
    expect(merged.comments.map((c) => c.author)).toEqual(["Secretariat", ...plain.comments.map((c) => c.author)]);
    expect(merged.parts["word/_rels/document.xml.rels"]?.match(/relationships\/comments"/g)).toHaveLength(1);
  });

  it("patches a draft into a document saved by Word itself (the OHCHR matrix, with {{body}} typed in)", async () => {
    // A real Word file, with its own styles, numbering, tables and settings (the import's fixture).
    const word = await readFile(path.join(__dirname, "../../tests/import/fixtures/ohchr-upr-thematic-list-slovenia-cycle4.docx"));
    const template = await alterTemplate(word, (files) => ({
      "word/document.xml": (files["word/document.xml"] ?? "").replace(/<w:body>/, '<w:body><w:p><w:r><w:t>{{body}}</w:t></w:r></w:p>'),
    }));
    const patched = await readDocx((await renderer.render(content, { template })).content);
    expect(patched.comments).toHaveLength(answers.length);
    expect(patched.paragraphs.some((p) => p.text === "III. Promotion and protection of human rights on the ground: implementation of accepted recommendations")).toBe(true);
    // The template's own table (the matrix Word wrote) is still there, after ours.
    expect(patched.tables.length).toBeGreaterThanOrEqual(2);
  });
});
