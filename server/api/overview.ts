/** The dashboard, the audit log, the signed-in person, the public configuration, the local sign-in. */
import type { Router } from "express";
import { API_ROUTES } from "../../core/api/routes";
import { DUE_SOON_DAYS, type DashboardDto, type DueRequestDto, type MeDto, type PublicConfigDto } from "../../core/api/overview";
import { authorize, can } from "../../core/auth/policy";
import { NotFoundError } from "../../core/errors";
import { queryAll, type Condition } from "../../core/ports/repository";
import type { AuditEntryFields } from "../../core/audit/audit-entry";
import { isActiveFocalPoint } from "../../core/ministries/focal-point";
import { REQUEST_STATUSES, type RequestStatus } from "../../core/requests/request";
import { rollUpStatus } from "../../core/recommendations/status-rollup";
import { ministriesOfFocalPoint } from "../../core/ministries/focal-points";
import { bindRoute, type RouteBinding } from "../http/bind-route";
import { dueRequests, type DueRequest } from "./due-requests";
import { visibleRecommendations } from "./recommendations";
import { describeSubject, subjectLookups } from "./request-subjects";
import type { ApiServices } from "./services";

export function registerOverviewRoutes(router: Router, binding: RouteBinding, services: ApiServices): void {
  const { deps } = services;

  bindRoute(router, API_ROUTES.dashboard, binding, async ({ query, actor }) => {
    const visible = await visibleRecommendations(services, actor);
    const recommendations = visible.filter((r) => (!query.mechanism || r.mechanism === query.mechanism) && (query.cycle === undefined || r.cycle === query.cycle));
    const [ministries, reports, requests] = await Promise.all([queryAll(deps.repos.ministries), queryAll(deps.repos.reports), services.views.requests.all()]);
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

    // Requests needing attention: of the open reports the caller may read (observers: those shared with them).
    const openReports = new Map(open.map((r) => [r.id, r]));
    const due = dueRequests(query.ministryId ? requests.filter((r) => r.ministryId === query.ministryId) : requests, openReports, deps.clock.now(), DUE_SOON_DAYS);
    const shown = [...due.overdue.slice(0, query.dueItems), ...due.dueSoon.slice(0, query.dueItems), ...due.undeliverable.slice(0, query.dueItems)];
    // The recommendations were read for the roll-up already (observers: only those shared with them).
    const lookups = await subjectLookups(services, shown.map((d) => d.request), { recommendations: visible, reports: open });
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
    const dashboard: DashboardDto = {
      generatedAt: deps.clock.now().toISOString(),
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
    };
    return dashboard;
  });

  bindRoute(router, API_ROUTES.listAudit, binding, async ({ query, actor }) => {
    authorize(actor, { kind: "read-audit" });
    const where: Condition<AuditEntryFields>[] = [];
    if (query.entity) where.push({ field: "entity", op: "eq", value: query.entity });
    if (query.entityId) where.push({ field: "entityId", op: "eq", value: query.entityId });
    if (query.actorId) where.push({ field: "actorId", op: "eq", value: query.actorId });
    if (query.action) where.push({ field: "action", op: "eq", value: query.action });
    const page = await deps.repos.audit.query({ where, orderBy: { field: "at", direction: "desc" }, top: query.pageSize, pageToken: query.pageToken });
    // SharePoint keeps times to the second: entries of the same second come newest (highest id) first.
    const newestFirst = (a: { at: string; id: string }, b: { at: string; id: string }) => b.at.localeCompare(a.at) || Number(b.id) - Number(a.id) || b.id.localeCompare(a.id);
    return { ...page, items: [...page.items].sort(newestFirst) };
  });

  bindRoute(router, API_ROUTES.me, binding, async ({ actor }) => {
    // Fresh, not cached: the tab shows what the person may do right after a nomination.
    const ministryIds = await ministriesOfFocalPoint(deps, actor.userId);
    const fresh = { ...actor, ministryIds };
    const now = deps.clock.now();
    const [ministries, nominations] = await Promise.all([
      ministryIds.length ? queryAll(deps.repos.ministries) : [],
      ministryIds.length ? queryAll(deps.repos.focalPoints, { where: [{ field: "userId", op: "eq", value: actor.userId }] }) : [],
    ]);
    const me: MeDto = {
      userId: actor.userId,
      displayName: actor.displayName,
      ...(actor.email ? { email: actor.email } : {}),
      roles: [...actor.roles],
      ministries: nominations
        .filter((n) => isActiveFocalPoint(n, now))
        .map((n) => ({ id: n.ministryId, name: ministries.find((m) => m.id === n.ministryId)?.name ?? n.ministryId, role: n.role })),
      can: {
        read: can(fresh, { kind: "read" }),
        readAudit: can(fresh, { kind: "read-audit" }),
        editLists: can(fresh, { kind: "edit-lists" }),
        import: can(fresh, { kind: "import" }),
        createRequests: can(fresh, { kind: "create-requests" }),
        compileDrafts: can(fresh, { kind: "compile-drafts" }),
        sendForApproval: can(fresh, { kind: "send-for-approval" }),
        decideDrafts: can(fresh, { kind: "decide-draft" }),
        administer: can(fresh, { kind: "administer" }),
        answerRequests: ministryIds.length > 0,
      },
    };
    return me;
  });

  bindRoute(router, API_ROUTES.config, binding, async () => publicConfigOf(services));

  // Local sign-in: only registered in local mode, and each call is checked to come from loopback.
  const local = services.localSignIn;
  if (!local) return;
  bindRoute(router, API_ROUTES.localPersonas, binding, async () => {
    const items = [];
    for (const persona of local.personas) {
      items.push({ id: persona.id, displayName: persona.displayName, email: persona.email, roles: persona.roles, description: persona.description, ministryIds: await ministriesOfFocalPoint(deps, persona.id) });
    }
    return { items };
  });
  bindRoute(router, API_ROUTES.localToken, binding, async ({ body }) => {
    const persona = local.personas.find((p) => p.id === body.persona);
    if (!persona) throw new NotFoundError("Persona", body.persona);
    const accessToken = await local.issuer.issue({ userId: persona.id, displayName: persona.displayName, email: persona.email, roles: persona.roles });
    return { accessToken, tokenType: "Bearer" as const, expiresIn: 8 * 60 * 60 };
  });
  bindRoute(router, API_ROUTES.localJwks, binding, async () => local.issuer.jwks());
}

function emptyStatusCounts(): DashboardDto["recommendations"]["byStatus"] {
  return { "not-assessed": 0, "not-started": 0, "in-progress": 0, "partially-implemented": 0, implemented: 0, "no-longer-relevant": 0 };
}

/** What the tab needs before anyone signs in (`/api/config`, and inline in the tab's page). */
export function publicConfigOf(services: Pick<ApiServices, "config" | "version">): PublicConfigDto {
  const { config } = services;
  return {
    mode: config.mode,
    version: services.version,
    timeZone: config.timeZone,
    signIn:
      config.mode === "local"
        ? { kind: "local" as const, personasUrl: "/local-auth/personas", tokenUrl: "/local-auth/token" }
        : { kind: "entra" as const, clientId: config.signIn.clientId, tenantId: config.signIn.tenantId, resource: config.signIn.audiences[0]! },
  };
}
