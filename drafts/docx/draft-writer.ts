import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  FootnoteReferenceRun,
  HeadingLevel,
  HighlightColor,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ICommentOptions,
  type ParagraphChild,
} from "docx";
import { countWords } from "../../core/rules/word-limits";
import { isRightToLeft } from "../text/direction";
import type { AnnexLine, AnnexTableBlock, Block, DraftLayout, ParagraphBlock } from "../layout/blocks";
import { BULLETS, INDENT, PARAGRAPH_NUMBERS } from "./styles";

/**
 * Footnotes are numbered from 1 and comments from here: LibreOffice drops a footnote's text
 * when a comment has the same id, so the two never share one.
 */
export const COMMENT_ID_BASE = 1_000_000;

/** Words written to each part of the document, counted from the text as it is written. */
export interface WordTally {
  body: number;
  footnotes: number;
  annex: number;
}

export type Part = "body" | "annex";

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** Annex table column widths (twips) on a landscape A4 page with 2.54 cm margins. */
const ANNEX_COLUMNS = [7400, 1900, 2600, 2058];
const ANNEX_HEADER = ["Recommendation and recommending State(s)", "Position", "Lead ministry", "Implementation status"];

/**
 * Writes a laid-out draft as docx objects, collecting its comments and footnotes and counting
 * the words of each part from the very text it writes (placeholders are not report text and
 * are not counted).
 */
export class DraftWriter {
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  readonly comments: ICommentOptions[] = [];
  readonly tally: WordTally = { body: 0, footnotes: 0, annex: 0 };
  private nextFootnote = 1;
  private nextComment = COMMENT_ID_BASE;

  /** The title and the lines under it, as the top of the body. */
  titleBlock(layout: DraftLayout): Paragraph[] {
    const title = new Paragraph({ style: "Title", children: [this.run(layout.title, "body")], bidirectional: isRightToLeft(layout.title) || undefined });
    const lines = layout.subtitle.map(
      (line) => new Paragraph({ style: "Subtitle", children: [this.run(line, "body")], bidirectional: isRightToLeft(line) || undefined }),
    );
    return [title, ...lines];
  }

  write(blocks: Block[], part: Part): FileChild[] {
    const out: FileChild[] = [];
    for (const block of blocks) {
      switch (block.kind) {
        case "heading": {
          const text = block.text;
          this.tally[part] += countWords(text);
          const rtl = isRightToLeft(text);
          out.push(new Paragraph({ heading: HEADINGS[block.level], children: [new TextRun({ text, rightToLeft: rtl || undefined })], bidirectional: rtl || undefined }));
          break;
        }
        case "paragraph":
          out.push(this.paragraph(block, part));
          break;
        case "answer": {
          const id = this.nextComment++;
          this.comments.push({
            id,
            author: block.comment.author,
            initials: block.comment.initials,
            date: block.comment.date,
            children: block.comment.lines.map((line) => {
              const text = line;
              return new Paragraph({ children: [new TextRun({ text, rightToLeft: isRightToLeft(text) || undefined })], bidirectional: isRightToLeft(text) || undefined });
            }),
          });
          const last = block.paragraphs.length - 1;
          block.paragraphs.forEach((p, index) => out.push(this.paragraph(p, part, index === 0 ? id : undefined, index === last ? id : undefined)));
          break;
        }
        case "annex-table":
          out.push(this.annexTable(block, part));
          break;
      }
    }
    return out;
  }

  private paragraph(block: ParagraphBlock, part: Part, commentStart?: number, commentEnd?: number): Paragraph {
    const placeholder = block.style === "placeholder";
    let text = "";
    for (const run of block.runs) text += run.text;
    if (!placeholder) this.tally[part] += countWords(text);
    const rtl = isRightToLeft(text);
    const children: ParagraphChild[] = [];
    if (commentStart !== undefined) children.push(new CommentRangeStart(commentStart));
    const italic = block.style === "quote";
    const bold = block.style === "label";
    for (const run of block.runs) {
      const plain = !run.bold && !bold && !run.italic && !italic && !placeholder && !rtl;
      children.push(
        plain
          ? new TextRun(run.text)
          : new TextRun({
              text: run.text,
              bold: run.bold || bold || undefined,
              italics: run.italic || italic || undefined,
              highlight: placeholder ? HighlightColor.YELLOW : undefined,
              rightToLeft: rtl || undefined,
            }),
      );
    }
    if (block.footnote !== undefined) children.push(new FootnoteReferenceRun(this.footnote(block.footnote)));
    if (commentEnd !== undefined) {
      children.push(new CommentRangeEnd(commentEnd));
      children.push(new TextRun({ children: [new CommentReference(commentEnd)] }));
    }
    switch (block.style) {
      case "numbered":
        return rtl ? new Paragraph({ children, numbering: PARAGRAPH_NUMBERS, bidirectional: true }) : new Paragraph({ children, numbering: PARAGRAPH_NUMBERS });
      case "bullet":
        return new Paragraph({ children, numbering: BULLETS, bidirectional: rtl || undefined });
      case "quote":
        return new Paragraph({ children, indent: { left: INDENT, right: INDENT }, alignment: AlignmentType.START, bidirectional: rtl || undefined });
      case "label":
        return new Paragraph({ children, indent: { left: INDENT }, keepNext: true, alignment: AlignmentType.START, bidirectional: rtl || undefined });
      case "placeholder":
        return new Paragraph({ children, indent: { left: INDENT }, alignment: AlignmentType.START, bidirectional: rtl || undefined });
      default:
        return new Paragraph({ children, indent: { left: INDENT }, bidirectional: rtl || undefined });
    }
  }

  private footnote(text: string): number {
    const id = this.nextFootnote++;
    if (id >= COMMENT_ID_BASE) throw new RangeError(`a draft has at most ${COMMENT_ID_BASE - 1} footnotes`);
    this.tally.footnotes += countWords(text);
    this.footnotes[id] = { children: [new Paragraph({ style: "FootnoteText", children: [new TextRun(` ${text}`)] })] };
    return id;
  }

  private run(text: string, part: Part): TextRun {
    this.tally[part] += countWords(text);
    return new TextRun({ text, rightToLeft: isRightToLeft(text) || undefined });
  }

  private cell(text: string, part: Part, options: { bold?: boolean; lead?: string; note?: string; span?: number; shade?: boolean } = {}): TableCell {
    const clean = text;
    const lead = options.lead ?? "";
    const note = options.note ?? "";
    this.tally[part] += countWords(lead ? `${lead} ${clean}` : clean) + (note ? countWords(note) : 0);
    const rtl = isRightToLeft(clean) || undefined;
    const runs = lead ? [new TextRun({ text: `${lead} `, bold: true, rightToLeft: rtl }), new TextRun({ text: clean, rightToLeft: rtl })] : [new TextRun({ text: clean, bold: options.bold || undefined, rightToLeft: rtl })];
    const children = [new Paragraph({ children: runs, alignment: AlignmentType.START, bidirectional: rtl })];
    if (note) children.push(new Paragraph({ children: [new TextRun({ text: note, italics: true, size: 16 })], alignment: AlignmentType.START }));
    return new TableCell({
      children,
      columnSpan: options.span,
      shading: options.shade ? { type: ShadingType.CLEAR, fill: "E7E6E6", color: "auto" } : undefined,
    });
  }

  private annexTable(block: AnnexTableBlock, part: Part): Table {
    const header = new TableRow({ tableHeader: true, children: ANNEX_HEADER.map((title) => this.cell(title, part, { bold: true, shade: true })) });
    const rows: TableRow[] = [header];
    let cluster: string | undefined;
    for (const row of block.rows) {
      if (row.cluster && row.cluster !== cluster) rows.push(new TableRow({ cantSplit: true, children: [this.cell(`Theme: ${row.cluster}`, part, { bold: true, span: 4, shade: true })] }));
      cluster = row.cluster || cluster;
      rows.push(this.annexRow(row, part));
    }
    return new Table({ rows, columnWidths: ANNEX_COLUMNS, width: { size: ANNEX_COLUMNS.reduce((a, b) => a + b, 0), type: WidthType.DXA }, layout: TableLayoutType.FIXED });
  }

  private annexRow(row: AnnexLine, part: Part): TableRow {
    return new TableRow({
      cantSplit: true,
      children: [this.cell(row.text, part, { lead: row.paragraph, note: row.source }), this.cell(row.position, part), this.cell(row.leadMinistry, part), this.cell(row.status, part)],
    });
  }
}
