import { InvalidStateError } from "../errors";
import { REVIEW_STATES, type ReviewState } from "./draft";
import { canReview, nextReviewState, type ReviewEvent } from "./draft-review";

describe("the draft review state machine", () => {
  const allowed: [ReviewState, ReviewEvent, ReviewState][] = [
    ["compiling", "compiled", "drafting"],
    ["compiling", "interrupt", "interrupted"],
    ["drafting", "send-for-approval", "in-review"],
    ["returned", "send-for-approval", "in-review"],
    ["in-review", "approve", "approved"],
    ["in-review", "return", "returned"],
    ["approved", "submit", "submitted"],
  ];
  it.each(allowed)("%s --%s--> %s", (from, event, to) => {
    expect(nextReviewState(from, event)).toBe(to);
  });

  const events: ReviewEvent[] = ["compiled", "interrupt", "send-for-approval", "approve", "return", "submit"];
  const refused = REVIEW_STATES.flatMap((state) => events.map((event) => [state, event] as const)).filter(
    ([state, event]) => !allowed.some(([from, e]) => from === state && e === event),
  );
  it.each(refused)("refuses %s --%s-->", (state, event) => {
    expect(canReview(state, event)).toBe(false);
    expect(() => nextReviewState(state, event)).toThrow(InvalidStateError);
  });

  it("never lets a draft be approved without going through review", () => {
    expect(() => nextReviewState("drafting", "approve")).toThrow("only a draft in review can be approved");
  });
});
