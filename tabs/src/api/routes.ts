/**
 * The API's routes as the tab calls them: method and path per route id. The shapes come from
 * core/api as types only, so the tab's bundle carries no schema library; a test checks this
 * table against core's API_ROUTES.
 */
import type { z } from "zod";
import type { ApiRoutes, BinaryBody, HttpMethod, RouteId } from "../../../core/api/routes";

export const ROUTES = {
  config: ["get", "/api/config"],
  health: ["get", "/healthz"],
  openapi: ["get", "/api/openapi.json"],
  me: ["get", "/api/me"],
  listRecommendations: ["get", "/api/recommendations"],
  getRecommendation: ["get", "/api/recommendations/{id}"],
  createRecommendation: ["post", "/api/recommendations"],
  updateRecommendation: ["patch", "/api/recommendations/{id}"],
  bulkAssignRecommendations: ["post", "/api/recommendations/bulk-assign"],
  updateRecommendationStatus: ["post", "/api/recommendations/{id}/status"],
  listThemes: ["get", "/api/themes"],
  renameThemes: ["post", "/api/themes/rename"],
  listMinistries: ["get", "/api/ministries"],
  createMinistry: ["post", "/api/ministries"],
  updateMinistry: ["patch", "/api/ministries/{id}"],
  listFocalPoints: ["get", "/api/ministries/{id}/focal-points"],
  nominateFocalPoint: ["post", "/api/ministries/{id}/focal-points"],
  updateFocalPoint: ["patch", "/api/focal-points/{id}"],
  listReports: ["get", "/api/reports"],
  getReport: ["get", "/api/reports/{id}"],
  createReport: ["post", "/api/reports"],
  updateReport: ["patch", "/api/reports/{id}"],
  listMilestones: ["get", "/api/reports/{id}/milestones"],
  createMilestone: ["post", "/api/reports/{id}/milestones"],
  updateMilestone: ["patch", "/api/milestones/{id}"],
  listConsultations: ["get", "/api/consultations"],
  createConsultation: ["post", "/api/consultations"],
  updateConsultation: ["patch", "/api/consultations/{id}"],
  listConsultationComments: ["get", "/api/consultations/{id}/comments"],
  commentOnConsultation: ["post", "/api/consultations/{id}/comments"],
  answerConsultationComment: ["patch", "/api/consultation-comments/{id}"],
  createAction: ["post", "/api/actions"],
  createIndicator: ["post", "/api/indicators"],
  reportProgress: ["post", "/api/actions/{id}/progress"],
  reviewProgress: ["post", "/api/progress/{id}/review"],
  listActions: ["get", "/api/actions"],
  getAction: ["get", "/api/actions/{id}"],
  getIndicator: ["get", "/api/indicators/{id}"],
  startFollowUpRound: ["post", "/api/follow-up-rounds"],
  listFollowUpRounds: ["get", "/api/follow-up-rounds"],
  setFollowUpSchedule: ["put", "/api/follow-up-schedules"],
  listFollowUpSchedules: ["get", "/api/follow-up-schedules"],
  listRequests: ["get", "/api/requests"],
  getRequest: ["get", "/api/requests/{id}"],
  createRequests: ["post", "/api/reports/{id}/requests"],
  extendRequest: ["post", "/api/requests/{id}/extend"],
  closeRequest: ["post", "/api/requests/{id}/close"],
  reopenRequest: ["post", "/api/requests/{id}/reopen"],
  resendRequest: ["post", "/api/requests/{id}/resend"],
  seeRequest: ["post", "/api/requests/{id}/see"],
  askMoreTime: ["post", "/api/requests/{id}/ask-more-time"],
  declineRequest: ["post", "/api/requests/{id}/decline"],
  listDecisions: ["get", "/api/decisions"],
  decideRequest: ["post", "/api/requests/{id}/decide"],
  listContributions: ["get", "/api/requests/{id}/contributions"],
  createContribution: ["post", "/api/requests/{id}/contributions"],
  uploadAttachment: ["post", "/api/requests/{id}/attachments"],
  listVisits: ["get", "/api/visits"],
  recordVisit: ["post", "/api/visits"],
  getVisit: ["get", "/api/visits/{id}"],
  replyToVisit: ["post", "/api/visits/{id}/reply"],
  agreeVisitDates: ["post", "/api/visits/{id}/dates"],
  setVisitProgramme: ["put", "/api/visits/{id}/programme"],
  askForMeeting: ["post", "/api/visits/{id}/meetings/{key}/requests"],
  recordVisitStatement: ["post", "/api/visits/{id}/statement"],
  recordVisitReport: ["post", "/api/visits/{id}/report"],
  tickVisitStep: ["patch", "/api/visits/{id}/checklist"],
  configureVisitChecklist: ["put", "/api/visits/{id}/checklist"],
  listCommunications: ["get", "/api/communications"],
  receiveCommunication: ["post", "/api/communications"],
  getCommunication: ["get", "/api/communications/{id}"],
  askAboutCommunication: ["post", "/api/communications/{id}/requests"],
  recordReplySent: ["post", "/api/communications/{id}/sent"],
  listDrafts: ["get", "/api/reports/{id}/drafts"],
  compileDraft: ["post", "/api/reports/{id}/drafts"],
  getDraft: ["get", "/api/drafts/{id}"],
  downloadDraft: ["get", "/api/drafts/{id}/file"],
  downloadDraftPdf: ["get", "/api/drafts/{id}/pdf"],
  sendDraftForApproval: ["post", "/api/drafts/{id}/send-for-approval"],
  decideDraft: ["post", "/api/reviews/{id}/decision"],
  listTemplates: ["get", "/api/templates"],
  uploadTemplate: ["post", "/api/templates"],
  wordPane: ["get", "/api/word/pane"],
  uploadImport: ["post", "/api/imports"],
  getImport: ["get", "/api/imports/{id}"],
  mapImport: ["post", "/api/imports/{id}/mapping"],
  commitImport: ["post", "/api/imports/{id}/commit"],
  listImportMappings: ["get", "/api/import-mappings"],
  saveImportMapping: ["post", "/api/import-mappings"],
  downloadImportMapping: ["get", "/api/import-mappings/{id}"],
  dashboard: ["get", "/api/dashboard"],
  calendar: ["get", "/api/calendar"],
  readDataQuality: ["get", "/api/data-quality"],
  fixRow: ["patch", "/api/data-quality/{kind}/{id}"],
  listAudit: ["get", "/api/audit"],
  exportRecommendations: ["get", "/api/exports/recommendations"],
  exportUprMatrix: ["get", "/api/exports/upr-matrix"],
  exportDashboard: ["get", "/api/exports/dashboard"],
  exportRequests: ["get", "/api/exports/requests"],
  exportAudit: ["get", "/api/exports/audit"],
  localPersonas: ["get", "/local-auth/personas"],
  localToken: ["post", "/local-auth/token"],
  localWordDocument: ["get", "/api/local/word-document"],
  localJwks: ["get", "/local-auth/.well-known/jwks.json"],
} as const satisfies Record<RouteId, readonly [HttpMethod, string]>;

type Route<K extends RouteId> = ApiRoutes[K];
type InputOf<S> = [S] extends [z.ZodType] ? (unknown extends z.input<S> ? undefined : z.input<S>) : undefined;

export type ParamsOf<K extends RouteId> = InputOf<NonNullable<Route<K>["params"]>>;
export type QueryOf<K extends RouteId> = InputOf<NonNullable<Route<K>["query"]>>;
export type BodyOf<K extends RouteId> = [NonNullable<Route<K>["body"]>] extends [BinaryBody] ? Blob : InputOf<NonNullable<Route<K>["body"]>>;
export type ResponseOf<K extends RouteId> = [Route<K>["response"]] extends [z.ZodType] ? z.output<Route<K>["response"]> : Blob;

/** `/api/recommendations/{id}` with `{ id: "7" }` → `/api/recommendations/7`. */
export function pathOf(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
}

export type { RouteId };
