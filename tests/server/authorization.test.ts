/**
 * The authorization matrix (DESIGN.md, "Authorization"): every route of the API called by every
 * kind of person, against the real server with the Graph emulator behind it. A refused call
 * answers 401 (no token) or 403 with a reason, and writes nothing (the store is read back).
 */
import { randomUUID } from "node:crypto";
import { API_ROUTES, pathOf, type RouteId } from "../../core/api/routes";
import { queryAll, readAll } from "../../core/ports/repository";
import { makeTemplate } from "../../drafts/testing/templates";
import { UPR_REPORT_TITLE, CRC_REPORT_TITLE } from "../../demo/seed";
import { uhriCsv, uhriUprRecords } from "../import/support/files";
import { fakeSoffice } from "../support/fake-soffice";
import { type ApiClient, OTHER_MINISTRY, PEOPLE, RIGHT_MINISTRY, startApiServer, storeSnapshot, type CallOptions, type RoleName } from "./support/api-server";

type Allowed = RoleName[] | "everyone" | "members";
const MEMBERS: RoleName[] = ["secretariat", "chair", "focalPoint", "otherFocalPoint", "observer", "admin"];
const MEMBERS_NOT_OBSERVERS: RoleName[] = ["secretariat", "chair", "focalPoint", "otherFocalPoint", "admin"];

/** Who may call each route (the policy of core/auth, as DESIGN.md states it). */
const MATRIX: Record<RouteId, Allowed> = {
  config: "everyone",
  health: "everyone",
  openapi: "everyone",
  localPersonas: "everyone",
  localToken: "everyone",
  localJwks: "everyone",
  localWordDocument: "everyone",
  me: "members",
  listRecommendations: "members",
  getRecommendation: "members",
  createRecommendation: ["secretariat"],
  updateRecommendation: ["secretariat"],
  bulkAssignRecommendations: ["secretariat"],
  updateRecommendationStatus: ["focalPoint"],
  listMinistries: "members",
  createMinistry: ["secretariat"],
  updateMinistry: ["secretariat"],
  listFocalPoints: MEMBERS_NOT_OBSERVERS,
  nominateFocalPoint: ["secretariat"],
  updateFocalPoint: ["secretariat"],
  listReports: "members",
  getReport: "members",
  createReport: ["secretariat"],
  updateReport: ["secretariat"],
  listMilestones: "members",
  createMilestone: ["secretariat"],
  updateMilestone: ["secretariat"],
  listConsultations: "members",
  createConsultation: ["secretariat"],
  updateConsultation: ["secretariat"],
  listConsultationComments: ["secretariat", "chair", "observer", "admin"],
  commentOnConsultation: ["observer"],
  answerConsultationComment: ["secretariat"],
  listRequests: "members",
  getRequest: "members",
  createRequests: ["secretariat"],
  extendRequest: ["secretariat"],
  closeRequest: ["secretariat"],
  reopenRequest: ["secretariat"],
  resendRequest: ["secretariat"],
  seeRequest: ["focalPoint"],
  askMoreTime: ["focalPoint"],
  declineRequest: ["focalPoint"],
  createAction: ["secretariat"],
  createIndicator: ["secretariat"],
  reportProgress: ["focalPoint"],
  reviewProgress: ["secretariat"],
  listActions: "members",
  // The first action is the Ministry of Justice's, not shared with observers: another ministry's focal point and observers are refused it.
  getAction: ["secretariat", "chair", "focalPoint", "admin"],
  getIndicator: ["secretariat", "chair", "focalPoint", "admin"],
  startFollowUpRound: ["secretariat"],
  listFollowUpRounds: ["secretariat"],
  setFollowUpSchedule: ["secretariat"],
  listFollowUpSchedules: ["secretariat"],
  listDecisions: ["secretariat"],
  decideRequest: ["secretariat"],
  listContributions: ["secretariat", "chair", "focalPoint", "admin"],
  createContribution: ["focalPoint"],
  uploadAttachment: ["focalPoint"],
  listVisits: MEMBERS_NOT_OBSERVERS,
  recordVisit: ["secretariat"],
  getVisit: MEMBERS_NOT_OBSERVERS,
  replyToVisit: ["secretariat"],
  agreeVisitDates: ["secretariat"],
  setVisitProgramme: ["secretariat"],
  askForMeeting: ["secretariat"],
  recordVisitStatement: ["secretariat"],
  recordVisitReport: ["secretariat"],
  tickVisitStep: ["secretariat"],
  configureVisitChecklist: ["secretariat"],
  listCommunications: MEMBERS_NOT_OBSERVERS,
  receiveCommunication: ["secretariat"],
  getCommunication: MEMBERS_NOT_OBSERVERS,
  askAboutCommunication: ["secretariat"],
  recordReplySent: ["secretariat"],
  listDrafts: "members",
  compileDraft: ["secretariat"],
  getDraft: "members",
  downloadDraft: "members",
  downloadDraftPdf: "members",
  sendDraftForApproval: ["secretariat"],
  decideDraft: ["chair"],
  wordPane: "members",
  listTemplates: ["secretariat"],
  uploadTemplate: ["secretariat"],
  uploadImport: ["secretariat"],
  getImport: ["secretariat"],
  mapImport: ["secretariat"],
  commitImport: ["secretariat"],
  listImportMappings: ["secretariat"],
  saveImportMapping: ["secretariat"],
  downloadImportMapping: ["secretariat"],
  dashboard: "members",
  calendar: "members",
  listAudit: ["secretariat", "chair", "admin"],
  readDataQuality: ["secretariat", "chair", "admin"],
  fixRow: ["secretariat", "admin"],
  listThemes: "members",
  renameThemes: ["secretariat"],
  exportRecommendations: "members",
  exportUprMatrix: "members",
  exportDashboard: "members",
  exportRequests: "members",
  exportActions: "members",
  recordPlan: ["secretariat"],
  listPlans: "members",
  exportAudit: ["secretariat", "chair", "admin"],
};

function allowedRoles(allowed: Allowed): RoleName[] {
  if (allowed === "everyone") return [...MEMBERS, "anonymous"];
  if (allowed === "members") return MEMBERS;
  return allowed;
}

const TRACKER_CSV = "Recommendation,Symbol,Response\n148.50 Ratify the Convention,A/HRC/59/15,Aceptada\n";
const TRACKER_MAPPING = { columns: { text: "Recommendation", documentSymbol: "Symbol", position: "Response" }, defaults: { mechanism: "UPR" } };

let api: ApiClient;
const ctx = {} as {
  justice: string;
  health: string;
  culture: string;
  upr: string;
  crc: string;
  rec: (paragraph: string) => Promise<{ id: string; eTag: string }>;
  request: (paragraph: string, ministryId?: string) => Promise<{ id: string; eTag: string }>;
  importId: string;
  /** A tracker uploaded without a mapping: the wizard maps it. */
  trackerId: string;
  template: Uint8Array;
  /** A consultation open for comments that invites the observer, and a comment on it. */
  consultation: string;
  comment: string;
  /** Visits in the state each visit route acts on. */
  visits: Record<"requested" | "accepted" | "scheduled" | "briefing" | "ended" | "completed" | "checklist", string>;
  /** A communication just received, and one whose reply the chair approved. */
  communication: string;
  approvedReply: string;
};

beforeAll(async () => {
  // Who gets a draft's PDF is the question here, not LibreOffice's conversion (tests/server/draft-pdf.test.ts).
  api = await startApiServer({ pdf: { soffice: fakeSoffice(), timeoutMs: 10_000 } });
  const { repos } = api;
  ctx.justice = await api.ministryId(RIGHT_MINISTRY);
  ctx.health = await api.ministryId(OTHER_MINISTRY);
  ctx.culture = await api.ministryId("Ministry of Culture");
  const reports = await queryAll(repos.reports);
  ctx.upr = reports.find((r) => r.title === UPR_REPORT_TITLE)!.id;
  ctx.crc = reports.find((r) => r.title === CRC_REPORT_TITLE)!.id;
  ctx.rec = async (paragraph) => {
    const found = (await queryAll(repos.recommendations)).find((r) => r.paragraph === paragraph)!;
    return repos.recommendations.get(found.id);
  };
  ctx.request = async (paragraph, ministryId) => {
    const rec = await ctx.rec(paragraph);
    const found = (await queryAll(repos.requests, { where: [{ field: "recommendationId", op: "eq", value: rec.id }] })).find((r) => r.reportId === ctx.upr && (!ministryId || r.ministryId === ministryId));
    if (!found) throw new Error(`no request about ${paragraph}`);
    return repos.requests.get(found.id);
  };
  const secretariat = await api.tokenFor("secretariat");
  // Requests to the Ministry of Justice that the focal point acts on, one per action.
  const subjects = await Promise.all(["148.7", "148.14", "148.18", "148.20"].map(async (p) => ({ kind: "recommendation" as const, recommendationId: (await ctx.rec(p)).id })));
  const created = await api.call("POST", `/api/reports/${ctx.upr}/requests`, { token: secretariat, body: { subjects, ask: "Please report on the implementation.", dueDate: "2099-01-31" } });
  expect(created.status).toBe(201);
  const upload = await api.call<{ id: string }>("POST", "/api/imports?fileName=uhri.csv", { token: secretariat, raw: uhriCsv(uhriUprRecords(3)), contentType: "text/csv" });
  expect(upload.status).toBe(201);
  ctx.importId = upload.body.id;
  const tracker = await api.call<{ id: string }>("POST", "/api/imports?fileName=tracker.csv", { token: secretariat, raw: TRACKER_CSV, contentType: "text/csv" });
  expect(tracker.status).toBe(201);
  ctx.trackerId = tracker.body.id;
  ctx.template = await makeTemplate();
  const methodology = { kind: "section" as const, section: "methodology", title: "Methodology" };
  const consultation = await repos.consultations.create({ reportId: ctx.upr, stakeholder: "Ombudsman", kind: "nhri", subject: "the draft national report", date: "2020-01-01", endDate: "2099-12-31", sharedItems: [methodology], invitedObserverIds: [PEOPLE.observer.id] });
  ctx.consultation = consultation.id;
  const comment = await repos.consultationComments.create({ consultationId: consultation.id, item: methodology, itemKey: "section:methodology", text: "Name the hearings.", authorId: PEOPLE.observer.id, authorName: "Observer", at: "2026-01-01T00:00:00.000Z" });
  ctx.comment = comment.id;
  const visit = (status: "requested" | "accepted" | "scheduled" | "completed", extra: Record<string, unknown> = {}) =>
    repos.visits.create({ mandate: `Special Rapporteur on the right to education (${status})`, requestedOn: "2026-01-12", status, createdAt: "2026-01-12T08:00:00.000Z", createdBy: PEOPLE.secretariat.id, ...extra }).then((v) => v.id);
  const meeting = { key: "meeting-1", date: "2099-05-02", with: "Minister of Justice", ministryIds: [ctx.justice] };
  ctx.visits = {
    requested: await visit("requested"),
    accepted: await visit("accepted"),
    scheduled: await visit("scheduled", { agreedFrom: "2099-05-01", agreedTo: "2099-05-10" }),
    briefing: await visit("scheduled", { agreedFrom: "2099-05-01", agreedTo: "2099-05-10", programme: [meeting] }),
    ended: await visit("scheduled", { agreedFrom: "2026-01-01", agreedTo: "2026-01-10" }),
    completed: await visit("completed", { agreedFrom: "2026-01-01", agreedTo: "2026-01-10", statementOn: "2026-01-10" }),
    checklist: await visit("requested"),
  };
  const letter = { kind: "allegation-letter" as const, mandates: ["Special Rapporteur on the situation of human rights defenders"], receivedOn: "2026-01-05", replyDueDate: "2099-03-06", createdAt: "2026-01-05T08:00:00.000Z", createdBy: PEOPLE.secretariat.id };
  ctx.communication = (await repos.communications.create({ ...letter, reference: "AL SVN 1/2026" })).id;
  const replyReport = await repos.reports.create({ title: "Reply to communication UA SVN 2/2026", mechanism: "SPECIAL_PROCEDURES", type: "other", dueDate: "2099-03-06", createdAt: "2026-01-05T08:00:00.000Z" });
  const approved = await repos.drafts.create({ key: `${replyReport.id}#1`, reportId: replyReport.id, version: 1, fileName: "Reply UA SVN 2-2026 (1).docx", reviewState: "approved", compiledAt: "2026-01-20T08:00:00.000Z", compiledBy: PEOPLE.secretariat.id });
  expect(approved.reviewState).toBe("approved");
  ctx.approvedReply = (await repos.communications.create({ ...letter, reference: "UA SVN 2/2026", kind: "urgent-appeal", reportId: replyReport.id })).id;
  // Two milestones a person broke in SharePoint (their title emptied): one fix for each role allowed to fix.
  const emulator = api.server.emulator!;
  for (const order of [91, 92]) {
    const milestone = await repos.milestones.create({ reportId: ctx.upr, title: `Broken milestone ${order}`, dueDate: "2099-02-01", order });
    emulator.editItemAsPerson(emulator.siteId(), "Milestones", milestone.id, { MilestoneTitle: null });
  }
}, 120_000);

afterAll(async () => {
  await api?.server.stop();
});

/** The call each route is tried with: valid input, built from the seeded data as it is now. */
async function requestFor(id: RouteId): Promise<CallOptions & { params?: Record<string, string>; query?: string }> {
  switch (id) {
    case "localToken":
      return { body: { persona: PEOPLE.secretariat.id } };
    case "getRecommendation":
      return { params: { id: (await ctx.rec("148.13")).id } };
    case "createRecommendation":
      return { body: { text: `A recommendation added in a test ${randomUUID()}`, mechanism: "UPR", documentSymbol: "A/HRC/59/15", paragraph: `150.${Math.floor(Math.random() * 1e6)}` } };
    case "updateRecommendation": {
      const rec = await ctx.rec("148.2");
      return { params: { id: rec.id }, body: { changes: { actionPlanReference: "NAP 2024-2028, measure 3.1" }, eTag: rec.eTag } };
    }
    case "bulkAssignRecommendations": {
      const rec = await ctx.rec("148.3");
      return { body: { items: [{ id: rec.id, eTag: rec.eTag }], sharedWithObservers: true } };
    }
    case "updateRecommendationStatus": {
      const rec = await ctx.rec("148.13");
      return { params: { id: rec.id }, body: { eTag: rec.eTag, status: "implemented", note: "Confirmed by the annual report" } };
    }
    case "createMinistry":
      return { body: { name: `Ministry of Tests ${randomUUID().slice(0, 8)}` } };
    case "updateMinistry": {
      const ministry = await api.repos.ministries.get(ctx.culture);
      return { params: { id: ministry.id }, body: { changes: { email: "culture@gov.example" }, eTag: ministry.eTag } };
    }
    case "listFocalPoints":
      return { params: { id: ctx.justice } };
    case "nominateFocalPoint":
      return { params: { id: ctx.culture }, body: { role: "senior", person: { userId: "aaaaaaaa-0000-4000-8000-000000000001", displayName: "Nova Senior", email: "nova.senior@gov.example" } } };
    case "updateFocalPoint": {
      const nomination = (await queryAll(api.repos.focalPoints, { where: [{ field: "ministryId", op: "eq", value: ctx.culture }] })).find((f) => f.role === "technical")!;
      return { params: { id: nomination.id }, body: { changes: { email: "urska.rozman@culture.gov.example" }, eTag: nomination.eTag } };
    }
    case "getReport":
    case "listMilestones":
    case "listDrafts":
    case "compileDraft":
      return { params: { id: ctx.upr }, ...(id === "compileDraft" ? { body: {} } : {}) };
    case "createReport":
      return { body: { title: "Fourth periodic report under the Convention against Torture", mechanism: "CAT", type: "treaty-periodic", dueDate: "2027-06-30" } };
    case "updateReport": {
      const report = await api.repos.reports.get(ctx.crc);
      return { params: { id: report.id }, body: { changes: { wordLimit: 21_200 }, eTag: report.eTag } };
    }
    case "createMilestone":
      return { params: { id: ctx.upr }, body: { title: "Translation of the report", dueDate: "2099-01-15", order: 8 } };
    case "updateMilestone": {
      const milestone = (await queryAll(api.repos.milestones, { where: [{ field: "reportId", op: "eq", value: ctx.upr }] }))[0]!;
      return { params: { id: milestone.id }, body: { changes: { title: `${milestone.title} (revised)` }, eTag: milestone.eTag } };
    }
    case "createConsultation":
      return { body: { reportId: ctx.upr, stakeholder: "Faculty of Law", kind: "academia", subject: "Methodology", date: "2026-01-10" } };
    case "updateConsultation": {
      const consultation = (await queryAll(api.repos.consultations))[0]!;
      return { params: { id: consultation.id }, body: { changes: { summary: "Revised summary" }, eTag: consultation.eTag } };
    }
    case "listConsultationComments":
      return { params: { id: ctx.consultation } };
    case "commentOnConsultation":
      return { params: { id: ctx.consultation }, body: { item: { kind: "section", section: "methodology", title: "Methodology" }, text: "Also the regional hearings." } };
    case "answerConsultationComment": {
      const comment = await api.repos.consultationComments.get(ctx.comment);
      return { params: { id: comment.id }, body: { answer: "Added.", takenUp: true, eTag: comment.eTag } };
    }
    case "recordVisit":
      return { body: { mandate: "Working Group on Business and Human Rights", requestedOn: "2026-02-01", requestedFrom: "2099-03-01", requestedTo: "2099-03-10" } };
    case "getVisit":
      return { params: { id: ctx.visits.requested } };
    case "replyToVisit": {
      const visit = await api.repos.visits.get(ctx.visits.requested);
      return { params: { id: visit.id }, body: { eTag: visit.eTag, reply: "accept", on: "2026-02-01" } };
    }
    case "agreeVisitDates": {
      const visit = await api.repos.visits.get(ctx.visits.accepted);
      return { params: { id: visit.id }, body: { eTag: visit.eTag, from: "2099-05-01", to: "2099-05-10" } };
    }
    case "setVisitProgramme": {
      const visit = await api.repos.visits.get(ctx.visits.scheduled);
      return { params: { id: visit.id }, body: { eTag: visit.eTag, meetings: [{ key: "meeting-1", date: "2099-05-02", with: "Ombudsman", ministryIds: [ctx.justice] }] } };
    }
    case "askForMeeting":
      return { params: { id: ctx.visits.briefing, key: "meeting-1" }, body: { ask: "Please brief the Special Rapporteur on juvenile justice.", dueDate: "2099-04-20" } };
    case "recordVisitStatement": {
      const visit = await api.repos.visits.get(ctx.visits.ended);
      return { params: { id: visit.id }, body: { eTag: visit.eTag, on: "2026-01-10", webUrl: "https://www.ohchr.org/en/statements/end-of-visit" } };
    }
    case "recordVisitReport": {
      const visit = await api.repos.visits.get(ctx.visits.completed);
      return { params: { id: visit.id }, body: { eTag: visit.eTag, symbol: "A/HRC/62/31/Add.1" } };
    }
    case "tickVisitStep": {
      const visit = await api.repos.visits.get(ctx.visits.checklist);
      return { params: { id: visit.id }, body: { eTag: visit.eTag, step: "send-reply", done: true } };
    }
    case "configureVisitChecklist": {
      const visit = await api.repos.visits.get(ctx.visits.checklist);
      return { params: { id: visit.id }, body: { eTag: visit.eTag, steps: [{ key: "send-reply" }, { key: "book-interpreters", title: "Book interpreters" }] } };
    }
    case "receiveCommunication":
      return { body: { reference: `AL SVN ${randomUUID().slice(0, 6)}/2026`, kind: "allegation-letter", mandates: ["Special Rapporteur on freedom of expression"], receivedOn: "2026-02-01" } };
    case "getCommunication":
      return { params: { id: ctx.communication } };
    case "askAboutCommunication":
      return { params: { id: ctx.communication }, body: { ministryIds: [ctx.justice], ask: "What happened to the journalist?", dueDate: "2099-02-15" } };
    case "recordReplySent": {
      const communication = await api.repos.communications.get(ctx.approvedReply);
      return { params: { id: communication.id }, body: { eTag: communication.eTag, on: "2026-02-20" } };
    }
    case "calendar":
      return { query: "from=2026-01-01&to=2026-12-31" };
    case "listRequests":
      return { query: `reportId=${ctx.upr}` };
    case "getRequest":
    case "listContributions":
      return { params: { id: (await ctx.request("148.5", ctx.justice)).id } };
    case "createRequests":
      return { params: { id: ctx.crc }, body: { subjects: [{ kind: "question", number: "2" }], ministries: { mode: "selected", ministryIds: [ctx.justice] }, ask: "Please draft the reply.", dueDate: "2099-03-31" } };
    case "extendRequest": {
      const request = await ctx.request("148.16");
      return { params: { id: request.id }, body: { eTag: request.eTag, until: "2099-12-31" } };
    }
    case "closeRequest":
    case "reopenRequest": {
      const request = await ctx.request("148.28");
      return { params: { id: request.id }, body: { eTag: request.eTag } };
    }
    case "resendRequest": {
      const request = await ctx.request("148.1");
      return { params: { id: request.id }, body: { eTag: request.eTag } };
    }
    case "seeRequest": {
      const request = await ctx.request("148.7", ctx.justice);
      return { params: { id: request.id }, body: { eTag: request.eTag } };
    }
    case "askMoreTime": {
      const request = await ctx.request("148.14", ctx.justice);
      return { params: { id: request.id }, body: { eTag: request.eTag, until: "2099-02-28", reason: "The statistics office publishes the figures in February." } };
    }
    case "decideRequest": {
      // The more time the focal point asked for (askMoreTime comes first), granted.
      const request = await ctx.request("148.14", ctx.justice);
      return { params: { id: request.id }, body: { eTag: request.eTag, decision: { decision: "grant-more-time", until: "2099-03-31" } } };
    }
    case "declineRequest": {
      const request = await ctx.request("148.18", ctx.justice);
      return { params: { id: request.id }, body: { eTag: request.eTag, reason: "The Supreme State Prosecutor's Office reports on this, not the ministry." } };
    }
    case "createContribution":
      return { params: { id: (await ctx.request("148.20", ctx.justice)).id }, body: { text: "The Criminal Code was amended in 2021: rape is now defined by the absence of consent.", reportedStatus: "implemented", submissionId: randomUUID() } };
    case "uploadAttachment":
      return { params: { id: (await ctx.request("148.6", ctx.justice)).id }, query: "fileName=budget-2025.pdf", raw: new Uint8Array([37, 80, 68, 70, 45, 49, 46, 55]), contentType: "application/pdf" };
    case "getDraft":
    case "downloadDraft":
    case "downloadDraftPdf":
    case "sendDraftForApproval": {
      const drafts = await queryAll(api.repos.drafts, { where: [{ field: "reportId", op: "eq", value: ctx.upr }] });
      const latest = drafts.sort((a, b) => b.version - a.version)[0];
      if (!latest) throw new Error("the UPR report has no draft: the Word renderer failed");
      return { params: { id: latest.id }, ...(id === "sendDraftForApproval" ? { body: { eTag: latest.eTag, message: "Please approve" } } : {}) };
    }
    case "localWordDocument": {
      const drafts = await queryAll(api.repos.drafts, { where: [{ field: "reportId", op: "eq", value: ctx.upr }] });
      return { query: `draftId=${drafts.find((d) => d.fileId)!.id}` };
    }
    case "wordPane": {
      const drafts = await queryAll(api.repos.drafts, { where: [{ field: "reportId", op: "eq", value: ctx.upr }] });
      const latest = drafts.sort((a, b) => b.version - a.version)[0];
      if (!latest) throw new Error("the UPR report has no draft: the Word renderer failed");
      return { query: `draftId=${latest.id}&reportId=${ctx.upr}&draftVersion=${latest.version}` };
    }
    case "decideDraft": {
      const reviews = await queryAll(api.repos.reviews, { where: [{ field: "reportId", op: "eq", value: ctx.upr }] });
      const open = reviews.find((r) => !r.decision) ?? reviews[0];
      if (!open) throw new Error("no draft was sent for approval");
      return { params: { id: open.id }, body: { decision: "approved" } };
    }
    case "createAction":
      return { body: { title: "Juvenile justice reform", recommendationIds: [(await ctx.rec("148.13")).id, (await ctx.rec("148.2")).id], leadMinistryId: ctx.justice, startDate: "2026-01-01", endDate: "2027-12-31", expectedOutput: "A juvenile justice act in force" } };
    case "createIndicator":
      return { body: { actionId: (await queryAll(api.repos.actions))[0]!.id, definition: "Children in pre-trial detention", unit: "children", baselineValue: 120, baselineDate: "2025-12-31", targetValue: 40, targetDate: "2027-12-31", dataSource: "Prison administration" } };
    case "reportProgress":
      return { params: { id: (await queryAll(api.repos.actions))[0]!.id }, body: { text: "The draft act is before parliament.", status: "under-way", submissionId: randomUUID() } };
    case "listActions":
      return { query: `ministryId=${ctx.justice}` };
    case "getAction":
      return { params: { id: (await queryAll(api.repos.actions))[0]!.id } };
    case "getIndicator":
      return { params: { id: (await queryAll(api.repos.indicators))[0]!.id } };
    case "startFollowUpRound":
      return { body: { title: `Round ${randomUUID().slice(0, 8)}`, mechanism: "UPR", dueDate: "2099-03-31" } };
    case "recordPlan":
      return { body: { key: `NHRAP ${randomUUID().slice(0, 8)}`, kind: "human-rights-action-plan", title: "National Human Rights Action Plan", startDate: "2024-01-01", endDate: "2028-12-31", chapters: [{ code: "3", title: "Rights of the child" }], items: [{ chapterCode: "3", code: "3.2", text: "A juvenile justice act" }] } };
    case "setFollowUpSchedule":
      return { body: { mechanism: "CRC", everyMonths: 6, firstDueDate: "2099-06-30", startDaysBefore: 30 } };
    case "reviewProgress":
      return { params: { id: (await queryAll(api.repos.progressUpdates)).find((u) => u.review === "submitted")!.id }, body: { decision: "accepted" } };
    case "fixRow": {
      const broken = (await readAll(api.repos.milestones)).needsAttention[0];
      if (!broken) throw new Error("no milestone needs attention");
      return { params: { kind: "milestones", id: broken.id }, body: { eTag: broken.eTag, fields: { title: "Translation of the report" } } };
    }
    case "renameThemes":
      // A preview: it writes nothing, whoever is allowed.
      return { body: { from: ["Right to education"], to: "Education" } };
    case "uploadTemplate":
      return { query: "fileName=Letterhead.docx", raw: ctx.template, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" };
    case "uploadImport":
      return { query: "fileName=uhri.csv", raw: uhriCsv(uhriUprRecords(2)), contentType: "text/csv" };
    case "getImport":
    case "commitImport":
      return { params: { id: ctx.importId }, ...(id === "commitImport" ? { body: {} } : {}) };
    case "mapImport":
      return { params: { id: ctx.trackerId }, body: { mapping: TRACKER_MAPPING } };
    case "saveImportMapping":
      return { body: { name: "Tracker", mapping: TRACKER_MAPPING } };
    case "downloadImportMapping": {
      const saved = await api.call<{ items: { id: string }[] }>("GET", "/api/import-mappings", { token: await api.tokenFor("secretariat") });
      return { params: { id: saved.body.items[0]!.id } };
    }
    default:
      return {};
  }
}

/** The order the routes are tried in: a review exists only once a draft was sent, a request is reopened once closed. */
const ORDER = Object.keys(API_ROUTES) as RouteId[];
ORDER.splice(ORDER.indexOf("reopenRequest"), 1);
ORDER.splice(ORDER.indexOf("closeRequest") + 1, 0, "reopenRequest");
ORDER.splice(ORDER.indexOf("commitImport"), 1);
ORDER.splice(ORDER.indexOf("getImport") + 1, 0, "commitImport");

test("the matrix names every route of the API", () => {
  expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(API_ROUTES).sort());
});

test.each(ORDER)("%s: allowed for whom the policy allows, refused (and nothing written) for everyone else", async (id) => {
  const route = API_ROUTES[id];
  const allowed = allowedRoles(MATRIX[id]);
  const refused = (["anonymous", "observer", "otherFocalPoint", "admin", "chair", "focalPoint", "secretariat"] as RoleName[]).filter((role) => !allowed.includes(role));
  const before = refused.length ? await storeSnapshot(api.repos) : undefined;
  for (const role of refused) {
    const request = await requestFor(id);
    const response = await api.call<{ error: { code: string; message: string } }>(route.method.toUpperCase(), `${pathOf(route.path, request.params)}${request.query ? `?${request.query}` : ""}`, { ...request, token: await api.tokenFor(role) });
    const expected = role === "anonymous" ? 401 : 403;
    expect({ role, status: response.status }).toEqual({ role, status: expected });
    expect(response.body.error.code).toBe(role === "anonymous" ? "unauthenticated" : "forbidden");
    expect(response.body.error.message.length).toBeGreaterThan(10);
  }
  if (before) expect(await storeSnapshot(api.repos)).toEqual(before);
  for (const role of allowed.filter((r) => r !== "anonymous" || route.auth !== "user")) {
    const request = await requestFor(id);
    const response = await api.call(route.method.toUpperCase(), `${pathOf(route.path, request.params)}${request.query ? `?${request.query}` : ""}`, { ...request, token: await api.tokenFor(role) });
    expect({ role, status: response.status, body: response.status >= 300 ? response.body : undefined }).toEqual({ role, status: route.status ?? 200, body: undefined });
  }
});

test("an observer reads what is shared with observers and is refused the rest", async () => {
  const token = await api.tokenFor("observer");
  const unshared = await ctx.rec("148.12");
  const refused = await api.call<{ error: { message: string } }>("GET", `/api/recommendations/${unshared.id}`, { token });
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toMatch(/not shared with observers/);
  expect((await api.call("GET", `/api/reports/${ctx.crc}`, { token })).status).toBe(403);
  const list = await api.call<{ items: { sharedWithObservers: boolean }[]; total: number }>("GET", "/api/recommendations?pageSize=200", { token });
  expect(list.body.items.length).toBeGreaterThan(0);
  expect(list.body.items.every((r) => r.sharedWithObservers)).toBe(true);
  const reports = await api.call<{ items: { id: string }[] }>("GET", "/api/reports", { token });
  expect(reports.body.items.map((r) => r.id)).toEqual([ctx.upr]);
});
