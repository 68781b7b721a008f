import type { Stored } from "../../core/records/common";
import type { DraftFields, ReviewFields } from "../../core/drafts/draft";
import type { ReportFields } from "../../core/reports/report";
import type { Directory } from "../../core/ports/directory";
import type { Repositories } from "../../core/ports/repository";

/** A round of approval with what the chair's card shows. */
export interface ReviewView {
  review: Stored<ReviewFields>;
  draft: Stored<DraftFields>;
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
  return { review, draft, report, requestedByName: requester?.displayName ?? review.requestedBy };
}
