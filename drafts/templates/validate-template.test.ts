import { ValidationError } from "../../core/errors";
import { demoDraftContent } from "../demo/demo-content";
import { DocxDraftRenderer } from "../docx-draft-renderer";
import { alterTemplate, makeTemplate } from "../testing/templates";
import { TEMPLATE_MAX_BYTES, validateTemplate } from "./validate-template";

const DOCUMENT_RELS = "word/_rels/document.xml.rels";
const addRelationship = (files: Record<string, string>, xml: string) => ({
  [DOCUMENT_RELS]: (files[DOCUMENT_RELS] ?? "").replace("</Relationships>", `${xml}</Relationships>`),
});
const inBody = (files: Record<string, string>, xml: string) => ({
  "word/document.xml": (files["word/document.xml"] ?? "").replace("<w:body>", `<w:body>${xml}`),
});

async function refusal(bytes: Uint8Array): Promise<string> {
  const before = Buffer.from(bytes);
  const error = await validateTemplate(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).issues[0]?.path).toBe("template");
  // Nothing was written: the renderer refuses the same file and the bytes are as they were.
  await expect(new DocxDraftRenderer().render(demoDraftContent(), { template: bytes })).rejects.toThrow(ValidationError);
  expect(Buffer.from(bytes).equals(before)).toBe(true);
  return (error as ValidationError).message;
}

describe("validateTemplate", () => {
  it("accepts a Word document with known placeholders, wherever Word split them across runs", async () => {
    const check = await validateTemplate(await makeTemplate());
    expect(check).toEqual({ placeholders: ["title", "date", "version", "body", "annex"], inBody: ["body", "annex"], notes: [], isWordTemplate: false });
  });

  it("accepts placeholders typed with spaces inside, and says what a template without {{title}} and {{annex}} gets", async () => {
    const check = await validateTemplate(await makeTemplate({ body: ["{{ body }}"], header: "Letterhead" }));
    expect(check.placeholders).toEqual(["body"]);
    expect(check.notes).toEqual([
      "There is no {{title}}: the report's title is written above the body.",
      "There is no {{annex}}: the annexed matrix of recommendations follows the body.",
      "There is no {{version}} or {{date}}: only the file name tells the draft's version.",
    ]);
  });

  it("accepts a Word template (.dotx)", async () => {
    const dotx = await alterTemplate(await makeTemplate(), (files) => ({
      "[Content_Types].xml": (files["[Content_Types].xml"] ?? "").replace("wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml"),
    }));
    expect((await validateTemplate(dotx)).isWordTemplate).toBe(true);
  });

  it.each([
    ["an empty file", async () => new Uint8Array(0), /the file is empty/],
    ["a file over the size limit", async () => new Uint8Array(TEMPLATE_MAX_BYTES + 1), /a template may be at most 10 MB/],
    ["a file that is not a zip", async () => new TextEncoder().encode("%PDF-1.7 not a Word document"), /not a Word document \(\.docx\)/],
    ["a zip without word/document.xml", async () => alterTemplate(await makeTemplate(), () => ({ "word/document.xml": null })), /has no word\/document\.xml/],
    [
      "a macro-enabled document",
      async () =>
        alterTemplate(await makeTemplate(), (files) => ({
          "[Content_Types].xml": (files["[Content_Types].xml"] ?? "").replace("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "application/vnd.ms-word.document.macroEnabled.main+xml"),
        })),
      /holds macros \(VBA\)/,
    ],
    ["a VBA project", async () => alterTemplate(await makeTemplate(), () => ({ "word/vbaProject.bin": new Uint8Array([1, 2, 3]) })), /holds macros/],
    [
      "an imported file (altChunk)",
      async () =>
        alterTemplate(await makeTemplate(), (files) => ({
          ...addRelationship(files, '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk.html"/>'),
          ...inBody(files, '<w:altChunk r:id="rId99"/>'),
          "word/chunk.html": "<html><body>hi</body></html>",
        })),
      /imports another file/,
    ],
    ["an embedded OLE object", async () => alterTemplate(await makeTemplate(), () => ({ "word/embeddings/oleObject1.bin": new Uint8Array([0xd0, 0xcf]) })), /embeds objects \(OLE\)/],
    [
      "a DDEAUTO field",
      async () =>
        alterTemplate(await makeTemplate(), (files) =>
          inBody(files, '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DDE</w:instrText></w:r><w:r><w:instrText>AUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'),
        ),
      /DDEAUTO field/,
    ],
    [
      "a picture loaded from the web",
      async () => alterTemplate(await makeTemplate(), (files) => addRelationship(files, '<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="https://tracker.example/pixel.png" TargetMode="External"/>')),
      /loads content from outside the document \(image: https:\/\/tracker\.example\/pixel\.png\)/,
    ],
    ["an unknown placeholder", async () => makeTemplate({ body: ["{{body}}", "Prepared by {{ministry}}"] }), /placeholders this product does not fill: \{\{ministry\}\} \(known: \{\{title\}\}, \{\{date\}\}, \{\{version\}\}, \{\{body\}\}, \{\{annex\}\}\)/],
    ["no {{body}}", async () => makeTemplate({ body: ["Nothing to patch here", "{{annex}}"] }), /no \{\{body\}\} placeholder/],
    ["{{body}} in the header", async () => makeTemplate({ body: ["Text"], header: "{{body}}" }), /\{\{body\}\} must be in the document itself/],
    ["{{body}} twice", async () => makeTemplate({ body: ["{{body}}", "{{body}}"] }), /\{\{body\}\} appears 2 times/],
    ["damaged XML", async () => alterTemplate(await makeTemplate(), (files) => ({ "word/document.xml": (files["word/document.xml"] ?? "").replace("</w:body>", "") })), /word\/document\.xml is damaged/],
    [
      "thousands of files (a zip bomb)",
      async () => alterTemplate(await makeTemplate(), () => Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`customXml/item${i}.xml`, "<a/>"]))),
      /holds \d+ files/,
    ],
  ])("refuses %s, saying what is wrong", async (_name, make, message) => {
    expect(await refusal(await make())).toMatch(message);
  });
});
