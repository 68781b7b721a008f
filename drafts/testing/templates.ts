import { AlignmentType, Document, Header, Packer, Paragraph, TextRun } from "docx";
import JSZip from "jszip";

export const LETTERHEAD = "Government of Examplia, Ministry of Foreign Affairs";

export interface TemplateOptions {
  /** Paragraph texts of the body; `{{body}}` by default between the letterhead and the annex. */
  body?: string[];
  header?: string;
}

/** A secretariat's template, as Word would save it: a letterhead style, a header, `{{placeholders}}`. */
export async function makeTemplate(options: TemplateOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const body = options.body ?? ["{{body}}", "Annexes", "{{annex}}"];
  const document = new Document({
    styles: {
      paragraphStyles: [{ id: "Letterhead", name: "Letterhead", basedOn: "Normal", run: { font: "Georgia", size: 28, bold: true, color: "1F3864" }, paragraph: { alignment: AlignmentType.CENTER } }],
    },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun(options.header ?? "{{title}} | {{version}}, {{date}}")] })] }) },
        children: [
          new Paragraph({ style: "Letterhead", children: [new TextRun(LETTERHEAD)] }),
          // A placeholder split across runs, as Word often saves one.
          ...body.map((text) => (text === "{{body}}" ? new Paragraph({ children: [new TextRun("{{bo"), new TextRun({ text: "dy}}", bold: true })] }) : new Paragraph(text))),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** The template with some of its files changed, added (string or bytes) or removed (`null`). */
export async function alterTemplate(
  template: Uint8Array,
  change: (files: Record<string, string>) => Record<string, string | Uint8Array | null>,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(template);
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (/\.(xml|rels)$/.test(name)) files[name] = await (zip.file(name) as JSZip.JSZipObject).async("string");
  for (const [name, value] of Object.entries(change(files))) {
    if (value === null) zip.remove(name);
    else zip.file(name, value);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
