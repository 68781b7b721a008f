import { Packer } from "docx";
import type { DraftContent, DraftRenderer, RenderedDraft, RenderOptions } from "../core/drafting/draft-content";
import { buildDocument } from "./docx/build-document";
import { DraftWriter } from "./docx/draft-writer";
import { layoutDraft } from "./layout/layouts";
import { renderIntoTemplate } from "./templates/patch-template";
import { describeWordCount, wordCountOf } from "./word-count";

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
    const layout = layoutDraft(content);
    const { type, wordLimit } = content.report;
    if (options.template) return renderIntoTemplate(options.template, layout, (tally) => wordCountOf(type, tally, wordLimit));

    const writer = new DraftWriter();
    const document = buildDocument(layout, writer, (w) => ({
      description: `Compiled ${content.compiledAt} by the NMIRF add-in. Word count: ${describeWordCount(type, wordCountOf(type, w.tally, wordLimit))}.`,
    }));
    const bytes = await Packer.toBuffer(document);
    return { content: bytes, wordCount: wordCountOf(type, writer.tally, wordLimit) };
  }
}
