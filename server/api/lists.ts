/** Ministries and focal points, reports and milestones, consultations. */
import type { Router } from "express";
import { API_ROUTES } from "../../core/api/routes";
import { authorize, can, type Actor } from "../../core/auth/policy";
import { queryAll } from "../../core/ports/repository";
import { isActiveFocalPoint } from "../../core/ministries/focal-point";
import { createRecord, updateRecord } from "../../core/lists/edit-records";
import { nominateFocalPoint } from "../../core/ministries/renominate-focal-point";
import { bindRoute, type RouteBinding } from "../http/bind-route";
import { pageOfArray } from "./paging";
import { authorizeReportRead, type ApiServices } from "./services";

/** Focal points' names and e-mail addresses are shown to the mechanism's members, not to observers. */
function seesPeople(actor: Actor): boolean {
  return can(actor, { kind: "read-record", sharedWithObservers: false });
}

export function registerListRoutes(router: Router, binding: RouteBinding, services: ApiServices): void {
  const { deps } = services;

  // Ministries and focal points

  bindRoute(router, API_ROUTES.listMinistries, binding, async ({ query, actor }) => {
    authorize(actor, { kind: "read" });
    const now = deps.clock.now();
    const [ministries, focalPoints] = await Promise.all([queryAll(deps.repos.ministries), seesPeople(actor) ? queryAll(deps.repos.focalPoints) : []]);
    const active = focalPoints.filter((f) => isActiveFocalPoint(f, now));
    return {
      items: ministries
        .filter((m) => query.active === undefined || m.active === query.active)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((m) => ({
          ...m,
          focalPoints: {
            technical: active.filter((f) => f.ministryId === m.id && f.role === "technical"),
            senior: active.filter((f) => f.ministryId === m.id && f.role === "senior"),
          },
        })),
    };
  });

  bindRoute(router, API_ROUTES.createMinistry, binding, async ({ body, actor }) => createRecord(deps, "ministries", body, actor));

  bindRoute(router, API_ROUTES.updateMinistry, binding, async ({ params, body, actor }) => updateRecord(deps, "ministries", params.id, body.changes, body.eTag, actor));

  bindRoute(router, API_ROUTES.listFocalPoints, binding, async ({ params, actor }) => {
    authorize(actor, { kind: "read" });
    authorize(actor, { kind: "read-record", sharedWithObservers: false });
    const ministry = await deps.repos.ministries.get(params.id);
    const now = deps.clock.now();
    const nominations = await queryAll(deps.repos.focalPoints, { where: [{ field: "ministryId", op: "eq", value: ministry.id }] });
    return {
      items: nominations
        .map((f) => ({ ...f, active: isActiveFocalPoint(f, now) }))
        .sort((a, b) => Number(b.active) - Number(a.active) || a.role.localeCompare(b.role) || b.activeFrom.localeCompare(a.activeFrom)),
    };
  });

  bindRoute(router, API_ROUTES.nominateFocalPoint, binding, async ({ params, body, actor }) => {
    const result = await nominateFocalPoint(deps, { ...body, ministryId: params.id }, actor);
    // The new and the former focal point see their new rights at their next call.
    services.actors.forget(result.nominated.userId);
    for (const ended of result.ended) services.actors.forget(ended.userId);
    return result;
  });

  bindRoute(router, API_ROUTES.updateFocalPoint, binding, async ({ params, body, actor }) => {
    const updated = await updateRecord(deps, "focalPoints", params.id, body.changes, body.eTag, actor);
    services.actors.forget(updated.userId);
    return updated;
  });

  // Reports and milestones

  bindRoute(router, API_ROUTES.listReports, binding, async ({ query, actor }) => {
    authorize(actor, { kind: "read" });
    const where = query.mechanism ? [{ field: "mechanism" as const, op: "eq" as const, value: query.mechanism }] : undefined;
    const reports = await queryAll(deps.repos.reports, { where });
    return {
      items: reports
        .filter((r) => can(actor, { kind: "read-record", sharedWithObservers: r.sharedWithObservers }))
        .filter((r) => (!query.type || r.type === query.type) && (!query.status || r.status === query.status))
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title)),
    };
  });

  bindRoute(router, API_ROUTES.getReport, binding, async ({ params, actor }) => authorizeReportRead(services, actor, params.id));

  bindRoute(router, API_ROUTES.createReport, binding, async ({ body, actor }) => createRecord(deps, "reports", { ...body, createdAt: deps.clock.now().toISOString() }, actor));

  bindRoute(router, API_ROUTES.updateReport, binding, async ({ params, body, actor }) => updateRecord(deps, "reports", params.id, body.changes, body.eTag, actor));

  bindRoute(router, API_ROUTES.listMilestones, binding, async ({ params, actor }) => {
    const report = await authorizeReportRead(services, actor, params.id);
    const milestones = await queryAll(deps.repos.milestones, { where: [{ field: "reportId", op: "eq", value: report.id }] });
    return { items: milestones.sort((a, b) => a.order - b.order || a.dueDate.localeCompare(b.dueDate)) };
  });

  bindRoute(router, API_ROUTES.createMilestone, binding, async ({ params, body, actor }) => {
    authorize(actor, { kind: "edit-lists" });
    const report = await deps.repos.reports.get(params.id);
    return createRecord(deps, "milestones", { ...body, reportId: report.id }, actor);
  });

  bindRoute(router, API_ROUTES.updateMilestone, binding, async ({ params, body, actor }) => updateRecord(deps, "milestones", params.id, body.changes, body.eTag, actor));

  // Consultations

  bindRoute(router, API_ROUTES.listConsultations, binding, async ({ query, actor }) => {
    authorize(actor, { kind: "read" });
    const where = query.reportId ? [{ field: "reportId" as const, op: "eq" as const, value: query.reportId }] : undefined;
    const [consultations, reports] = await Promise.all([queryAll(deps.repos.consultations, { where }), queryAll(deps.repos.reports)]);
    const shared = new Set(reports.filter((r) => r.sharedWithObservers).map((r) => r.id));
    const everything = can(actor, { kind: "read-record", sharedWithObservers: false });
    const items = consultations
      .filter((c) => everything || (c.reportId !== undefined && shared.has(c.reportId)))
      .filter((c) => !query.from || c.date >= query.from)
      .sort((a, b) => b.date.localeCompare(a.date));
    return pageOfArray(items, query);
  });

  bindRoute(router, API_ROUTES.createConsultation, binding, async ({ body, actor }) => {
    authorize(actor, { kind: "edit-lists" });
    if (body.reportId) await deps.repos.reports.get(body.reportId);
    return createRecord(deps, "consultations", body, actor);
  });

  bindRoute(router, API_ROUTES.updateConsultation, binding, async ({ params, body, actor }) => updateRecord(deps, "consultations", params.id, body.changes, body.eTag, actor));
}
