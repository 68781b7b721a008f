import type { DraftContent } from "../../core/drafts/draft-content";
import type { ReportType } from "../../core/records/taxonomy";
import { cleanLine } from "../text/clean-text";
import type { Block, DraftLayout } from "./blocks";
import {
  addOtherSections,
  annexBlocks,
  Chapters,
  clusteredRecommendations,
  consultationBlocks,
  questionBlocks,
  recommendationDetail,
  sectionBlocks,
} from "./chapters";
import { FOLLOW_UP_SECTIONS, GENERIC_SECTIONS, LOIPR_SECTIONS, UPR_MIDTERM_SECTIONS, UPR_NATIONAL_SECTIONS, assignSections } from "./sections";
import { clusterHeading, clusterItems, itemBlocks, notAskedBlock, questionsOf, recommendationFootnote, recommendationsOf, titleParts } from "./shared";

/** Lays a draft out for its report type (DOMAIN.md): the UPR national and mid-term reports, LOIPR replies, follow-up reports, the others. */
export function layoutDraft(content: DraftContent): DraftLayout {
  const layout = LAYOUTS[content.report.type] ?? genericLayout;
  return { ...titleParts(content), body: layout(content), annex: annexBlocks(content) };
}

type Layout = (content: DraftContent) => Block[];

/**
 * The UPR national report (HRC decision 17/119): methodology and consultation, developments,
 * implementation of accepted recommendations by thematic cluster (each recommendation's input
 * as numbered paragraphs, the recommendation cited in a footnote), achievements and challenges,
 * priorities, capacity-building needs; the matrix in annex.
 */
function uprNationalLayout(content: DraftContent): Block[] {
  const { bySlot, others } = assignSections(content.items, UPR_NATIONAL_SECTIONS);
  const chapters = new Chapters();
  for (const slot of UPR_NATIONAL_SECTIONS) {
    const extra: Block[] = [];
    if (slot.key === "implementation") {
      clusterItems(recommendationsOf(content.items), content.annex).forEach((cluster, index) => {
        extra.push(clusterHeading(index, cluster));
        for (const item of cluster.items) {
          if (item.subject.kind !== "recommendation") continue;
          const nothingYet = `[No input received yet on recommendation ${cleanLine(item.subject.paragraph)}.]`;
          extra.push(...itemBlocks(item, recommendationFootnote(item.subject), nothingYet));
        }
        const notAsked = notAskedBlock(cluster.notAsked);
        if (notAsked) extra.push(notAsked);
      });
    }
    if (slot.key === "methodology") {
      chapters.add(slot.title, [...consultationBlocks(content.consultations), ...sectionBlocks(bySlot.get(slot.key) ?? [], slot.title)], slot.guidance);
    } else {
      chapters.addSlot(slot, bySlot.get(slot.key), extra);
    }
  }
  addOtherSections(chapters, others);
  addQuestions(chapters, content);
  return chapters.blocks;
}

/** The UPR mid-term report: recommendation by recommendation, with its position and implementation status. */
function uprMidtermLayout(content: DraftContent): Block[] {
  const slots = UPR_MIDTERM_SECTIONS;
  const { bySlot, others } = assignSections(content.items, Object.values(slots));
  const chapters = new Chapters();
  chapters.add(
    slots.introduction.title,
    [...consultationBlocks(content.consultations), ...sectionBlocks(bySlot.get(slots.introduction.key) ?? [], slots.introduction.title)],
    slots.introduction.guidance,
  );
  chapters.addSlot(slots.implementation, bySlot.get(slots.implementation.key), clusteredRecommendations(content, recommendationsOf(content.items), true));
  chapters.addSlot(slots.challenges, bySlot.get(slots.challenges.key));
  addOtherSections(chapters, others);
  addQuestions(chapters, content);
  return chapters.blocks;
}

/** Replies to a list of issues prior to reporting: question by question. */
function loiprLayout(content: DraftContent): Block[] {
  const slots = LOIPR_SECTIONS;
  const { bySlot, others } = assignSections(content.items, Object.values(slots));
  const chapters = new Chapters();
  chapters.addSlot(slots.introduction, bySlot.get(slots.introduction.key));
  const replies = questionBlocks(questionsOf(content.items), (n) => `Reply to paragraph ${n} of the list of issues prior to reporting`);
  chapters.addSlot(slots.replies, bySlot.get(slots.replies.key), replies);
  addOtherSections(chapters, others);
  addRecommendations(chapters, content);
  return chapters.blocks;
}

/** A follow-up report to concluding observations: the recommendations flagged for follow-up, one by one. */
function followUpLayout(content: DraftContent): Block[] {
  const slots = FOLLOW_UP_SECTIONS;
  const { bySlot, others } = assignSections(content.items, Object.values(slots));
  const chapters = new Chapters();
  chapters.addSlot(slots.introduction, bySlot.get(slots.introduction.key));
  const flagged = recommendationsOf(content.items).flatMap((item) =>
    item.subject.kind === "recommendation"
      ? recommendationDetail(item, 2, `Paragraph ${cleanLine(item.subject.paragraph)} of the concluding observations`, false)
      : [],
  );
  chapters.addSlot(slots.recommendations, bySlot.get(slots.recommendations.key), flagged);
  addOtherSections(chapters, others);
  addQuestions(chapters, content);
  return chapters.blocks;
}

/** Any other report: an introduction, the sections asked for, the questions, the recommendations by cluster. */
function genericLayout(content: DraftContent): Block[] {
  const slots = GENERIC_SECTIONS;
  const { bySlot, others } = assignSections(content.items, [slots.introduction]);
  const chapters = new Chapters();
  chapters.addSlot(slots.introduction, bySlot.get(slots.introduction.key));
  addOtherSections(chapters, others);
  addQuestions(chapters, content);
  addRecommendations(chapters, content);
  return chapters.blocks;
}

function addQuestions(chapters: Chapters, content: DraftContent): void {
  const questions = questionsOf(content.items);
  if (questions.length > 0) chapters.add(GENERIC_SECTIONS.questions.title, questionBlocks(questions, (n) => `Question ${n}`));
}

function addRecommendations(chapters: Chapters, content: DraftContent): void {
  const recommendations = recommendationsOf(content.items);
  if (recommendations.length > 0) chapters.add(GENERIC_SECTIONS.recommendations.title, clusteredRecommendations(content, recommendations, true));
}

const LAYOUTS: Partial<Record<ReportType, Layout>> = {
  "upr-national": uprNationalLayout,
  "upr-midterm": uprMidtermLayout,
  "loipr-replies": loiprLayout,
  "follow-up": followUpLayout,
};
