import { Packer, type Document } from "docx";
import type { DraftContent, DraftRenderer, RenderedDraft, RenderOptions } from "../core/drafts/draft-content";
import { rightToLeftSections } from "./docx/bidi-sections";
import { buildDocument } from "./docx/build-document";
import { stampDraftIdentity } from "./docx/document-properties";
import type { WordCount } from "../core/drafts/draft";
import { layoutDraft } from "./layout/layouts";
import { draftWords, type DraftWords } from "./text/words";
import { renderIntoTemplate } from "./templates/patch-template";
import { wordCountOf } from "./word-count";
import { tallyWords, type WordTally } from "./word-tally";

/**
 * Core's `DraftRenderer` on the `docx` library: lays the content out for its report type,
 * writes each answer as numbered paragraphs under a Word comment naming the ministry, the
 * focal point and the date, cites recommendations in footnotes, shows every missing answer as
 * a highlighted placeholder, and counts the words as the mechanism counts them. With
 * `options.template` (a .docx that `validateTemplate` accepted) the draft is patched into the
 * secretariat's letterhead and styles instead. With `options.identity`, the file carries
 * the draft's identity in its custom document properties.
 */
export class DocxDraftRenderer implements DraftRenderer {
  async render(content: DraftContent, options: RenderOptions = {}): Promise<RenderedDraft> {
    const rendered = await this.renderUnstamped(content, options);
    return options.identity ? { ...rendered, content: await stampDraftIdentity(rendered.content, options.identity) } : rendered;
  }

  private async renderUnstamped(content: DraftContent, options: RenderOptions): Promise<RenderedDraft> {
    const { type, wordLimit } = content.report;
    // The report's language first: a language the catalogue has no draft in is refused before anything is built.
    const words = draftWords(content.report.language);
    const count = (tally: WordTally): WordCount => wordCountOf(type, tally, wordLimit);
    if (options.template) {
      const rendered = await renderIntoTemplate(options.template, layoutDraft(content, words), count);
      return words.rtl ? { ...rendered, content: await rightToLeftSections(rendered.content) } : rendered;
    }
    const { document, wordCount } = compose(content, words, count);
    const packed = await Packer.toBuffer(document);
    return { content: words.rtl ? await rightToLeftSections(packed) : packed, wordCount };
  }
}

/** The docx Document of a draft. The layout is dropped before the document is packed: a large report's blocks would only add to its peak memory. */
function compose(content: DraftContent, words: DraftWords, count: (tally: WordTally) => WordCount): { document: Document; wordCount: WordCount } {
  const layout = layoutDraft(content, words);
  const wordCount = count(tallyWords(layout, { title: "block" }));
  const description = words.t("draft.description", {
    date: words.date(content.compiledOn),
    counted: wordCount.counted,
    limit: wordCount.limit === undefined ? "none" : "set",
    limitNumber: wordCount.limit ?? 0,
    excluded: wordCount.excluded,
  });
  return { document: buildDocument(layout, description), wordCount };
}
