import { InvalidStateError, ValidationError } from "../errors";
import { REQUEST_STATUSES, type RequestStatus } from "./request";
import { applyRequestEvent, canApply, type RequestEvent } from "./request-lifecycle";

const at = "2026-03-10T10:00:00.000Z";
const request = (status: RequestStatus) => ({ status, dueDate: "2026-03-20", statusBeforeClose: undefined, moreTimeRequestedUntil: "2026-04-01", latestVersion: 1 });

describe("the request lifecycle", () => {
  const everyStatus = [...REQUEST_STATUSES];
  const allowed: Record<RequestEvent["type"], RequestStatus[]> = {
    deliver: everyStatus,
    "fail-delivery": everyStatus,
    requeue: everyStatus,
    see: ["queued", "undeliverable", "sent", "seen", "answered", "overdue", "escalated", "extended", "declined"],
    answer: ["queued", "undeliverable", "sent", "seen", "answered", "overdue", "escalated", "extended", "declined"],
    "mark-overdue": ["undeliverable", "sent", "seen", "overdue", "escalated", "extended"],
    escalate: ["overdue", "escalated"],
    extend: ["queued", "undeliverable", "sent", "seen", "overdue", "escalated", "extended", "declined"],
    "ask-more-time": ["queued", "undeliverable", "sent", "seen", "answered", "overdue", "escalated", "extended", "declined"],
    decline: ["queued", "undeliverable", "sent", "seen", "overdue", "escalated", "extended", "declined"],
    close: ["queued", "undeliverable", "sent", "seen", "answered", "overdue", "escalated", "extended", "declined"],
    reopen: ["closed"],
    "grant-more-time": ["queued", "undeliverable", "sent", "seen", "overdue", "escalated", "extended", "declined"],
    "refuse-more-time": ["queued", "undeliverable", "sent", "seen", "answered", "overdue", "escalated", "extended", "declined"],
    reassign: ["queued", "undeliverable", "sent", "seen", "overdue", "escalated", "extended", "declined"],
    "accept-answer": ["answered"],
    "return-answer": ["answered"],
  };
  const events: Record<RequestEvent["type"], RequestEvent> = {
    deliver: { type: "deliver", at },
    "fail-delivery": { type: "fail-delivery", reason: "unreachable" },
    requeue: { type: "requeue" },
    see: { type: "see", at },
    answer: { type: "answer", at },
    "mark-overdue": { type: "mark-overdue" },
    escalate: { type: "escalate" },
    extend: { type: "extend", until: "2026-04-01" },
    "ask-more-time": { type: "ask-more-time", until: "2026-04-01", reason: "The figures come out in March." },
    decline: { type: "decline", reason: "Belongs to the Ministry of Health" },
    close: { type: "close", at },
    reopen: { type: "reopen" },
    "grant-more-time": { type: "grant-more-time", until: "2026-04-01" },
    "refuse-more-time": { type: "refuse-more-time" },
    reassign: { type: "reassign", at, toRequestId: "9", toMinistryId: "2" },
    "accept-answer": { type: "accept-answer", at, version: 1 },
    "return-answer": { type: "return-answer", at, comment: "Give the budget" },
  };

  for (const [event, statuses] of Object.entries(allowed) as [RequestEvent["type"], RequestStatus[]][]) {
    for (const status of REQUEST_STATUSES) {
      const verdict = statuses.includes(status) ? "allows" : "refuses";
      it(`${verdict} '${event}' when the request is ${status}`, () => {
        expect(canApply(status, event)).toBe(statuses.includes(status));
        if (statuses.includes(status)) expect(() => applyRequestEvent(request(status), events[event])).not.toThrow();
        else expect(() => applyRequestEvent(request(status), events[event])).toThrow(InvalidStateError);
      });
    }
  }

  it("records when a request was answered, and answering again keeps it answered", () => {
    expect(applyRequestEvent(request("seen"), { type: "answer", at })).toEqual({ status: "answered", answeredAt: at });
    expect(applyRequestEvent(request("answered"), { type: "answer", at })).toEqual({ status: "answered", answeredAt: at });
  });

  it("refuses to answer a closed request, saying why", () => {
    expect(() => applyRequestEvent(request("closed"), { type: "answer", at })).toThrow("closed");
  });

  it("only moves a due date later", () => {
    expect(applyRequestEvent(request("overdue"), { type: "extend", until: "2026-04-01" })).toEqual({ status: "extended", dueDate: "2026-04-01" });
    expect(() => applyRequestEvent(request("overdue"), { type: "extend", until: "2026-03-20" })).toThrow(ValidationError);
  });

  it("asks for more time only for a date after the due date, with a reason, while the request is open; its status stays", () => {
    expect(applyRequestEvent(request("overdue"), { type: "ask-more-time", until: "2026-04-01", reason: " Figures in March " })).toEqual({ moreTimeRequestedUntil: "2026-04-01", moreTimeReason: "Figures in March" });
    expect(() => applyRequestEvent(request("seen"), { type: "ask-more-time", until: "2026-03-20", reason: "Figures" })).toThrow(ValidationError);
    expect(() => applyRequestEvent(request("seen"), { type: "ask-more-time", until: "2026-03-21", reason: "  " })).toThrow(ValidationError);
    expect(() => applyRequestEvent(request("closed"), { type: "ask-more-time", until: "2026-04-01", reason: "Figures" })).toThrow(InvalidStateError);
  });

  it("reopens a closed request in the state it was closed in", () => {
    const closed = applyRequestEvent(request("answered"), { type: "close", at });
    expect(closed).toMatchObject({ status: "closed", statusBeforeClose: "answered" });
    expect(applyRequestEvent({ ...request("closed"), statusBeforeClose: "answered" }, { type: "reopen" })).toMatchObject({ status: "answered" });
  });

  it("is sent only when Teams accepted a card, and undeliverable only while no card reached anyone", () => {
    expect(applyRequestEvent(request("queued"), { type: "deliver", at })).toMatchObject({ status: "sent", sentAt: at });
    expect(applyRequestEvent(request("undeliverable"), { type: "deliver", at })).toMatchObject({ status: "sent", sentAt: at, undeliverableReason: undefined });
    expect(applyRequestEvent(request("queued"), { type: "fail-delivery", reason: "no-focal-point" })).toEqual({ status: "undeliverable", undeliverableReason: "no-focal-point", undeliverableDetail: undefined });
    // A request someone already received stays as it is when another of its cards fails.
    expect(applyRequestEvent(request("seen"), { type: "fail-delivery", reason: "unreachable" })).toEqual({});
    expect(applyRequestEvent(request("undeliverable"), { type: "requeue" })).toMatchObject({ status: "queued" });
    expect(applyRequestEvent(request("answered"), { type: "requeue" })).toEqual({});
  });

  it("gives a request whose card has not gone out yet more time without pretending it was sent", () => {
    expect(applyRequestEvent(request("queued"), { type: "extend", until: "2026-04-01" })).toEqual({ status: "queued", dueDate: "2026-04-01" });
  });

  it("changes nothing when marking a seen request as seen", () => {
    expect(applyRequestEvent(request("seen"), { type: "see", at })).toEqual({});
  });
});
