/**
 * Reading drafts and their approval. The internal file of a draft holds every ministry's
 * answers, the recommendations not shared with observers (in the annex, with their ministries
 * and statuses) and, in its comments, the names of the focal points. Those who read all of that
 * (core/auth/policy.ts, `accessToDraft`) get it; everyone else who may read the report gets the
 * draft as it is shared with observers: the approved file, or a version rendered for them.
 */
import { accessToDraft, authorize, requireAccess, type Actor } from "../auth/policy";
import { InvalidStateError } from "../errors";
import { queryAll } from "../ports/repository";
import { rulesOf, viewsOf, type UseCaseDeps } from "../ports/use-case-deps";
import type { Stored } from "../records/common";
import type { ReportFields } from "../reports/report";
import { assembleDraftContent } from "./assemble-draft";
import { draftLocation } from "./compile-draft";
import type { CompiledDraft, DraftFields, ReviewFields } from "./draft";
import { isCompiled } from "./draft-review";
import type { DraftContent } from "./draft-content";
import { approvalKey } from "./review-draft";

type Deps = Pick<UseCaseDeps, "repos" | "rules">;

export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

async function draftAccess(deps: Deps, actor: Actor, reportId: string): Promise<{ report: Stored<ReportFields>; level: "full" | "shared" }> {
  authorize(actor, { kind: "read" });
  const report = await deps.repos.reports.get(reportId);
  return { report, level: requireAccess(accessToDraft(actor, report, rulesOf(deps))) };
}

/** What the "shared" level shows of a draft record: not which requests are still unanswered. */
function sharedDraft(draft: Stored<DraftFields>): Stored<DraftFields> {
  return { ...draft, unansweredRequestIds: [] };
}

/** A report's drafts, newest first. */
export async function listDrafts(deps: Deps, reportId: string, actor: Actor): Promise<Stored<DraftFields>[]> {
  const { report, level } = await draftAccess(deps, actor, reportId);
  const drafts = await queryAll(deps.repos.drafts, { where: [{ field: "reportId", op: "eq", value: report.id }] });
  return drafts.sort((a, b) => b.version - a.version).map((d) => (level === "full" ? d : sharedDraft(d)));
}

/** One draft with every round of its review (the chair's comments: for those who read the internal draft). */
export async function readDraft(deps: Deps, draftId: string, actor: Actor): Promise<Stored<DraftFields> & { reviews: Stored<ReviewFields>[] }> {
  authorize(actor, { kind: "read" });
  const draft = await deps.repos.drafts.get(draftId);
  const { level } = await draftAccess(deps, actor, draft.reportId);
  if (level !== "full") return { ...sharedDraft(draft), reviews: [] };
  const reviews = await queryAll(deps.repos.reviews, { where: [{ field: "draftId", op: "eq", value: draft.id }] });
  return { ...draft, reviews: reviews.sort((a, b) => b.requestedAt.localeCompare(a.requestedAt)) };
}

export interface DraftFile {
  content: Uint8Array;
  fileName: string;
  contentType: string;
  /** "internal": the file in the Drafts library; "approved": the file as the chair approved it; "observers": rendered for observers. */
  edition: "internal" | "approved" | "observers";
}

/**
 * A draft's .docx as the reader may have it: the internal file for those who read it all; for
 * the others the file the chair approved, when it is unchanged since, or else the draft
 * rendered for observers (only what is shared with them, no focal point named, no links into
 * the Evidence library, no placeholders for unanswered requests).
 */
export async function readDraftFile(deps: Deps & Pick<UseCaseDeps, "clock" | "documents" | "renderer" | "views">, draftId: string, actor: Actor): Promise<DraftFile> {
  authorize(actor, { kind: "read" });
  const draft = await deps.repos.drafts.get(draftId);
  const { report, level } = await draftAccess(deps, actor, draft.reportId);
  if (!draft.fileId) throw new InvalidStateError("this draft is still being compiled, or its compile was interrupted: it has no file", draft.reviewState, "download");
  if (level === "full") {
    const { file, content } = await deps.documents.get("Drafts", draft.fileId);
    return { content, fileName: file.name, contentType: DOCX_CONTENT_TYPE, edition: "internal" };
  }
  if (draft.reviewState === "approved" || draft.reviewState === "submitted") {
    const reviews = await queryAll(deps.repos.reviews, { where: [{ field: "draftId", op: "eq", value: draft.id }] });
    const approval = reviews.filter((r) => r.decision === "approved").sort((a, b) => (b.decidedAt ?? "").localeCompare(a.decidedAt ?? ""))[0];
    const { file, content } = await deps.documents.get("Drafts", draft.fileId);
    if (approval?.decidedFileVersion && approval.decidedFileVersion === file.version) {
      return { content, fileName: file.name, contentType: DOCX_CONTENT_TYPE, edition: "approved" };
    }
  }
  const content = forObservers(await assembleDraftContent(deps, report.id, draft.version), new Set((await viewsOf(deps).recommendations.all()).filter((r) => r.sharedWithObservers).map((r) => r.id)));
  const rendered = await deps.renderer.render(content);
  const { fileName } = draftLocation(report, draft.version);
  return { content: rendered.content, fileName: fileName.replace(/\.docx$/, " (for observers).docx"), contentType: DOCX_CONTENT_TYPE, edition: "observers" };
}

/**
 * A draft's content as it is shared with observers: the recommendations shared with them and
 * the answers about them, without the focal points' names or the files' links; questions and
 * sections of the (shared) report with their answers; no placeholder for a missing answer.
 */
export function forObservers(content: DraftContent, sharedRecommendationIds: ReadonlySet<string>): DraftContent {
  const shared = (id: string) => sharedRecommendationIds.has(id);
  return {
    ...content,
    items: content.items
      .filter((item) => item.subject.kind !== "recommendation" || shared(item.subject.recommendationId))
      .map((item) => ({
        ...item,
        gaps: [],
        answers: item.answers.map((answer) => ({ ...answer, authorName: "", attachments: [] })),
        ...(item.progress ? { progress: item.progress.map((entry) => ({ ...entry, authorName: "", attachments: [] })) } : {}),
      }))
      .filter((item) => item.answers.length > 0 || (item.progress?.length ?? 0) > 0),
    annex: content.annex.filter((row) => shared(row.recommendationId)),
  };
}

/** A round of approval with what the chair's card shows. */
export interface ReviewView {
  review: Stored<ReviewFields>;
  draft: Stored<CompiledDraft>;
  report: Stored<ReportFields>;
  requestedByName: string;
  /** Who holds a copy of the approval card (the chairs and whoever it was sent to): their cards refresh. */
  viewerIds: string[];
}

/** A round of approval: for the chair, the secretariat and administrators. */
export async function readReview(deps: Pick<UseCaseDeps, "repos" | "directory">, reviewId: string, actor: Actor): Promise<ReviewView> {
  authorize(actor, { kind: "read-review" });
  return readReviewForDelivery(deps, reviewId);
}

/** A round of approval as the approval and decision cards core queued show it (to the chairs and the sender: decided when queued). */
export async function readReviewForDelivery(deps: Pick<UseCaseDeps, "repos" | "directory">, reviewId: string): Promise<ReviewView> {
  const review = await deps.repos.reviews.get(reviewId);
  const [draft, report, requester, cards, chairs] = await Promise.all([
    deps.repos.drafts.get(review.draftId),
    deps.repos.reports.get(review.reportId),
    deps.directory.getUser(review.requestedBy),
    queryAll(deps.repos.outbox, { where: [{ field: "key", op: "startswith", value: approvalKey(reviewId, "") }] }),
    deps.directory.usersWithRole("Chair"),
  ]);
  // A review is only ever made of a compiled draft (sendDraftForApproval refuses any other).
  if (!isCompiled(draft)) throw new InvalidStateError("this draft has no file yet", draft.reviewState, "review");
  const viewerIds = [...new Set([...chairs.map((c) => c.id), ...cards.map((c) => c.recipientId)])];
  return { review, draft, report, requestedByName: requester?.displayName ?? review.requestedBy, viewerIds };
}
