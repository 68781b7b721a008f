import type { Stored } from "../records/common";
import type { RequestFields, RequestStatus } from "./request";
import { dueRequests } from "./due-requests";

function request(id: string, reportId: string, dueDate: string, status: RequestStatus = "sent"): Stored<RequestFields> {
  return {
    id,
    eTag: `e${id}`,
    key: `${reportId}|q:${id}|3`,
    reportId,
    subject: { kind: "question", number: id },
    ministryId: "3",
    ministryRole: "lead",
    ask: "Please reply.",
    dueDate,
    status,
    sentAt: "2026-03-01T09:00:00.000Z",
    createdBy: "secretariat-1",
    latestVersion: 0,
    notices: [],
  };
}

// 12:00 UTC on 29 March 2026: already 30 March in Auckland (UTC+13), still 29 March in Los Angeles (UTC-7).
const NOW = new Date("2026-03-29T12:00:00.000Z");
const reports = new Map([
  ["nz", { id: "nz", status: "collecting" as const, timeZone: "Pacific/Auckland" }],
  ["us", { id: "us", status: "collecting" as const, timeZone: "America/Los_Angeles" }],
  ["done", { id: "done", status: "submitted" as const, timeZone: "UTC" }],
]);

describe("requests needing attention", () => {
  test("a request due on 29 March is overdue where that day has ended, and due today where it has not", () => {
    const due = dueRequests([request("1", "nz", "2026-03-29"), request("2", "us", "2026-03-29")], reports, NOW, 14);
    expect(due.overdue.map((d) => [d.request.id, d.daysLeft])).toEqual([["1", -1]]);
    expect(due.dueSoon.map((d) => [d.request.id, d.daysLeft])).toEqual([["2", 0]]);
  });

  test("due soon runs from today to 14 days ahead inclusive, soonest first; later ones wait", () => {
    const due = dueRequests([request("3", "us", "2026-04-12"), request("4", "us", "2026-04-13"), request("5", "us", "2026-04-01", "extended"), request("6", "us", "2026-03-30", "seen")], reports, NOW, 14);
    expect(due.dueSoon.map((d) => d.request.id)).toEqual(["6", "5", "3"]);
    expect(due.overdue).toEqual([]);
  });

  test("answered, declined and closed requests, submitted reports and reports the caller may not read are left out", () => {
    const due = dueRequests(
      [request("7", "us", "2026-03-01", "answered"), request("8", "us", "2026-03-01", "declined"), request("9", "us", "2026-03-01", "closed"), request("10", "done", "2026-03-01"), request("11", "hidden", "2026-03-01")],
      reports,
      NOW,
      14,
    );
    expect(due).toEqual({ overdue: [], dueSoon: [], undeliverable: [] });
  });

  test("overdue and escalated requests come most overdue first", () => {
    const due = dueRequests([request("12", "us", "2026-03-20", "overdue"), request("13", "us", "2026-03-02", "escalated"), request("14", "nz", "2026-03-25")], reports, NOW, 14);
    expect(due.overdue.map((d) => d.request.id)).toEqual(["13", "12", "14"]);
  });
});
