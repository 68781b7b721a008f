import { InvalidStateError, ValidationError } from "../errors";
import type { CalendarDate } from "../calendar/calendar";
import type { RequestFields, RequestStatus, UndeliverableReason } from "./request";

/**
 * The life of a request for input:
 *
 *   queued → sent → seen → answered → closed
 *     │        ╰──────┴→ overdue → escalated   (the due date passed with no answer)
 *     ╰→ undeliverable → (requeue) → queued   (no card reached anyone: no focal point, unreachable)
 *   queued: made, its card not yet accepted by Teams; sent: Teams accepted a card of it.
 *   extended: the secretariat gave more time (from any open, unanswered state)
 *   declined: the ministry says the request is not theirs (the secretariat reassigns or closes)
 *   closed → reopen → the state it was closed in
 *   ask-more-time: the ministry asks for a later due date, with a reason (any open state; the
 *     status stays: the secretariat decides, by extending or not)
 *   grant-more-time: the secretariat gives the time asked (as extend, and the ask is answered)
 *   refuse-more-time: the secretariat refuses it, with a reason (the status and due date stay)
 *   reassign: the secretariat moves the request to another ministry: it is closed here, and made there
 *   accept-answer: the secretariat accepts the latest answer (answered stays answered)
 *   return-answer: the secretariat sends the answer back for revision: answered → seen (waiting again)
 */
export type RequestEvent =
  /** Teams accepted a card of the request. */
  | { type: "deliver"; at: string }
  /** No card of the request can reach anyone. */
  | { type: "fail-delivery"; reason: UndeliverableReason; detail?: string }
  /** Its card is queued again (resent, or a focal point was nominated). */
  | { type: "requeue" }
  | { type: "see"; at: string }
  | { type: "answer"; at: string }
  | { type: "mark-overdue" }
  | { type: "escalate" }
  | { type: "extend"; until: CalendarDate }
  | { type: "ask-more-time"; until: CalendarDate; reason: string }
  | { type: "decline"; reason: string }
  | { type: "close"; at: string }
  | { type: "reopen" }
  | { type: "grant-more-time"; until: CalendarDate }
  | { type: "refuse-more-time" }
  | { type: "reassign"; at: string; toRequestId: string; toMinistryId: string }
  | { type: "accept-answer"; at: string; version: number }
  | { type: "return-answer"; at: string; comment: string };

/** Waiting for the ministry's answer, its card received: reminders and escalations apply. */
export const AWAITING_ANSWER: readonly RequestStatus[] = ["sent", "seen", "overdue", "escalated", "extended"];

/**
 * Waiting for the ministry's answer past which a request becomes overdue and is escalated to the
 * senior focal point: also a request whose card reached nobody (the senior one may be reachable).
 */
export const COUNTS_AS_LATE: readonly RequestStatus[] = [...AWAITING_ANSWER, "undeliverable"];

export function isAwaitingAnswer(status: RequestStatus): boolean {
  return AWAITING_ANSWER.includes(status);
}

/** Not answered yet and not given up: waiting for the ministry, whether its card reached it or not. */
export function isUnanswered(status: RequestStatus): boolean {
  return isAwaitingAnswer(status) || isAwaitingDelivery(status);
}

/** Made, but no card of it has reached the ministry yet (still queued, or nobody could receive it). */
export function isAwaitingDelivery(status: RequestStatus): boolean {
  return status === "queued" || status === "undeliverable";
}

/** Open: the ministry may still answer or revise its answer. */
export function isOpen(status: RequestStatus): boolean {
  return status !== "closed";
}

type Outcome = RequestStatus | "unchanged" | "refused";

/** For each event, what each status becomes. A missing status means the event is refused there. */
const TRANSITIONS: Record<RequestEvent["type"], Partial<Record<RequestStatus, Outcome>>> = {
  deliver: { queued: "sent", undeliverable: "sent", sent: "unchanged", seen: "unchanged", answered: "unchanged", overdue: "unchanged", escalated: "unchanged", extended: "unchanged", declined: "unchanged", closed: "unchanged" },
  "fail-delivery": { queued: "undeliverable", undeliverable: "undeliverable", sent: "unchanged", seen: "unchanged", answered: "unchanged", overdue: "unchanged", escalated: "unchanged", extended: "unchanged", declined: "unchanged", closed: "unchanged" },
  requeue: { undeliverable: "queued", queued: "unchanged", sent: "unchanged", seen: "unchanged", answered: "unchanged", overdue: "unchanged", escalated: "unchanged", extended: "unchanged", declined: "unchanged", closed: "unchanged" },
  see: { queued: "seen", undeliverable: "seen", sent: "seen", seen: "unchanged", answered: "unchanged", overdue: "unchanged", escalated: "unchanged", extended: "unchanged", declined: "unchanged" },
  answer: { queued: "answered", undeliverable: "answered", sent: "answered", seen: "answered", overdue: "answered", escalated: "answered", extended: "answered", declined: "answered", answered: "answered" },
  "mark-overdue": { undeliverable: "overdue", sent: "overdue", seen: "overdue", extended: "overdue", overdue: "unchanged", escalated: "unchanged" },
  escalate: { overdue: "escalated", escalated: "unchanged" },
  extend: { queued: "queued", undeliverable: "undeliverable", sent: "extended", seen: "extended", overdue: "extended", escalated: "extended", extended: "extended", declined: "extended" },
  "ask-more-time": { queued: "queued", undeliverable: "undeliverable", sent: "sent", seen: "seen", answered: "answered", overdue: "overdue", escalated: "escalated", extended: "extended", declined: "declined" },
  decline: { queued: "declined", undeliverable: "declined", sent: "declined", seen: "declined", overdue: "declined", escalated: "declined", extended: "declined", declined: "unchanged" },
  close: { queued: "closed", undeliverable: "closed", sent: "closed", seen: "closed", answered: "closed", overdue: "closed", escalated: "closed", extended: "closed", declined: "closed" },
  reopen: { closed: "sent" },
  "grant-more-time": { queued: "queued", undeliverable: "undeliverable", sent: "extended", seen: "extended", overdue: "extended", escalated: "extended", extended: "extended", declined: "extended" },
  "refuse-more-time": { queued: "queued", undeliverable: "undeliverable", sent: "sent", seen: "seen", answered: "answered", overdue: "overdue", escalated: "escalated", extended: "extended", declined: "declined" },
  reassign: { queued: "closed", undeliverable: "closed", sent: "closed", seen: "closed", overdue: "closed", escalated: "closed", extended: "closed", declined: "closed" },
  "accept-answer": { answered: "answered" },
  "return-answer": { answered: "seen" },
};

const REFUSALS: Record<RequestEvent["type"], string> = {
  deliver: "",
  "fail-delivery": "",
  requeue: "",
  see: "a closed request cannot be marked as seen",
  answer: "this request is closed: it no longer takes answers",
  "mark-overdue": "only a request still waiting for its answer can become overdue",
  escalate: "only an overdue request can be escalated",
  extend: "only a request still waiting for its answer can be given more time",
  "ask-more-time": "this request is closed: more time cannot be asked for it",
  decline: "only a request still waiting for its answer can be declined",
  close: "this request is already closed",
  reopen: "only a closed request can be reopened",
  "grant-more-time": "only a request still waiting for its answer can be given more time",
  "refuse-more-time": "this request is closed: there is no more time to refuse",
  reassign: "only a request still waiting for its answer can be moved to another ministry",
  "accept-answer": "only an answered request has an answer to accept",
  "return-answer": "only an answered request has an answer to send back",
};

/** Whether an event is allowed in a status (an allowed event may change nothing). */
export function canApply(status: RequestStatus, event: RequestEvent["type"]): boolean {
  return TRANSITIONS[event][status] !== undefined;
}

/**
 * The changes an event makes to a request, or an InvalidStateError when the lifecycle refuses
 * it. An empty object means the event is allowed and changes nothing.
 */
export function applyRequestEvent(request: Pick<RequestFields, "status" | "dueDate" | "statusBeforeClose"> & Partial<Pick<RequestFields, "moreTimeRequestedUntil" | "latestVersion">>, event: RequestEvent): Partial<RequestFields> {
  const outcome = TRANSITIONS[event.type][request.status];
  if (outcome === undefined || outcome === "refused") {
    throw new InvalidStateError(REFUSALS[event.type], request.status, event.type);
  }
  if (outcome === "unchanged") return {};

  switch (event.type) {
    case "deliver":
      return { status: outcome, sentAt: event.at, undeliverableReason: undefined, undeliverableDetail: undefined };
    case "fail-delivery":
      return { status: outcome, undeliverableReason: event.reason, undeliverableDetail: event.detail };
    case "requeue":
      return { status: outcome, undeliverableReason: undefined, undeliverableDetail: undefined };
    case "see":
      return { status: outcome, seenAt: event.at };
    case "answer":
      return { status: outcome, answeredAt: event.at };
    case "extend":
      if (event.until <= request.dueDate) {
        throw new ValidationError("a new due date must come after the current one", [{ path: "until", message: `after ${request.dueDate}` }]);
      }
      return { status: outcome, dueDate: event.until };
    case "ask-more-time":
      if (event.until <= request.dueDate) {
        throw new ValidationError(`ask for a date after the current due date (${request.dueDate})`, [{ path: "until", message: `after ${request.dueDate}` }]);
      }
      if (!event.reason.trim()) throw new ValidationError("say why you need more time", [{ path: "reason", message: "say why" }]);
      return { moreTimeRequestedUntil: event.until, moreTimeReason: event.reason.trim() };
    case "decline":
      return { status: outcome, declinedReason: event.reason };
    case "close":
      return { status: outcome, closedAt: event.at, statusBeforeClose: request.status };
    case "reopen":
      return { status: request.statusBeforeClose ?? outcome, closedAt: undefined, statusBeforeClose: undefined };
    case "grant-more-time":
      if (event.until <= request.dueDate) {
        throw new ValidationError("a new due date must come after the current one", [{ path: "until", message: `after ${request.dueDate}` }]);
      }
      return { status: outcome, dueDate: event.until, moreTimeRequestedUntil: undefined, moreTimeReason: undefined };
    case "refuse-more-time":
      if (!request.moreTimeRequestedUntil) throw new InvalidStateError("no more time was asked for this request", request.status, event.type);
      return { moreTimeRequestedUntil: undefined, moreTimeReason: undefined };
    case "reassign":
      return { status: outcome, closedAt: event.at, statusBeforeClose: request.status, reassignedToRequestId: event.toRequestId, reassignedToMinistryId: event.toMinistryId };
    case "accept-answer":
      if (event.version !== request.latestVersion) throw new InvalidStateError("a newer answer came in: read it before accepting", request.status, event.type);
      return { acceptedVersion: event.version, acceptedAt: event.at };
    case "return-answer":
      if (!event.comment.trim()) throw new ValidationError("say what to revise", [{ path: "comment", message: "say what to revise" }]);
      return { status: outcome, revisionComment: event.comment.trim(), revisionRequestedAt: event.at };
    default:
      return { status: outcome };
  }
}
