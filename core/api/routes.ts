/**
 * Every route of the HTTP API: method, path, what it takes and answers (zod), and who may call
 * it. The server validates with these schemas and generates /api/openapi.json from them; the tab
 * imports them to type its calls. Paths use OpenAPI's `{param}` style.
 */
import { z } from "zod";
import { recordIdSchema } from "../records/common";
import { apiErrorSchema, idParamsSchema } from "./common";
import * as dataQuality from "./data-quality";
import * as drafts from "./drafts";
import * as exportFiles from "./exports";
import * as followup from "./followup";
import * as imports from "./imports";
import * as lists from "./lists";
import * as overview from "./overview";
import * as recommendations from "./recommendations";
import * as requests from "./requests";
import * as word from "./word";
import * as visits from "./visits";
import { calendarQuerySchema, calendarSchema } from "../engagement/due-calendar";

export type HttpMethod = "get" | "post" | "patch" | "put" | "delete";

/** A body that is a file, sent as is (not JSON). */
export interface BinaryBody {
  binary: true;
  /** The content types accepted (the upload's Content-Type). */
  contentTypes: readonly string[];
  description: string;
}

/** A response that is a file. */
export interface BinaryResponse {
  binary: true;
  contentType: string;
}

export interface ApiRoute<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType | BinaryBody = z.ZodType | BinaryBody,
  Response extends z.ZodType | BinaryResponse = z.ZodType | BinaryResponse,
> {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  /** `none`: anyone; `user`: a valid bearer token; `local`: local mode only, from loopback only. */
  auth: "none" | "user" | "local";
  /** Who may call it, in words (the policy in core/auth decides). */
  who: string;
  params?: Params;
  query?: Query;
  body?: Body;
  response: Response;
  /** The status of a success. Default 200. */
  status?: number;
}

function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType | BinaryBody, R extends z.ZodType | BinaryResponse>(
  definition: ApiRoute<P, Q, B, R>,
): ApiRoute<P, Q, B, R> {
  return definition;
}

const EVERYONE = "everyone with a role; observers see only what is shared with them";
const SECRETARIAT = "the secretariat";
const FOCAL_POINT = "an active focal point of the request's ministry";
const REQUEST_READERS = "everyone with a role, as the mechanism's rules say: a focal point their own ministry's (every ministry's when NMIRF_FOCAL_POINTS_READ=all-ministries); observers, and other ministries' focal points, only requests shared with observers (a shared report, about a shared subject), marked access: shared";

const SPECIAL_PROCEDURES_READERS = "the secretariat, the chair, administrators and focal points; not observers (visits and communications are confidential until the mandate holders publish them)";

const reportParams = z.strictObject({ id: recordIdSchema });

export const API_ROUTES = {
  // Meta
  config: route({ id: "config", method: "get", path: "/api/config", tag: "meta", auth: "none", who: "anyone", summary: "What the tab needs before signing in: the mode and how to sign in", response: overview.publicConfigSchema }),
  health: route({ id: "health", method: "get", path: "/healthz", tag: "meta", auth: "none", who: "anyone", summary: "Liveness: 200 while the server serves, 503 while it starts or stops", response: overview.healthSchema }),
  openapi: route({ id: "openapi", method: "get", path: "/api/openapi.json", tag: "meta", auth: "none", who: "anyone", summary: "This API, described in OpenAPI 3.1", response: z.record(z.string(), z.unknown()) }),
  me: route({ id: "me", method: "get", path: "/api/me", tag: "meta", auth: "user", who: "anyone signed in", summary: "The signed-in person: roles, ministries, what they may do", response: overview.meSchema }),

  // Recommendations
  listRecommendations: route({ id: "listRecommendations", method: "get", path: "/api/recommendations", tag: "recommendations", auth: "user", who: EVERYONE, summary: "Recommendations, filtered, sorted and paged (the grid)", query: recommendations.recommendationQuerySchema, response: recommendations.recommendationPageSchema }),
  getRecommendation: route({ id: "getRecommendation", method: "get", path: "/api/recommendations/{id}", tag: "recommendations", auth: "user", who: EVERYONE, summary: "One recommendation, with its status history", params: idParamsSchema, response: recommendations.recommendationSchema }),
  createRecommendation: route({ id: "createRecommendation", method: "post", path: "/api/recommendations", tag: "recommendations", auth: "user", who: SECRETARIAT, summary: "Adds a recommendation (409 when its symbol and paragraph exist)", body: recommendations.createRecommendationBodySchema, response: recommendations.recommendationSchema, status: 201 }),
  updateRecommendation: route({ id: "updateRecommendation", method: "patch", path: "/api/recommendations/{id}", tag: "recommendations", auth: "user", who: SECRETARIAT, summary: "Changes a recommendation (412 with the current one on a stale eTag); its status changes only through the lead ministry", params: idParamsSchema, body: recommendations.updateRecommendationBodySchema, response: recommendations.recommendationSchema }),
  bulkAssignRecommendations: route({ id: "bulkAssignRecommendations", method: "post", path: "/api/recommendations/bulk-assign", tag: "recommendations", auth: "user", who: SECRETARIAT, summary: "Assigns lead/supporting ministries or sharing to many recommendations; each result says whether it was written", body: recommendations.bulkAssignBodySchema, response: recommendations.bulkResultSchema }),
  listThemes: route({ id: "listThemes", method: "get", path: "/api/themes", tag: "recommendations", auth: "user", who: EVERYONE, summary: "The themes the recommendations use (of a mechanism), each with how many carry it and the names that are probably the same theme", query: recommendations.themeQuerySchema, response: recommendations.themeListSchema }),
  renameThemes: route({ id: "renameThemes", method: "post", path: "/api/themes/rename", tag: "recommendations", auth: "user", who: SECRETARIAT, summary: "Renames a theme, or merges several into one, on every recommendation (of a mechanism) that carries them: a preview of what changes unless apply is true; each change audited", body: recommendations.renameThemesBodySchema, response: recommendations.renameThemesResultSchema }),
  updateRecommendationStatus: route({ id: "updateRecommendationStatus", method: "post", path: "/api/recommendations/{id}/status", tag: "recommendations", auth: "user", who: "an active focal point of the recommendation's lead ministry", summary: "Reports the implementation status (kept in the history)", params: idParamsSchema, body: recommendations.updateStatusBodySchema, response: recommendations.recommendationSchema }),

  // Ministries and focal points
  listMinistries: route({ id: "listMinistries", method: "get", path: "/api/ministries", tag: "ministries", auth: "user", who: "everyone with a role", summary: "Ministries with their focal points in office", query: lists.ministryQuerySchema, response: lists.ministryListSchema }),
  createMinistry: route({ id: "createMinistry", method: "post", path: "/api/ministries", tag: "ministries", auth: "user", who: SECRETARIAT, summary: "Adds a ministry", body: lists.createMinistryBodySchema, response: lists.ministrySchema, status: 201 }),
  updateMinistry: route({ id: "updateMinistry", method: "patch", path: "/api/ministries/{id}", tag: "ministries", auth: "user", who: SECRETARIAT, summary: "Changes a ministry (e.g. deactivates it)", params: idParamsSchema, body: lists.updateMinistryBodySchema, response: lists.ministrySchema }),
  listFocalPoints: route({ id: "listFocalPoints", method: "get", path: "/api/ministries/{id}/focal-points", tag: "ministries", auth: "user", who: "everyone with a role", summary: "Every nomination of the ministry's focal points, past ones included", params: idParamsSchema, response: lists.focalPointHistorySchema }),
  nominateFocalPoint: route({ id: "nominateFocalPoint", method: "post", path: "/api/ministries/{id}/focal-points", tag: "ministries", auth: "user", who: SECRETARIAT, summary: "Names the technical or senior focal point; the previous one's nomination ends and their answers stay theirs", params: idParamsSchema, body: lists.nominateBodySchema, response: lists.nominationResultSchema, status: 201 }),
  updateFocalPoint: route({ id: "updateFocalPoint", method: "patch", path: "/api/focal-points/{id}", tag: "ministries", auth: "user", who: SECRETARIAT, summary: "Corrects a focal point's name or e-mail, or ends the nomination", params: idParamsSchema, body: lists.updateFocalPointBodySchema, response: lists.focalPointSchema }),

  // Reports and milestones
  listReports: route({ id: "listReports", method: "get", path: "/api/reports", tag: "reports", auth: "user", who: EVERYONE, summary: "Reports, soonest due first", query: lists.reportQuerySchema, response: lists.reportListSchema }),
  getReport: route({ id: "getReport", method: "get", path: "/api/reports/{id}", tag: "reports", auth: "user", who: EVERYONE, summary: "One report", params: idParamsSchema, response: lists.reportSchema }),
  createReport: route({ id: "createReport", method: "post", path: "/api/reports", tag: "reports", auth: "user", who: SECRETARIAT, summary: "Opens a report (mechanism, type, due date, word limit, questions)", body: lists.createReportBodySchema, response: lists.reportSchema, status: 201 }),
  updateReport: route({ id: "updateReport", method: "patch", path: "/api/reports/{id}", tag: "reports", auth: "user", who: SECRETARIAT, summary: "Changes a report (its status follows its workflow)", params: idParamsSchema, body: lists.updateReportBodySchema, response: lists.reportSchema }),
  listMilestones: route({ id: "listMilestones", method: "get", path: "/api/reports/{id}/milestones", tag: "reports", auth: "user", who: EVERYONE, summary: "The report's workplan, in order", params: reportParams, response: lists.milestoneListSchema }),
  createMilestone: route({ id: "createMilestone", method: "post", path: "/api/reports/{id}/milestones", tag: "reports", auth: "user", who: SECRETARIAT, summary: "Adds a step to the report's workplan", params: reportParams, body: lists.createMilestoneBodySchema, response: lists.milestoneSchema, status: 201 }),
  updateMilestone: route({ id: "updateMilestone", method: "patch", path: "/api/milestones/{id}", tag: "reports", auth: "user", who: SECRETARIAT, summary: "Changes a milestone (e.g. marks it done)", params: idParamsSchema, body: lists.updateMilestoneBodySchema, response: lists.milestoneSchema }),

  // Consultations
  listConsultations: route({ id: "listConsultations", method: "get", path: "/api/consultations", tag: "reports", auth: "user", who: "everyone with a role", summary: "Who was consulted on what, when", query: lists.consultationQuerySchema, response: lists.consultationListSchema }),
  createConsultation: route({ id: "createConsultation", method: "post", path: "/api/consultations", tag: "reports", auth: "user", who: SECRETARIAT, summary: "Records a consultation", body: lists.createConsultationBodySchema, response: lists.consultationSchema, status: 201 }),
  updateConsultation: route({ id: "updateConsultation", method: "patch", path: "/api/consultations/{id}", tag: "reports", auth: "user", who: SECRETARIAT, summary: "Changes a consultation", params: idParamsSchema, body: lists.updateConsultationBodySchema, response: lists.consultationSchema }),
  listConsultationComments: route({ id: "listConsultationComments", method: "get", path: "/api/consultations/{id}/comments", tag: "reports", auth: "user", who: "the secretariat, the chair and administrators (every comment); an invited observer (their own)", summary: "What observers said during a consultation, and the answers", params: idParamsSchema, response: lists.consultationCommentListSchema }),
  commentOnConsultation: route({ id: "commentOnConsultation", method: "post", path: "/api/consultations/{id}/comments", tag: "reports", auth: "user", who: "an observer the consultation invites, from its first day to its last", summary: "Comments on a draft section or a recommendation the consultation shares", params: idParamsSchema, body: lists.commentOnConsultationBodySchema, response: lists.consultationCommentSchema, status: 201 }),
  answerConsultationComment: route({ id: "answerConsultationComment", method: "patch", path: "/api/consultation-comments/{id}", tag: "reports", auth: "user", who: SECRETARIAT, summary: "Answers an observer's comment and says whether it was taken up", params: idParamsSchema, body: lists.answerConsultationCommentBodySchema, response: lists.consultationCommentSchema }),

  // Requests and contributions
  listRequests: route({ id: "listRequests", method: "get", path: "/api/requests", tag: "requests", auth: "user", who: REQUEST_READERS, summary: "Requests for input, filtered and paged", query: requests.requestQuerySchema, response: requests.requestPageSchema }),
  getRequest: route({ id: "getRequest", method: "get", path: "/api/requests/{id}", tag: "requests", auth: "user", who: REQUEST_READERS, summary: "One request", params: idParamsSchema, response: requests.requestSchema }),
  createRequests: route({ id: "createRequests", method: "post", path: "/api/reports/{id}/requests", tag: "requests", auth: "user", who: SECRETARIAT, summary: "Asks ministries for input; asking again for what was asked creates nothing", params: reportParams, body: requests.createRequestsBodySchema, response: requests.createRequestsResultSchema, status: 201 }),
  extendRequest: route({ id: "extendRequest", method: "post", path: "/api/requests/{id}/extend", tag: "requests", auth: "user", who: SECRETARIAT, summary: "Moves the due date (the focal point is told)", params: idParamsSchema, body: requests.extendRequestBodySchema, response: requests.requestSchema }),
  closeRequest: route({ id: "closeRequest", method: "post", path: "/api/requests/{id}/close", tag: "requests", auth: "user", who: SECRETARIAT, summary: "Closes a request: it takes no more answers", params: idParamsSchema, body: requests.requestActionBodySchema, response: requests.requestSchema }),
  reopenRequest: route({ id: "reopenRequest", method: "post", path: "/api/requests/{id}/reopen", tag: "requests", auth: "user", who: SECRETARIAT, summary: "Reopens a closed request", params: idParamsSchema, body: requests.requestActionBodySchema, response: requests.requestSchema }),
  resendRequest: route({ id: "resendRequest", method: "post", path: "/api/requests/{id}/resend", tag: "requests", auth: "user", who: SECRETARIAT, summary: "Sends the request card again to the technical focal point", params: idParamsSchema, body: requests.requestActionBodySchema, response: requests.requestSchema }),
  seeRequest: route({ id: "seeRequest", method: "post", path: "/api/requests/{id}/see", tag: "requests", auth: "user", who: FOCAL_POINT, summary: "Marks the request seen", params: idParamsSchema, body: requests.requestActionBodySchema, response: requests.requestSchema }),
  askMoreTime: route({ id: "askMoreTime", method: "post", path: "/api/requests/{id}/ask-more-time", tag: "requests", auth: "user", who: FOCAL_POINT, summary: "Asks the secretariat for more time", params: idParamsSchema, body: requests.askMoreTimeBodySchema, response: requests.requestSchema }),
  declineRequest: route({ id: "declineRequest", method: "post", path: "/api/requests/{id}/decline", tag: "requests", auth: "user", who: FOCAL_POINT, summary: "Says the request is not for this ministry", params: idParamsSchema, body: requests.declineRequestBodySchema, response: requests.requestSchema }),
  listDecisions: route({ id: "listDecisions", method: "get", path: "/api/decisions", tag: "requests", auth: "user", who: SECRETARIAT, summary: "What waits for the secretariat's decision: asks for more time, declines, undeliverable cards, escalations, answers to review", response: requests.decisionListSchema }),
  decideRequest: route({ id: "decideRequest", method: "post", path: "/api/requests/{id}/decide", tag: "requests", auth: "user", who: SECRETARIAT, summary: "Grants or refuses more time, moves the request to another ministry, accepts its answer or sends it back for revision (the focal point is told in chat)", params: idParamsSchema, body: requests.decideRequestBodySchema, response: requests.decideRequestResultSchema }),
  listContributions: route({ id: "listContributions", method: "get", path: "/api/requests/{id}/contributions", tag: "requests", auth: "user", who: "those who read the request in full: the secretariat, the chair, administrators, its ministry's focal points (every ministry's when the mechanism lets them); not observers", summary: "Every version of the answers to a request, newest first", params: idParamsSchema, response: requests.contributionListSchema }),
  createContribution: route({ id: "createContribution", method: "post", path: "/api/requests/{id}/contributions", tag: "requests", auth: "user", who: FOCAL_POINT, summary: "Answers a request (a new version; the same submissionId twice saves once)", params: idParamsSchema, body: requests.createContributionBodySchema, response: requests.contributionResultSchema, status: 201 }),
  uploadAttachment: route({ id: "uploadAttachment", method: "post", path: "/api/requests/{id}/attachments", tag: "requests", auth: "user", who: FOCAL_POINT, summary: "Uploads an evidence file to the Evidence library; list it in the answer's attachments", params: idParamsSchema, query: requests.attachmentQuerySchema, body: { binary: true, contentTypes: ["*/*"], description: "the file" }, response: requests.attachmentResultSchema, status: 201 }),

  // Follow-up of implementation
  createAction: route({ id: "createAction", method: "post", path: "/api/actions", tag: "follow-up", auth: "user", who: SECRETARIAT, summary: "Records an action for one or more recommendations (lead and supporting ministries, dates, expected output, plan items)", body: followup.createActionBodySchema, response: followup.actionSchema, status: 201 }),
  createIndicator: route({ id: "createIndicator", method: "post", path: "/api/indicators", tag: "follow-up", auth: "user", who: SECRETARIAT, summary: "Defines an indicator of an action, a recommendation or a cluster (baseline, target, data source)", body: followup.createIndicatorBodySchema, response: followup.indicatorSchema, status: 201 }),
  reportProgress: route({ id: "reportProgress", method: "post", path: "/api/actions/{id}/progress", tag: "follow-up", auth: "user", who: "an active focal point of the action's lead ministry", summary: "Reports an action's progress, status and indicator values (a new version; the same submissionId twice saves once)", params: idParamsSchema, body: followup.reportProgressBodySchema, response: followup.reportProgressResultSchema, status: 201 }),
  reviewProgress: route({ id: "reviewProgress", method: "post", path: "/api/progress/{id}/review", tag: "follow-up", auth: "user", who: SECRETARIAT, summary: "Accepts a progress update (its values are recorded, the action and its recommendations move) or returns it with a comment", params: idParamsSchema, body: followup.reviewProgressBodySchema, response: followup.reviewProgressResultSchema }),

  listActions: route({ id: "listActions", method: "get", path: "/api/actions", tag: "follow-up", auth: "user", who: "everyone with a role: a focal point the actions their ministry leads or supports (every ministry's when NMIRF_FOCAL_POINTS_READ=all-ministries); observers, and other ministries' focal points, only actions shared with observers, marked access: shared", summary: "Actions, by ministry, plan, recommendation or status, overdue or with an indicator off track, the soonest ending first", query: followup.actionQuerySchema, response: followup.actionPageSchema }),
  getAction: route({ id: "getAction", method: "get", path: "/api/actions/{id}", tag: "follow-up", auth: "user", who: "as for listActions", summary: "One action: its indicators with their values against baseline and target, and its progress timeline (at the shared level, the accepted updates without their authors)", params: idParamsSchema, response: followup.actionViewSchema }),
  getIndicator: route({ id: "getIndicator", method: "get", path: "/api/indicators/{id}", tag: "follow-up", auth: "user", who: "as its action is read; an indicator of a recommendation as the recommendation is", summary: "One indicator with its accepted values, the latest, and whether it is on track", params: idParamsSchema, response: followup.indicatorViewSchema }),
  // Visits of special procedures
  listVisits: route({ id: "listVisits", method: "get", path: "/api/visits", tag: "special procedures", auth: "user", who: SPECIAL_PROCEDURES_READERS, summary: "Visits of special procedures and other bodies, the latest request first", response: visits.visitListSchema }),
  recordVisit: route({ id: "recordVisit", method: "post", path: "/api/visits", tag: "special procedures", auth: "user", who: SECRETARIAT, summary: "Records a mandate holder's request to visit (mandate, holder, dates requested); the checklist starts with the standard steps", body: visits.recordVisitBodySchema, response: visits.visitSchema, status: 201 }),
  getVisit: route({ id: "getVisit", method: "get", path: "/api/visits/{id}", tag: "special procedures", auth: "user", who: SPECIAL_PROCEDURES_READERS, summary: "One visit, with its follow-up: the recommendations of its report by status, and how many have no lead ministry", params: idParamsSchema, response: visits.visitViewSchema }),
  replyToVisit: route({ id: "replyToVisit", method: "post", path: "/api/visits/{id}/reply", tag: "special procedures", auth: "user", who: SECRETARIAT, summary: "The State's reply: accept, propose other dates, or decline (409 invalid_state when the visit is past replying)", params: idParamsSchema, body: visits.visitReplyBodySchema, response: visits.visitSchema }),
  agreeVisitDates: route({ id: "agreeVisitDates", method: "post", path: "/api/visits/{id}/dates", tag: "special procedures", auth: "user", who: SECRETARIAT, summary: "The dates agreed with the mandate holder (the programme's meetings must fall within them)", params: idParamsSchema, body: visits.agreeVisitDatesBodySchema, response: visits.visitSchema }),
  setVisitProgramme: route({ id: "setVisitProgramme", method: "put", path: "/api/visits/{id}/programme", tag: "special procedures", auth: "user", who: SECRETARIAT, summary: "The programme: meetings (who, when, where) and the ministries asked to host or brief", params: idParamsSchema, body: visits.visitProgrammeBodySchema, response: visits.visitSchema }),
  askForMeeting: route({ id: "askForMeeting", method: "post", path: "/api/visits/{id}/meetings/{key}/requests", tag: "special procedures", auth: "user", who: SECRETARIAT, summary: "Asks the meeting's ministries to host or brief, through the bot, as requests on the visit's report (asking again creates nothing)", params: visits.meetingParamsSchema, body: visits.meetingRequestsBodySchema, response: requests.createRequestsResultSchema, status: 201 }),
  recordVisitStatement: route({ id: "recordVisitStatement", method: "post", path: "/api/visits/{id}/statement", tag: "special procedures", auth: "user", who: SECRETARIAT, summary: "The end-of-visit statement (its day, text or link): the visit is completed", params: idParamsSchema, body: visits.visitStatementBodySchema, response: visits.visitSchema }),
  recordVisitReport: route({ id: "recordVisitReport", method: "post", path: "/api/visits/{id}/report", tag: "special procedures", auth: "user", who: SECRETARIAT, summary: "The visit report's symbol: the recommendations imported with it as their document symbol are the visit's", params: idParamsSchema, body: visits.visitReportBodySchema, response: visits.visitSchema }),
  tickVisitStep: route({ id: "tickVisitStep", method: "patch", path: "/api/visits/{id}/checklist", tag: "special procedures", auth: "user", who: SECRETARIAT, summary: "Ticks or un-ticks a step of the visit's checklist (who and when are kept)", params: idParamsSchema, body: visits.tickVisitStepBodySchema, response: visits.visitSchema }),
  configureVisitChecklist: route({ id: "configureVisitChecklist", method: "put", path: "/api/visits/{id}/checklist", tag: "special procedures", auth: "user", who: SECRETARIAT, summary: "Sets the checklist's steps: standard ones by key, the secretariat's own with a title; ticks of steps kept stay", params: idParamsSchema, body: visits.visitChecklistBodySchema, response: visits.visitSchema }),

  startFollowUpRound: route({ id: "startFollowUpRound", method: "post", path: "/api/follow-up-rounds", tag: "follow-up", auth: "user", who: SECRETARIAT, summary: "Starts a follow-up round: the bot asks each lead ministry's technical focal point, one card per action planned or under way of the mechanism's recommendations; starting it again queues only the cards missing", body: followup.startRoundBodySchema, response: followup.startRoundResultSchema, status: 201 }),
  listFollowUpRounds: route({ id: "listFollowUpRounds", method: "get", path: "/api/follow-up-rounds", tag: "follow-up", auth: "user", who: SECRETARIAT, summary: "The follow-up rounds started, newest first", response: followup.followUpRoundListSchema }),
  setFollowUpSchedule: route({ id: "setFollowUpSchedule", method: "put", path: "/api/follow-up-schedules", tag: "follow-up", auth: "user", who: SECRETARIAT, summary: "Sets, changes or pauses a mechanism's follow-up schedule: every n months from the first due date, each round started so many days before it is due, by itself, on the leader's timer", body: followup.setScheduleBodySchema, response: followup.followUpScheduleSchema }),
  recordPlan: route({ id: "recordPlan", method: "post", path: "/api/plans", tag: "follow-up", auth: "user", who: SECRETARIAT, summary: "Records a national plan (human rights action plan, development plan) with its chapters and items, for actions to be linked to its items; the same plan recorded again completes its items, another plan of the same name is refused", body: followup.recordPlanBodySchema, response: followup.planWithItemsSchema, status: 201 }),
  listPlans: route({ id: "listPlans", method: "get", path: "/api/plans", tag: "follow-up", auth: "user", who: "everyone with a role", summary: "The national plans with their chapters and items, the latest starting first", response: followup.planListSchema }),
  listFollowUpSchedules: route({ id: "listFollowUpSchedules", method: "get", path: "/api/follow-up-schedules", tag: "follow-up", auth: "user", who: SECRETARIAT, summary: "The mechanisms' follow-up schedules", response: followup.followUpScheduleListSchema }),
  // Communications of special procedures
  listCommunications: route({ id: "listCommunications", method: "get", path: "/api/communications", tag: "special procedures", auth: "user", who: SPECIAL_PROCEDURES_READERS, summary: "Allegation letters and urgent appeals, the latest received first", response: visits.communicationListSchema }),
  receiveCommunication: route({ id: "receiveCommunication", method: "post", path: "/api/communications", tag: "special procedures", auth: "user", who: SECRETARIAT, summary: "Records a communication (reference, mandates, received date; the reply is due 60 days later unless the letter says otherwise) and opens its reply's report", body: visits.receiveCommunicationBodySchema, response: visits.communicationSchema, status: 201 }),
  getCommunication: route({ id: "getCommunication", method: "get", path: "/api/communications/{id}", tag: "special procedures", auth: "user", who: SPECIAL_PROCEDURES_READERS, summary: "One communication", params: idParamsSchema, response: visits.communicationSchema }),
  askAboutCommunication: route({ id: "askAboutCommunication", method: "post", path: "/api/communications/{id}/requests", tag: "special procedures", auth: "user", who: SECRETARIAT, summary: "Asks ministries for input to the reply, through the bot, as requests on the reply's report (due on or before the reply; asking again creates nothing)", params: idParamsSchema, body: visits.communicationRequestsBodySchema, response: requests.createRequestsResultSchema, status: 201 }),
  recordReplySent: route({ id: "recordReplySent", method: "post", path: "/api/communications/{id}/sent", tag: "special procedures", auth: "user", who: SECRETARIAT, summary: "Records the day the reply was sent: only once the chair approved a draft of it (409 otherwise); its report is then submitted", params: idParamsSchema, body: visits.replySentBodySchema, response: visits.communicationSchema }),

  // Drafts
  listDrafts: route({ id: "listDrafts", method: "get", path: "/api/reports/{id}/drafts", tag: "drafts", auth: "user", who: EVERYONE, summary: "The report's compiled drafts, newest first", params: reportParams, response: drafts.draftListSchema }),
  compileDraft: route({ id: "compileDraft", method: "post", path: "/api/reports/{id}/drafts", tag: "drafts", auth: "user", who: SECRETARIAT, summary: "Compiles the next draft from the latest answers into the Drafts library", params: reportParams, body: drafts.compileDraftBodySchema, response: drafts.compileDraftResultSchema, status: 201 }),
  getDraft: route({ id: "getDraft", method: "get", path: "/api/drafts/{id}", tag: "drafts", auth: "user", who: EVERYONE, summary: "One draft with its review rounds", params: idParamsSchema, response: drafts.draftWithReviewsSchema }),
  downloadDraft: route({ id: "downloadDraft", method: "get", path: "/api/drafts/{id}/file", tag: "drafts", auth: "user", who: "the secretariat, the chair and administrators: the file in the library; observers and focal points (every ministry's answers are in it): once the report is shared with observers, the approved file, or else the draft rendered for observers", summary: "The draft's .docx: the internal file, or the edition shared with observers", params: idParamsSchema, response: { binary: true, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" } }),
  downloadDraftPdf: route({ id: "downloadDraftPdf", method: "get", path: "/api/drafts/{id}/pdf", tag: "drafts", auth: "user", who: "as for the .docx (GET /api/drafts/{id}/file): each reader gets their edition", summary: "The draft as PDF, converted by LibreOffice on the server (503 saying so when the server has none, or the conversion fails or takes too long)", params: idParamsSchema, response: { binary: true, contentType: "application/pdf" } }),
  sendDraftForApproval: route({ id: "sendDraftForApproval", method: "post", path: "/api/drafts/{id}/send-for-approval", tag: "drafts", auth: "user", who: SECRETARIAT, summary: "Sends the latest draft to the chair", params: idParamsSchema, body: drafts.sendForApprovalBodySchema, response: drafts.reviewResultSchema, status: 201 }),
  decideDraft: route({ id: "decideDraft", method: "post", path: "/api/reviews/{id}/decision", tag: "drafts", auth: "user", who: "the chair", summary: "Approves or returns a draft (the file version decided on is recorded)", params: idParamsSchema, body: drafts.decideBodySchema, response: drafts.decisionResultSchema }),
  listTemplates: route({ id: "listTemplates", method: "get", path: "/api/templates", tag: "drafts", auth: "user", who: SECRETARIAT, summary: "The secretariat's Word templates (Drafts library, folder Templates)", response: drafts.templateListSchema }),
  uploadTemplate: route({ id: "uploadTemplate", method: "post", path: "/api/templates", tag: "drafts", auth: "user", who: SECRETARIAT, summary: "Uploads a Word template after checking it (placeholders, no macros)", query: drafts.templateUploadQuerySchema, body: { binary: true, contentTypes: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.openxmlformats-officedocument.wordprocessingml.template", "application/octet-stream"], description: "the .docx or .dotx" }, response: drafts.templateSchema, status: 201 }),

  // The Word task pane
  wordPane: route({ id: "wordPane", method: "get", path: "/api/word/pane", tag: "drafts", auth: "user", who: "those who read the draft (as GET /api/drafts/{id}): the figures in full for the secretariat, the chair and administrators; observers and focal points the draft as shared with them, read-only", summary: "What the Word task pane shows beside the draft open in Word (found by its document properties, or its address): the report, the versions, the word count, the requests still unanswered, the ministries that contributed, the review rounds, and what the caller may do; a document that is not one of our drafts is a plain answer", query: word.wordPaneQuerySchema, response: word.wordPaneSchema }),

  // Imports
  uploadImport: route({ id: "uploadImport", method: "post", path: "/api/imports", tag: "imports", auth: "user", who: SECRETARIAT, summary: "Reads an import file and answers what importing it would do (nothing is written)", query: imports.importUploadQuerySchema, body: { binary: true, contentTypes: ["*/*"], description: "an OHCHR thematic list (.docx), a UHRI export (.xlsx, .csv) or a CSV" }, response: imports.importSessionSchema, status: 201 }),
  getImport: route({ id: "getImport", method: "get", path: "/api/imports/{id}", tag: "imports", auth: "user", who: "the secretariat officer who uploaded it", summary: "The preview of an upload", params: imports.importIdParamsSchema, response: imports.importSessionSchema }),
  mapImport: route({ id: "mapImport", method: "post", path: "/api/imports/{id}/mapping", tag: "imports", auth: "user", who: "the secretariat officer who uploaded it", summary: "Reads the uploaded tracker again with a column mapping and answers its preview under a new id (nothing is written)", params: imports.importIdParamsSchema, body: imports.mapImportBodySchema, response: imports.importSessionSchema, status: 201 }),
  commitImport: route({ id: "commitImport", method: "post", path: "/api/imports/{id}/commit", tag: "imports", auth: "user", who: "the secretariat officer who uploaded it", summary: "Writes the import, planned again against the lists as they are now, without the changes unticked", params: imports.importIdParamsSchema, body: imports.commitImportBodySchema, response: imports.importCommitResultSchema }),
  listImportMappings: route({ id: "listImportMappings", method: "get", path: "/api/import-mappings", tag: "imports", auth: "user", who: SECRETARIAT, summary: "The column mappings saved on the site (Drafts library, folder Import mappings), each read back and checked", response: imports.importMappingListSchema }),
  saveImportMapping: route({ id: "saveImportMapping", method: "post", path: "/api/import-mappings", tag: "imports", auth: "user", who: SECRETARIAT, summary: "Saves a column mapping under a name (a new version when the name exists)", body: imports.saveImportMappingBodySchema, response: imports.importMappingSchema, status: 201 }),
  downloadImportMapping: route({ id: "downloadImportMapping", method: "get", path: "/api/import-mappings/{id}", tag: "imports", auth: "user", who: SECRETARIAT, summary: "A saved mapping as the JSON file `npx nmirf import FILE --mapping` takes", params: imports.importMappingIdParamsSchema, response: { binary: true, contentType: "application/json" } }),

  // Overview
  dashboard: route({ id: "dashboard", method: "get", path: "/api/dashboard", tag: "overview", auth: "user", who: EVERYONE, summary: "Implementation status rolled up by ministry, mechanism, theme, SDG or cluster; open reports' requests by status; the open requests overdue and due in the next 14 days", query: overview.dashboardQuerySchema, response: overview.dashboardSchema }),
  calendar: route({ id: "calendar", method: "get", path: "/api/calendar", tag: "overview", auth: "user", who: "everyone with a role: visits and communications not for observers; reports and consultations as shared", summary: "What is due or happens from one day to another: visits requested, proposed and agreed, their meetings, replies to communications, reports, consultations (at most 400 days)", query: calendarQuerySchema, response: calendarSchema }),
  readDataQuality: route({ id: "readDataQuality", method: "get", path: "/api/data-quality", tag: "overview", auth: "user", who: "the secretariat, the chair and administrators", summary: "Rows people left in SharePoint that the app cannot use (kept out of every list), list by list, with their problems in words and a link to the item", response: dataQuality.dataQualitySchema }),
  fixRow: route({ id: "fixRow", method: "patch", path: "/api/data-quality/{kind}/{id}", tag: "overview", auth: "user", who: "the secretariat and administrators", summary: "Fixes the columns of a row that needs attention (412 on a stale eTag; nothing written while the row stays invalid)", params: dataQuality.rowParamsSchema, body: dataQuality.fixRowBodySchema, response: dataQuality.fixRowResultSchema }),
  listAudit: route({ id: "listAudit", method: "get", path: "/api/audit", tag: "overview", auth: "user", who: "the secretariat, the chair and administrators", summary: "Who changed what, when, newest first", query: overview.auditQuerySchema, response: overview.auditPageSchema }),
  // Exports of the grids, with the grid's filters, in the person's language
  exportRecommendations: route({ id: "exportRecommendations", method: "get", path: "/api/exports/recommendations", tag: "exports", auth: "user", who: EVERYONE, summary: "The recommendations the filters match, as .xlsx or CSV (streamed)", query: exportFiles.exportRecommendationsQuerySchema, response: { binary: true, contentType: exportFiles.XLSX_CONTENT_TYPE } }),
  exportUprMatrix: route({ id: "exportUprMatrix", method: "get", path: "/api/exports/upr-matrix", tag: "exports", auth: "user", who: EVERYONE, summary: "The UPR matrix (the annex of the State's report): the UPR recommendations the filters match, in paragraph order, as .xlsx or CSV (streamed)", query: exportFiles.exportUprMatrixQuerySchema, response: { binary: true, contentType: exportFiles.XLSX_CONTENT_TYPE } }),
  exportDashboard: route({ id: "exportDashboard", method: "get", path: "/api/exports/dashboard", tag: "exports", auth: "user", who: EVERYONE, summary: "The Overview's figures (totals, the roll-up by the dimension, the reports' requests, requests overdue and due soon) as an .xlsx of several sheets or one CSV", query: exportFiles.exportDashboardQuerySchema, response: { binary: true, contentType: exportFiles.XLSX_CONTENT_TYPE } }),
  exportRequests: route({ id: "exportRequests", method: "get", path: "/api/exports/requests", tag: "exports", auth: "user", who: REQUEST_READERS, summary: "The requests the filters match, as .xlsx or CSV (streamed)", query: exportFiles.exportRequestsQuerySchema, response: { binary: true, contentType: exportFiles.XLSX_CONTENT_TYPE } }),
  exportActions: route({ id: "exportActions", method: "get", path: "/api/exports/actions", tag: "exports", auth: "user", who: "as for listActions", summary: "The actions the filters match, the soonest ending first, with their ministries, dates, recommendations, expected output and indicators off track, as .xlsx or CSV", query: exportFiles.exportActionsQuerySchema, response: { binary: true, contentType: exportFiles.XLSX_CONTENT_TYPE } }),
  exportAudit: route({ id: "exportAudit", method: "get", path: "/api/exports/audit", tag: "exports", auth: "user", who: "the secretariat, the chair and administrators", summary: "The audit entries the filters match, newest first, as .xlsx or CSV (streamed)", query: exportFiles.exportAuditQuerySchema, response: { binary: true, contentType: exportFiles.XLSX_CONTENT_TYPE } }),

  // Local sign-in
  localPersonas: route({ id: "localPersonas", method: "get", path: "/local-auth/personas", tag: "local sign-in", auth: "local", who: "local mode, from this machine only", summary: "The demo personas to sign in as", response: overview.personaListSchema }),
  localToken: route({ id: "localToken", method: "post", path: "/local-auth/token", tag: "local sign-in", auth: "local", who: "local mode, from this machine only", summary: "A token for a persona, signed by the local issuer", body: overview.localTokenBodySchema, response: overview.localTokenSchema }),
  localWordDocument: route({ id: "localWordDocument", method: "get", path: "/api/local/word-document", tag: "local sign-in", auth: "local", who: "local mode, from this machine only", summary: "Local mode's stand-in for Word: a draft's file name, address, file version and the custom document properties read from its .docx", query: word.localWordDocumentQuerySchema, response: word.localWordDocumentSchema }),
  localJwks: route({ id: "localJwks", method: "get", path: "/local-auth/.well-known/jwks.json", tag: "local sign-in", auth: "local", who: "local mode, from this machine only", summary: "The local issuer's public keys", response: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }) }),
} as const;

export type ApiRoutes = typeof API_ROUTES;
export type RouteId = keyof ApiRoutes;

export function isBinaryBody(body: unknown): body is BinaryBody {
  return typeof body === "object" && body !== null && (body as BinaryBody).binary === true && "contentTypes" in body;
}

export function isBinaryResponse(response: unknown): response is BinaryResponse {
  return typeof response === "object" && response !== null && (response as BinaryResponse).binary === true && "contentType" in response;
}

/** `/api/recommendations/{id}` with `{ id: "7" }` → `/api/recommendations/7` (for the tab). */
export function pathOf(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
}

export { apiErrorSchema };
