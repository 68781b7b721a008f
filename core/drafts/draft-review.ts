import { InvalidStateError } from "../errors";
import type { CompiledDraft, DraftFields, ReviewState } from "./draft";

/** Whether a draft has its file (every state after compiling, but an interrupted compile). */
export function isCompiled<D extends Pick<DraftFields, "reviewState" | "fileId" | "webUrl" | "fileVersion" | "wordCount">>(draft: D): draft is D & Pick<CompiledDraft, "fileId" | "webUrl" | "fileVersion" | "wordCount"> {
  return draft.reviewState !== "compiling" && draft.reviewState !== "interrupted" && Boolean(draft.fileId && draft.webUrl && draft.fileVersion && draft.wordCount);
}

/**
 * The review of a draft version:
 *
 *   compiling → drafting → in-review → approved → submitted
 *       ╰→ interrupted (the compile stopped before its file was recorded)
 *                  ╰────→ returned → in-review (sent again, usually after edits in Word)
 */
export type ReviewEvent = "compiled" | "interrupt" | "send-for-approval" | "approve" | "return" | "submit";

const TRANSITIONS: Record<ReviewEvent, Partial<Record<ReviewState, ReviewState>>> = {
  compiled: { compiling: "drafting" },
  interrupt: { compiling: "interrupted" },
  "send-for-approval": { drafting: "in-review", returned: "in-review" },
  approve: { "in-review": "approved" },
  return: { "in-review": "returned" },
  submit: { approved: "submitted" },
};

const REFUSALS: Record<ReviewEvent, string> = {
  compiled: "only a draft being compiled can be recorded as compiled",
  interrupt: "only a draft being compiled can be interrupted",
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
