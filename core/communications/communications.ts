/**
 * Communications from special procedures (allegation letters, urgent appeals): received with
 * their reference and the day the reply is due (60 days by default, by core's calendar), the
 * ministries asked for input through the bot (requests on the reply's report), the reply compiled
 * as a Word draft and approved by the chair as other drafts, and the day it was sent.
 */
import { z } from "zod";
import { audit } from "../audit/audit";
import { authorize, type Actor } from "../auth/policy";
import { addDays } from "../calendar/calendar";
import { ConcurrencyError, InvalidStateError, ValidationError } from "../errors";
import { queryAll } from "../ports/repository";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { calendarDateSchema, LIMITS, recordIdSchema, textSchema, type Stored } from "../records/common";
import { parseOrThrow } from "../records/validate";
import type { DraftFields } from "../drafts/draft";
import type { ReportFields } from "../reports/report";
import { createRequests, type CreateRequestsResult } from "../requests/create-requests";
import type { RequestSubject } from "../requests/request";
import { COMMUNICATION_REPLY_SECTION } from "../requests/section-purpose";
import { communicationFieldsObject, DEFAULT_REPLY_DAYS, type CommunicationFields } from "./communication";

type Deps = Pick<UseCaseDeps, "repos" | "clock">;
type Communication = Stored<CommunicationFields>;

export const receiveCommunicationInputSchema = communicationFieldsObject
  .pick({ reference: true, kind: true, mandates: true, receivedOn: true, replyDueDate: true, summary: true, timeZone: true })
  .partial({ replyDueDate: true })
  .strict()
  .refine((c) => !c.replyDueDate || c.replyDueDate >= c.receivedOn, { path: ["replyDueDate"], message: "The reply is due before the letter arrived" });
export type ReceiveCommunicationInput = z.input<typeof receiveCommunicationInputSchema>;

export const communicationRequestsInputSchema = z.strictObject({
  ministryIds: z.array(recordIdSchema).min(1, "choose at least one ministry").max(50),
  ask: textSchema(LIMITS.comment).pipe(z.string().trim().min(1, "say what you ask the ministries for")),
  dueDate: calendarDateSchema,
});
export type CommunicationRequestsInput = z.input<typeof communicationRequestsInputSchema>;

export const replySentInputSchema = z.strictObject({ eTag: z.string().min(1).max(200), on: calendarDateSchema });
export type ReplySentInput = z.input<typeof replySentInputSchema>;

/** The day a reply is due when the letter sets none: 60 days after it arrived. */
export function defaultReplyDueDate(receivedOn: string): string {
  return addDays(receivedOn, DEFAULT_REPLY_DAYS);
}

/** What the ministries' requests are about: the reply to this communication. */
export function communicationSubject(communication: Pick<CommunicationFields, "reference">): RequestSubject {
  return { kind: "section", section: COMMUNICATION_REPLY_SECTION, title: communication.reference };
}

/** The secretariat records a letter as it arrives; its reply's report is opened with it, due the day the reply is. */
export async function receiveCommunication(deps: Deps, input: ReceiveCommunicationInput, actor: Actor): Promise<Communication> {
  authorize(actor, { kind: "edit-lists" });
  const parsed = parseOrThrow(receiveCommunicationInputSchema, input, "The communication");
  const communication = await deps.repos.communications.create({
    ...parsed,
    replyDueDate: parsed.replyDueDate ?? defaultReplyDueDate(parsed.receivedOn),
    status: "received",
    createdAt: deps.clock.now().toISOString(),
    createdBy: actor.userId,
  });
  await audit(deps, actor, { action: "communication.received", entity: "communications", entityId: communication.id, summary: `Communication ${communication.reference} received ${communication.receivedOn}, reply due ${communication.replyDueDate}` });
  return (await replyReportOf(deps, communication, actor)).communication;
}

/** The reply's report, opened once (a crash between the two writes opens it at the next call). */
async function replyReportOf(deps: Deps, start: Communication, actor: Actor): Promise<{ communication: Communication; report: Stored<ReportFields> }> {
  let communication = start;
  if (communication.reportId) return { communication, report: await deps.repos.reports.get(communication.reportId) };
  const report = await deps.repos.reports.create({
    title: `Reply to communication ${communication.reference}`.slice(0, LIMITS.shortText),
    mechanism: "SPECIAL_PROCEDURES",
    type: "other",
    dueDate: communication.replyDueDate,
    timeZone: communication.timeZone,
    createdAt: deps.clock.now().toISOString(),
  });
  await audit(deps, actor, { action: "report.created", entity: "reports", entityId: report.id, summary: `Report opened for the reply to ${communication.reference}` });
  for (let attempt = 0; ; attempt += 1) {
    try {
      communication = await deps.repos.communications.update(communication.id, { reportId: report.id }, communication.eTag);
      return { communication, report };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= 3) throw error;
      communication = await deps.repos.communications.get(communication.id);
      if (communication.reportId) return { communication, report: await deps.repos.reports.get(communication.reportId) };
    }
  }
}

/** Asks ministries for input to the reply, through the bot (asking again creates nothing). */
export async function askMinistriesAboutCommunication(deps: Deps, communicationId: string, input: CommunicationRequestsInput, actor: Actor): Promise<CreateRequestsResult> {
  authorize(actor, { kind: "create-requests" });
  const parsed = parseOrThrow(communicationRequestsInputSchema, input, "The request");
  const current = await deps.repos.communications.get(communicationId);
  if (current.status === "replied") throw new InvalidStateError(`The reply to ${current.reference} was sent on ${current.sentOn}: it takes no more input`, current.status, "ask");
  if (parsed.dueDate > current.replyDueDate) throw new ValidationError(`The input is due after the reply is (${current.replyDueDate})`, [{ path: "dueDate", message: `on or before ${current.replyDueDate}` }]);
  const { report } = await replyReportOf(deps, current, actor);
  return createRequests(deps, { reportId: report.id, subjects: [communicationSubject(current)], ministries: { mode: "selected", ministryIds: parsed.ministryIds }, ask: parsed.ask, dueDate: parsed.dueDate }, actor);
}

/** A reply may be sent once the chair approved a draft of it (submitted: sent with the report). */
const SENDABLE_REVIEW_STATES = ["approved", "submitted"] as const;
const isSendable = (draft: Stored<DraftFields>) => (SENDABLE_REVIEW_STATES as readonly string[]).includes(draft.reviewState);

/** The latest draft of the reply the chair approved, if any. */
async function approvedReply(deps: Deps, reportId: string): Promise<Stored<DraftFields> | undefined> {
  const drafts = await queryAll(deps.repos.drafts, { where: [{ field: "reportId", op: "eq", value: reportId }] });
  return drafts.filter(isSendable).sort((a, b) => b.version - a.version)[0];
}

/** The reply was sent: only a reply the chair approved, and its report is closed as submitted. */
export async function recordReplySent(deps: Deps, communicationId: string, input: ReplySentInput, actor: Actor): Promise<Communication> {
  authorize(actor, { kind: "edit-lists" });
  const parsed = parseOrThrow(replySentInputSchema, input, "The reply");
  const communication = await deps.repos.communications.get(communicationId);
  if (communication.status === "replied") throw new InvalidStateError(`The reply to ${communication.reference} was already sent on ${communication.sentOn}`, communication.status, "send");
  if (parsed.on < communication.receivedOn) throw new ValidationError(`The reply is dated before the letter arrived (${communication.receivedOn})`, [{ path: "on", message: `on or after ${communication.receivedOn}` }]);
  const approved = communication.reportId ? await approvedReply(deps, communication.reportId) : undefined;
  if (!approved) throw new InvalidStateError(`The chair has not approved a reply to ${communication.reference} yet: compile the draft and send it for approval first`, communication.status, "send");
  const updated = await deps.repos.communications.update(communication.id, { status: "replied", sentOn: parsed.on, sentDraftId: approved.id }, parsed.eTag);
  const report = await deps.repos.reports.get(approved.reportId);
  if (report.status !== "submitted") await deps.repos.reports.update(report.id, { status: "submitted" }, report.eTag);
  await audit(deps, actor, {
    action: "communication.replied",
    entity: "communications",
    entityId: communication.id,
    summary: `Reply to ${communication.reference} sent ${parsed.on} (draft version ${approved.version})`,
    changes: [{ field: "status", from: communication.status, to: "replied" }],
  });
  return updated;
}

/** A communication as listed: with the approved draft of its reply while the reply is still to send. */
export type ListedCommunication = Communication & { approvedReply?: { draftId: string; version: number } };

/**
 * Every communication, the latest received first. One still to answer says which draft of its
 * reply the chair approved, if any: the secretariat records the reply sent only then. The
 * approved drafts are read once for the whole list, by their indexed review state.
 */
export async function listCommunications(deps: Deps, actor: Actor): Promise<ListedCommunication[]> {
  authorize(actor, { kind: "read-special-procedures" });
  const communications = (await queryAll(deps.repos.communications)).sort((a, b) => b.receivedOn.localeCompare(a.receivedOn) || b.id.localeCompare(a.id));
  const awaitingReply = (c: Communication) => c.status === "received" && c.reportId !== undefined;
  if (!communications.some(awaitingReply)) return communications;
  const sendable = (await Promise.all(SENDABLE_REVIEW_STATES.map((state) => queryAll(deps.repos.drafts, { where: [{ field: "reviewState", op: "eq", value: state }] })))).flat();
  const latestByReport = new Map<string, Stored<DraftFields>>();
  for (const draft of sendable) {
    const seen = latestByReport.get(draft.reportId);
    if (!seen || draft.version > seen.version) latestByReport.set(draft.reportId, draft);
  }
  return communications.map((c) => {
    const draft = awaitingReply(c) ? latestByReport.get(c.reportId!) : undefined;
    return draft ? { ...c, approvedReply: { draftId: draft.id, version: draft.version } } : c;
  });
}

export async function readCommunication(deps: Deps, communicationId: string, actor: Actor): Promise<Communication> {
  authorize(actor, { kind: "read-special-procedures" });
  return deps.repos.communications.get(communicationId);
}
