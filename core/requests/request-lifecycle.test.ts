import { InvalidStateError, ValidationError } from "../errors";
import { REQUEST_STATUSES, type RequestStatus } from "./request";
import { applyRequestEvent, canApply, type RequestEvent } from "./request-lifecycle";

const at = "2026-03-10T10:00:00.000Z";
const request = (status: RequestStatus) => ({ status, dueDate: "2026-03-20", statusBeforeClose: undefined });

describe("the request lifecycle", () => {
  const allowed: Record<RequestEvent["type"], RequestStatus[]> = {
    see: ["sent", "seen", "answered", "overdue", "escalated", "extended", "declined"],
    answer: ["sent", "seen", "answered", "overdue", "escalated", "extended", "declined"],
    "mark-overdue": ["sent", "seen", "overdue", "escalated", "extended"],
    escalate: ["overdue", "escalated"],
    extend: ["sent", "seen", "overdue", "escalated", "extended", "declined"],
    decline: ["sent", "seen", "overdue", "escalated", "extended", "declined"],
    close: ["sent", "seen", "answered", "overdue", "escalated", "extended", "declined"],
    reopen: ["closed"],
  };
  const events: Record<RequestEvent["type"], RequestEvent> = {
    see: { type: "see", at },
    answer: { type: "answer", at },
    "mark-overdue": { type: "mark-overdue" },
    escalate: { type: "escalate" },
    extend: { type: "extend", until: "2026-04-01" },
    decline: { type: "decline", reason: "Belongs to the Ministry of Health" },
    close: { type: "close", at },
    reopen: { type: "reopen" },
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

  it("reopens a closed request in the state it was closed in", () => {
    const closed = applyRequestEvent(request("answered"), { type: "close", at });
    expect(closed).toMatchObject({ status: "closed", statusBeforeClose: "answered" });
    expect(applyRequestEvent({ ...request("closed"), statusBeforeClose: "answered" }, { type: "reopen" })).toMatchObject({ status: "answered" });
  });

  it("changes nothing when marking a seen request as seen", () => {
    expect(applyRequestEvent(request("seen"), { type: "see", at })).toEqual({});
  });
});
