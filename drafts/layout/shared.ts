import type { AnnexRow, DraftAnswer, DraftContent, DraftGap, DraftItem } from "../../core/drafts/draft-content";
import { MECHANISM_NAMES } from "../../core/records/taxonomy";
import { cleanLine, splitParagraphs } from "../text/clean-text";
import { citeParagraphs, formatDate, formatInstantDate, gapNote, initialsOf, letters, STATUS_LABELS } from "../text/labels";
import { heading, paragraph, type AnswerBlock, type Block, type ParagraphBlock } from "./blocks";

type RecommendationSubject = Extract<DraftItem["subject"], { kind: "recommendation" }>;

/** The footnote citing a recommendation: `A/HRC/59/15, para. 140.7.` */
export function recommendationFootnote(subject: { documentSymbol: string; paragraph: string }): string {
  return `${cleanLine(subject.documentSymbol)}, para. ${cleanLine(subject.paragraph)}.`;
}

/** A ministry's answer as paragraphs under a comment; `footnote` goes at the end of its first paragraph. */
export function answerBlock(answer: DraftAnswer, footnote?: string): AnswerBlock {
  const ministry = cleanLine(answer.ministryName) || "A ministry";
  const paragraphs: ParagraphBlock[] = splitParagraphs(answer.text).map((p) => paragraph(p.bullet ? "bullet" : "numbered", p.text));
  const files = answer.attachments.map((a) => cleanLine(a.name)).filter(Boolean);
  if (paragraphs.length === 0) {
    const what = files.length > 0 ? `only attached ${files.join(", ")}` : "sent no text";
    paragraphs.push(paragraph("placeholder", `[${ministry} ${what}: draft this paragraph from its answer.]`));
  }
  const first = paragraphs[0] as ParagraphBlock;
  if (footnote !== undefined) first.footnote = footnote;

  const author = cleanLine(answer.authorName);
  const lines = [
    `${ministry}: answer by ${author || "its focal point"} (focal point), ${answer.answeredOn ? formatDate(answer.answeredOn) : formatInstantDate(answer.answeredAt)}${answer.version > 1 ? `, version ${answer.version}` : ""}.`,
  ];
  if (answer.reportedStatus) lines.push(`Reported status: ${STATUS_LABELS[answer.reportedStatus]}.`);
  if (answer.attachments.length > 0) {
    lines.push(`Attachments: ${answer.attachments.map((a) => `${cleanLine(a.name)} (${cleanLine(a.webUrl)})`).join("; ")}.`);
  }
  return { kind: "answer", comment: { author: ministry, initials: initialsOf(ministry), date: new Date(answer.answeredAt), lines }, paragraphs };
}

/** A highlighted placeholder for a request not answered yet: the ministry and the due date. */
export function gapBlock(gap: DraftGap, footnote?: string): ParagraphBlock {
  const ministry = cleanLine(gap.ministryName) || "A ministry";
  const due = formatDate(gap.dueDate);
  let text: string;
  if (gap.status === "declined") text = `[${ministry} declined to answer (due ${due}).]`;
  else if (gap.status === "closed" || gap.status === "answered") text = `[No answer from ${ministry}: the request was closed (due ${due}).]`;
  else text = `[Awaiting input from ${ministry}, due ${due}${gapNote(gap.status)}.]`;
  return paragraph("placeholder", text, footnote);
}

/**
 * An item's answers then its gaps; `footnote` goes on the first paragraph. An item with
 * neither still shows a placeholder, so that nothing silently goes missing.
 */
export function itemBlocks(item: DraftItem, footnote?: string, nothingYet = "[No input received yet.]"): Block[] {
  const blocks: Block[] = [];
  let note = footnote;
  for (const answer of item.answers) {
    blocks.push(answerBlock(answer, note));
    note = undefined;
  }
  for (const gap of item.gaps) {
    blocks.push(gapBlock(gap, note));
    note = undefined;
  }
  if (blocks.length === 0) blocks.push(paragraph("placeholder", nothingYet, note));
  return blocks;
}

/** A recommendation's text and recommending States, as the matrix writes it: `Ratify ... (Maldives) (Portugal)`. */
export function recommendationText(subject: { text: string; recommendingStates: string[] }): string {
  const text = cleanLine(subject.text);
  const states = subject.recommendingStates.map(cleanLine).filter(Boolean);
  return states.length > 0 ? `${text} (${states.join(", ")})` : text;
}

export interface Cluster {
  title: string;
  items: DraftItem[];
  /** Accepted recommendations of the matrix in this cluster that nobody was asked about. */
  notAsked: AnnexRow[];
}

const NO_CLUSTER = "Other recommendations";

/**
 * The recommendation items grouped by thematic cluster, in the order the clusters first appear,
 * recommendations without a cluster last. With `annex`, accepted recommendations of the
 * matrix that no request covers are listed in their cluster too.
 */
export function clusterItems(items: DraftItem[], annex: AnnexRow[] = []): Cluster[] {
  const clusters = new Map<string, Cluster>();
  const clusterOf = (name: string | undefined): Cluster => {
    const title = cleanLine(name ?? "") || NO_CLUSTER;
    let cluster = clusters.get(title);
    if (!cluster) clusters.set(title, (cluster = { title, items: [], notAsked: [] }));
    return cluster;
  };
  const asked = new Set<string>();
  for (const item of items) {
    const subject = item.subject as RecommendationSubject;
    asked.add(subject.recommendationId);
    clusterOf(subject.cluster).items.push(item);
  }
  for (const row of annex) {
    if (asked.has(row.recommendationId) || row.position === "noted") continue;
    clusterOf(row.cluster).notAsked.push(row);
  }
  const ordered = [...clusters.values()];
  const other = ordered.findIndex((c) => c.title === NO_CLUSTER);
  if (other >= 0) ordered.push(...ordered.splice(other, 1));
  return ordered;
}

/** A cluster's heading: `A. Equality and non-discrimination`. */
export function clusterHeading(index: number, cluster: Cluster): Block {
  return heading(2, `${letters(index + 1)}. ${cluster.title}`);
}

/** The placeholder listing a cluster's accepted recommendations that no ministry was asked about. */
export function notAskedBlock(rows: AnnexRow[]): ParagraphBlock | undefined {
  if (rows.length === 0) return undefined;
  const cited = citeParagraphs(rows.map((r) => ({ documentSymbol: cleanLine(r.documentSymbol), paragraph: cleanLine(r.paragraph) })));
  const what = rows.length === 1 ? "this accepted recommendation" : `these ${rows.length} accepted recommendations`;
  return paragraph("placeholder", `[No ministry has been asked about ${what} yet: ${cited}.]`);
}

export function recommendationsOf(items: DraftItem[]): DraftItem[] {
  return items.filter((item) => item.subject.kind === "recommendation");
}

export function questionsOf(items: DraftItem[]): DraftItem[] {
  return items.filter((item) => item.subject.kind === "question");
}

/** The title, the lines under it and the draft line of the header. */
export function titleParts(content: DraftContent): { title: string; subtitle: string[]; draftLine: string; versionLabel: string; dateLabel: string } {
  const { report } = content;
  const mechanism = MECHANISM_NAMES[report.mechanism];
  const details = [report.cycle !== undefined ? `cycle ${report.cycle}` : "", report.session !== undefined ? `session ${report.session}` : ""].filter(Boolean);
  const subtitle = [details.length > 0 ? `${mechanism}, ${details.join(", ")}` : mechanism];
  if (report.documentSymbol) subtitle.push(cleanLine(report.documentSymbol));
  const versionLabel = `Draft v${content.version}`;
  const dateLabel = formatDate(content.compiledOn);
  return { title: cleanLine(report.title) || "Report", subtitle, draftLine: `${versionLabel} — ${dateLabel}`, versionLabel, dateLabel };
}
