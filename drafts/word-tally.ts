import { countWords } from "../core/drafts/word-limits";
import type { Block, DraftLayout } from "./layout/blocks";

/** Words in each part of a draft. */
export interface WordTally {
  body: number;
  footnotes: number;
  annex: number;
}

export interface TallyOptions {
  /** What of the title block is in the body: all of it, the title alone (a template's `{{title}}` in its body), or none (in its header). */
  title: "block" | "title" | "none";
}

/**
 * Counts the words of a laid-out draft, part by part, from the very text the writer writes:
 * the blocks are the document's text. Placeholders are not report text and are not counted;
 * a placeholder's footnote is (it is in the document). Done before the document is built, so
 * that it adds nothing to the peak memory of a large report.
 */
export function tallyWords(layout: DraftLayout, options: TallyOptions): WordTally {
  const tally: WordTally = { body: 0, footnotes: 0, annex: 0 };
  if (options.title !== "none") tally.body += countWords(layout.title);
  if (options.title === "block") for (const line of layout.subtitle) tally.body += countWords(line);
  const add = (blocks: Block[], part: "body" | "annex") => {
    for (const block of blocks) {
      switch (block.kind) {
        case "heading":
          tally[part] += countWords(block.text);
          break;
        case "paragraph":
          addParagraph(block, part);
          break;
        case "answer":
          for (const p of block.paragraphs) addParagraph(p, part);
          break;
        case "annex-table":
          for (const title of block.header) tally[part] += countWords(title);
          for (const row of block.rows) {
            if (row.kind === "theme") tally[part] += countWords(row.text);
            else tally[part] += countWords(`${row.paragraph} ${row.text}`) + countWords(row.source) + countWords(row.position) + countWords(row.leadMinistry) + countWords(row.status);
          }
          break;
      }
    }
  };
  const addParagraph = (block: Extract<Block, { kind: "paragraph" }>, part: "body" | "annex") => {
    if (block.style !== "placeholder") tally[part] += countWords(block.runs.length === 1 ? (block.runs[0]?.text ?? "") : block.runs.map((r) => r.text).join(""));
    if (block.footnote !== undefined) tally.footnotes += countWords(block.footnote);
  };
  add(layout.body, "body");
  add(layout.annex, "annex");
  return tally;
}
