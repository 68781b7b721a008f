import { DEFAULT_REMINDER_POLICY } from "../reports/report";
import type { RequestStatus } from "../requests/request";
import { dueNotices, isOverdue } from "./reminder-schedule";

const zone = "Europe/Ljubljana";
const policy = DEFAULT_REMINDER_POLICY; // 7 and 2 days before, on the due date, at 09:00; escalate 1 day late

function request(overrides: { status?: RequestStatus; dueDate?: string; sentAt?: string; notices?: string[] } = {}) {
  return { status: "sent" as RequestStatus, dueDate: "2026-04-05", sentAt: "2026-03-01T09:00:00.000Z", notices: [], ...overrides };
}

describe("the reminder and escalation schedule", () => {
  it("is quiet until the first reminder's time", () => {
    expect(dueNotices(request(), policy, zone, new Date("2026-03-29T06:59:59Z"))).toEqual([]);
  });

  it("reminds at 09:00 local time seven days before, on a daylight-saving day", () => {
    // 29 March 2026 is the spring change in Ljubljana: 09:00 there is 07:00 UTC.
    const [notice, ...rest] = dueNotices(request(), policy, zone, new Date("2026-03-29T07:00:00Z"));
    expect(rest).toEqual([]);
    expect(notice).toMatchObject({ kind: "reminder", recipientRole: "technical", daysBefore: 7, key: "reminder:2026-04-05:7" });
    expect(notice!.at.toISOString()).toBe("2026-03-29T07:00:00.000Z");
  });

  it("never gives the same reminder twice", () => {
    const first = dueNotices(request(), policy, zone, new Date("2026-03-29T08:00:00Z"));
    const again = dueNotices(request({ notices: first.map((n) => n.key) }), policy, zone, new Date("2026-03-30T08:00:00Z"));
    expect(again).toEqual([]);
  });

  it("gives only the latest of several missed reminders", () => {
    const notices = dueNotices(request(), policy, zone, new Date("2026-04-04T10:00:00Z"));
    expect(notices.map((n) => n.key)).toEqual(["reminder:2026-04-05:2"]);
  });

  it("does not remind of a request sent after the reminder's time", () => {
    const late = request({ sentAt: "2026-04-01T12:00:00.000Z" });
    expect(dueNotices(late, policy, zone, new Date("2026-04-02T10:00:00Z"))).toEqual([]);
    expect(dueNotices(late, policy, zone, new Date("2026-04-03T07:00:00Z")).map((n) => n.key)).toEqual(["reminder:2026-04-05:2"]);
  });

  it("reminds on the due date, then escalates to the senior focal point one day late, once", () => {
    const onTheDay = dueNotices(request({ notices: ["reminder:2026-04-05:2"] }), policy, zone, new Date("2026-04-05T07:00:00Z"));
    expect(onTheDay.map((n) => n.key)).toEqual(["reminder:2026-04-05:0"]);
    const late = dueNotices(request({ status: "overdue", notices: ["reminder:2026-04-05:0"] }), policy, zone, new Date("2026-04-06T07:00:00Z"));
    expect(late).toMatchObject([{ kind: "escalation", recipientRole: "senior", daysLate: 1, key: "escalation:2026-04-05:1" }]);
    const later = dueNotices(request({ status: "escalated", notices: ["escalation:2026-04-05:1"] }), policy, zone, new Date("2026-04-09T07:00:00Z"));
    expect(later).toEqual([]);
  });

  it("says nothing about an answered, declined or closed request", () => {
    for (const status of ["answered", "declined", "closed"] as const) {
      expect(dueNotices(request({ status }), policy, zone, new Date("2026-04-06T07:00:00Z"))).toEqual([]);
    }
  });

  it("starts a new schedule when the due date moves", () => {
    const extended = request({ status: "extended", dueDate: "2026-04-20", notices: ["reminder:2026-04-05:2", "escalation:2026-04-05:1"] });
    expect(dueNotices(extended, policy, zone, new Date("2026-04-13T07:00:00Z")).map((n) => n.key)).toEqual(["reminder:2026-04-20:7"]);
  });

  it("counts a request overdue from local midnight after its due date", () => {
    // Due 29 March (the spring change): overdue from 00:00 on 30 March in Ljubljana, 22:00 UTC the day before.
    const due = request({ dueDate: "2026-03-29" });
    expect(isOverdue(due, zone, new Date("2026-03-29T21:59:59Z"))).toBe(false);
    expect(isOverdue(due, zone, new Date("2026-03-29T22:00:00Z"))).toBe(true);
    expect(isOverdue({ ...due, status: "answered" }, zone, new Date("2026-04-10T00:00:00Z"))).toBe(false);
  });
});
