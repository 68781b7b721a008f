import type { Stored } from "../../core/records/common";
import type { CompiledDraft, ReviewFields } from "../../core/drafts/draft";
import { isCompiled } from "../../core/drafts/draft-review";
import { InvalidStateError } from "../../core/errors";
import type { ReportFields } from "../../core/reports/report";
import type { Directory } from "../../core/ports/directory";
import type { Repositories } from "../../core/ports/repository";

/** A round of approval with what the chair's card shows. */
export interface ReviewView {
  review: Stored<ReviewFields>;
  draft: Stored<CompiledDraft>;
  report: Stored<ReportFields>;
  requestedByName: string;
}

export async function loadReviewView(deps: { repos: Repositories; directory: Directory }, reviewId: string): Promise<ReviewView> {
  const review = await deps.repos.reviews.get(reviewId);
  const [draft, report, requester] = await Promise.all([
    deps.repos.drafts.get(review.draftId),
    deps.repos.reports.get(review.reportId),
    deps.directory.getUser(review.requestedBy),
  ]);
  // A review is only ever made of a compiled draft (sendDraftForApproval refuses any other).
  if (!isCompiled(draft)) throw new InvalidStateError("this draft has no file yet", draft.reviewState, "review");
  return { review, draft, report, requestedByName: requester?.displayName ?? review.requestedBy };
}
