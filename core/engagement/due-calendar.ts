/**
 * What is due across the mechanism's engagement, day by day: visits requested (their dates,
 * awaiting the State's reply), proposed and agreed, the programme's meetings, replies to
 * communications, reports and consultations. Each person reads what they may: visits and
 * communications not by observers, reports and their consultations as shared.
 */
import { z } from "zod";
import { can, authorize, type Actor } from "../auth/policy";
import { calendarDateAt, daysBetween } from "../calendar/calendar";
import { queryAll } from "../ports/repository";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { calendarDateSchema, recordIdSchema } from "../records/common";
import { parseOrThrow } from "../records/validate";

/** The longest span one read covers. */
export const CALENDAR_MAX_DAYS = 400;

export const CALENDAR_ENTRY_KINDS = ["visit-requested", "visit-proposed", "visit", "visit-meeting", "communication-reply", "report", "consultation"] as const;
export type CalendarEntryKind = (typeof CALENDAR_ENTRY_KINDS)[number];

export const calendarQuerySchema = z
  .strictObject({ from: calendarDateSchema, to: calendarDateSchema })
  .refine((q) => q.to >= q.from, { path: ["to"], message: "The end of the period is before its start" })
  .refine((q) => q.to < q.from || daysBetween(q.from, q.to) <= CALENDAR_MAX_DAYS, { path: ["to"], message: `at most ${CALENDAR_MAX_DAYS} days at a time` });
export type CalendarQuery = z.input<typeof calendarQuerySchema>;

export const calendarEntrySchema = z.object({
  kind: z.enum(CALENDAR_ENTRY_KINDS),
  /** The day it is due or begins, and the last day of what lasts several. */
  date: calendarDateSchema,
  endDate: calendarDateSchema.optional(),
  /** Values, not words: the tab names each entry in the person's language. */
  title: z.string(),
  /** The record it comes from, to open it. */
  source: z.object({ list: z.enum(["visits", "communications", "reports", "consultations"]), id: recordIdSchema }),
  /** The status of the record (a visit's, a communication's, a report's). */
  status: z.string().optional(),
  /** Due and not done, and the day is past (in the record's time zone). */
  overdue: z.boolean(),
});
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;
export const calendarSchema = z.object({ from: calendarDateSchema, to: calendarDateSchema, items: z.array(calendarEntrySchema) });

type Deps = Pick<UseCaseDeps, "repos" | "clock">;

function overlaps(entry: { date: string; endDate?: string }, from: string, to: string): boolean {
  return entry.date <= to && (entry.endDate ?? entry.date) >= from;
}

export async function readCalendar(deps: Deps, query: CalendarQuery, actor: Actor): Promise<z.infer<typeof calendarSchema>> {
  authorize(actor, { kind: "read" });
  const { from, to } = parseOrThrow(calendarQuerySchema, query, "The period");
  const now = deps.clock.now();
  const past = (date: string, timeZone: string) => date < calendarDateAt(now, timeZone);
  const specialProcedures = can(actor, { kind: "read-special-procedures" });
  const [reports, consultations, visits, communications] = await Promise.all([
    queryAll(deps.repos.reports),
    queryAll(deps.repos.consultations),
    specialProcedures ? queryAll(deps.repos.visits) : [],
    specialProcedures ? queryAll(deps.repos.communications) : [],
  ]);
  const entries: CalendarEntry[] = [];

  for (const visit of visits) {
    const source = { list: "visits" as const, id: visit.id };
    const base = { title: visit.mandate, source, status: visit.status };
    if ((visit.status === "requested" || visit.status === "dates-proposed") && visit.requestedFrom) entries.push({ ...base, kind: "visit-requested", date: visit.requestedFrom, endDate: visit.requestedTo, overdue: false });
    if (visit.status === "dates-proposed" && visit.proposedFrom) entries.push({ ...base, kind: "visit-proposed", date: visit.proposedFrom, endDate: visit.proposedTo, overdue: false });
    if ((visit.status === "scheduled" || visit.status === "completed" || visit.status === "reported") && visit.agreedFrom) {
      entries.push({ ...base, kind: "visit", date: visit.agreedFrom, endDate: visit.agreedTo, overdue: false });
      for (const meeting of visit.programme) entries.push({ ...base, kind: "visit-meeting", title: `${visit.mandate}: ${meeting.with}`, date: meeting.date, overdue: false });
    }
  }
  const replyReports = new Set<string>();
  for (const communication of communications) {
    if (communication.reportId) replyReports.add(communication.reportId);
    const done = communication.status === "replied";
    entries.push({ kind: "communication-reply", date: communication.replyDueDate, title: communication.reference, source: { list: "communications", id: communication.id }, status: communication.status, overdue: !done && past(communication.replyDueDate, communication.timeZone) });
  }
  const visitReports = new Set(visits.flatMap((v) => (v.reportId ? [v.reportId] : [])));
  const readable = new Map(reports.filter((r) => can(actor, { kind: "read-record", sharedWithObservers: r.sharedWithObservers })).map((r) => [r.id, r]));
  for (const report of readable.values()) {
    // A communication's reply is due as the communication; a visit's report has no due date of its own.
    if (replyReports.has(report.id) || visitReports.has(report.id) || report.type === "visit") continue;
    entries.push({ kind: "report", date: report.dueDate, title: report.title, source: { list: "reports", id: report.id }, status: report.status, overdue: report.status !== "submitted" && past(report.dueDate, report.timeZone) });
  }
  const everything = can(actor, { kind: "read-record", sharedWithObservers: false });
  for (const consultation of consultations) {
    if (!everything && !(consultation.reportId && readable.has(consultation.reportId))) continue;
    entries.push({ kind: "consultation", date: consultation.date, endDate: consultation.endDate, title: `${consultation.stakeholder}: ${consultation.subject}`, source: { list: "consultations", id: consultation.id }, overdue: false });
  }
  const order = (kind: CalendarEntryKind) => CALENDAR_ENTRY_KINDS.indexOf(kind);
  const items = entries.filter((e) => overlaps(e, from, to)).sort((a, b) => a.date.localeCompare(b.date) || order(a.kind) - order(b.kind) || a.title.localeCompare(b.title));
  return { from, to, items };
}
