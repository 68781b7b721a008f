import type { AnnexRow, DraftContent, DraftItem } from "../../core/drafts/draft-content";
import { cleanLine } from "../text/clean-text";
import type { DraftWords } from "../text/words";
import { heading, paragraph, type AnnexLine, type AnnexTheme, type Block } from "./blocks";
import { clusterHeading, clusterItems, itemBlocks, notAskedBlock, recommendationFootnote, recommendationText } from "./shared";
import type { SectionSlot } from "./sections";

/** The chapters of a report (I., II., ...): a chapter with nothing in it yet shows what goes there. */
export class Chapters {
  readonly blocks: Block[] = [];
  private count = 0;

  constructor(private readonly words: DraftWords) {}

  add(title: string, content: Block[], guidance?: string): void {
    this.count += 1;
    this.blocks.push(heading(1, this.words.chapterHeading(this.count, title)));
    if (content.length > 0) this.blocks.push(...content);
    else this.blocks.push(paragraph("placeholder", guidance ? this.words.t("draft.placeholder.guidance", { guidance }) : this.words.t("draft.placeholder.noInput")));
  }

  addSlot(slot: SectionSlot, items: DraftItem[] | undefined, extra: Block[] = []): void {
    this.add(slot.title, [...sectionBlocks(this.words, items ?? [], slot.title), ...extra], slot.guidance);
  }

  /** The chapter that says how the report was prepared: the consultations held first, then the input on its sections. */
  addPreparation(slot: SectionSlot, items: DraftItem[] | undefined, consultations: DraftContent["consultations"]): void {
    this.add(slot.title, [...consultationBlocks(this.words, consultations), ...sectionBlocks(this.words, items ?? [], slot.title)], slot.guidance);
  }
}

/** The input on a chapter's sections: a sub-heading for each when the chapter gathers more than one. */
export function sectionBlocks(words: DraftWords, items: DraftItem[], chapterTitle: string): Block[] {
  const blocks: Block[] = [];
  for (const item of items) {
    if (item.subject.kind !== "section") continue;
    const title = cleanLine(item.subject.title) || cleanLine(item.subject.section);
    if (items.length > 1 && title !== chapterTitle) blocks.push(heading(2, title));
    blocks.push(...itemBlocks(words, item, undefined, words.t("draft.placeholder.noInputOnSection", { title })));
  }
  return blocks;
}

/** The sections that fit none of the layout's chapters, each a chapter of its own. */
export function addOtherSections(words: DraftWords, chapters: Chapters, items: DraftItem[]): void {
  for (const item of items) {
    if (item.subject.kind !== "section") continue;
    const title = cleanLine(item.subject.title) || cleanLine(item.subject.section);
    chapters.add(title, sectionBlocks(words, [item], title));
  }
}

/** The kinds of stakeholder in the order the methodology names them; anything else is "other". */
const STAKEHOLDERS_IN_ORDER = ["nhri", "parliament", "civil-society", "academia", "other"];
const FORMATS = new Set(["meeting", "written-comments", "online", "survey"]);

/**
 * The consultations held, one numbered paragraph per kind of stakeholder (the national human
 * rights institution, parliament, civil society...): how often, with whom, how, on what and
 * when, then what came of each. The UPR methodology chapter and a treaty report's introduction
 * are written from them.
 */
export function consultationBlocks(words: DraftWords, consultations: DraftContent["consultations"]): Block[] {
  const byKind = new Map<string, DraftContent["consultations"]>();
  for (const consultation of consultations) {
    const kind = STAKEHOLDERS_IN_ORDER.includes(consultation.kind) ? consultation.kind : "other";
    byKind.set(kind, [...(byKind.get(kind) ?? []), consultation]);
  }
  return STAKEHOLDERS_IN_ORDER.flatMap((kind) => {
    const held = byKind.get(kind);
    if (!held) return [];
    const occasions = held.map((c) => consultationOccasion(words, c));
    const sentence = words.t("draft.consultationGroup", { kind: selector(kind), count: held.length, occasions: words.list(occasions) });
    const outcomes = held.map((c) => (c.summary ? cleanLine(c.summary) : "")).filter(Boolean);
    return [paragraph("numbered", [sentence, ...outcomes].join(" "))];
  });
}

/** A code as an ICU select's case, which takes no hyphen ("civil-society" → "civil_society"). */
function selector(code: string): string {
  return code.replace(/-/g, "_");
}

function consultationOccasion(words: DraftWords, c: DraftContent["consultations"][number]): string {
  const when = c.endDate && c.endDate !== c.date ? words.t("draft.consultationFromTo", { from: words.date(c.date), to: words.date(c.endDate) }) : words.t("draft.consultationOn", { date: words.date(c.date) });
  return words.t("draft.consultationOccasion", {
    format: c.format && FORMATS.has(c.format) ? selector(c.format) : "unknown",
    stakeholder: cleanLine(c.stakeholder),
    subject: cleanLine(c.subject),
    when,
    participants: c.participants ?? 0,
  });
}

/** A recommendation replied to one by one: its heading, its text with the footnote citing it, its position and status, the input. */
export function recommendationDetail(words: DraftWords, item: DraftItem, level: 2 | 3, title: string, withStatus: boolean): Block[] {
  if (item.subject.kind !== "recommendation") return [];
  const subject = item.subject;
  const blocks: Block[] = [heading(level, title), paragraph("quote", recommendationText(words, subject), recommendationFootnote(words, subject))];
  if (withStatus) {
    const status = words.t(`status.${subject.status}`);
    blocks.push(paragraph("label", subject.position ? words.t("draft.positionAndStatus", { position: words.t(`position.${subject.position}`), status }) : words.t("draft.statusOnly", { status })));
  }
  blocks.push(...itemBlocks(words, item, undefined, words.t("draft.placeholder.noInputOnRecommendation")));
  return blocks;
}

/** Recommendations one by one, grouped by thematic cluster, with what nobody was asked about listed per cluster. */
export function clusteredRecommendations(words: DraftWords, content: DraftContent, recommendations: DraftItem[], withStatus: boolean): Block[] {
  const blocks: Block[] = [];
  clusterItems(words, recommendations, content.annex).forEach((cluster, index) => {
    blocks.push(clusterHeading(words, index, cluster));
    for (const item of cluster.items) {
      if (item.subject.kind !== "recommendation") continue;
      blocks.push(...recommendationDetail(words, item, 3, words.t("draft.recommendationHeading", { paragraph: cleanLine(item.subject.paragraph) }), withStatus));
    }
    const notAsked = notAskedBlock(words, cluster.notAsked);
    if (notAsked) blocks.push(notAsked);
  });
  return blocks;
}

/** Questions one by one: a heading, the question, the replies. */
export function questionBlocks(words: DraftWords, questions: DraftItem[], titleOf: (number: string) => string): Block[] {
  const blocks: Block[] = [];
  for (const item of questions) {
    if (item.subject.kind !== "question") continue;
    const number = cleanLine(item.subject.number);
    blocks.push(heading(2, titleOf(number)));
    const question = cleanLine(item.subject.text);
    if (question) blocks.push(paragraph("quote", question));
    blocks.push(...itemBlocks(words, item, undefined, words.t("draft.placeholder.noInputOnQuestion")));
  }
  return blocks;
}

/** The annexed matrix of recommendations: position, lead ministry and implementation status. */
export function annexBlocks(words: DraftWords, content: DraftContent): Block[] {
  if (content.annex.length === 0) return [];
  const header = [words.t("draft.annex.recommendation"), words.t("draft.annex.position"), words.t("draft.annex.leadMinistry"), words.t("draft.annex.status")];
  return [heading(1, words.t("draft.annex.title")), paragraph("label", words.t("draft.annex.caption")), { kind: "annex-table", header, rows: annexRows(words, content.annex) }];
}

/** The matrix's rows, a theme row above each cluster's, as OHCHR's thematic list has them. */
function annexRows(words: DraftWords, annex: AnnexRow[]): (AnnexLine | AnnexTheme)[] {
  const rows: (AnnexLine | AnnexTheme)[] = [];
  let cluster = "";
  for (const row of annex) {
    const rowCluster = cleanLine(row.cluster ?? "");
    if (rowCluster && rowCluster !== cluster) rows.push({ kind: "theme", text: words.t("draft.annex.theme", { cluster: rowCluster }) });
    cluster = rowCluster || cluster;
    rows.push({
      kind: "row",
      paragraph: cleanLine(row.paragraph),
      text: recommendationText(words, row),
      source: words.t("draft.annex.source", { symbol: cleanLine(row.documentSymbol) }),
      position: row.position ? words.t(`position.${row.position}`) : "—",
      leadMinistry: cleanLine(row.leadMinistry ?? "") || "—",
      status: words.t(`status.${row.status}`),
    });
  }
  return rows;
}
