import type { DraftContent } from "../../core/drafts/draft-content";
import type { ReportType } from "../../core/records/taxonomy";
import { cleanLine } from "../text/clean-text";
import { draftWords, type DraftWords } from "../text/words";
import type { Block, DraftLayout } from "./blocks";
import {
  addOtherSections,
  annexBlocks,
  Chapters,
  clusteredRecommendations,
  questionBlocks,
  recommendationDetail,
} from "./chapters";
import { assignSections, followUpSections, genericSections, loiprSections, uprMidtermSections, uprNationalSections } from "./sections";
import { clusterHeading, clusterItems, itemBlocks, notAskedBlock, questionsOf, recommendationFootnote, recommendationsOf, titleParts } from "./shared";

/** Lays a draft out for its report type (DOMAIN.md), in the report's language: the UPR national and mid-term reports, LOIPR replies, follow-up reports, the others. */
export function layoutDraft(content: DraftContent, words: DraftWords = draftWords(content.report.language)): DraftLayout {
  const layout = LAYOUTS[content.report.type] ?? genericLayout;
  return { ...titleParts(words, content), language: words.language, rtl: words.rtl, contentsTitle: words.t("draft.contents"), paragraphNumbering: words.paragraphNumbering, body: layout(words, content), annex: annexBlocks(words, content) };
}

type Layout = (words: DraftWords, content: DraftContent) => Block[];

/**
 * The UPR national report (HRC decision 17/119): methodology and consultation, developments,
 * implementation of accepted recommendations by thematic cluster (each recommendation's input
 * as numbered paragraphs, the recommendation cited in a footnote), achievements and challenges,
 * priorities, capacity-building needs; the matrix in annex.
 */
function uprNationalLayout(words: DraftWords, content: DraftContent): Block[] {
  const slots = uprNationalSections(words);
  const { bySlot, others } = assignSections(content.items, slots);
  const chapters = new Chapters(words);
  for (const slot of slots) {
    const extra: Block[] = [];
    if (slot.key === "implementation") {
      clusterItems(words, recommendationsOf(content.items), content.annex).forEach((cluster, index) => {
        extra.push(clusterHeading(words, index, cluster));
        for (const item of cluster.items) {
          if (item.subject.kind !== "recommendation") continue;
          const nothingYet = words.t("draft.placeholder.noInputOnRecommendationNumber", { paragraph: cleanLine(item.subject.paragraph) });
          extra.push(...itemBlocks(words, item, recommendationFootnote(words, item.subject), nothingYet));
        }
        const notAsked = notAskedBlock(words, cluster.notAsked);
        if (notAsked) extra.push(notAsked);
      });
    }
    if (slot.key === "methodology") {
      chapters.addPreparation(slot, bySlot.get(slot.key), content.consultations);
    } else {
      chapters.addSlot(slot, bySlot.get(slot.key), extra);
    }
  }
  addOtherSections(words, chapters, others);
  addQuestions(words, chapters, content);
  return chapters.blocks;
}

/** The UPR mid-term report: recommendation by recommendation, with its position and implementation status. */
function uprMidtermLayout(words: DraftWords, content: DraftContent): Block[] {
  const slots = uprMidtermSections(words);
  const { bySlot, others } = assignSections(content.items, Object.values(slots));
  const chapters = new Chapters(words);
  chapters.addPreparation(slots.introduction, bySlot.get(slots.introduction.key), content.consultations);
  chapters.addSlot(slots.implementation, bySlot.get(slots.implementation.key), clusteredRecommendations(words, content, recommendationsOf(content.items), true));
  chapters.addSlot(slots.challenges, bySlot.get(slots.challenges.key));
  addOtherSections(words, chapters, others);
  addQuestions(words, chapters, content);
  return chapters.blocks;
}

/** Replies to a list of issues prior to reporting: question by question. */
function loiprLayout(words: DraftWords, content: DraftContent): Block[] {
  const slots = loiprSections(words);
  const { bySlot, others } = assignSections(content.items, Object.values(slots));
  const chapters = new Chapters(words);
  // Treaty reports, like the UPR's, say in their introduction whom the State consulted.
  chapters.addPreparation(slots.introduction, bySlot.get(slots.introduction.key), content.consultations);
  const replies = questionBlocks(words, questionsOf(content.items), (number) => words.t("draft.loiprReplyHeading", { number }));
  chapters.addSlot(slots.replies, bySlot.get(slots.replies.key), replies);
  addOtherSections(words, chapters, others);
  addRecommendations(words, chapters, content);
  return chapters.blocks;
}

/** A follow-up report to concluding observations: the recommendations flagged for follow-up, one by one. */
function followUpLayout(words: DraftWords, content: DraftContent): Block[] {
  const slots = followUpSections(words);
  const { bySlot, others } = assignSections(content.items, Object.values(slots));
  const chapters = new Chapters(words);
  // Treaty reports, like the UPR's, say in their introduction whom the State consulted.
  chapters.addPreparation(slots.introduction, bySlot.get(slots.introduction.key), content.consultations);
  const flagged = recommendationsOf(content.items).flatMap((item) =>
    item.subject.kind === "recommendation" ? recommendationDetail(words, item, 2, words.t("draft.followUpHeading", { paragraph: cleanLine(item.subject.paragraph) }), false) : [],
  );
  chapters.addSlot(slots.recommendations, bySlot.get(slots.recommendations.key), flagged);
  addOtherSections(words, chapters, others);
  addQuestions(words, chapters, content);
  return chapters.blocks;
}

/** Any other report: an introduction, the sections asked for, the questions, the recommendations by cluster. */
function genericLayout(words: DraftWords, content: DraftContent): Block[] {
  const slots = genericSections(words);
  const { bySlot, others } = assignSections(content.items, [slots.introduction]);
  const chapters = new Chapters(words);
  // Treaty reports, like the UPR's, say in their introduction whom the State consulted.
  chapters.addPreparation(slots.introduction, bySlot.get(slots.introduction.key), content.consultations);
  addOtherSections(words, chapters, others);
  addQuestions(words, chapters, content);
  addRecommendations(words, chapters, content);
  return chapters.blocks;
}

function addQuestions(words: DraftWords, chapters: Chapters, content: DraftContent): void {
  const questions = questionsOf(content.items);
  if (questions.length > 0) chapters.add(genericSections(words).questions.title, questionBlocks(words, questions, (number) => words.t("draft.questionHeading", { number })));
}

function addRecommendations(words: DraftWords, chapters: Chapters, content: DraftContent): void {
  const recommendations = recommendationsOf(content.items);
  if (recommendations.length > 0) chapters.add(genericSections(words).recommendations.title, clusteredRecommendations(words, content, recommendations, true));
}

const LAYOUTS: Partial<Record<ReportType, Layout>> = {
  "upr-national": uprNationalLayout,
  "upr-midterm": uprMidtermLayout,
  "loipr-replies": loiprLayout,
  "follow-up": followUpLayout,
};
