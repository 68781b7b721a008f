import { Packer, type Document } from "docx";
import type { DraftContent, DraftRenderer, RenderedDraft, RenderOptions } from "../core/drafts/draft-content";
import { buildDocument } from "./docx/build-document";
import type { WordCount } from "../core/drafts/draft";
import { layoutDraft } from "./layout/layouts";
import { renderIntoTemplate } from "./templates/patch-template";
import { describeWordCount, wordCountOf } from "./word-count";
import { tallyWords, type WordTally } from "./word-tally";

/**
 * Core's `DraftRenderer` on the `docx` library: lays the content out for its report type,
 * writes each answer as numbered paragraphs under a Word comment naming the ministry, the
 * focal point and the date, cites recommendations in footnotes, shows every missing answer as
 * a highlighted placeholder, and counts the words as the mechanism counts them. With
 * `options.template` (a .docx that `validateTemplate` accepted) the draft is patched into the
 * secretariat's letterhead and styles instead.
 */
export class DocxDraftRenderer implements DraftRenderer {
  async render(content: DraftContent, options: RenderOptions = {}): Promise<RenderedDraft> {
    const { type, wordLimit } = content.report;
    const count = (tally: WordTally): WordCount => wordCountOf(type, tally, wordLimit);
    if (options.template) return renderIntoTemplate(options.template, layoutDraft(content), count);
    const { document, wordCount } = compose(content, count);
    return { content: await Packer.toBuffer(document), wordCount };
  }
}

/** The docx Document of a draft. The layout is dropped before the document is packed: a large report's blocks would only add to its peak memory. */
function compose(content: DraftContent, count: (tally: WordTally) => WordCount): { document: Document; wordCount: WordCount } {
  const layout = layoutDraft(content);
  const wordCount = count(tallyWords(layout, { title: "block" }));
  const description = `Compiled ${content.compiledAt} by the NMIRF add-in. Word count: ${describeWordCount(content.report.type, wordCount)}.`;
  return { document: buildDocument(layout, description), wordCount };
}
