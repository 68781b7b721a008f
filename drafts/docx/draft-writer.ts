import {
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
import { directionOf } from "../text/direction";
import type { AnnexLine, AnnexTableBlock, Block, DraftLayout, ParagraphBlock } from "../layout/blocks";
import { BULLETS, INDENT, PARAGRAPH_NUMBERS } from "./styles";

/**
 * Footnotes are numbered from 1 and comments from here: LibreOffice drops a footnote's text
 * when a comment has the same id, so the two never share one.
 */
export const COMMENT_ID_BASE = 1_000_000;

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** Annex table column widths (twips) on a landscape A4 page with 2.54 cm margins. */
const ANNEX_COLUMNS = [7400, 1900, 2600, 2058];
const SHADE = { type: ShadingType.CLEAR, fill: "E7E6E6", color: "auto" } as const;

/**
 * Writes a laid-out draft as docx objects, exactly the blocks' text (word-tally.ts counts the
 * same text), collecting the comments and footnotes the document needs.
 */
export class DraftWriter {
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  readonly comments: ICommentOptions[] = [];
  private nextFootnote = 1;
  private nextComment = COMMENT_ID_BASE;

  /** `rtl`: the report's language reads right to left, so text without a letter of its own direction (a number, a symbol) does too. */
  constructor(private readonly rtl = false) {}

  /** A paragraph's direction: its text's own (a ministry wrote in English in an Arabic report), else the report's. */
  private isRtl(text: string): boolean {
    return directionOf(text) === undefined ? this.rtl : directionOf(text) === "rtl";
  }

  /** The title and the lines under it, as the top of the body. */
  titleBlock(layout: DraftLayout): Paragraph[] {
    return [this.styled("Title", layout.title), ...layout.subtitle.map((line) => this.styled("Subtitle", line))];
  }

  write(blocks: Block[]): FileChild[] {
    const out: FileChild[] = [];
    for (const block of blocks) {
      switch (block.kind) {
        case "heading": {
          const rtl = this.isRtl(block.text) || undefined;
          out.push(new Paragraph({ heading: HEADINGS[block.level], children: [new TextRun({ text: block.text, rightToLeft: rtl })], bidirectional: rtl }));
          break;
        }
        case "paragraph":
          out.push(this.paragraph(block));
          break;
        case "answer": {
          const id = this.nextComment++;
          this.comments.push({
            id,
            author: block.comment.author,
            initials: block.comment.initials,
            date: block.comment.date,
            children: block.comment.lines.map((line) => {
              const rtl = this.isRtl(line) || undefined;
              return new Paragraph({ children: [new TextRun({ text: line, rightToLeft: rtl })], bidirectional: rtl });
            }),
          });
          const last = block.paragraphs.length - 1;
          block.paragraphs.forEach((p, index) => out.push(this.paragraph(p, index === 0 ? id : undefined, index === last ? id : undefined)));
          break;
        }
        case "annex-table":
          out.push(this.annexTable(block));
          break;
      }
    }
    return out;
  }

  private styled(style: string, text: string): Paragraph {
    const rtl = this.isRtl(text) || undefined;
    return new Paragraph({ style, children: [new TextRun({ text, rightToLeft: rtl })], bidirectional: rtl });
  }

  private paragraph(block: ParagraphBlock, commentStart?: number, commentEnd?: number): Paragraph {
    const placeholder = block.style === "placeholder";
    const rtl = this.isRtl(block.runs.length === 1 ? (block.runs[0]?.text ?? "") : block.runs.map((r) => r.text).join(""));
    const italic = block.style === "quote";
    const bold = block.style === "label";
    const children: ParagraphChild[] = [];
    if (commentStart !== undefined) children.push(new CommentRangeStart(commentStart));
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
        return new Paragraph({ children, indent: { left: INDENT, right: INDENT }, bidirectional: rtl || undefined });
      case "label":
        return new Paragraph({ children, indent: { left: INDENT }, keepNext: true, bidirectional: rtl || undefined });
      case "placeholder":
        return new Paragraph({ children, indent: { left: INDENT }, bidirectional: rtl || undefined });
      default:
        return new Paragraph({ children, indent: { left: INDENT }, bidirectional: rtl || undefined });
    }
  }

  private footnote(text: string): number {
    const id = this.nextFootnote++;
    if (id >= COMMENT_ID_BASE) throw new RangeError(`a draft has at most ${COMMENT_ID_BASE - 1} footnotes`);
    const rtl = this.isRtl(text) || undefined;
    this.footnotes[id] = { children: [new Paragraph({ style: "FootnoteText", bidirectional: rtl, children: [new TextRun({ text: ` ${text}`, rightToLeft: rtl })] })] };
    return id;
  }

  private cell(text: string, options: { bold?: boolean; lead?: string; note?: string; span?: number; shade?: boolean; keepNext?: boolean } = {}): TableCell {
    const rtl = this.isRtl(text) || undefined;
    const run = !options.bold && !rtl ? new TextRun(text) : new TextRun({ text, bold: options.bold || undefined, rightToLeft: rtl });
    const runs = options.lead ? [new TextRun({ text: `${options.lead} `, bold: true, rightToLeft: rtl }), run] : [run];
    const children = [rtl || options.keepNext ? new Paragraph({ children: runs, bidirectional: rtl, keepNext: options.keepNext }) : new Paragraph({ children: runs })];
    if (options.note) {
      const noteRtl = this.isRtl(options.note) || undefined;
      children.push(new Paragraph({ bidirectional: noteRtl, children: [new TextRun({ text: options.note, italics: true, size: 16, sizeComplexScript: 16, rightToLeft: noteRtl })] }));
    }
    return new TableCell({ children, columnSpan: options.span, shading: options.shade ? SHADE : undefined });
  }

  private annexTable(block: AnnexTableBlock): Table {
    const rows: TableRow[] = [new TableRow({ tableHeader: true, children: block.header.map((title) => this.cell(title, { bold: true, shade: true })) })];
    for (const row of block.rows) {
      rows.push(row.kind === "theme" ? new TableRow({ cantSplit: true, children: [this.cell(row.text, { bold: true, span: block.header.length, shade: true, keepNext: true })] }) : this.annexRow(row));
    }
    // An Arabic report's matrix reads from the right: its first column is the rightmost.
    return new Table({ rows, visuallyRightToLeft: this.rtl || undefined, columnWidths: ANNEX_COLUMNS, width: { size: ANNEX_COLUMNS.reduce((a, b) => a + b, 0), type: WidthType.DXA }, layout: TableLayoutType.FIXED });
  }

  private annexRow(row: AnnexLine): TableRow {
    return new TableRow({
      cantSplit: true,
      children: [this.cell(row.text, { lead: row.paragraph, note: row.source }), this.cell(row.position), this.cell(row.leadMinistry), this.cell(row.status)],
    });
  }
}
