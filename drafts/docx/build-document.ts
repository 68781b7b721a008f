import {
  AlignmentType,
  Document,
  Footer,
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  TableOfContents,
  TabStopType,
  TextRun,
  type ISectionOptions,
} from "docx";
import type { DraftLayout } from "../layout/blocks";
import { directionOf } from "../text/direction";
import { DraftWriter } from "./draft-writer";
import { numberingOf, stylesOf } from "./styles";

/** A4 text width with 2.54 cm margins, portrait and landscape, in twips: where the header's right tab stop goes. */
const TEXT_WIDTH = 9026;
const LANDSCAPE_TEXT_WIDTH = 13958;

/** The contents: headings of levels 1 and 2, as links; Word fills the page numbers when it opens the draft. */
export function tableOfContents(title = "Contents"): TableOfContents {
  return new TableOfContents(title, { hyperlink: true, headingStyleRange: "1-2" });
}

/** The header on every page: the report's title and `Draft v3 — 29 November 2026`. */
function draftHeader(layout: DraftLayout, width: number): Header {
  const rtl = (directionOf(layout.title) ?? (layout.rtl ? "rtl" : "ltr")) === "rtl";
  return new Header({
    children: [
      new Paragraph({
        // The title at the start of the line, the draft line at its end: in an Arabic report, right then left.
        tabStops: [{ type: rtl ? TabStopType.LEFT : TabStopType.RIGHT, position: rtl ? 0 : width }],
        alignment: rtl ? undefined : AlignmentType.LEFT,
        bidirectional: rtl || undefined,
        children: [
          new TextRun({ text: layout.title, size: 16, sizeComplexScript: 16, rightToLeft: rtl || undefined }),
          new TextRun({ children: [new Tab(), layout.draftLine], size: 16, sizeComplexScript: 16, rightToLeft: layout.rtl || undefined }),
        ],
      }),
    ],
  });
}

function pageNumberFooter(): Footer {
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 16 })] })] });
}

/**
 * The whole draft as a docx Document: the title, the contents, the body; the annex in a
 * landscape section of its own. `description` is shown in Word's File > Info.
 */
export function buildDocument(layout: DraftLayout, description: string): Document {
  const writer = new DraftWriter(layout.rtl);
  const top = writer.titleBlock(layout);
  const body = writer.write(layout.body);
  const annex = writer.write(layout.annex);
  const footers = { default: pageNumberFooter() };
  const sections: ISectionOptions[] = [{ headers: { default: draftHeader(layout, TEXT_WIDTH) }, footers, children: [...top, tableOfContents(layout.contentsTitle), ...body] }];
  if (annex.length > 0) {
    sections.push({
      headers: { default: draftHeader(layout, LANDSCAPE_TEXT_WIDTH) },
      footers,
      children: annex,
      properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
    });
  }
  return new Document({
    creator: "NMIRF",
    title: layout.title,
    subject: layout.draftLine,
    description,
    styles: stylesOf(layout.rtl),
    numbering: numberingOf(layout.paragraphNumbering),
    comments: { children: writer.comments },
    footnotes: writer.footnotes,
    features: { updateFields: true },
    sections,
  });
}
