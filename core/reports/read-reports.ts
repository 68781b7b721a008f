import { authorize, can, type Actor } from "../auth/policy";
import type { ConsultationFields } from "../consultations/consultation";
import { queryAll } from "../ports/repository";
import type { UseCaseDeps } from "../ports/use-case-deps";
import type { Stored } from "../records/common";
import type { Mechanism, ReportType } from "../records/taxonomy";
import type { MilestoneFields, ReportFields, ReportStatus } from "./report";

type Deps = Pick<UseCaseDeps, "repos">;

/** A report, and what follows its sharing (its milestones, drafts, consultations): observers only those shared with them. */
export async function readReport(deps: Deps, reportId: string, actor: Actor): Promise<Stored<ReportFields>> {
  authorize(actor, { kind: "read" });
  const report = await deps.repos.reports.get(reportId);
  authorize(actor, { kind: "read-record", sharedWithObservers: report.sharedWithObservers });
  return report;
}

/** The reports a person may read, by due date. */
export async function listReports(deps: Deps, filter: { mechanism?: Mechanism; type?: ReportType; status?: ReportStatus }, actor: Actor): Promise<Stored<ReportFields>[]> {
  authorize(actor, { kind: "read" });
  const where = filter.mechanism ? [{ field: "mechanism" as const, op: "eq" as const, value: filter.mechanism }] : undefined;
  const reports = await queryAll(deps.repos.reports, { where });
  return reports
    .filter((r) => can(actor, { kind: "read-record", sharedWithObservers: r.sharedWithObservers }))
    .filter((r) => (!filter.type || r.type === filter.type) && (!filter.status || r.status === filter.status))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title));
}

/** A report's workplan, in order. */
export async function listMilestones(deps: Deps, reportId: string, actor: Actor): Promise<Stored<MilestoneFields>[]> {
  const report = await readReport(deps, reportId, actor);
  const milestones = await queryAll(deps.repos.milestones, { where: [{ field: "reportId", op: "eq", value: report.id }] });
  return milestones.sort((a, b) => a.order - b.order || a.dueDate.localeCompare(b.dueDate));
}

/** The consultations held, newest first: observers only those about a report shared with them, or that invite them to comment. */
export async function listConsultations(deps: Deps, filter: { reportId?: string; from?: string }, actor: Actor): Promise<Stored<ConsultationFields>[]> {
  authorize(actor, { kind: "read" });
  const where = filter.reportId ? [{ field: "reportId" as const, op: "eq" as const, value: filter.reportId }] : undefined;
  const [consultations, reports] = await Promise.all([queryAll(deps.repos.consultations, { where }), queryAll(deps.repos.reports)]);
  const readable = new Set(reports.filter((r) => can(actor, { kind: "read-record", sharedWithObservers: r.sharedWithObservers })).map((r) => r.id));
  const everything = can(actor, { kind: "read-record", sharedWithObservers: false });
  return consultations
    .filter((c) => everything || (c.reportId !== undefined && readable.has(c.reportId)) || c.invitedObserverIds.includes(actor.userId))
    .filter((c) => !filter.from || c.date >= filter.from)
    .sort((a, b) => b.date.localeCompare(a.date));
}
