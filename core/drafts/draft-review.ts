import { InvalidStateError } from "../errors";
import type { ReviewState } from "./draft";

/**
 * The review of a draft version:
 *
 *   drafting → in-review → approved → submitted
 *                  ╰────→ returned → in-review (sent again, usually after edits in Word)
 */
export type ReviewEvent = "send-for-approval" | "approve" | "return" | "submit";

const TRANSITIONS: Record<ReviewEvent, Partial<Record<ReviewState, ReviewState>>> = {
  "send-for-approval": { drafting: "in-review", returned: "in-review" },
  approve: { "in-review": "approved" },
  return: { "in-review": "returned" },
  submit: { approved: "submitted" },
};

const REFUSALS: Record<ReviewEvent, string> = {
  "send-for-approval": "only a draft being written, or one the chair returned, can be sent for approval",
  approve: "only a draft in review can be approved",
  return: "only a draft in review can be returned",
  submit: "only an approved draft can be submitted",
};

export function nextReviewState(state: ReviewState, event: ReviewEvent): ReviewState {
  const next = TRANSITIONS[event][state];
  if (!next) throw new InvalidStateError(REFUSALS[event], state, event);
  return next;
}

export function canReview(state: ReviewState, event: ReviewEvent): boolean {
  return TRANSITIONS[event][state] !== undefined;
}
