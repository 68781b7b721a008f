/**
 * Seeds the local demo once: ministries with their two focal points, the third-cycle UPR
 * recommendations, the fourth-cycle UPR national report with its workplan and requests in
 * every state (sent, seen, answered, overdue, escalated), a treaty-body report, consultations
 * and a first compiled draft. Everything goes through the use cases, as people would do it,
 * so the audit log tells the story. A second start finds the seed marker and changes nothing;
 * an interrupted seed is finished by the next start (each step is idempotent).
 */
import type { Actor } from "../core/auth/policy";
import { findOne, queryAll } from "../core/ports/repository";
import { recommendationKey, type RecommendationInput } from "../core/recommendations/recommendation";
import type { Stored } from "../core/records/common";
import type { ReportFields, ReportInput } from "../core/reports/report";
import type { RequestFields } from "../core/requests/request";
import { addDays, calendarDateAt } from "../core/calendar/calendar";
import { audit } from "../core/audit/audit";
import { changeRequest } from "../core/requests/change-request";
import { compileDraft } from "../core/drafts/compile-draft";
import { createRequests } from "../core/requests/create-requests";
import { recordCardOutcome } from "../core/requests/record-delivery";
import type { UseCaseDeps } from "../core/ports/use-case-deps";
import { createRecord } from "../core/lists/edit-records";
import { recordContribution } from "../core/contributions/record-contribution";
import { nominateFocalPoint } from "../core/ministries/renominate-focal-point";
import { findMinistryByName } from "../core/ministries/read-ministries";
import { runReminders } from "../core/reminders/run-reminders";
import { DEMO_MINISTRIES, DEMO_PERSONAS, type Persona } from "./personas";
import { DEMO_CYCLE, DEMO_POSITION_SOURCE, DEMO_RECOMMENDATIONS, DEMO_SESSION, DEMO_SYMBOL } from "./recommendations";

export const SEED_MARKER_ACTION = "demo.seeded";
export const UPR_REPORT_TITLE = "National report for the fourth cycle of the Universal Periodic Review";
export const CRC_REPORT_TITLE = "Replies to the list of issues prior to reporting (Committee on the Rights of the Child)";

export interface SeedResult {
  seeded: boolean;
  ministries: number;
  recommendations: number;
  requests: number;
  /** What could not be seeded (the seed goes on without it). */
  warnings: string[];
}

function actorOf(persona: Persona, ministryIds: string[] = []): Actor {
  return { userId: persona.id, displayName: persona.displayName, email: persona.email, roles: persona.roles, ministryIds };
}

/** Whether the demo was seeded already (its marker is an audit entry). */
export async function isSeeded(deps: Pick<UseCaseDeps, "repos">): Promise<boolean> {
  return (await findOne(deps.repos.audit, "action", SEED_MARKER_ACTION)) !== undefined;
}

export async function seedDemo(deps: UseCaseDeps, options: { timeZone: string }): Promise<SeedResult> {
  if (await isSeeded(deps)) return { seeded: false, ministries: 0, recommendations: 0, requests: 0, warnings: [] };
  const secretariat = actorOf(DEMO_PERSONAS.find((p) => p.roles.includes("Secretariat"))!);
  const now = deps.clock.now();
  const today = calendarDateAt(now, options.timeZone);

  // Ministries and their focal points.
  const ministryIds = new Map<string, string>();
  for (const ministry of DEMO_MINISTRIES) {
    const existing = await findMinistryByName(deps, ministry.name);
    const record = existing ?? (await createRecord(deps, "ministries", { name: ministry.name, acronym: ministry.acronym, active: true }, secretariat));
    ministryIds.set(ministry.name, record.id);
  }
  for (const persona of DEMO_PERSONAS) {
    if (!persona.focalPoint) continue;
    await nominateFocalPoint(
      deps,
      { ministryId: ministryIds.get(persona.focalPoint.ministry)!, role: persona.focalPoint.role, person: { userId: persona.id, displayName: persona.displayName, email: persona.email } },
      secretariat,
    );
  }

  // The third-cycle recommendations.
  const inputs: RecommendationInput[] = DEMO_RECOMMENDATIONS.map((r) => ({
    key: recommendationKey(DEMO_SYMBOL, r.paragraph),
    text: r.text,
    mechanism: "UPR",
    documentSymbol: DEMO_SYMBOL,
    paragraph: r.paragraph,
    cycle: DEMO_CYCLE,
    session: DEMO_SESSION,
    recommendingStates: r.states,
    position: r.position,
    positionSource: DEMO_POSITION_SOURCE,
    cluster: r.cluster,
    themes: r.themes,
    affectedGroups: r.groups ?? [],
    sdgGoals: r.sdgs,
    leadMinistryId: ministryIds.get(r.lead),
    supportingMinistryIds: (r.supporting ?? []).map((name) => ministryIds.get(name)!),
    sharedWithObservers: r.shared ?? false,
  }));
  const created = await deps.repos.recommendations.createMany(inputs);
  const createdIds = created.flatMap((result) => (result.ok ? [result.record.id] : []));
  if (createdIds.length) {
    await audit(deps, secretariat, { action: "recommendations.imported", entity: "recommendations", entityId: createdIds[0]!, summary: `Added ${createdIds.length} recommendations of ${DEMO_SYMBOL} (demo data)` });
  }
  const recommendations = new Map((await queryAll(deps.repos.recommendations, { where: [{ field: "documentSymbol", op: "eq", value: DEMO_SYMBOL }] })).map((r) => [r.paragraph, r]));
  const recommendationId = (paragraph: string) => recommendations.get(paragraph)!.id;

  // The reports.
  const upr = await reportNamed(deps, secretariat, {
    title: UPR_REPORT_TITLE,
    mechanism: "UPR",
    type: "upr-national",
    dueDate: addDays(today, 75),
    timeZone: options.timeZone,
    wordLimit: 10_700,
    cycle: 4,
    session: 48,
    sharedWithObservers: true,
    createdAt: now.toISOString(),
  });
  const crc = await reportNamed(deps, secretariat, {
    title: CRC_REPORT_TITLE,
    mechanism: "CRC",
    type: "loipr-replies",
    dueDate: addDays(today, 120),
    timeZone: options.timeZone,
    questions: [
      { number: "1", text: "Please provide information on the measures taken to prohibit corporal punishment of children in all settings." },
      { number: "2", text: "Please describe the measures taken to end the detention of children for reasons related to their migration status." },
      { number: "3", text: "Please provide updated information on access to mental health services for children and adolescents, including waiting times." },
    ],
    reminderPolicy: { remindDaysBefore: [7, 2, 0], escalateDaysAfter: 7, sendAt: "09:00", dailyDigest: true },
    createdAt: now.toISOString(),
  });
  await workplan(deps, secretariat, upr, today);
  await consultations(deps, secretariat, upr, today);

  // Requests: sent a month ago and answered or seen; due five days ago and escalated; due in three weeks.
  const ask = "Please describe the measures taken since the third cycle to implement this recommendation, with figures where you have them, and report its implementation status.";
  const answered = ["148.5", "148.13", "148.19", "148.24", "148.32"];
  const seen = ["148.6", "148.16", "148.28"];
  const escalated = ["148.12", "148.21"];
  const fresh = ["148.8", "148.1", "148.29", "148.33"];
  await createRequests(deps, { reportId: upr.id, subjects: [...answered, ...seen].map((p) => ({ kind: "recommendation" as const, recommendationId: recommendationId(p) })), ask, dueDate: addDays(today, 10) }, secretariat);
  await createRequests(deps, { reportId: upr.id, subjects: escalated.map((p) => ({ kind: "recommendation" as const, recommendationId: recommendationId(p) })), ask, dueDate: addDays(today, -5) }, secretariat);
  await createRequests(deps, { reportId: upr.id, subjects: fresh.map((p) => ({ kind: "recommendation" as const, recommendationId: recommendationId(p) })), ministries: { mode: "lead" }, ask, dueDate: addDays(today, 21) }, secretariat);
  await createRequests(
    deps,
    { reportId: crc.id, subjects: [{ kind: "question", number: "1" }, { kind: "question", number: "3" }], ministries: { mode: "selected", ministryIds: [ministryIds.get("Ministry of Labour, Family and Social Affairs")!, ministryIds.get("Ministry of Health")!] }, ask: "Please draft the reply to this question of the Committee.", dueDate: addDays(today, -2) },
    secretariat,
  );

  // The demo's history: these requests went out a month ago. (Their cards are still queued, so
  // that the Agents Playground's personas receive them when `npm start` runs.)
  for (const request of await queryAll(deps.repos.requests, { where: [{ field: "status", op: "eq", value: "queued" }] })) {
    await recordCardOutcome(deps, request.id, { delivered: true, at: addDays(today, -30) + "T08:00:00.000Z" });
  }
  const uprRequests = await queryAll(deps.repos.requests, { where: [{ field: "reportId", op: "eq", value: upr.id }] });
  const requestFor = (paragraph: string) => uprRequests.find((r) => r.recommendationId === recommendationId(paragraph) && r.ministryRole === "lead");
  for (const paragraph of seen) await see(deps, requestFor(paragraph));
  for (const [index, paragraph] of answered.entries()) {
    const request = requestFor(paragraph);
    if (!request) continue;
    const focalPoint = technicalFocalPointOf(request.ministryId, ministryIds);
    await see(deps, request);
    await recordContribution(deps, { requestId: request.id, text: ANSWERS[index]!.text, reportedStatus: ANSWERS[index]!.status, submissionId: `demo:${request.id}:1`, via: "tab" }, actorOf(focalPoint, [request.ministryId]));
    if (index === 0) {
      await recordContribution(deps, { requestId: request.id, text: `${ANSWERS[index]!.text} In addition, the Ombudsman's budget for next year was raised by 12 per cent.`, reportedStatus: "partially-implemented", submissionId: `demo:${request.id}:2`, via: "tab" }, actorOf(focalPoint, [request.ministryId]));
    }
  }
  // The reminder run marks what is late overdue and escalates it to the senior focal points.
  await runReminders(deps, { timeZone: options.timeZone });

  const warnings: string[] = [];
  if ((await queryAll(deps.repos.drafts, { where: [{ field: "reportId", op: "eq", value: upr.id }] })).length === 0) {
    // A first draft is a convenience of the demo: without it the secretariat compiles one from the tab.
    await compileDraft(deps, { reportId: upr.id }, secretariat).catch((error: unknown) => {
      warnings.push(`the first draft could not be compiled: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  const requests = (await queryAll(deps.repos.requests)).length;
  await audit(deps, secretariat, { action: SEED_MARKER_ACTION, entity: "system", entityId: "demo", summary: "Seeded the local demo data" });
  return { seeded: true, ministries: ministryIds.size, recommendations: recommendations.size, requests, warnings };
}

function technicalFocalPointOf(ministryId: string, ministryIds: Map<string, string>): Persona {
  const name = [...ministryIds.entries()].find(([, id]) => id === ministryId)![0];
  return DEMO_PERSONAS.find((p) => p.focalPoint?.ministry === name && p.focalPoint.role === "technical")!;
}

async function see(deps: UseCaseDeps, request: Stored<RequestFields> | undefined): Promise<void> {
  if (!request) return;
  const focalPoint = DEMO_PERSONAS.filter((p) => p.focalPoint?.role === "technical");
  const fresh = await deps.repos.requests.get(request.id);
  for (const person of focalPoint) {
    const nominations = await queryAll(deps.repos.focalPoints, { where: [{ field: "userId", op: "eq", value: person.id }] });
    if (nominations.some((n) => n.ministryId === fresh.ministryId && !n.activeUntil)) {
      await changeRequest(deps, { requestId: fresh.id, change: { action: "see" } }, actorOf(person, [fresh.ministryId]));
      return;
    }
  }
}

async function reportNamed(deps: UseCaseDeps, actor: Actor, input: ReportInput): Promise<Stored<ReportFields>> {
  const existing = (await queryAll(deps.repos.reports, { where: [{ field: "mechanism", op: "eq", value: input.mechanism }] })).find((r) => r.title === input.title);
  return existing ?? createRecord(deps, "reports", input, actor);
}

async function workplan(deps: UseCaseDeps, actor: Actor, report: Stored<ReportFields>, today: string): Promise<void> {
  const existing = await queryAll(deps.repos.milestones, { where: [{ field: "reportId", op: "eq", value: report.id }] });
  if (existing.length) return;
  const steps: [string, number, boolean][] = [
    ["Mechanism adopts the workplan", -40, true],
    ["Requests for input sent to ministries", -25, true],
    ["Consultation with the Ombudsman and civil society", -10, true],
    ["Contributions due from ministries", 10, false],
    ["First draft to the chair", 35, false],
    ["Government adopts the report", 60, false],
    ["Report submitted to OHCHR", 75, false],
  ];
  for (const [order, [title, offset, done]] of steps.entries()) {
    await createRecord(deps, "milestones", { reportId: report.id, title, dueDate: addDays(today, offset), order, ...(done ? { doneAt: `${addDays(today, offset)}T12:00:00.000Z` } : {}) }, actor);
  }
}

async function consultations(deps: UseCaseDeps, actor: Actor, report: Stored<ReportFields>, today: string): Promise<void> {
  const existing = await queryAll(deps.repos.consultations, { where: [{ field: "reportId", op: "eq", value: report.id }] });
  if (existing.length) return;
  await createRecord(deps, "consultations", { reportId: report.id, stakeholder: "Human Rights Ombudsman", kind: "nhri", subject: "Outline of the national report and follow-up of the third cycle", date: addDays(today, -12), summary: "The Ombudsman asked that the report describe the resources of its national preventive mechanism and the follow-up of its recommendations on detention." }, actor);
  await createRecord(deps, "consultations", { reportId: report.id, stakeholder: "Civil society organisations (public consultation)", kind: "civil-society", subject: "Draft outline of the national report", date: addDays(today, -8), summary: "Twenty-three organisations took part; their comments focused on Roma housing, asylum procedures and violence against women.", commentsOpenUntil: addDays(today, 20) }, actor);
}

const ANSWERS: { text: string; status: "in-progress" | "partially-implemented" | "implemented" }[] = [
  { text: "The amendments to the Human Rights Ombudsman Act adopted last year give the Ombudsman a broader mandate, including the promotion of human rights, and the Ombudsman was re-accredited with A status by GANHRI.", status: "partially-implemented" },
  { text: "The Free Legal Aid Act was amended to extend free legal aid to asylum seekers at all stages of the procedure; the income threshold was raised by 20 per cent. In 2025, 6,412 persons received free legal aid.", status: "implemented" },
  { text: "The new Domestic Violence Prevention Act entered into force; the number of places in safe houses rose from 140 to 196, and a 24-hour helpline now operates in four languages.", status: "in-progress" },
  { text: "The Placement of Children with Special Needs Act was amended so that children with disabilities are taught in mainstream schools with assistants where their parents wish it; 312 teaching assistants were recruited.", status: "in-progress" },
  { text: "The minimum income and the supplement for single-parent families were raised in line with the cost of living; the at-risk-of-poverty rate of persons over 65 fell from 19.2 to 17.5 per cent.", status: "partially-implemented" },
];
