/**
 * What can happen to a visit, and from where: a reply only to a request (or to the dates the
 * State proposed), dates agreed only once the visit is accepted, a statement only of a visit
 * that took place, a report only once it ended. Anything else is refused with the reason.
 */
import { InvalidStateError } from "../errors";
import type { VisitStatus } from "./visit";

export type VisitEvent = "accept" | "propose-dates" | "decline" | "agree-dates" | "set-programme" | "record-statement" | "record-report";

const TRANSITIONS: Record<VisitEvent, { from: readonly VisitStatus[]; to?: VisitStatus }> = {
  accept: { from: ["requested", "dates-proposed"], to: "accepted" },
  "propose-dates": { from: ["requested", "dates-proposed"], to: "dates-proposed" },
  decline: { from: ["requested", "dates-proposed", "accepted"], to: "declined" },
  // Dates agreed after an acceptance, or on dates the State proposed; agreed again when the visit moves.
  "agree-dates": { from: ["accepted", "dates-proposed", "scheduled"], to: "scheduled" },
  // The programme is prepared once the visit is accepted, and corrected until its report is out.
  "set-programme": { from: ["accepted", "scheduled", "completed"] },
  "record-statement": { from: ["scheduled", "completed"], to: "completed" },
  "record-report": { from: ["completed", "reported"], to: "reported" },
};

const WHY: Record<VisitStatus, string> = {
  requested: "the State has not replied to the request yet",
  "dates-proposed": "the State proposed other dates and waits for the mandate holder",
  accepted: "the visit is accepted but its dates are not agreed yet",
  declined: "the State declined this visit",
  scheduled: "the visit's dates are agreed and it has not ended",
  completed: "the visit ended with its statement",
  reported: "the visit's report is out",
};

const WHAT: Record<VisitEvent, string> = {
  accept: "accept the visit",
  "propose-dates": "propose other dates",
  decline: "decline the visit",
  "agree-dates": "agree the visit's dates",
  "set-programme": "change the programme",
  "record-statement": "record the end-of-visit statement",
  "record-report": "record the visit report",
};

export function canHappen(status: VisitStatus, event: VisitEvent): boolean {
  return TRANSITIONS[event].from.includes(status);
}

/** The status after the event, or an InvalidStateError that says why it cannot happen now. */
export function nextVisitStatus(status: VisitStatus, event: VisitEvent): VisitStatus {
  const transition = TRANSITIONS[event];
  if (!transition.from.includes(status)) throw new InvalidStateError(`You cannot ${WHAT[event]} now: ${WHY[status]}`, status, event);
  return transition.to ?? status;
}
