/** Ministries and focal points, reports and milestones, consultations. */
import type { Router } from "express";
import { API_ROUTES } from "../../core/api/routes";
import { authorize } from "../../core/auth/policy";
import { listFocalPoints, listMinistries } from "../../core/ministries/read-ministries";
import { listConsultations, listMilestones, listReports, readReport } from "../../core/reports/read-reports";
import { createRecord, updateRecord } from "../../core/lists/edit-records";
import { answerConsultationComment, commentOnConsultation, listConsultationComments } from "../../core/consultations/consultation-comments";
import { nominateFocalPoint } from "../../core/ministries/renominate-focal-point";
import { bindRoute, type RouteBinding } from "../http/bind-route";
import { pageOfArray } from "./paging";
import type { ApiServices } from "./services";

export function registerListRoutes(router: Router, binding: RouteBinding, services: ApiServices): void {
  const { deps } = services;

  // Ministries and focal points

  bindRoute(router, API_ROUTES.listMinistries, binding, async ({ query, actor }) => ({ items: await listMinistries(deps, query, actor) }));

  bindRoute(router, API_ROUTES.createMinistry, binding, async ({ body, actor }) => createRecord(deps, "ministries", body, actor));

  bindRoute(router, API_ROUTES.updateMinistry, binding, async ({ params, body, actor }) => updateRecord(deps, "ministries", params.id, body.changes, body.eTag, actor));

  bindRoute(router, API_ROUTES.listFocalPoints, binding, async ({ params, actor }) => ({ items: await listFocalPoints(deps, params.id, actor) }));

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

  bindRoute(router, API_ROUTES.listReports, binding, async ({ query, actor }) => ({ items: await listReports(deps, query, actor) }));

  bindRoute(router, API_ROUTES.getReport, binding, async ({ params, actor }) => readReport(deps, params.id, actor));

  bindRoute(router, API_ROUTES.createReport, binding, async ({ body, actor }) => createRecord(deps, "reports", { ...body, createdAt: deps.clock.now().toISOString() }, actor));

  bindRoute(router, API_ROUTES.updateReport, binding, async ({ params, body, actor }) => updateRecord(deps, "reports", params.id, body.changes, body.eTag, actor));

  bindRoute(router, API_ROUTES.listMilestones, binding, async ({ params, actor }) => ({ items: await listMilestones(deps, params.id, actor) }));

  bindRoute(router, API_ROUTES.createMilestone, binding, async ({ params, body, actor }) => {
    authorize(actor, { kind: "edit-lists" });
    const report = await deps.repos.reports.get(params.id);
    return createRecord(deps, "milestones", { ...body, reportId: report.id }, actor);
  });

  bindRoute(router, API_ROUTES.updateMilestone, binding, async ({ params, body, actor }) => updateRecord(deps, "milestones", params.id, body.changes, body.eTag, actor));

  // Consultations

  bindRoute(router, API_ROUTES.listConsultations, binding, async ({ query, actor }) => pageOfArray(await listConsultations(deps, query, actor), query));

  bindRoute(router, API_ROUTES.createConsultation, binding, async ({ body, actor }) => {
    authorize(actor, { kind: "edit-lists" });
    if (body.reportId) await deps.repos.reports.get(body.reportId);
    return createRecord(deps, "consultations", body, actor);
  });

  bindRoute(router, API_ROUTES.updateConsultation, binding, async ({ params, body, actor }) => updateRecord(deps, "consultations", params.id, body.changes, body.eTag, actor));

  bindRoute(router, API_ROUTES.listConsultationComments, binding, async ({ params, actor }) => ({ items: await listConsultationComments(deps, params.id, actor) }));

  bindRoute(router, API_ROUTES.commentOnConsultation, binding, async ({ params, body, actor }) => commentOnConsultation(deps, params.id, body, actor));

  bindRoute(router, API_ROUTES.answerConsultationComment, binding, async ({ params, body, actor }) => answerConsultationComment(deps, params.id, body, actor));
}
