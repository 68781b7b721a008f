/**
 * The mechanism's SharePoint site as data: every list and library, its columns, indexes and
 * unique keys. Provisioning creates what is missing from this; the repositories map records
 * to list items with it. A test checks that every field of every core record has a column
 * and that every field core queries by is indexed.
 */
import {
  ACTION_STATUS_WORDS,
  ANSWERED_VIA_WORDS,
  COMMUNICATION_KIND_WORDS,
  COMMUNICATION_STATUS_WORDS,
  CONSULTATION_FORMAT_WORDS,
  FOCAL_POINT_ROLE_WORDS,
  IMPLEMENTATION_STATUS_WORDS,
  MECHANISM_WORDS,
  MINISTRY_ROLE_WORDS,
  OPERATION_KIND_WORDS,
  OPERATION_STATUS_WORDS,
  OUTBOX_STATUS_WORDS,
  PLAN_KIND_WORDS,
  PROGRESS_REVIEW_WORDS,
  REPORT_LANGUAGE_WORDS,
  REPORT_STATUS_WORDS,
  REPORT_TYPE_WORDS,
  REQUEST_STATUS_WORDS,
  REVIEW_DECISION_WORDS,
  REVIEW_STATE_WORDS,
  STAKEHOLDER_KIND_WORDS,
  UNDELIVERABLE_REASON_WORDS,
  UPR_POSITION_WORDS,
  VISITING_BODY_WORDS,
  VISIT_REPLY_WORDS,
  VISIT_STATUS_WORDS,
  type Vocabulary,
} from "./choice-words";
import type { RecordName } from "../../core/records/kinds";

/** How a record field is kept in a SharePoint column. */
export type ColumnKind =
  /** Single line of text (255 characters at most). */
  | { type: "text" }
  /** Multiple lines of plain text. */
  | { type: "note" }
  /** A value of any shape, as JSON in a multiple-lines column. */
  | { type: "json" }
  /** A calendar date `YYYY-MM-DD`, kept as text: SharePoint's date-only columns shift with the site's time zone (graph-contract.md 4.1.6). */
  | { type: "date" }
  /** An instant: a date and time column, in UTC. */
  | { type: "dateTime" }
  | { type: "number" }
  | { type: "boolean" }
  /** One of the words a person picks; `words` maps core's codes to them (choice-words.ts). */
  | { type: "choice"; choices: readonly string[]; words: Vocabulary }
  /** Several values; `choices` absent means any value may be entered (themes, States...). */
  | { type: "multiChoice"; choices?: readonly string[]; numeric?: boolean }
  /** An id of another list's item. */
  | { type: "lookup"; list: ListName }
  | { type: "multiLookup"; list: ListName };

export interface ColumnSpec {
  /** The record's field. */
  field: string;
  /** The column's internal name (the key in `fields`). */
  name: string;
  displayName: string;
  kind: ColumnKind;
  indexed: boolean;
  unique: boolean;
  /**
   * A column the app keeps for itself (JSON, internal keys and ids): hidden from Microsoft Lists'
   * views and forms (Graph's `hidden`), so that what a person sees is what they may edit. The
   * app reads it by naming it in `$select` (graph-contract.md 3.5).
   */
  hidden: boolean;
}

export type ListName =
  | "Ministries"
  | "FocalPoints"
  | "Recommendations"
  | "Reports"
  | "Milestones"
  | "Requests"
  | "Contributions"
  | "DraftVersions"
  | "Drafts"
  | "Reviews"
  | "Consultations"
  | "ConsultationComments"
  | "Visits"
  | "Communications"
  | "Outbox"
  | "Conversations"
  | "Operations"
  | "AuditLog"
  | "Plans"
  | "PlanItems"
  | "Actions"
  | "Indicators"
  | "IndicatorValues"
  | "ProgressUpdates"
  | "FollowUpRounds"
  | "FollowUpSchedules"
  | "Evidence";

export interface ListSpec {
  /** The list's title (display name) on the site. */
  title: ListName;
  description: string;
  template: "genericList" | "documentLibrary";
  /** The record kind kept in it, if any (Evidence holds only files). */
  kind?: RecordName;
  columns: ColumnSpec[];
  /** What the built-in Title column shows for a record, so that the list reads well in SharePoint. */
  titleOf?: (record: Record<string, unknown>) => string;
}

type Column = [field: string, kind: ColumnKind, options?: { name?: string; display?: string; indexed?: boolean; unique?: boolean; internal?: boolean }];

const text: ColumnKind = { type: "text" };
const note: ColumnKind = { type: "note" };
const json: ColumnKind = { type: "json" };
const date: ColumnKind = { type: "date" };
const dateTime: ColumnKind = { type: "dateTime" };
const number: ColumnKind = { type: "number" };
const boolean: ColumnKind = { type: "boolean" };
const choice = (words: Vocabulary): ColumnKind => ({ type: "choice", choices: Object.values(words), words });
const freeMulti: ColumnKind = { type: "multiChoice" };
const lookup = (list: ListName): ColumnKind => ({ type: "lookup", list });
const indexed = { indexed: true };
const uniqueKey = { indexed: true, unique: true };
/** Kept by the app for itself: hidden in Microsoft Lists. */
const internal = { internal: true };

function pascal(field: string): string {
  return field.charAt(0).toUpperCase() + field.slice(1);
}

function humanize(field: string): string {
  const words = field.replace(/Id$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function columns(definitions: Column[]): ColumnSpec[] {
  return definitions.map(([field, kind, options = {}]) => {
    const isLookup = kind.type === "lookup" || kind.type === "multiLookup";
    const base = isLookup ? pascal(field.replace(/Ids?$/, "")) : pascal(field);
    return {
      field,
      name: options.name ?? base,
      displayName: options.display ?? humanize(field),
      kind,
      indexed: options.indexed ?? false,
      unique: options.unique ?? false,
      hidden: options.internal ?? kind.type === "json",
    };
  });
}

const str = (value: unknown) => (typeof value === "string" ? value : "");

export const SITE_SCHEMA: ListSpec[] = [
  {
    title: "Ministries",
    description: "Line ministries and institutions asked for input.",
    template: "genericList",
    kind: "ministries",
    columns: columns([
      ["name", text, { name: "MinistryName", display: "Name", ...uniqueKey }],
      ["nameKey", text, { name: "MinistryNameKey", display: "Name key", ...uniqueKey, ...internal }],
      ["acronym", text],
      ["email", text, { display: "E-mail" }],
      ["active", boolean, indexed],
    ]),
    titleOf: (r) => str(r.name),
  },
  {
    title: "Reports",
    description: "Reports the State owes the mechanisms, with their calendar.",
    template: "genericList",
    kind: "reports",
    columns: columns([
      ["title", text, { name: "ReportTitle", display: "Report title" }],
      ["mechanism", choice(MECHANISM_WORDS), indexed],
      ["type", choice(REPORT_TYPE_WORDS), { name: "ReportType", display: "Report type", indexed: true }],
      ["language", choice(REPORT_LANGUAGE_WORDS), { name: "ReportLanguage", display: "Report language" }],
      ["dueDate", date, indexed],
      ["timeZone", text],
      ["wordLimit", number],
      ["cycle", number],
      ["session", number],
      ["documentSymbol", text],
      ["status", choice(REPORT_STATUS_WORDS), indexed],
      ["questions", json],
      ["reminderPolicy", json],
      ["sharedWithObservers", boolean],
      ["createdAt", dateTime],
    ]),
    titleOf: (r) => str(r.title),
  },
  {
    title: "FocalPoints",
    description: "Each ministry's technical and senior focal points, past and present.",
    template: "genericList",
    kind: "focalPoints",
    columns: columns([
      ["ministryId", lookup("Ministries"), indexed],
      ["role", choice(FOCAL_POINT_ROLE_WORDS), { name: "FocalPointRole", display: "Role", indexed: true }],
      ["userId", text, { name: "EntraObjectId", display: "Entra object id", indexed: true }],
      ["displayName", text, { name: "PersonName", display: "Name" }],
      ["email", text, { display: "E-mail" }],
      ["activeFrom", dateTime],
      ["activeUntil", dateTime],
    ]),
    titleOf: (r) => `${str(r.displayName)} (${str(r.role)})`,
  },
  {
    title: "Recommendations",
    description: "Recommendations received from the mechanisms, and their implementation.",
    template: "genericList",
    kind: "recommendations",
    columns: columns([
      ["key", text, { name: "RecommendationKey", display: "Key", ...uniqueKey }],
      ["text", note, { name: "RecommendationText", display: "Text" }],
      ["mechanism", choice(MECHANISM_WORDS), indexed],
      ["body", text, { name: "RecommendingBody", display: "Body" }],
      ["documentSymbol", text, indexed],
      ["paragraph", text],
      ["cycle", number, indexed],
      ["session", number],
      ["recommendingStates", freeMulti],
      ["position", choice(UPR_POSITION_WORDS), indexed],
      ["positionSource", text],
      ["cluster", text],
      ["themes", freeMulti],
      ["affectedGroups", freeMulti],
      ["sdgGoals", { type: "multiChoice", choices: Array.from({ length: 17 }, (_, i) => String(i + 1)), numeric: true }, { display: "SDGs" }],
      ["sdgTargets", freeMulti, { display: "SDG targets" }],
      ["leadMinistryId", lookup("Ministries"), indexed],
      ["supportingMinistryIds", { type: "multiLookup", list: "Ministries" }],
      ["status", choice(IMPLEMENTATION_STATUS_WORDS), { name: "ImplementationStatus", display: "Implementation status", indexed: true }],
      ["statusHistory", json],
      ["uhriAnnotationId", text, { display: "UHRI annotation id", indexed: true }],
      ["publicationDate", date],
      ["actionPlanReference", text],
      ["developmentPlanReference", text],
      ["sharedWithObservers", boolean],
    ]),
    titleOf: (r) => `${str(r.documentSymbol)} para. ${str(r.paragraph)}`,
  },
  {
    title: "Milestones",
    description: "Each report's workplan, from planning to submission.",
    template: "genericList",
    kind: "milestones",
    columns: columns([
      ["reportId", lookup("Reports"), indexed],
      ["title", text, { name: "MilestoneTitle", display: "Milestone" }],
      ["dueDate", date, indexed],
      ["order", number, { name: "SortOrder", display: "Order" }],
      ["doneAt", dateTime],
    ]),
    titleOf: (r) => str(r.title),
  },
  {
    title: "Requests",
    description: "Requests for input sent to the ministries.",
    template: "genericList",
    kind: "requests",
    columns: columns([
      ["key", text, { name: "RequestKey", display: "Key", ...uniqueKey }],
      ["reportId", lookup("Reports"), indexed],
      ["subject", json],
      ["recommendationId", lookup("Recommendations"), indexed],
      ["ministryId", lookup("Ministries"), indexed],
      ["ministryRole", choice(MINISTRY_ROLE_WORDS)],
      ["ask", note],
      ["dueDate", date, indexed],
      ["status", choice(REQUEST_STATUS_WORDS), { name: "RequestStatus", display: "Status", indexed: true }],
      ["createdAt", dateTime, { name: "RequestedAt", display: "Requested at" }],
      ["sentAt", dateTime],
      ["createdBy", text, { name: "RequestedBy", display: "Requested by" }],
      ["operationKey", text, { name: "OperationKey", display: "Operation", indexed: true, ...internal }],
      ["undeliverableReason", choice(UNDELIVERABLE_REASON_WORDS), { display: "Why undeliverable" }],
      ["undeliverableDetail", note, { display: "Delivery problem" }],
      ["pendingSubmissionId", text, { display: "Answer being saved", ...internal }],
      ["seenAt", dateTime],
      ["answeredAt", dateTime],
      ["latestContributionId", text, internal],
      ["latestVersion", number],
      ["closedAt", dateTime],
      ["statusBeforeClose", choice(REQUEST_STATUS_WORDS)],
      ["notices", json],
      ["moreTimeRequestedUntil", date],
      ["moreTimeReason", note],
      ["declinedReason", note],
      ["reassignedToRequestId", text, { display: "Moved to request" }],
      ["reassignedToMinistryId", lookup("Ministries"), { display: "Moved to ministry" }],
      ["reassignedFromRequestId", text, { display: "Moved from request" }],
      ["acceptedVersion", number, { display: "Accepted version" }],
      ["acceptedAt", dateTime, { display: "Accepted at" }],
      ["revisionComment", note, { display: "Returned for revision" }],
      ["revisionRequestedAt", dateTime, { display: "Returned at" }],
    ]),
    titleOf: (r) => str(r.key),
  },
  {
    title: "Contributions",
    description: "The ministries' answers, every version kept.",
    template: "genericList",
    kind: "contributions",
    columns: columns([
      ["key", text, { name: "ContributionKey", display: "Key", ...uniqueKey }],
      ["requestId", lookup("Requests"), indexed],
      ["reportId", lookup("Reports"), indexed],
      ["ministryId", lookup("Ministries"), indexed],
      ["version", number, { name: "AnswerVersion", display: "Version" }],
      ["text", note, { name: "AnswerText", display: "Answer" }],
      ["reportedStatus", choice(IMPLEMENTATION_STATUS_WORDS)],
      ["attachments", json, { name: "AttachedFiles", display: "Attached files" }],
      ["authorId", text],
      ["authorName", text],
      ["answeredAt", dateTime],
      ["via", choice(ANSWERED_VIA_WORDS)],
      ["submissionId", text, { ...indexed, ...internal }],
    ]),
    titleOf: (r) => str(r.key),
  },
  {
    // The compiled versions of each report's draft. They are not kept as columns of the .docx
    // in the Drafts library: SharePoint makes a new file version for every change of a file's
    // columns, and "the exact file version the chair approved" must count edits of the text only.
    title: "DraftVersions",
    description: "Each compiled version of a report's draft: its file, word count and review state.",
    template: "genericList",
    kind: "drafts",
    columns: columns([
      ["key", text, { name: "DraftKey", display: "Key", ...uniqueKey }],
      ["reportId", lookup("Reports"), indexed],
      ["version", number, { name: "DraftVersion", display: "Draft version" }],
      ["fileName", text, { name: "DraftFileName", display: "File name" }],
      ["fileId", text, { name: "DraftFileId", display: "File id" }],
      ["webUrl", note, { name: "DraftWebUrl", display: "Web address" }],
      ["fileVersion", text, { name: "CompiledFileVersion", display: "File version" }],
      ["wordCount", json],
      ["unansweredRequestIds", json, { name: "UnansweredRequests", display: "Unanswered requests" }],
      ["reviewState", choice(REVIEW_STATE_WORDS), indexed],
      ["compiledAt", dateTime],
      ["compiledBy", text],
      ["template", json, { name: "TemplateUsed", display: "Template" }],
    ]),
    titleOf: (r) => str(r.fileName),
  },
  {
    title: "Drafts",
    description: "Word drafts of the reports, versioned by SharePoint; the secretariat's templates in Templates.",
    template: "documentLibrary",
    columns: [],
  },
  {
    title: "Reviews",
    description: "Drafts sent to the chair, and the chair's decisions.",
    template: "genericList",
    kind: "reviews",
    columns: columns([
      ["draftId", text, { name: "DraftItem", display: "Draft", indexed: true }],
      ["reportId", lookup("Reports"), indexed],
      ["draftVersion", number],
      ["requestedBy", text],
      ["requestedAt", dateTime],
      ["message", note],
      ["decision", choice(REVIEW_DECISION_WORDS)],
      ["comment", note, { name: "DecisionComment", display: "Comment" }],
      ["decidedBy", text],
      ["decidedByName", text],
      ["decidedAt", dateTime],
      ["decidedFileVersion", text],
    ]),
    titleOf: (r) => `Draft ${str(r.draftId)} v${String(r.draftVersion)}`,
  },
  {
    title: "Consultations",
    description: "Who was consulted (NHRI, civil society, parliament), on what, when.",
    template: "genericList",
    kind: "consultations",
    columns: columns([
      ["reportId", lookup("Reports"), indexed],
      ["stakeholder", text],
      ["kind", choice(STAKEHOLDER_KIND_WORDS), { name: "StakeholderKind", display: "Kind" }],
      ["subject", text, { name: "ConsultationSubject", display: "Subject" }],
      ["date", date, { name: "ConsultationDate", display: "Date", indexed: true }],
      ["endDate", date, { name: "ConsultationEndDate", display: "End date" }],
      ["format", choice(CONSULTATION_FORMAT_WORDS), { name: "ConsultationFormat", display: "Way" }],
      ["participants", number, { name: "Participants", display: "Participants" }],
      ["summary", note],
      ["commentsOpenUntil", date],
      ["sharedItems", json, { name: "SharedItems", display: "Shared for comment" }],
      ["invitedObserverIds", json, { name: "InvitedObservers", display: "Invited observers" }],
    ]),
    titleOf: (r) => `${str(r.stakeholder)}: ${str(r.subject)}`,
  },
  {
    title: "ConsultationComments",
    description: "What invited observers said during a consultation, the secretariat's answers, and what was taken up.",
    template: "genericList",
    kind: "consultationComments",
    columns: columns([
      ["consultationId", lookup("Consultations"), indexed],
      ["reportId", lookup("Reports")],
      ["item", json, { name: "CommentedItem", display: "About" }],
      ["itemKey", text, { name: "CommentedItemKey", display: "About (key)" }],
      ["text", note, { name: "CommentText", display: "Comment" }],
      ["authorId", text, { name: "CommentAuthorId", display: "Author (id)", indexed: true }],
      ["authorName", text, { name: "CommentAuthor", display: "Author" }],
      ["at", dateTime, { name: "CommentedAt", display: "Commented at" }],
      ["answer", note, { name: "CommentAnswer", display: "Answer" }],
      ["answeredBy", text],
      ["answeredAt", dateTime],
      ["takenUp", boolean, { name: "TakenUp", display: "Taken up" }],
    ]),
    titleOf: (r) => str(r.text).slice(0, 255),
  },
  {
    title: "Visits",
    description: "Visits of special procedures and other independent bodies: the request, the reply, the dates, the programme, the statement, the report and the checklist.",
    template: "genericList",
    kind: "visits",
    columns: columns([
      ["mandate", text],
      ["holder", text, { display: "Mandate holder" }],
      ["body", choice(VISITING_BODY_WORDS), { name: "VisitingBody", display: "Body" }],
      ["requestedOn", date, { display: "Requested on", indexed: true }],
      ["requestReference", text],
      ["requestedFrom", date],
      ["requestedTo", date],
      ["status", choice(VISIT_STATUS_WORDS), { name: "VisitStatus", display: "Status", indexed: true }],
      ["reply", choice(VISIT_REPLY_WORDS), { name: "VisitReply", display: "Reply" }],
      ["repliedOn", date],
      ["replyNote", note],
      ["proposedFrom", date],
      ["proposedTo", date],
      ["agreedFrom", date],
      ["agreedTo", date],
      ["programme", json, { name: "VisitProgramme", display: "Programme" }],
      ["statementOn", date, { display: "Statement on" }],
      ["statementText", note, { display: "Statement" }],
      ["statementUrl", note, { display: "Statement (link)" }],
      ["reportSymbol", text, { display: "Report symbol" }],
      ["reportId", lookup("Reports")],
      ["checklist", json, { name: "VisitChecklist", display: "Checklist" }],
      ["timeZone", text, { name: "VisitTimeZone", display: "Time zone" }],
      ["createdAt", dateTime, { name: "VisitCreatedAt", display: "Created at" }],
      ["createdBy", text, { name: "VisitCreatedBy", display: "Created by" }],
    ]),
    titleOf: (r) => str(r.mandate),
  },
  {
    title: "Communications",
    description: "Allegation letters and urgent appeals of special procedures: the reference, the day the reply is due, the reply's report and the day it was sent.",
    template: "genericList",
    kind: "communications",
    columns: columns([
      ["reference", text, { name: "CommunicationReference", display: "Reference", ...uniqueKey }],
      ["kind", choice(COMMUNICATION_KIND_WORDS), { name: "CommunicationKind", display: "Kind" }],
      ["mandates", freeMulti, { display: "Mandates" }],
      ["receivedOn", date, { display: "Received on" }],
      ["replyDueDate", date, { display: "Reply due", indexed: true }],
      ["summary", note, { name: "CommunicationSummary", display: "Summary" }],
      ["status", choice(COMMUNICATION_STATUS_WORDS), { name: "CommunicationStatus", display: "Status", indexed: true }],
      ["reportId", lookup("Reports"), { display: "Reply report" }],
      ["sentOn", date, { display: "Sent on" }],
      ["sentDraftId", lookup("DraftVersions"), { display: "Draft sent" }],
      ["timeZone", text, { name: "CommunicationTimeZone", display: "Time zone" }],
      ["createdAt", dateTime, { name: "CommunicationCreatedAt", display: "Created at" }],
      ["createdBy", text, { name: "CommunicationCreatedBy", display: "Created by" }],
    ]),
    titleOf: (r) => str(r.reference),
  },
  {
    title: "Outbox",
    description: "Every proactive message the bot sends, exactly once.",
    template: "genericList",
    kind: "outbox",
    columns: columns([
      ["key", text, { name: "IdempotencyKey", display: "Key", ...uniqueKey }],
      ["recipientId", text, indexed],
      ["notification", json],
      ["status", choice(OUTBOX_STATUS_WORDS), { name: "DeliveryStatus", display: "Status", indexed: true }],
      ["notBefore", dateTime],
      ["attempts", number],
      ["lastError", note],
      ["createdAt", dateTime, { name: "QueuedAt", display: "Queued at" }],
      ["claimedAt", dateTime],
      ["sentAt", dateTime],
      ["activityId", text],
      ["conversationId", note],
      ["updatesKey", text],
    ]),
    titleOf: (r) => str(r.key),
  },
  {
    title: "Conversations",
    description: "How the bot reaches each person in Teams.",
    template: "genericList",
    kind: "conversations",
    columns: columns([
      ["userId", text, { name: "EntraObjectId", display: "Entra object id", ...uniqueKey }],
      ["reference", json, { name: "ConversationReference", display: "Conversation reference" }],
      ["locale", text],
      ["timeZone", text],
      ["updatedAt", dateTime],
    ]),
    titleOf: (r) => str(r.userId),
  },
  {
    title: "Operations",
    description: "Writes of several steps, recorded before their effects so that a restart finishes them.",
    template: "genericList",
    kind: "operations",
    columns: columns([
      ["key", text, { name: "OperationKey", display: "Key", ...uniqueKey }],
      ["kind", choice(OPERATION_KIND_WORDS), { name: "OperationKind", display: "Kind" }],
      ["status", choice(OPERATION_STATUS_WORDS), { name: "OperationStatus", display: "Status", indexed: true }],
      ["actorId", text, { display: "Started by (id)" }],
      ["actorName", text, { display: "Started by" }],
      ["startedAt", dateTime],
      ["heartbeatAt", dateTime, { display: "Last progress" }],
      ["completedAt", dateTime],
      ["recoveredAt", dateTime, { display: "Finished after a restart" }],
      ["reportId", lookup("Reports")],
      ["planned", number],
      ["done", number],
      ["summary", note],
    ]),
    titleOf: (r) => str(r.summary).slice(0, 255) || str(r.key),
  },
  {
    title: "AuditLog",
    description: "Who changed what, when.",
    template: "genericList",
    kind: "audit",
    columns: columns([
      ["at", dateTime, { name: "ChangedAt", display: "When", indexed: true }],
      ["actorId", text, indexed],
      ["actorName", text],
      ["action", text, { name: "AuditAction", display: "Action", indexed: true }],
      ["entity", text, { name: "EntityList", display: "List", indexed: true }],
      ["entityId", text, { name: "EntityItem", display: "Item", indexed: true }],
      ["summary", note],
      ["changes", json],
    ]),
    titleOf: (r) => str(r.summary).slice(0, 255),
  },
  {
    title: "Plans",
    description: "National plans (human rights action plan, development plan) that actions carry out.",
    template: "genericList",
    kind: "plans",
    columns: columns([
      ["key", text, { name: "PlanKey", display: "Short name", ...uniqueKey }],
      ["kind", choice(PLAN_KIND_WORDS), { name: "PlanKind", display: "Kind", indexed: true }],
      ["title", text, { name: "PlanTitle", display: "Plan" }],
      ["startDate", date, { name: "PlanStart", display: "From" }],
      ["endDate", date, { name: "PlanEnd", display: "Until" }],
      ["chapters", json],
      ["webUrl", note, { name: "PlanWebUrl", display: "Web address" }],
    ]),
    titleOf: (r) => str(r.title),
  },
  {
    title: "PlanItems",
    description: "Each national plan's items (objectives, measures), by chapter.",
    template: "genericList",
    kind: "planItems",
    columns: columns([
      ["key", text, { name: "PlanItemKey", display: "Key", ...uniqueKey }],
      ["planId", lookup("Plans"), indexed],
      ["chapterCode", text, { display: "Chapter" }],
      ["code", text, { name: "ItemCode", display: "Item" }],
      ["text", note, { name: "ItemText", display: "Text" }],
    ]),
    titleOf: (r) => `${str(r.code)} ${str(r.text)}`.slice(0, 255),
  },
  {
    title: "Actions",
    description: "Measures the State takes to implement recommendations: who, by when, to what end.",
    template: "genericList",
    kind: "actions",
    columns: columns([
      ["title", text, { name: "ActionTitle", display: "Action" }],
      ["description", note, { name: "ActionDescription", display: "Description" }],
      ["recommendationIds", { type: "multiLookup", list: "Recommendations" }, { display: "Recommendations" }],
      ["cluster", text],
      ["leadMinistryId", lookup("Ministries"), indexed],
      ["supportingMinistryIds", { type: "multiLookup", list: "Ministries" }],
      ["startDate", date, { name: "ActionStart", display: "Start" }],
      ["endDate", date, { name: "ActionEnd", display: "End", indexed: true }],
      ["expectedOutput", note],
      ["status", choice(ACTION_STATUS_WORDS), { name: "ActionStatus", display: "Status", indexed: true }],
      ["budgetLine", text],
      ["planItemIds", { type: "multiLookup", list: "PlanItems" }, { display: "Plan items" }],
      ["sharedWithObservers", boolean],
      ["createdAt", dateTime, { name: "ActionCreatedAt", display: "Created at" }],
      ["createdBy", text, { name: "ActionCreatedBy", display: "Created by" }],
      ["acceptedUpdateId", text, { display: "Accepted update" }],
      ["acceptedAt", dateTime, { display: "Accepted at" }],
    ]),
    titleOf: (r) => str(r.title),
  },
  {
    title: "Indicators",
    description: "How progress is measured, per action or per recommendation: baseline and target.",
    template: "genericList",
    kind: "indicators",
    columns: columns([
      ["actionId", lookup("Actions"), indexed],
      ["recommendationId", lookup("Recommendations"), indexed],
      ["cluster", text],
      ["definition", note, { name: "IndicatorDefinition", display: "Definition" }],
      ["unit", text, { name: "IndicatorUnit", display: "Unit" }],
      ["baselineValue", number],
      ["baselineDate", date],
      ["targetValue", number],
      ["targetDate", date],
      ["dataSource", text],
      ["disaggregation", freeMulti],
      ["sdgTarget", text, { display: "SDG target" }],
      ["createdAt", dateTime, { name: "IndicatorCreatedAt", display: "Created at" }],
      ["createdBy", text, { name: "IndicatorCreatedBy", display: "Created by" }],
    ]),
    titleOf: (r) => str(r.definition).slice(0, 255),
  },
  {
    title: "ProgressUpdates",
    description: "The ministries' reports on their actions' progress, every version kept.",
    template: "genericList",
    kind: "progressUpdates",
    columns: columns([
      ["key", text, { name: "UpdateKey", display: "Key", ...uniqueKey }],
      ["actionId", lookup("Actions"), indexed],
      ["ministryId", lookup("Ministries"), indexed],
      ["version", number, { name: "UpdateVersion", display: "Version" }],
      ["text", note, { name: "ProgressText", display: "Progress" }],
      ["reportedStatus", choice(ACTION_STATUS_WORDS), { display: "Reported status" }],
      ["values", json, { name: "ReportedValues", display: "Reported values" }],
      ["attachments", json, { name: "AttachedFiles", display: "Attached files" }],
      ["authorId", text],
      ["authorName", text],
      ["reportedAt", dateTime],
      ["via", choice(ANSWERED_VIA_WORDS)],
      ["submissionId", text, { ...indexed, ...internal }],
      ["review", choice(PROGRESS_REVIEW_WORDS), { name: "ReviewState", display: "Review", indexed: true }],
      ["reviewedBy", text],
      ["reviewedAt", dateTime],
      ["reviewComment", note],
    ]),
    titleOf: (r) => str(r.key),
  },
  {
    title: "IndicatorValues",
    description: "Each value reported for an indicator, by whom, when, with the evidence.",
    template: "genericList",
    kind: "indicatorValues",
    columns: columns([
      ["key", text, { name: "ValueKey", display: "Key", ...uniqueKey }],
      ["indicatorId", lookup("Indicators"), indexed],
      ["value", number, { name: "MeasuredValue", display: "Value" }],
      ["date", date, { name: "ValueDate", display: "Date", indexed: true }],
      ["reportedById", text, { display: "Reported by (id)" }],
      ["reportedByName", text, { display: "Reported by" }],
      ["reportedAt", dateTime],
      ["progressUpdateId", lookup("ProgressUpdates"), indexed],
      ["evidence", json, { name: "EvidenceFiles", display: "Evidence" }],
      ["note", note, { name: "ValueNote", display: "Note" }],
    ]),
    titleOf: (r) => `${str(r.key)}`,
  },
  {
    title: "FollowUpRounds",
    description: "The follow-up rounds the secretariat started: whom the bot asked about their actions' progress, and by when.",
    template: "genericList",
    kind: "followUpRounds",
    columns: columns([
      ["key", text, { name: "RoundKey", display: "Key", ...uniqueKey }],
      ["title", text, { name: "RoundTitle", display: "Round" }],
      ["mechanism", choice(MECHANISM_WORDS), { name: "RoundMechanism", display: "Mechanism", indexed: true }],
      ["reportId", lookup("Reports")],
      ["dueDate", date, { name: "RoundDue", display: "Due" }],
      ["startedAt", dateTime, { name: "RoundStartedAt", display: "Started at" }],
      ["startedBy", text, { name: "RoundStartedBy", display: "Started by (id)" }],
      ["startedByName", text, { name: "RoundStartedByName", display: "Started by" }],
    ]),
    titleOf: (r) => str(r.title),
  },
  {
    title: "FollowUpSchedules",
    description: "How often each mechanism's actions are followed up: the rounds start by themselves before each due date.",
    template: "genericList",
    kind: "followUpSchedules",
    columns: columns([
      ["key", text, { name: "ScheduleKey", display: "Key", ...uniqueKey, ...internal }],
      ["mechanism", choice(MECHANISM_WORDS), { name: "ScheduleMechanism", display: "Mechanism" }],
      ["everyMonths", number, { name: "EveryMonths", display: "Every (months)" }],
      ["firstDueDate", date, { name: "FirstDueDate", display: "First round due" }],
      ["startDaysBefore", number, { name: "StartDaysBefore", display: "Started (days before due)" }],
      ["active", boolean, { name: "ScheduleActive", display: "Active" }],
      ["updatedAt", dateTime, { name: "ScheduleUpdatedAt", display: "Set at" }],
      ["updatedBy", text, { name: "ScheduleUpdatedBy", display: "Set by (id)", ...internal }],
      ["updatedByName", text, { name: "ScheduleUpdatedByName", display: "Set by" }],
    ]),
    titleOf: (r) => `${str(r.mechanism)} follow-up every ${String(r.everyMonths)} month(s)`,
  },
  {
    title: "Evidence",
    description: "Files the ministries sent with their answers.",
    template: "documentLibrary",
    columns: [],
  },
];

export function listOfKind(kind: RecordName): ListSpec {
  const list = SITE_SCHEMA.find((l) => l.kind === kind);
  if (!list) throw new Error(`no list keeps ${kind}`);
  return list;
}

export function listNamed(title: ListName): ListSpec {
  const list = SITE_SCHEMA.find((l) => l.title === title);
  if (!list) throw new Error(`no list ${title}`);
  return list;
}

/** The key of a column's value in `fields`: a lookup's is `{Name}LookupId` (graph-contract.md 4.2.1). */
export function fieldKeyOf(column: ColumnSpec): string {
  return column.kind.type === "lookup" || column.kind.type === "multiLookup" ? `${column.name}LookupId` : column.name;
}
