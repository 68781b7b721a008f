import { AlignmentType, LevelFormat, type INumberingOptions, type IStylesOptions } from "docx";

/** 1 cm in twips: the indent of UN report paragraphs after their number. */
export const INDENT = 567;

export const PARAGRAPH_NUMBERS = { reference: "nmirf-paragraphs", level: 0 } as const;
export const BULLETS = { reference: "nmirf-bullets", level: 0 } as const;

/**
 * Paragraphs numbered 1., 2., ... across the whole report, as UN documents are (`%1-` in
 * Arabic: the numbering text is the catalogue's `draft.paragraphNumber`); bullets under them.
 */
export function numberingOf(paragraphNumbering = "%1."): INumberingOptions {
  return {
    config: [
      {
        reference: PARAGRAPH_NUMBERS.reference,
        levels: [{ level: 0, format: LevelFormat.DECIMAL, text: paragraphNumbering, alignment: AlignmentType.START, style: { paragraph: { indent: { left: INDENT, hanging: INDENT } } } }],
      },
      {
        reference: BULLETS.reference,
        levels: [{ level: 0, format: LevelFormat.BULLET, text: "•", alignment: AlignmentType.START, style: { paragraph: { indent: { left: INDENT * 2, hanging: INDENT / 2 } } } }],
      },
    ],
  };
}

export const NUMBERING: INumberingOptions = numberingOf();

const FONT = "Times New Roman";
/** Arabic text (Word's complex-script font): the UN's Arabic documents are set in Simplified Arabic; LibreOffice substitutes a font that covers Arabic where it is missing. */
const ARABIC_FONT = "Simplified Arabic";

/** An Arabic report: the complex-script font and size beside the Latin ones, Arabic as the document's right-to-left language. */
export function stylesOf(rtl: boolean): IStylesOptions {
  if (!rtl) return STYLES;
  const font = { ascii: FONT, hAnsi: FONT, cs: ARABIC_FONT };
  const base = STYLES.default!;
  const withArabic = <T extends { run?: object } | undefined>(style: T, size: number): T => ({ ...style, run: { ...style?.run, font, size, sizeComplexScript: size + 4 } }) as T;
  return {
    ...STYLES,
    default: {
      ...base,
      document: { ...base.document, run: { ...base.document?.run, font, size: 20, sizeComplexScript: 24, language: { value: "ar-SA", bidirectional: "ar-SA" } } },
      title: withArabic(base.title, 34),
      heading1: withArabic(base.heading1, 24),
      heading2: withArabic(base.heading2, 20),
      heading3: withArabic(base.heading3, 20),
      footnoteText: withArabic(base.footnoteText, 18),
    },
  };
}

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
