/**
 * Visits of special procedures and other independent bodies, as the secretariat hosts them:
 * the request, the State's reply, the agreed dates, the programme and the ministries asked to
 * host or brief (requests, as for reports), the end-of-visit statement, the visit report whose
 * recommendations are imported like any others, and the standard operating procedure's checklist.
 * Every use case authorizes first, refuses what the visit's lifecycle does not allow, writes with
 * the eTag read (a stale one is refused) and audits.
 */
import { z } from "zod";
import { audit } from "../audit/audit";
import { authorize, type Actor } from "../auth/policy";
import { addDays } from "../calendar/calendar";
import { ConcurrencyError, ValidationError } from "../errors";
import { queryAll } from "../ports/repository";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { calendarDateSchema, LIMITS, nonEmptyShortTextSchema, textSchema, type Stored } from "../records/common";
import { parseOrThrow } from "../records/validate";
import type { Mechanism } from "../records/taxonomy";
import type { RecommendationFields } from "../recommendations/recommendation";
import type { ReportFields } from "../reports/report";
import { createRequests, type CreateRequestsResult } from "../requests/create-requests";
import type { RequestSubject } from "../requests/request";
import { VISIT_MEETING_SECTION_PREFIX } from "../requests/section-purpose";
import { checklistStepSchema, DEFAULT_VISIT_STEPS, meetingSchema, VISIT_REPLIES, visitFieldsObject, type Meeting, type VisitFields } from "./visit";
import { canHappen, nextVisitStatus } from "./visit-lifecycle";

type Deps = Pick<UseCaseDeps, "repos" | "clock">;
type Visit = Stored<VisitFields>;

const eTag = z.string().min(1).max(200);
const dateRange = (v: { from?: string; to?: string }) => !v.from || !v.to || v.to >= v.from;

export const recordVisitInputSchema = visitFieldsObject
  .pick({ mandate: true, holder: true, body: true, requestedOn: true, requestReference: true, requestedFrom: true, requestedTo: true, timeZone: true })
  .strict()
  .refine((v) => dateRange({ from: v.requestedFrom, to: v.requestedTo }), { path: ["requestedTo"], message: "The requested dates end before they start" });
export type RecordVisitInput = z.input<typeof recordVisitInputSchema>;

export const visitReplyInputSchema = z
  .strictObject({
    eTag,
    reply: z.enum(VISIT_REPLIES),
    on: calendarDateSchema,
    note: textSchema(LIMITS.comment).optional(),
    proposedFrom: calendarDateSchema.optional(),
    proposedTo: calendarDateSchema.optional(),
  })
  .refine((r) => r.reply !== "propose-dates" || (r.proposedFrom && r.proposedTo), { path: ["proposedFrom"], message: "say which dates the State proposes" })
  .refine((r) => r.reply === "propose-dates" || (!r.proposedFrom && !r.proposedTo), { path: ["proposedFrom"], message: "dates are proposed only with the reply propose-dates" })
  .refine((r) => dateRange({ from: r.proposedFrom, to: r.proposedTo }), { path: ["proposedTo"], message: "The proposed dates end before they start" });
export type VisitReplyInput = z.input<typeof visitReplyInputSchema>;

export const agreeDatesInputSchema = z
  .strictObject({ eTag, from: calendarDateSchema, to: calendarDateSchema })
  .refine((d) => d.to >= d.from, { path: ["to"], message: "The visit ends before it starts" });
export type AgreeDatesInput = z.input<typeof agreeDatesInputSchema>;

export const programmeInputSchema = z.strictObject({ eTag, meetings: z.array(meetingSchema).max(200) });
export type ProgrammeInput = z.input<typeof programmeInputSchema>;

export const meetingRequestsInputSchema = z.strictObject({
  ask: textSchema(LIMITS.comment).pipe(z.string().trim().min(1, "say what you ask the ministries for")),
  dueDate: calendarDateSchema,
});
export type MeetingRequestsInput = z.input<typeof meetingRequestsInputSchema>;

export const statementInputSchema = z.strictObject({
  eTag,
  on: calendarDateSchema,
  text: textSchema(LIMITS.recommendationText).optional(),
  webUrl: z.url({ protocol: /^https?$/, error: "a web address (https://…)" }).max(2000).optional(),
});
export type StatementInput = z.input<typeof statementInputSchema>;

export const visitReportInputSchema = z.strictObject({ eTag, symbol: nonEmptyShortTextSchema });
export type VisitReportInput = z.input<typeof visitReportInputSchema>;

export const tickStepInputSchema = z.strictObject({ eTag, step: checklistStepSchema.shape.key, done: z.boolean() });
export type TickStepInput = z.input<typeof tickStepInputSchema>;

export const checklistInputSchema = z.strictObject({
  eTag,
  steps: z
    .array(z.strictObject({ key: checklistStepSchema.shape.key, title: nonEmptyShortTextSchema.optional() }))
    .min(1, "keep at least one step")
    .max(60)
    .refine((steps) => new Set(steps.map((s) => s.key)).size === steps.length, "two steps have the same key"),
});
export type ChecklistInput = z.input<typeof checklistInputSchema>;

function dateSpan(from: string | undefined, to: string | undefined): string {
  return from === to ? `${from}` : `${from} to ${to}`;
}

/** Meetings outside the agreed dates, named, so that the secretariat sees which to move. */
function meetingsOutside(meetings: readonly Meeting[], from: string | undefined, to: string | undefined): ValidationError | undefined {
  if (!from || !to) return undefined;
  const outside = meetings.map((m, index) => ({ m, index })).filter(({ m }) => m.date < from || m.date > to);
  if (outside.length === 0) return undefined;
  return new ValidationError(
    `${outside.length === 1 ? "A meeting is" : `${outside.length} meetings are`} outside the visit's dates (${dateSpan(from, to)})`,
    outside.map(({ m, index }) => ({ path: `meetings.${index}.date`, message: `${m.with} on ${m.date} is outside ${dateSpan(from, to)}` })),
  );
}

async function writeVisit(deps: Deps, visit: Visit, changes: Partial<VisitFields>, eTagRead: string): Promise<Visit> {
  return deps.repos.visits.update(visit.id, changes, eTagRead);
}

/** The secretariat records a mandate holder's request to visit. */
export async function recordVisitRequest(deps: Deps, input: RecordVisitInput, actor: Actor): Promise<Visit> {
  authorize(actor, { kind: "edit-lists" });
  const parsed = parseOrThrow(recordVisitInputSchema, input, "The visit request");
  const visit = await deps.repos.visits.create({ ...parsed, status: "requested", createdAt: deps.clock.now().toISOString(), createdBy: actor.userId });
  await audit(deps, actor, { action: "visit.requested", entity: "visits", entityId: visit.id, summary: `Visit requested by the ${visit.mandate}${visit.requestedFrom ? ` for ${dateSpan(visit.requestedFrom, visit.requestedTo)}` : ""}` });
  return visit;
}

/** The State's reply: accept, propose other dates, or decline. */
export async function replyToVisitRequest(deps: Deps, visitId: string, input: VisitReplyInput, actor: Actor): Promise<Visit> {
  authorize(actor, { kind: "edit-lists" });
  const parsed = parseOrThrow(visitReplyInputSchema, input, "The reply");
  const visit = await deps.repos.visits.get(visitId);
  const status = nextVisitStatus(visit.status, parsed.reply);
  if (parsed.on < visit.requestedOn) throw new ValidationError(`The reply is dated before the request arrived (${visit.requestedOn})`, [{ path: "on", message: `on or after ${visit.requestedOn}` }]);
  const updated = await writeVisit(deps, visit, { status, reply: parsed.reply, repliedOn: parsed.on, replyNote: parsed.note, proposedFrom: parsed.proposedFrom, proposedTo: parsed.proposedTo }, parsed.eTag);
  await audit(deps, actor, {
    action: `visit.${parsed.reply}`,
    entity: "visits",
    entityId: visit.id,
    summary: `Reply to the ${visit.mandate}: ${parsed.reply}${parsed.proposedFrom ? ` (${dateSpan(parsed.proposedFrom, parsed.proposedTo)})` : ""}`,
    changes: [{ field: "status", from: visit.status, to: status }],
  });
  return updated;
}

/** The dates agreed with the mandate holder; the programme's meetings must fall within them. */
export async function agreeVisitDates(deps: Deps, visitId: string, input: AgreeDatesInput, actor: Actor): Promise<Visit> {
  authorize(actor, { kind: "edit-lists" });
  const parsed = parseOrThrow(agreeDatesInputSchema, input, "The dates");
  const visit = await deps.repos.visits.get(visitId);
  const status = nextVisitStatus(visit.status, "agree-dates");
  const outside = meetingsOutside(visit.programme, parsed.from, parsed.to);
  if (outside) throw outside;
  const updated = await writeVisit(deps, visit, { status, agreedFrom: parsed.from, agreedTo: parsed.to }, parsed.eTag);
  await audit(deps, actor, {
    action: "visit.dates-agreed",
    entity: "visits",
    entityId: visit.id,
    summary: `Visit of the ${visit.mandate} agreed for ${dateSpan(parsed.from, parsed.to)}`,
    changes: [
      { field: "agreedFrom", from: visit.agreedFrom, to: parsed.from },
      { field: "agreedTo", from: visit.agreedTo, to: parsed.to },
    ],
  });
  return updated;
}

/** The programme, as a whole: meetings within the agreed dates, with ministries that exist. */
export async function setVisitProgramme(deps: Deps, visitId: string, input: ProgrammeInput, actor: Actor): Promise<Visit> {
  authorize(actor, { kind: "edit-lists" });
  const parsed = parseOrThrow(programmeInputSchema, input, "The programme");
  const visit = await deps.repos.visits.get(visitId);
  nextVisitStatus(visit.status, "set-programme");
  const keys = parsed.meetings.map((m) => m.key);
  const repeated = keys.find((key, index) => keys.indexOf(key) !== index);
  if (repeated) throw new ValidationError("Two meetings have the same key", [{ path: `meetings.${keys.lastIndexOf(repeated)}.key`, message: `${repeated} is used twice` }]);
  const outside = meetingsOutside(parsed.meetings, visit.agreedFrom, visit.agreedTo);
  if (outside) throw outside;
  const ministries = new Set((await queryAll(deps.repos.ministries)).map((m) => m.id));
  const unknown = parsed.meetings.flatMap((m, index) => m.ministryIds.filter((id) => !ministries.has(id)).map((id) => ({ path: `meetings.${index}.ministryIds`, message: `no ministry ${id}` })));
  if (unknown.length) throw new ValidationError("The programme names ministries that do not exist", unknown);
  const updated = await writeVisit(deps, visit, { programme: parsed.meetings }, parsed.eTag);
  await audit(deps, actor, { action: "visit.programme", entity: "visits", entityId: visit.id, summary: `Programme of the visit of the ${visit.mandate}: ${parsed.meetings.length} meetings` });
  return updated;
}

function mechanismOf(visit: VisitFields): Mechanism {
  if (visit.body === "spt") return "CAT";
  if (visit.body === "regional") return "REGIONAL";
  return "SPECIAL_PROCEDURES";
}

/**
 * The visit's report in Reports: the requests to ministries hang on it, and the State's comments
 * on the visit report are compiled from it as a draft like others. Made once, the first time.
 */
export async function reportOfVisit(deps: Deps, visitId: string, actor: Actor): Promise<{ visit: Visit; report: Stored<ReportFields> }> {
  authorize(actor, { kind: "edit-lists" });
  let visit = await deps.repos.visits.get(visitId);
  if (visit.reportId) return { visit, report: await deps.repos.reports.get(visit.reportId) };
  const report = await deps.repos.reports.create({
    title: `Visit of the ${visit.mandate}`.slice(0, LIMITS.shortText),
    mechanism: mechanismOf(visit),
    type: "visit",
    dueDate: visit.agreedFrom ?? visit.requestedFrom ?? addDays(visit.requestedOn, 60),
    timeZone: visit.timeZone,
    createdAt: deps.clock.now().toISOString(),
  });
  await audit(deps, actor, { action: "report.created", entity: "reports", entityId: report.id, summary: `Report opened for the visit of the ${visit.mandate}` });
  // Only this sets reportId: another change meanwhile is read again and kept.
  for (let attempt = 0; ; attempt += 1) {
    try {
      visit = await deps.repos.visits.update(visit.id, { reportId: report.id }, visit.eTag);
      return { visit, report };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= 3) throw error;
      visit = await deps.repos.visits.get(visit.id);
      if (visit.reportId) return { visit, report: await deps.repos.reports.get(visit.reportId) };
    }
  }
}

/** What a request about a meeting asks about: the meeting, by its key, titled by whom and when. */
export function meetingSubject(meeting: Meeting): RequestSubject {
  const title = `${meeting.with}, ${meeting.date}${meeting.startTime ? ` ${meeting.startTime}` : ""}${meeting.place ? `, ${meeting.place}` : ""}`;
  return { kind: "section", section: `${VISIT_MEETING_SECTION_PREFIX}${meeting.key}`, title: title.slice(0, LIMITS.shortText) };
}

/** Asks the ministries of a meeting to host or brief, through the bot, as requests (asking twice creates nothing). */
export async function askMinistriesForMeeting(deps: Deps, visitId: string, meetingKey: string, input: MeetingRequestsInput, actor: Actor): Promise<CreateRequestsResult> {
  authorize(actor, { kind: "create-requests" });
  const parsed = parseOrThrow(meetingRequestsInputSchema, input, "The request");
  const current = await deps.repos.visits.get(visitId);
  nextVisitStatus(current.status, "set-programme");
  const meeting = current.programme.find((m) => m.key === meetingKey);
  if (!meeting) throw new ValidationError(`The programme has no meeting ${meetingKey}`, [{ path: "key", message: "not in the programme" }]);
  if (meeting.ministryIds.length === 0) throw new ValidationError("No ministry is asked to host or brief this meeting: name them in the programme first", [{ path: "ministryIds", message: "no ministry" }]);
  if (parsed.dueDate > meeting.date) throw new ValidationError(`The answers are due after the meeting (${meeting.date})`, [{ path: "dueDate", message: `on or before ${meeting.date}` }]);
  const { report } = await reportOfVisit(deps, visitId, actor);
  return createRequests(deps, { reportId: report.id, subjects: [meetingSubject(meeting)], ministries: { mode: "selected", ministryIds: meeting.ministryIds }, ask: parsed.ask, dueDate: parsed.dueDate }, actor);
}

/** The end-of-visit statement: the visit has ended (or ends that day). */
export async function recordEndOfVisitStatement(deps: Deps, visitId: string, input: StatementInput, actor: Actor): Promise<Visit> {
  authorize(actor, { kind: "edit-lists" });
  const parsed = parseOrThrow(statementInputSchema, input, "The statement");
  const visit = await deps.repos.visits.get(visitId);
  const status = nextVisitStatus(visit.status, "record-statement");
  if (visit.agreedFrom && parsed.on < visit.agreedFrom) throw new ValidationError(`The statement is dated before the visit began (${visit.agreedFrom})`, [{ path: "on", message: `on or after ${visit.agreedFrom}` }]);
  const updated = await writeVisit(deps, visit, { status, statementOn: parsed.on, statementText: parsed.text, statementUrl: parsed.webUrl }, parsed.eTag);
  await audit(deps, actor, { action: "visit.statement", entity: "visits", entityId: visit.id, summary: `End-of-visit statement of the ${visit.mandate}, ${parsed.on}`, changes: [{ field: "status", from: visit.status, to: status }] });
  return updated;
}

/** The visit report's symbol: its recommendations, imported like any others with this document symbol, are the visit's. */
export async function recordVisitReport(deps: Deps, visitId: string, input: VisitReportInput, actor: Actor): Promise<Visit> {
  authorize(actor, { kind: "edit-lists" });
  const parsed = parseOrThrow(visitReportInputSchema, input, "The visit report");
  const visit = await deps.repos.visits.get(visitId);
  const status = nextVisitStatus(visit.status, "record-report");
  const updated = await writeVisit(deps, visit, { status, reportSymbol: parsed.symbol }, parsed.eTag);
  await audit(deps, actor, { action: "visit.report", entity: "visits", entityId: visit.id, summary: `Report of the visit of the ${visit.mandate}: ${parsed.symbol}`, changes: [{ field: "reportSymbol", from: visit.reportSymbol, to: parsed.symbol }] });
  return updated;
}

/** Ticks (or un-ticks) a step of the checklist, with who did it and when. */
export async function tickVisitStep(deps: Deps, visitId: string, input: TickStepInput, actor: Actor): Promise<Visit> {
  authorize(actor, { kind: "edit-lists" });
  const parsed = parseOrThrow(tickStepInputSchema, input, "The step");
  const visit = await deps.repos.visits.get(visitId);
  const step = visit.checklist.find((s) => s.key === parsed.step);
  if (!step) throw new ValidationError(`The checklist has no step ${parsed.step}`, [{ path: "step", message: "not in this visit's checklist" }]);
  const done = parsed.done ? { doneAt: deps.clock.now().toISOString(), doneBy: actor.userId, doneByName: actor.displayName.slice(0, LIMITS.shortText) } : { doneAt: undefined, doneBy: undefined, doneByName: undefined };
  const checklist = visit.checklist.map((s) => (s.key === step.key ? { key: s.key, ...(s.title ? { title: s.title } : {}), ...(parsed.done ? done : {}) } : s));
  const updated = await writeVisit(deps, visit, { checklist }, parsed.eTag);
  await audit(deps, actor, { action: parsed.done ? "visit.step-done" : "visit.step-undone", entity: "visits", entityId: visit.id, summary: `${step.title ?? step.key}: ${parsed.done ? "done" : "not done"} (visit of the ${visit.mandate})`, changes: [{ field: `checklist.${step.key}`, from: Boolean(step.doneAt), to: parsed.done }] });
  return updated;
}

/**
 * The secretariat configures the checklist's steps: default steps by key, its own with a title.
 * Steps kept keep their ticks.
 */
export async function configureVisitChecklist(deps: Deps, visitId: string, input: ChecklistInput, actor: Actor): Promise<Visit> {
  authorize(actor, { kind: "edit-lists" });
  const parsed = parseOrThrow(checklistInputSchema, input, "The checklist");
  const defaults = new Set<string>(DEFAULT_VISIT_STEPS);
  const untitled = parsed.steps.map((s, index) => ({ s, index })).filter(({ s }) => !s.title && !defaults.has(s.key));
  if (untitled.length) throw new ValidationError("A step you add needs a title", untitled.map(({ index }) => ({ path: `steps.${index}.title`, message: "required for a step that is not one of the standard ones" })));
  const visit = await deps.repos.visits.get(visitId);
  const before = new Map(visit.checklist.map((s) => [s.key, s]));
  const checklist = parsed.steps.map((s) => {
    const kept = before.get(s.key);
    return { key: s.key, ...(s.title ? { title: s.title } : {}), ...(kept?.doneAt ? { doneAt: kept.doneAt, doneBy: kept.doneBy, doneByName: kept.doneByName } : {}) };
  });
  const updated = await writeVisit(deps, visit, { checklist }, parsed.eTag);
  await audit(deps, actor, { action: "visit.checklist", entity: "visits", entityId: visit.id, summary: `Checklist of the visit of the ${visit.mandate}: ${checklist.length} steps` });
  return updated;
}

export interface VisitFollowUp {
  /** The recommendations of the visit report (those whose document symbol is the report's). */
  recommendations: Pick<Stored<RecommendationFields>, "id" | "paragraph" | "text" | "status" | "leadMinistryId">[];
  byStatus: Record<string, number>;
  /** How many have no lead ministry yet. */
  unassigned: number;
}

export interface VisitView {
  visit: Visit;
  followUp: VisitFollowUp;
}

/** A visit with its follow-up: its report's recommendations, by status, and how many wait for a lead ministry. */
export async function readVisit(deps: Deps, visitId: string, actor: Actor): Promise<VisitView> {
  authorize(actor, { kind: "read-special-procedures" });
  const visit = await deps.repos.visits.get(visitId);
  const recommendations = visit.reportSymbol ? await queryAll(deps.repos.recommendations, { where: [{ field: "documentSymbol", op: "eq", value: visit.reportSymbol }] }) : [];
  const byStatus: Record<string, number> = {};
  for (const r of recommendations) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  return {
    visit,
    followUp: {
      recommendations: recommendations
        .sort((a, b) => a.paragraph.localeCompare(b.paragraph, "en", { numeric: true }))
        .map((r) => ({ id: r.id, paragraph: r.paragraph, text: r.text, status: r.status, leadMinistryId: r.leadMinistryId })),
      byStatus,
      unassigned: recommendations.filter((r) => !r.leadMinistryId).length,
    },
  };
}

/** Every visit, the latest request first. */
export async function listVisits(deps: Deps, actor: Actor): Promise<Visit[]> {
  authorize(actor, { kind: "read-special-procedures" });
  return (await queryAll(deps.repos.visits)).sort((a, b) => b.requestedOn.localeCompare(a.requestedOn) || b.id.localeCompare(a.id));
}

export { canHappen };
