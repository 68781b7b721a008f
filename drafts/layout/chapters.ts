import type { AnnexRow, DraftContent, DraftItem } from "../../core/drafts/draft-content";
import { cleanLine } from "../text/clean-text";
import { CONSULTATION_KIND_LABELS, formatDate, POSITION_LABELS, roman, STATUS_LABELS } from "../text/labels";
import { heading, paragraph, type AnnexLine, type AnnexTheme, type Block } from "./blocks";
import { clusterHeading, clusterItems, itemBlocks, notAskedBlock, recommendationFootnote, recommendationText } from "./shared";
import type { SectionSlot } from "./sections";

/** The chapters of a report (I., II., ...): a chapter with nothing in it yet shows what goes there. */
export class Chapters {
  readonly blocks: Block[] = [];
  private count = 0;

  add(title: string, content: Block[], guidance?: string): void {
    this.count += 1;
    this.blocks.push(heading(1, `${roman(this.count)}. ${title}`));
    if (content.length > 0) this.blocks.push(...content);
    else this.blocks.push(paragraph("placeholder", guidance ? `[${guidance}]` : "[No input received yet.]"));
  }

  addSlot(slot: SectionSlot, items: DraftItem[] | undefined, extra: Block[] = []): void {
    this.add(slot.title, [...sectionBlocks(items ?? [], slot.title), ...extra], slot.guidance);
  }
}

/** The input on a chapter's sections: a sub-heading for each when the chapter gathers more than one. */
export function sectionBlocks(items: DraftItem[], chapterTitle: string): Block[] {
  const blocks: Block[] = [];
  for (const item of items) {
    if (item.subject.kind !== "section") continue;
    const title = cleanLine(item.subject.title) || cleanLine(item.subject.section);
    if (items.length > 1 && title !== chapterTitle) blocks.push(heading(2, title));
    blocks.push(...itemBlocks(item, undefined, `[No input received yet on “${title}”.]`));
  }
  return blocks;
}

/** The sections that fit none of the layout's chapters, each a chapter of its own. */
export function addOtherSections(chapters: Chapters, items: DraftItem[]): void {
  for (const item of items) {
    if (item.subject.kind !== "section") continue;
    const title = cleanLine(item.subject.title) || cleanLine(item.subject.section);
    chapters.add(title, sectionBlocks([item], title));
  }
}

/** The consultations held, one numbered paragraph each: the UPR methodology chapter must describe them. */
export function consultationBlocks(consultations: DraftContent["consultations"]): Block[] {
  return consultations.map((c) => {
    const kind = CONSULTATION_KIND_LABELS[c.kind];
    const who = `${cleanLine(c.stakeholder)}${kind ? ` (${kind})` : ""}`;
    const summary = c.summary ? cleanLine(c.summary) : "";
    const text = `On ${formatDate(c.date)}, ${who} was consulted on ${cleanLine(c.subject)}.${summary ? ` ${summary}` : ""}`;
    return paragraph("numbered", text);
  });
}

/** A recommendation replied to one by one: its heading, its text with the footnote citing it, its position and status, the input. */
export function recommendationDetail(item: DraftItem, level: 2 | 3, title: string, withStatus: boolean): Block[] {
  if (item.subject.kind !== "recommendation") return [];
  const subject = item.subject;
  const blocks: Block[] = [heading(level, title), paragraph("quote", recommendationText(subject), recommendationFootnote(subject))];
  if (withStatus) {
    const position = subject.position ? `Position: ${POSITION_LABELS[subject.position]}. ` : "";
    blocks.push(paragraph("label", `${position}Implementation status: ${STATUS_LABELS[subject.status]}.`));
  }
  blocks.push(...itemBlocks(item, undefined, "[No input received yet on this recommendation.]"));
  return blocks;
}

/** Recommendations one by one, grouped by thematic cluster, with what nobody was asked about listed per cluster. */
export function clusteredRecommendations(content: DraftContent, recommendations: DraftItem[], withStatus: boolean): Block[] {
  const blocks: Block[] = [];
  clusterItems(recommendations, content.annex).forEach((cluster, index) => {
    blocks.push(clusterHeading(index, cluster));
    for (const item of cluster.items) {
      if (item.subject.kind !== "recommendation") continue;
      blocks.push(...recommendationDetail(item, 3, `Recommendation ${cleanLine(item.subject.paragraph)}`, withStatus));
    }
    const notAsked = notAskedBlock(cluster.notAsked);
    if (notAsked) blocks.push(notAsked);
  });
  return blocks;
}

/** Questions one by one: a heading, the question, the replies. */
export function questionBlocks(questions: DraftItem[], titleOf: (number: string) => string): Block[] {
  const blocks: Block[] = [];
  for (const item of questions) {
    if (item.subject.kind !== "question") continue;
    const number = cleanLine(item.subject.number);
    blocks.push(heading(2, titleOf(number)));
    const question = cleanLine(item.subject.text);
    if (question) blocks.push(paragraph("quote", question));
    blocks.push(...itemBlocks(item, undefined, "[No input received yet on this question.]"));
  }
  return blocks;
}

/** The annexed matrix of recommendations: position, lead ministry and implementation status. */
export function annexBlocks(content: DraftContent): Block[] {
  if (content.annex.length === 0) return [];
  return [
    heading(1, "Annex"),
    paragraph("label", "Matrix of recommendations: position, lead ministry and implementation status"),
    { kind: "annex-table", header: ANNEX_HEADER, rows: annexRows(content.annex) },
  ];
}


const ANNEX_HEADER = ["Recommendation and recommending State(s)", "Position", "Lead ministry", "Implementation status"];

/** The matrix's rows, a theme row above each cluster's, as OHCHR's thematic list has them. */
function annexRows(annex: AnnexRow[]): (AnnexLine | AnnexTheme)[] {
  const rows: (AnnexLine | AnnexTheme)[] = [];
  let cluster = "";
  for (const row of annex) {
    const rowCluster = cleanLine(row.cluster ?? "");
    if (rowCluster && rowCluster !== cluster) rows.push({ kind: "theme", text: `Theme: ${rowCluster}` });
    cluster = rowCluster || cluster;
    rows.push({
      kind: "row",
      paragraph: cleanLine(row.paragraph),
      text: recommendationText(row),
      source: `Source: ${cleanLine(row.documentSymbol)}`,
      position: row.position ? POSITION_LABELS[row.position] : "—",
      leadMinistry: cleanLine(row.leadMinistry ?? "") || "—",
      status: STATUS_LABELS[row.status],
    });
  }
  return rows;
}
