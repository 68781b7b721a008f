/**
 * The dashboard's requests needing attention: open requests past their due date, and those due
 * today or within the next days, each judged in its report's time zone (a request due on
 * 29 March is overdue from 00:00 on 30 March there, as the reminder scheduler judges it).
 */
import type { Stored } from "../records/common";
import type { ReportFields } from "../reports/report";
import type { RequestFields } from "./request";
import { addDays, calendarDateAt, daysBetween } from "../calendar/calendar";
import { isOverdue } from "../reminders/reminder-schedule";
import { isAwaitingAnswer } from "./request-lifecycle";

type Request = Stored<RequestFields>;
type Report = Pick<Stored<ReportFields>, "id" | "status" | "timeZone">;

export interface DueRequest<R extends Request = Request> {
  request: R;
  /** Days from today in the report's time zone to the due date: 0 on the day, negative when overdue. */
  daysLeft: number;
}

export interface DueRequests<R extends Request = Request> {
  /** Most overdue first. */
  overdue: DueRequest<R>[];
  /** Soonest due first. */
  dueSoon: DueRequest<R>[];
  /** Requests whose card reached nobody (soonest due first): the secretariat has to act on them. */
  undeliverable: DueRequest<R>[];
}

/**
 * Sorts the open requests of reports still in progress into overdue and due soon. `reports`
 * holds the reports the caller may read: a request of another report is left out.
 */
export function dueRequests<R extends Request>(requests: readonly R[], reports: ReadonlyMap<string, Report>, now: Date, horizonDays: number): DueRequests<R> {
  const overdue: DueRequest<R>[] = [];
  const dueSoon: DueRequest<R>[] = [];
  const undeliverable: DueRequest<R>[] = [];
  const todayIn = new Map<string, string>();
  for (const request of requests) {
    if (!isAwaitingAnswer(request.status) && request.status !== "undeliverable") continue;
    const report = reports.get(request.reportId);
    if (!report || report.status === "submitted") continue;
    let today = todayIn.get(report.timeZone);
    if (!today) {
      today = calendarDateAt(now, report.timeZone);
      todayIn.set(report.timeZone, today);
    }
    const daysLeft = daysBetween(today, request.dueDate);
    // A card that reached nobody is the secretariat's to act on, late or not (a late one is escalated too).
    if (request.undeliverableReason) undeliverable.push({ request, daysLeft });
    if (request.status === "undeliverable") continue;
    if (isOverdue(request, report.timeZone, now) || request.status === "overdue" || request.status === "escalated") overdue.push({ request, daysLeft });
    else if (request.dueDate >= today && request.dueDate <= addDays(today, horizonDays)) dueSoon.push({ request, daysLeft });
  }
  const byDueDate = (a: DueRequest<R>, b: DueRequest<R>) => a.request.dueDate.localeCompare(b.request.dueDate) || Number(a.request.id) - Number(b.request.id) || a.request.id.localeCompare(b.request.id);
  return { overdue: overdue.sort(byDueDate), dueSoon: dueSoon.sort(byDueDate), undeliverable: undeliverable.sort(byDueDate) };
}
