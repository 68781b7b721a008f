/**
 * The dashboard: implementation status rolled up, the reports in progress with their requests
 * by status, and the requests needing attention. Built from what the reader may see only: the
 * recommendations shared with observers for an observer, and the requests `listRequests` shows
 * them (so that nobody learns the status of a request they may not read).
 */
import type { z } from "zod";
import { DUE_SOON_DAYS, type dashboardQuerySchema, type DashboardDto, type DueRequestDto } from "../api/overview";
import { can, type Actor } from "../auth/policy";
import { readAll } from "../ports/repository";
import { viewsOf } from "../ports/use-case-deps";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { rollUpStatus } from "../recommendations/status-rollup";
import { visibleRecommendations } from "../recommendations/read-recommendations";
import { dueRequests, type DueRequest } from "../requests/due-requests";
import { listRequests } from "../requests/read-requests";
import { REQUEST_STATUSES, type RequestStatus } from "../requests/request";
import { describeSubject, subjectLookups } from "../requests/request-subjects";
import { followUpFigures, type FollowUpReadOptions } from "../followup/read-followup";

type Deps = Pick<UseCaseDeps, "repos" | "clock" | "rules" | "views">;

/** `timeZone`: the mechanism's, for the actions overdue and the targets passed. */
export async function readDashboard(deps: Deps, query: z.output<typeof dashboardQuerySchema>, actor: Actor, options: FollowUpReadOptions = { timeZone: "UTC" }): Promise<DashboardDto> {
  const visible = await visibleRecommendations(deps, actor);
  const recommendations = visible.filter((r) => (!query.mechanism || r.mechanism === query.mechanism) && (query.cycle === undefined || r.cycle === query.cycle));
  const [ministryRead, reportRead, { items: requests }, attention, followUp] = await Promise.all([
    readAll(deps.repos.ministries),
    readAll(deps.repos.reports),
    listRequests(deps, {}, actor),
    needingAttention(deps, actor),
    followUpFigures(deps, actor, options, new Set(visible.map((r) => r.id))),
  ]);
  const [ministries, reports] = [ministryRead.items, reportRead.items];
  const ministryName = new Map(ministries.map((m) => [m.id, m.name]));
  // Codes, not words: the tab names a mechanism, an SDG or "no lead ministry yet" in the person's language; a ministry's name is data.
  const label = (key: string): { label?: string } => {
    const name = query.dimension === "ministry" && key !== "" ? ministryName.get(key) : undefined;
    return name === undefined ? {} : { label: name };
  };
  // The totals: every recommendation rolled up under one key.
  const [all] = rollUpStatus(recommendations.map((r) => ({ ...r, mechanism: "UPR" as const })), "mechanism");
  const open = reports
    .filter((r) => r.status !== "submitted" && can(actor, { kind: "read-record", sharedWithObservers: r.sharedWithObservers }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));

  const openReports = new Map(open.map((r) => [r.id, r]));
  const due = dueRequests(query.ministryId ? requests.filter((r) => r.ministryId === query.ministryId) : requests, openReports, deps.clock.now(), DUE_SOON_DAYS);
  const shown = [...due.overdue.slice(0, query.dueItems), ...due.dueSoon.slice(0, query.dueItems), ...due.undeliverable.slice(0, query.dueItems)];
  // The recommendations were read for the roll-up already (observers: only those shared with them).
  const lookups = await subjectLookups(deps, shown.map((d) => d.request), { recommendations: visible, reports: open });
  const dueItem = ({ request, daysLeft }: DueRequest): DueRequestDto => ({
    id: request.id,
    reportId: request.reportId,
    reportTitle: openReports.get(request.reportId)?.title ?? "",
    ministryId: request.ministryId,
    // A ministry removed since: its id (a code; the tab shows it as it shows any unknown ministry).
    ministryName: ministryName.get(request.ministryId) ?? request.ministryId,
    subject: request.subject,
    ...describeSubject(request.subject, request.reportId, lookups, actor),
    dueDate: request.dueDate,
    status: request.status,
    ...(request.undeliverableReason ? { undeliverableReason: request.undeliverableReason } : {}),
    daysLeft,
  });
  return {
    generatedAt: deps.clock.now().toISOString(),
    ...(attention ? { needsAttention: { count: attention.count + ministryRead.needsAttention.length + reportRead.needsAttention.length, lists: attention.lists } } : {}),
    dimension: query.dimension,
    recommendations: all
      ? { total: all.total, byStatus: all.byStatus, implementedShare: all.implementedShare, progressShare: all.progressShare }
      : { total: 0, byStatus: emptyStatusCounts(), implementedShare: 0, progressShare: 0 },
    rows: rollUpStatus(recommendations, query.dimension).map((row) => ({ ...row, ...label(row.key) })),
    reports: open.map((report) => {
      const own = requests.filter((r) => r.reportId === report.id);
      const byStatus = Object.fromEntries(REQUEST_STATUSES.map((status) => [status, own.filter((r) => r.status === status).length])) as Record<RequestStatus, number>;
      return { id: report.id, title: report.title, mechanism: report.mechanism, status: report.status, dueDate: report.dueDate, requests: { total: own.length, byStatus } };
    }),
    requestsDue: {
      horizonDays: DUE_SOON_DAYS,
      overdue: { count: due.overdue.length, items: due.overdue.slice(0, query.dueItems).map(dueItem) },
      dueSoon: { count: due.dueSoon.length, items: due.dueSoon.slice(0, query.dueItems).map(dueItem) },
      undeliverable: { count: due.undeliverable.length, items: due.undeliverable.slice(0, query.dueItems).map(dueItem) },
    },
    followUp,
  };
}

/**
 * For those who see data needing attention: how many rows of the lists this dashboard is built
 * from were kept out of it (a person's edit in SharePoint the records' schemas refuse).
 */
async function needingAttention(deps: Deps, actor: Actor): Promise<{ count: number; lists: string[] } | undefined> {
  if (!can(actor, { kind: "read-data-quality" })) return undefined;
  const views = viewsOf(deps);
  const [recommendations, requests] = await Promise.all([views.recommendations.read(), views.requests.read()]);
  return { count: recommendations.needsAttention.length + requests.needsAttention.length, lists: ["recommendations", "requests", "ministries", "reports"] };
}

function emptyStatusCounts(): DashboardDto["recommendations"]["byStatus"] {
  return { "not-assessed": 0, "not-started": 0, "in-progress": 0, "partially-implemented": 0, implemented: 0, "no-longer-relevant": 0 };
}
