/**
 * A draft laid out, before it is written as Word XML: what each report type's layout
 * produces and the writer turns into paragraphs, comments, footnotes and tables. Every string
 * in it is already clean (text/clean-text.ts): the writer writes it as it is.
 */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type ParagraphStyle =
  /** A numbered paragraph (1., 2., ...), numbered across the whole report as in UN documents. */
  | "numbered"
  | "bullet"
  | "plain"
  /** The text of a recommendation or question being replied to. */
  | "quote"
  /** A short line such as "Position: Supported. Implementation status: In progress." */
  | "label"
  /** Highlighted text for the secretariat (a missing answer, a section to write): not report text, not counted. */
  | "placeholder";

export interface ParagraphBlock {
  kind: "paragraph";
  style: ParagraphStyle;
  runs: Run[];
  /** A footnote at the end of the paragraph (a document symbol and paragraph). */
  footnote?: string;
}

export interface HeadingBlock {
  kind: "heading";
  /** 1: chapters (I., II.), 2: their sections (A., B.), 3: a recommendation or question. Levels 1–2 are in the contents. */
  level: 1 | 2 | 3;
  text: string;
}

/** A ministry's answer: its paragraphs, under a Word comment naming the ministry, the focal point and the date. */
export interface AnswerBlock {
  kind: "answer";
  comment: CommentNote;
  paragraphs: ParagraphBlock[];
}

export interface CommentNote {
  author: string;
  initials: string;
  date: Date;
  lines: string[];
}

/** A row of the annexed matrix, its text clean and its labels written out. */
export interface AnnexLine {
  kind: "row";
  paragraph: string;
  /** The recommendation's text and its recommending States. */
  text: string;
  source: string;
  position: string;
  leadMinistry: string;
  status: string;
}

/** A row across the matrix naming the thematic cluster of the rows under it. */
export interface AnnexTheme {
  kind: "theme";
  text: string;
}

export interface AnnexTableBlock {
  kind: "annex-table";
  header: string[];
  rows: (AnnexLine | AnnexTheme)[];
}

export type Block = HeadingBlock | ParagraphBlock | AnswerBlock | AnnexTableBlock;

export interface DraftLayout {
  /** The report's language (its fixed words; contributions are in the ministries' own words). */
  language: string;
  /** The report's language reads right to left (Arabic): every paragraph, table and section is right to left. */
  rtl: boolean;
  /** `Contents`: the table of contents' title. */
  contentsTitle: string;
  /** Word's numbering text of the numbered paragraphs: `%1.`, `%1-` in Arabic. */
  paragraphNumbering: string;
  title: string;
  /** Lines under the title: the mechanism, the cycle, the document symbol. */
  subtitle: string[];
  /** `Draft v3 — 29 November 2026`: the header's line. */
  draftLine: string;
  /** `Draft v3`, a template's `{{version}}`. */
  versionLabel: string;
  /** `29 November 2026`, the date the draft was compiled: a template's `{{date}}`. */
  dateLabel: string;
  body: Block[];
  /** The annexes (the matrix of recommendations): not counted against the limit. Empty when the report has none. */
  annex: Block[];
}

export function paragraph(style: ParagraphStyle, text: string, footnote?: string): ParagraphBlock {
  return footnote === undefined ? { kind: "paragraph", style, runs: [{ text }] } : { kind: "paragraph", style, runs: [{ text }], footnote };
}

export function heading(level: 1 | 2 | 3, text: string): HeadingBlock {
  return { kind: "heading", level, text };
}
