/**
 * The words a person sees and picks in the site's choice columns, and the codes core keeps for
 * them: the one place where the two meet. SharePoint holds the words (a secretariat officer in
 * Microsoft Lists picks "Partially implemented", not `partially-implemented`); the repositories
 * write the word of a record's code and read a word back as its code. A code typed or written
 * by a flow is read as well, so that a site provisioned before the words, or a Power Automate
 * flow that writes codes, keeps working (provisioning rewrites such values as words).
 *
 * Each vocabulary names every code core has (the `satisfies` checks it): a new status in core
 * does not compile until it has its words here.
 */
import { type IMPLEMENTATION_STATUSES, type MECHANISMS, type REPORT_TYPES, type UPR_POSITIONS } from "../../core/records/taxonomy";
import { type REQUEST_STATUSES, type UNDELIVERABLE_REASONS } from "../../core/requests/request";
import { type OPERATION_KINDS, type OPERATION_STATUSES } from "../../core/operations/operation";
import { type REVIEW_STATES } from "../../core/drafts/draft";
import { type CONSULTATION_FORMATS, type STAKEHOLDER_KINDS } from "../../core/consultations/consultation";
import { type OUTBOX_STATUSES } from "../../core/outbox/outbox-entry";
import { type FOCAL_POINT_ROLES } from "../../core/ministries/focal-point";
import { type REPORT_LANGUAGES, type REPORT_STATUSES } from "../../core/reports/report";
import { type PLAN_KINDS } from "../../core/followup/plan";
import { type ACTION_STATUSES } from "../../core/followup/action";
import { type PROGRESS_REVIEW_STATES } from "../../core/followup/progress-update";
import { type VISIT_REPLIES, type VISIT_STATUSES, type VISITING_BODIES } from "../../core/visits/visit";
import { type COMMUNICATION_KINDS, type COMMUNICATION_STATUSES } from "../../core/communications/communication";

/** Code → the word kept in SharePoint. */
export type Vocabulary = Readonly<Record<string, string>>;

type WordsOf<Codes extends readonly string[]> = Record<Codes[number], string>;

export const MECHANISM_WORDS = {
  UPR: "Universal Periodic Review (UPR)",
  CCPR: "Human Rights Committee (CCPR)",
  CESCR: "Committee on Economic, Social and Cultural Rights (CESCR)",
  CAT: "Committee against Torture (CAT)",
  CRC: "Committee on the Rights of the Child (CRC)",
  CEDAW: "Committee on the Elimination of Discrimination against Women (CEDAW)",
  CERD: "Committee on the Elimination of Racial Discrimination (CERD)",
  CRPD: "Committee on the Rights of Persons with Disabilities (CRPD)",
  CMW: "Committee on Migrant Workers (CMW)",
  CED: "Committee on Enforced Disappearances (CED)",
  SPECIAL_PROCEDURES: "Special procedures",
  REGIONAL: "Regional mechanism",
} as const satisfies WordsOf<typeof MECHANISMS>;

export const REPORT_TYPE_WORDS = {
  "upr-national": "UPR national report",
  "upr-midterm": "UPR mid-term report",
  "common-core": "Common core document",
  "treaty-initial": "Treaty body initial report",
  "treaty-periodic": "Treaty body periodic report",
  "loipr-replies": "Replies to a list of issues",
  "follow-up": "Follow-up report",
  visit: "Visit",
  other: "Other",
} as const satisfies WordsOf<typeof REPORT_TYPES>;

export const UPR_POSITION_WORDS = {
  supported: "Supported",
  "supported-in-part": "Supported in part",
  noted: "Noted",
} as const satisfies WordsOf<typeof UPR_POSITIONS>;

export const IMPLEMENTATION_STATUS_WORDS = {
  "not-assessed": "Not assessed",
  "not-started": "Not started",
  "in-progress": "In progress",
  "partially-implemented": "Partially implemented",
  implemented: "Implemented",
  "no-longer-relevant": "No longer relevant",
} as const satisfies WordsOf<typeof IMPLEMENTATION_STATUSES>;

export const REQUEST_STATUS_WORDS = {
  queued: "Queued",
  undeliverable: "Undeliverable",
  sent: "Sent",
  seen: "Seen",
  answered: "Answered",
  overdue: "Overdue",
  escalated: "Escalated",
  extended: "More time granted",
  declined: "Declined",
  closed: "Closed",
} as const satisfies WordsOf<typeof REQUEST_STATUSES>;

export const UNDELIVERABLE_REASON_WORDS = {
  "no-focal-point": "No focal point",
  unreachable: "Focal point unreachable",
  failed: "Sending failed",
} as const satisfies WordsOf<typeof UNDELIVERABLE_REASONS>;

export const MINISTRY_ROLE_WORDS = { lead: "Lead", supporting: "Supporting" } as const;

export const ANSWERED_VIA_WORDS = { card: "Teams card", chat: "Teams chat", tab: "Teams tab", api: "API" } as const;

export const REVIEW_DECISION_WORDS = { approved: "Approved", returned: "Returned" } as const;

export const OPERATION_KIND_WORDS = {
  "create-requests": "Requests for input",
  "follow-up-round": "Follow-up round",
} as const satisfies WordsOf<typeof OPERATION_KINDS>;

export const OPERATION_STATUS_WORDS = { started: "Started", completed: "Completed" } as const satisfies WordsOf<typeof OPERATION_STATUSES>;

export const REVIEW_STATE_WORDS = {
  compiling: "Compiling",
  interrupted: "Compiling interrupted",
  drafting: "Draft",
  "in-review": "Sent for approval",
  returned: "Returned",
  approved: "Approved",
  submitted: "Submitted",
} as const satisfies WordsOf<typeof REVIEW_STATES>;

export const CONSULTATION_FORMAT_WORDS = {
  meeting: "Meeting",
  "written-comments": "Written comments",
  online: "Online",
  survey: "Survey",
} as const satisfies WordsOf<typeof CONSULTATION_FORMATS>;

export const STAKEHOLDER_KIND_WORDS = {
  nhri: "National human rights institution",
  "civil-society": "Civil society",
  parliament: "Parliament",
  academia: "Academia",
  other: "Other",
} as const satisfies WordsOf<typeof STAKEHOLDER_KINDS>;

export const OUTBOX_STATUS_WORDS = {
  pending: "Waiting to be sent",
  sending: "Sending",
  sent: "Sent",
  undeliverable: "Undeliverable",
  cancelled: "Cancelled",
} as const satisfies WordsOf<typeof OUTBOX_STATUSES>;

export const FOCAL_POINT_ROLE_WORDS = { technical: "Technical", senior: "Senior" } as const satisfies WordsOf<typeof FOCAL_POINT_ROLES>;

export const REPORT_LANGUAGE_WORDS = { en: "English", fr: "French", es: "Spanish", ar: "Arabic" } as const satisfies WordsOf<typeof REPORT_LANGUAGES>;

export const REPORT_STATUS_WORDS = {
  planning: "Planning",
  collecting: "Collecting input",
  drafting: "Drafting",
  "in-review": "In review",
  approved: "Approved",
  submitted: "Submitted",
} as const satisfies WordsOf<typeof REPORT_STATUSES>;

export const PLAN_KIND_WORDS = {
  "human-rights-action-plan": "Human rights action plan",
  "development-plan": "Development plan",
} as const satisfies WordsOf<typeof PLAN_KINDS>;

export const ACTION_STATUS_WORDS = { planned: "Planned", "under-way": "Under way", done: "Done", dropped: "Dropped" } as const satisfies WordsOf<typeof ACTION_STATUSES>;

export const PROGRESS_REVIEW_WORDS = { submitted: "Waiting for review", accepted: "Accepted", returned: "Returned" } as const satisfies WordsOf<typeof PROGRESS_REVIEW_STATES>;

export const VISIT_REPLY_WORDS = { accept: "Accept", "propose-dates": "Propose other dates", decline: "Decline" } as const satisfies WordsOf<typeof VISIT_REPLIES>;

export const VISIT_STATUS_WORDS = {
  requested: "Requested",
  "dates-proposed": "Dates proposed",
  accepted: "Accepted",
  declined: "Declined",
  scheduled: "Scheduled",
  completed: "Completed",
  reported: "Report received",
} as const satisfies WordsOf<typeof VISIT_STATUSES>;

export const VISITING_BODY_WORDS = {
  "special-procedure": "Special procedure",
  spt: "Subcommittee on Prevention of Torture (SPT)",
  "treaty-body": "Treaty body",
  regional: "Regional body",
  other: "Other",
} as const satisfies WordsOf<typeof VISITING_BODIES>;

export const COMMUNICATION_KIND_WORDS = {
  "allegation-letter": "Allegation letter",
  "urgent-appeal": "Urgent appeal",
  "other-letter": "Other letter",
} as const satisfies WordsOf<typeof COMMUNICATION_KINDS>;

export const COMMUNICATION_STATUS_WORDS = { received: "Received", replied: "Replied" } as const satisfies WordsOf<typeof COMMUNICATION_STATUSES>;

function normalised(value: string): string {
  return value.trim().replace(/\s+/g, " ").toLowerCase();
}

/** The word kept in SharePoint for a code; a value that is not a code is written as it is (the schema refused it before). */
export function wordOf(vocabulary: Vocabulary, code: string): string {
  return Object.prototype.hasOwnProperty.call(vocabulary, code) ? vocabulary[code]! : code;
}

/**
 * The code of a value read from SharePoint: its word (whatever its case and spacing), or the
 * code itself; anything else is returned as it is, for the record's schema to refuse it with
 * the column's name and the value a person typed.
 */
export function codeOf(vocabulary: Vocabulary, value: string): string {
  if (Object.prototype.hasOwnProperty.call(vocabulary, value)) return value;
  const wanted = normalised(value);
  for (const [code, word] of Object.entries(vocabulary)) if (normalised(word) === wanted) return code;
  return value;
}
