import type { z } from "zod";
import { auditEntryFieldsSchema } from "../audit/audit-entry";
import { consultationCommentFieldsSchema, consultationFieldsSchema } from "../consultations/consultation";
import { contributionFieldsSchema } from "../contributions/contribution";
import { conversationFieldsSchema } from "../outbox/conversation";
import { draftFieldsSchema, reviewFieldsSchema } from "../drafts/draft";
import { actionFieldsSchema } from "../followup/action";
import { indicatorFieldsSchema, indicatorValueFieldsSchema } from "../followup/indicator";
import { planFieldsSchema, planItemFieldsSchema } from "../followup/plan";
import { progressUpdateFieldsSchema } from "../followup/progress-update";
import { followUpRoundFieldsSchema } from "../followup/round";
import { followUpScheduleFieldsSchema } from "../followup/schedule";
import { focalPointFieldsSchema } from "../ministries/focal-point";
import { ministryRecordSchema } from "../ministries/ministry";
import { outboxEntryFieldsSchema } from "../outbox/outbox-entry";
import { operationFieldsSchema } from "../operations/operation";
import { recommendationFieldsSchema } from "../recommendations/recommendation";
import { milestoneFieldsSchema, reportFieldsSchema } from "../reports/report";
import { requestFieldsSchema } from "../requests/request";
import { visitFieldsSchema } from "../visits/visit";
import { communicationFieldsSchema } from "../communications/communication";

/**
 * What core knows about each kind of record: its schema, the fields it may be queried
 * (filtered or sorted) by, and its unique key. The SharePoint schema indexes exactly the
 * queryable fields: SharePoint refuses queries on other columns of large lists.
 */
export interface RecordKind<Schema extends z.ZodType = z.ZodType> {
  readonly name: string;
  /** How a person names one record of this kind, for messages. */
  readonly label: string;
  readonly schema: Schema;
  readonly queryable: readonly (keyof z.output<Schema> & string)[];
  readonly uniqueKey?: keyof z.output<Schema> & string;
}

function kind<Schema extends z.ZodType>(definition: RecordKind<Schema>): RecordKind<Schema> {
  return definition;
}

export const RECORD_KINDS = {
  ministries: kind({ name: "ministries", label: "Ministry", schema: ministryRecordSchema, queryable: ["name", "nameKey", "active"], uniqueKey: "nameKey" }),
  focalPoints: kind({
    name: "focalPoints",
    label: "Focal point",
    schema: focalPointFieldsSchema,
    queryable: ["ministryId", "userId", "role"],
  }),
  recommendations: kind({
    name: "recommendations",
    label: "Recommendation",
    schema: recommendationFieldsSchema,
    queryable: ["key", "mechanism", "documentSymbol", "leadMinistryId", "status", "cycle", "position", "uhriAnnotationId"],
    uniqueKey: "key",
  }),
  reports: kind({ name: "reports", label: "Report", schema: reportFieldsSchema, queryable: ["mechanism", "type", "status", "dueDate"] }),
  milestones: kind({ name: "milestones", label: "Milestone", schema: milestoneFieldsSchema, queryable: ["reportId", "dueDate"] }),
  requests: kind({
    name: "requests",
    label: "Request",
    schema: requestFieldsSchema,
    queryable: ["key", "reportId", "ministryId", "recommendationId", "status", "dueDate", "operationKey"],
    uniqueKey: "key",
  }),
  contributions: kind({
    name: "contributions",
    label: "Contribution",
    schema: contributionFieldsSchema,
    queryable: ["key", "requestId", "reportId", "ministryId", "submissionId"],
    uniqueKey: "key",
  }),
  plans: kind({ name: "plans", label: "Plan", schema: planFieldsSchema, queryable: ["key", "kind"], uniqueKey: "key" }),
  planItems: kind({ name: "planItems", label: "Plan item", schema: planItemFieldsSchema, queryable: ["key", "planId"], uniqueKey: "key" }),
  actions: kind({ name: "actions", label: "Action", schema: actionFieldsSchema, queryable: ["leadMinistryId", "status", "endDate"] }),
  indicators: kind({ name: "indicators", label: "Indicator", schema: indicatorFieldsSchema, queryable: ["actionId", "recommendationId"] }),
  indicatorValues: kind({
    name: "indicatorValues",
    label: "Indicator value",
    schema: indicatorValueFieldsSchema,
    queryable: ["key", "indicatorId", "date", "progressUpdateId"],
    uniqueKey: "key",
  }),
  progressUpdates: kind({
    name: "progressUpdates",
    label: "Progress update",
    schema: progressUpdateFieldsSchema,
    queryable: ["key", "actionId", "ministryId", "review", "submissionId"],
    uniqueKey: "key",
  }),
  followUpRounds: kind({ name: "followUpRounds", label: "Follow-up round", schema: followUpRoundFieldsSchema, queryable: ["key", "mechanism"], uniqueKey: "key" }),
  followUpSchedules: kind({ name: "followUpSchedules", label: "Follow-up schedule", schema: followUpScheduleFieldsSchema, queryable: ["key"], uniqueKey: "key" }),
  drafts: kind({ name: "drafts", label: "Draft", schema: draftFieldsSchema, queryable: ["key", "reportId", "reviewState"], uniqueKey: "key" }),
  reviews: kind({ name: "reviews", label: "Review", schema: reviewFieldsSchema, queryable: ["draftId", "reportId"] }),
  consultations: kind({ name: "consultations", label: "Consultation", schema: consultationFieldsSchema, queryable: ["reportId", "date"] }),
  consultationComments: kind({ name: "consultationComments", label: "Consultation comment", schema: consultationCommentFieldsSchema, queryable: ["consultationId", "authorId"] }),
  visits: kind({ name: "visits", label: "Visit", schema: visitFieldsSchema, queryable: ["status", "requestedOn"] }),
  communications: kind({ name: "communications", label: "Communication", schema: communicationFieldsSchema, queryable: ["reference", "status", "replyDueDate"], uniqueKey: "reference" }),
  outbox: kind({
    name: "outbox",
    label: "Outbox entry",
    schema: outboxEntryFieldsSchema,
    queryable: ["key", "status", "recipientId"],
    uniqueKey: "key",
  }),
  conversations: kind({ name: "conversations", label: "Conversation", schema: conversationFieldsSchema, queryable: ["userId"], uniqueKey: "userId" }),
  operations: kind({ name: "operations", label: "Operation", schema: operationFieldsSchema, queryable: ["key", "status"], uniqueKey: "key" }),
  audit: kind({ name: "audit", label: "Audit entry", schema: auditEntryFieldsSchema, queryable: ["entity", "entityId", "actorId", "action", "at"] }),
} as const;

export type RecordKinds = typeof RECORD_KINDS;
export type RecordName = keyof RecordKinds;
export type FieldsOf<Name extends RecordName> = z.output<RecordKinds[Name]["schema"]>;
export type InputOf<Name extends RecordName> = z.input<RecordKinds[Name]["schema"]>;
