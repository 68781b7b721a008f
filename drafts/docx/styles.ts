import { AlignmentType, LevelFormat, type INumberingOptions, type IStylesOptions } from "docx";

/** 1 cm in twips: the indent of UN report paragraphs after their number. */
export const INDENT = 567;

export const PARAGRAPH_NUMBERS = { reference: "nmirf-paragraphs", level: 0 } as const;
export const BULLETS = { reference: "nmirf-bullets", level: 0 } as const;

/** Paragraphs numbered 1., 2., ... across the whole report, as UN documents are; bullets under them. */
export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: PARAGRAPH_NUMBERS.reference,
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: INDENT, hanging: INDENT } } } }],
    },
    {
      reference: BULLETS.reference,
      levels: [{ level: 0, format: LevelFormat.BULLET, text: "•", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: INDENT * 2, hanging: INDENT / 2 } } } }],
    },
  ],
};

const FONT = "Times New Roman";

/** Close to the United Nations' editorial style: Times New Roman 10 pt, bold headings; left-aligned, as a draft is easier to edit. */
export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: 20 },
      paragraph: { spacing: { after: 120 } },
    },
    title: { run: { font: FONT, size: 34, bold: true, color: "000000" }, paragraph: { spacing: { after: 120 } } },
    heading1: { run: { font: FONT, size: 24, bold: true, color: "000000" }, paragraph: { spacing: { before: 360, after: 240 }, keepNext: true } },
    heading2: { run: { font: FONT, size: 20, bold: true, color: "000000" }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
    heading3: { run: { font: FONT, size: 20, bold: true, italics: true, color: "000000" }, paragraph: { spacing: { before: 120, after: 120 }, keepNext: true } },
    footnoteText: { run: { font: FONT, size: 18 } },
  },
  paragraphStyles: [
    { id: "Subtitle", name: "Subtitle", basedOn: "Normal", next: "Normal", quickFormat: true, run: { font: FONT, size: 24 }, paragraph: { spacing: { after: 120 } } },
  ],
};
