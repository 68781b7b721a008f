import type { Stored } from "../records/common";
import type { ContributionFields } from "../contributions/contribution";
import type { RecommendationFields } from "../recommendations/recommendation";
import type { RequestFields } from "../requests/request";
import type { AnnexRow, DraftContent, DraftGap, DraftItem, DraftProgress, DraftSubject } from "./draft-content";
import { queryAll, readAll } from "../ports/repository";
import { NeedsAttentionError, type RowNeedingAttention } from "../records/needs-attention";
import { calendarDateAt } from "../calendar/calendar";
import { isUnanswered } from "../requests/request-lifecycle";
import { subjectKey } from "../requests/request";
import type { UseCaseDeps } from "../ports/use-case-deps";

type Deps = Pick<UseCaseDeps, "repos" | "clock">;

// One collator for every comparison: `localeCompare` with options builds a new one on each call,
// which made sorting 5,000 recommendations take tens of milliseconds.
const PARAGRAPH_ORDER = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Compares paragraph numbers the way people read them: 140.2 before 140.10, 23(a) before 23(b). */
export function compareParagraphs(a: string, b: string): number {
  return PARAGRAPH_ORDER.compare(a, b);
}

/**
 * The structured content of a report's next draft: one item per subject asked about, with the
 * latest answer of each ministry and a gap for each ministry that has not answered yet, in report
 * order; each recommendation's accepted progress on the actions that implement it (a UPR report
 * also gets an item for a recommendation of its matrix that has progress but was not asked
 * about); the annexed matrix; the consultations held.
 */
export async function assembleDraftContent(deps: Deps, reportId: string, version: number, leftOut: RowNeedingAttention[] = []): Promise<DraftContent> {
  const report = await deps.repos.reports.get(reportId);
  const byReport = { where: [{ field: "reportId" as const, op: "eq" as const, value: report.id }] };
  // Rows a person broke in SharePoint are left out of the draft, and named in `leftOut` for the caller to say so.
  const [requestRead, contributionRead, ministryRead, consultationRead] = await Promise.all([
    readAll(deps.repos.requests, byReport),
    readAll(deps.repos.contributions, byReport),
    readAll(deps.repos.ministries),
    readAll(deps.repos.consultations, byReport),
  ]);
  for (const read of [requestRead, contributionRead, ministryRead, consultationRead]) leftOut.push(...read.needsAttention);
  const [requests, contributions, ministries, consultations] = [requestRead.items, contributionRead.items, ministryRead.items, consultationRead.items];
  const ministryName = new Map(ministries.map((m) => [m.id, m.name]));
  const latest = latestContributions(contributions);
  const recommendations = await recommendationsFor(deps, requests, report.mechanism, report.cycle, leftOut);

  const items = new Map<string, DraftItem>();
  for (const request of requests) {
    const subject = subjectOf(request, recommendations, report.questions);
    if (!subject) continue;
    const key = subjectKey(request.subject);
    let item = items.get(key);
    if (!item) items.set(key, (item = { subject, answers: [], gaps: [] }));
    const answer = latest.get(request.id);
    const name = ministryName.get(request.ministryId) ?? `Ministry ${request.ministryId}`;
    if (answer) {
      item.answers.push({
        requestId: request.id,
        contributionId: answer.id,
        ministryId: request.ministryId,
        ministryName: name,
        authorName: answer.authorName,
        answeredAt: answer.answeredAt,
        answeredOn: calendarDateAt(new Date(answer.answeredAt), report.timeZone),
        version: answer.version,
        text: answer.text,
        reportedStatus: answer.reportedStatus,
        attachments: answer.attachments.map(({ name: fileName, webUrl }) => ({ name: fileName, webUrl })),
      });
    } else if (isUnanswered(request.status) || request.status === "declined") {
      const gap: DraftGap = { requestId: request.id, ministryId: request.ministryId, ministryName: name, dueDate: request.dueDate, status: request.status };
      item.gaps.push(gap);
    }
  }
  const progress = await acceptedProgress(deps, new Set(recommendations.keys()), ministryName, report.timeZone, leftOut);
  for (const [recommendationId, entries] of progress) {
    const key = subjectKey({ kind: "recommendation", recommendationId });
    let item = items.get(key);
    if (!item && report.mechanism === "UPR") {
      const subject = recommendationSubject(recommendations.get(recommendationId)!);
      items.set(key, (item = { subject, answers: [], gaps: [] }));
    }
    if (item) item.progress = entries;
  }
  // The lead ministry's answer first, then the supporting ministries' by name.
  const leadRequests = new Set(requests.filter((r) => r.ministryRole === "lead").map((r) => r.id));
  const leadFirst = (requestId: string) => (leadRequests.has(requestId) ? 0 : 1);
  for (const item of items.values()) {
    item.answers.sort((a, b) => leadFirst(a.requestId) - leadFirst(b.requestId) || a.ministryName.localeCompare(b.ministryName));
  }

  const annex: AnnexRow[] = [...recommendations.values()]
    .map((r) => ({
      recommendationId: r.id,
      documentSymbol: r.documentSymbol,
      paragraph: r.paragraph,
      text: r.text,
      recommendingStates: r.recommendingStates,
      position: r.position,
      cluster: r.cluster,
      leadMinistry: r.leadMinistryId ? ministryName.get(r.leadMinistryId) : undefined,
      status: r.status,
    }))
    .sort((a, b) => a.documentSymbol.localeCompare(b.documentSymbol) || compareParagraphs(a.paragraph, b.paragraph));

  const now = deps.clock.now();
  return {
    report: {
      id: report.id,
      title: report.title,
      mechanism: report.mechanism,
      type: report.type,
      language: report.language,
      dueDate: report.dueDate,
      wordLimit: report.wordLimit,
      cycle: report.cycle,
      session: report.session,
      documentSymbol: report.documentSymbol,
    },
    version,
    compiledAt: now.toISOString(),
    compiledOn: calendarDateAt(now, report.timeZone),
    items: [...items.values()].sort(compareItems),
    annex,
    consultations: consultations
      .sort((a, b) => a.date.localeCompare(b.date))
      .map(({ stakeholder, kind, subject, date, endDate, format, participants, summary }) => ({ stakeholder, kind, subject, date, endDate, format, participants, summary })),
  };
}

/**
 * The latest accepted progress update of each action that implements one of the recommendations,
 * by recommendation (an action on three recommendations shows under each), in the order the
 * actions were reported on.
 */
async function acceptedProgress(
  deps: Deps,
  recommendationIds: ReadonlySet<string>,
  ministryName: Map<string, string>,
  timeZone: string,
  leftOut: RowNeedingAttention[],
): Promise<Map<string, DraftProgress[]>> {
  const byRecommendation = new Map<string, DraftProgress[]>();
  if (recommendationIds.size === 0) return byRecommendation;
  const [actionRead, updateRead] = await Promise.all([readAll(deps.repos.actions), readAll(deps.repos.progressUpdates, { where: [{ field: "review", op: "eq", value: "accepted" }] })]);
  leftOut.push(...actionRead.needsAttention, ...updateRead.needsAttention);
  const actions = new Map(actionRead.items.filter((a) => a.recommendationIds.some((id) => recommendationIds.has(id))).map((a) => [a.id, a]));
  const latest = new Map<string, (typeof updateRead.items)[number]>();
  for (const update of updateRead.items) {
    if (!actions.has(update.actionId)) continue;
    const current = latest.get(update.actionId);
    if (!current || update.version > current.version) latest.set(update.actionId, update);
  }
  const entries = [...latest.values()].sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
  for (const update of entries) {
    const action = actions.get(update.actionId)!;
    const entry: DraftProgress = {
      actionId: action.id,
      actionTitle: action.title,
      progressUpdateId: update.id,
      ministryId: update.ministryId,
      ministryName: ministryName.get(update.ministryId) ?? `Ministry ${update.ministryId}`,
      authorName: update.authorName,
      reportedAt: update.reportedAt,
      reportedOn: calendarDateAt(new Date(update.reportedAt), timeZone),
      text: update.text,
      actionStatus: update.reportedStatus,
      attachments: update.attachments.map(({ name, webUrl }) => ({ name, webUrl })),
    };
    for (const recommendationId of action.recommendationIds) {
      if (!recommendationIds.has(recommendationId)) continue;
      byRecommendation.set(recommendationId, [...(byRecommendation.get(recommendationId) ?? []), entry]);
    }
  }
  return byRecommendation;
}

function latestContributions(contributions: Stored<ContributionFields>[]): Map<string, Stored<ContributionFields>> {
  const latest = new Map<string, Stored<ContributionFields>>();
  for (const contribution of contributions) {
    const current = latest.get(contribution.requestId);
    if (!current || contribution.version > current.version) latest.set(contribution.requestId, contribution);
  }
  return latest;
}

/** The recommendations asked about, and for a UPR report of cycle n, every recommendation of cycle n − 1 (the annexed matrix). */
async function recommendationsFor(
  deps: Deps,
  requests: Stored<RequestFields>[],
  mechanism: string,
  cycle: number | undefined,
  leftOut: RowNeedingAttention[],
): Promise<Map<string, Stored<RecommendationFields>>> {
  const ids = new Set(requests.flatMap((r) => (r.recommendationId ? [r.recommendationId] : [])));
  const found = new Map<string, Stored<RecommendationFields>>();
  if (mechanism === "UPR" && cycle && cycle > 1) {
    const previousCycle = await queryAll(deps.repos.recommendations, { where: [{ field: "cycle", op: "eq", value: cycle - 1 }] });
    for (const r of previousCycle) if (r.mechanism === "UPR") found.set(r.id, r);
  }
  const missing = [...ids].filter((id) => !found.has(id));
  if (missing.length > 50) {
    const wanted = new Set(missing);
    for (const r of await queryAll(deps.repos.recommendations, { top: 1000 })) if (wanted.has(r.id)) found.set(r.id, r);
  } else {
    const read = (id: string) =>
      deps.repos.recommendations.get(id).catch((error: unknown) => {
        if (error instanceof NeedsAttentionError) leftOut.push(error.row);
        return undefined;
      });
    for (const r of await Promise.all(missing.map(read))) if (r) found.set(r.id, r);
  }
  return found;
}

function subjectOf(
  request: Stored<RequestFields>,
  recommendations: Map<string, Stored<RecommendationFields>>,
  questions: { number: string; text: string }[],
): DraftSubject | undefined {
  const subject = request.subject;
  switch (subject.kind) {
    case "recommendation": {
      const r = recommendations.get(subject.recommendationId);
      return r ? recommendationSubject(r) : undefined;
    }
    case "question":
      return { kind: "question", number: subject.number, text: questions.find((q) => q.number === subject.number)?.text ?? "" };
    case "section":
      return { kind: "section", section: subject.section, title: subject.title };
  }
}

function recommendationSubject(r: Stored<RecommendationFields>): DraftSubject {
  return {
    kind: "recommendation",
    recommendationId: r.id,
    documentSymbol: r.documentSymbol,
    paragraph: r.paragraph,
    text: r.text,
    recommendingStates: r.recommendingStates,
    position: r.position,
    cluster: r.cluster,
    themes: r.themes,
    status: r.status,
  };
}

const KIND_ORDER = { section: 0, question: 1, recommendation: 2 } as const;

function compareItems(a: DraftItem, b: DraftItem): number {
  const s = a.subject;
  const t = b.subject;
  if (s.kind !== t.kind) return KIND_ORDER[s.kind] - KIND_ORDER[t.kind];
  if (s.kind === "recommendation" && t.kind === "recommendation") {
    return (s.cluster ?? "\uffff").localeCompare(t.cluster ?? "\uffff") || s.documentSymbol.localeCompare(t.documentSymbol) || compareParagraphs(s.paragraph, t.paragraph);
  }
  if (s.kind === "question" && t.kind === "question") return compareParagraphs(s.number, t.number);
  if (s.kind === "section" && t.kind === "section") return compareParagraphs(s.section, t.section);
  return 0;
}
