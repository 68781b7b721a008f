import type { AnnexRow, DraftAnswer, DraftContent, DraftGap, DraftItem, DraftProgress } from "../../core/drafts/draft-content";
import { cleanLine, splitParagraphs } from "../text/clean-text";
import { initialsOf } from "../text/labels";
import type { DraftKey, DraftWords } from "../text/words";
import { heading, paragraph, type AnswerBlock, type Block, type ParagraphBlock } from "./blocks";

type RecommendationSubject = Extract<DraftItem["subject"], { kind: "recommendation" }>;

/** The footnote citing a recommendation: `A/HRC/59/15, para. 140.7.` */
export function recommendationFootnote(words: DraftWords, subject: { documentSymbol: string; paragraph: string }): string {
  return words.t("draft.footnote.recommendation", { symbol: cleanLine(subject.documentSymbol), paragraph: cleanLine(subject.paragraph) });
}

/** A ministry's answer as paragraphs under a comment; `footnote` goes at the end of its first paragraph. The answer's text is the ministry's own words. */
export function answerBlock(words: DraftWords, answer: DraftAnswer, footnote?: string): AnswerBlock {
  const ministry = cleanLine(answer.ministryName) || words.t("draft.aMinistry");
  const paragraphs: ParagraphBlock[] = splitParagraphs(answer.text).map((p) => paragraph(p.bullet ? "bullet" : "numbered", p.text));
  const files = answer.attachments.map((a) => cleanLine(a.name)).filter(Boolean);
  if (paragraphs.length === 0) {
    paragraphs.push(paragraph("placeholder", files.length > 0 ? words.t("draft.placeholder.onlyAttached", { ministry, files: words.list(files) }) : words.t("draft.placeholder.noText", { ministry })));
  }
  const first = paragraphs[0] as ParagraphBlock;
  if (footnote !== undefined) first.footnote = footnote;

  const author = cleanLine(answer.authorName);
  const date = answer.answeredOn ? words.date(answer.answeredOn) : words.date(answer.answeredAt.slice(0, 10));
  const lines = [author ? words.t("draft.comment.answer", { ministry, author, date, version: answer.version }) : words.t("draft.comment.answerByFocalPoint", { ministry, date, version: answer.version })];
  if (answer.reportedStatus) lines.push(words.t("draft.comment.reportedStatus", { status: words.t(`status.${answer.reportedStatus}`) }));
  if (answer.attachments.length > 0) {
    lines.push(words.t("draft.comment.attachments", { files: answer.attachments.map((a) => `${cleanLine(a.name)} (${cleanLine(a.webUrl)})`).join("; ") }));
  }
  return { kind: "answer", comment: { author: ministry, initials: initialsOf(ministry), date: new Date(answer.answeredAt), lines }, paragraphs };
}

/**
 * An action's accepted progress as paragraphs under a comment naming the ministry, the action,
 * who reported it and when: the follow-up writes the report as an answer would.
 */
export function progressBlock(words: DraftWords, progress: DraftProgress, footnote?: string): AnswerBlock {
  const ministry = cleanLine(progress.ministryName) || words.t("draft.aMinistry");
  const paragraphs: ParagraphBlock[] = splitParagraphs(progress.text).map((p) => paragraph(p.bullet ? "bullet" : "numbered", p.text));
  if (paragraphs.length === 0) paragraphs.push(paragraph("placeholder", words.t("draft.placeholder.noText", { ministry })));
  if (footnote !== undefined) (paragraphs[0] as ParagraphBlock).footnote = footnote;
  const action = cleanLine(progress.actionTitle);
  const date = progress.reportedOn ? words.date(progress.reportedOn) : words.date(progress.reportedAt.slice(0, 10));
  const author = cleanLine(progress.authorName);
  const lines = [
    author ? words.t("draft.comment.progress", { ministry, action, author, date }) : words.t("draft.comment.progressByFocalPoint", { ministry, action, date }),
    words.t("draft.comment.actionStatus", { status: words.t(`actionStatus.${progress.actionStatus}`) }),
  ];
  if (progress.attachments.length > 0) {
    lines.push(words.t("draft.comment.attachments", { files: progress.attachments.map((a) => `${cleanLine(a.name)} (${cleanLine(a.webUrl)})`).join("; ") }));
  }
  return { kind: "answer", comment: { author: ministry, initials: initialsOf(ministry), date: new Date(progress.reportedAt), lines }, paragraphs };
}

/** A highlighted placeholder for a request not answered yet: the ministry and the due date. */
export function gapBlock(words: DraftWords, gap: DraftGap, footnote?: string): ParagraphBlock {
  const ministry = cleanLine(gap.ministryName) || words.t("draft.aMinistry");
  const due = words.date(gap.dueDate);
  let text: string;
  if (gap.status === "declined") text = words.t("draft.placeholder.declined", { ministry, due });
  else if (gap.status === "closed" || gap.status === "answered") text = words.t("draft.placeholder.closed", { ministry, due });
  else text = words.t("draft.placeholder.awaiting", { ministry, due, status: gap.status });
  return paragraph("placeholder", text, footnote);
}

/**
 * An item's answers then its gaps; `footnote` goes on the first paragraph. An item with
 * neither still shows a placeholder, so that nothing silently goes missing.
 */
export function itemBlocks(words: DraftWords, item: DraftItem, footnote?: string, nothingYet: string = words.t("draft.placeholder.noInput")): Block[] {
  const blocks: Block[] = [];
  let note = footnote;
  for (const answer of item.answers) {
    blocks.push(answerBlock(words, answer, note));
    note = undefined;
  }
  // What the follow-up already says, then what is still awaited.
  for (const progress of item.progress ?? []) {
    blocks.push(progressBlock(words, progress, note));
    note = undefined;
  }
  for (const gap of item.gaps) {
    blocks.push(gapBlock(words, gap, note));
    note = undefined;
  }
  if (blocks.length === 0) blocks.push(paragraph("placeholder", nothingYet, note));
  return blocks;
}

/** A recommendation's text and recommending States, as the matrix writes it: `Ratify ... (Maldives, Portugal)`. The text is the UN's, as imported. */
export function recommendationText(words: DraftWords, subject: { text: string; recommendingStates: string[] }): string {
  const text = cleanLine(subject.text);
  const states = subject.recommendingStates.map(cleanLine).filter(Boolean);
  return states.length > 0 ? words.t("draft.recommendationWithStates", { text, states: states.join(words.t("draft.listSeparator")) }) : text;
}

export interface Cluster {
  title: string;
  items: DraftItem[];
  /** Accepted recommendations of the matrix in this cluster that nobody was asked about. */
  notAsked: AnnexRow[];
}

/**
 * The recommendation items grouped by thematic cluster, in the order the clusters first appear,
 * recommendations without a cluster last. With `annex`, accepted recommendations of the
 * matrix that no request covers are listed in their cluster too.
 */
export function clusterItems(words: DraftWords, items: DraftItem[], annex: AnnexRow[] = []): Cluster[] {
  const noCluster = words.t("draft.otherRecommendations");
  const clusters = new Map<string, Cluster>();
  const clusterOf = (name: string | undefined): Cluster => {
    const title = cleanLine(name ?? "") || noCluster;
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
  const other = ordered.findIndex((c) => c.title === noCluster);
  if (other >= 0) ordered.push(...ordered.splice(other, 1));
  return ordered;
}

/** A cluster's heading: `A. Equality and non-discrimination`. */
export function clusterHeading(words: DraftWords, index: number, cluster: Cluster): Block {
  return heading(2, words.sectionHeading(index + 1, cluster.title));
}

/** `A/HRC/59/15, paras. 140.7 and 140.9; A/HRC/44/7, para. 3`: paragraphs cited, grouped by document. */
export function citeParagraphs(words: DraftWords, refs: { documentSymbol: string; paragraph: string }[]): string {
  const bySymbol = new Map<string, string[]>();
  for (const { documentSymbol, paragraph } of refs) {
    const list = bySymbol.get(documentSymbol) ?? [];
    list.push(paragraph);
    bySymbol.set(documentSymbol, list);
  }
  return [...bySymbol].map(([symbol, paragraphs]) => words.t("draft.cite.paragraphs", { symbol, count: paragraphs.length, paragraphs: words.list(paragraphs) })).join("; ");
}

/** The placeholder listing a cluster's accepted recommendations that no ministry was asked about. */
export function notAskedBlock(words: DraftWords, rows: AnnexRow[]): ParagraphBlock | undefined {
  if (rows.length === 0) return undefined;
  const cited = citeParagraphs(words, rows.map((r) => ({ documentSymbol: cleanLine(r.documentSymbol), paragraph: cleanLine(r.paragraph) })));
  return paragraph("placeholder", words.t("draft.placeholder.notAsked", { count: rows.length, cited }));
}

export function recommendationsOf(items: DraftItem[]): DraftItem[] {
  return items.filter((item) => item.subject.kind === "recommendation");
}

export function questionsOf(items: DraftItem[]): DraftItem[] {
  return items.filter((item) => item.subject.kind === "question");
}

/** The title, the lines under it and the draft line of the header. */
export function titleParts(words: DraftWords, content: DraftContent): { title: string; subtitle: string[]; draftLine: string; versionLabel: string; dateLabel: string } {
  const { report } = content;
  const mechanism = words.t(`mechanism.${report.mechanism}` as DraftKey);
  const details = [report.cycle !== undefined ? words.t("draft.cycle", { cycle: report.cycle }) : "", report.session !== undefined ? words.t("draft.session", { session: report.session }) : ""].filter(Boolean);
  const subtitle = [details.length > 0 ? words.t("draft.subtitle", { mechanism, details: details.join(words.t("draft.listSeparator")) }) : mechanism];
  if (report.documentSymbol) subtitle.push(cleanLine(report.documentSymbol));
  const versionLabel = words.t("draft.versionLabel", { version: content.version });
  const dateLabel = words.date(content.compiledOn);
  return { title: cleanLine(report.title) || words.t("draft.untitled"), subtitle, draftLine: words.t("draft.draftLine", { version: versionLabel, date: dateLabel }), versionLabel, dateLabel };
}
