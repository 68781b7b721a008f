/** Requests for input, what people do to them, and the answers (contributions) with their files. */
import path from "node:path";
import type { Router } from "express";
import { API_ROUTES } from "../../core/api/routes";
import { authorize, can, type Actor } from "../../core/auth/policy";
import { ConflictError, ValidationError } from "../../core/errors";
import { queryAll } from "../../core/ports/repository";
import { LIMITS } from "../../core/records/common";
import { changeRequest, type ChangeRequestInput } from "../../core/requests/change-request";
import { safeFileName } from "../../core/drafts/compile-draft";
import { createRequests } from "../../core/requests/create-requests";
import { ministriesOfFocalPoint } from "../../core/ministries/focal-points";
import { recordContribution } from "../../core/contributions/record-contribution";
import { bindRoute, type RouteBinding } from "../http/bind-route";
import { HttpError } from "../http/errors";
import { pageOfArray } from "./paging";
import { withSubject, withSubjects } from "./request-subjects";
import { authorizeReportRead, type ApiServices } from "./services";

export function registerRequestRoutes(router: Router, binding: RouteBinding, services: ApiServices): void {
  const { deps } = services;

  bindRoute(router, API_ROUTES.listRequests, binding, async ({ query, actor }) => {
    authorize(actor, { kind: "read" });
    const everything = can(actor, { kind: "read-record", sharedWithObservers: false });
    const reports = everything ? undefined : await queryAll(deps.repos.reports);
    const shared = reports && new Set(reports.filter((r) => r.sharedWithObservers).map((r) => r.id));
    const items = (await services.views.requests.all())
      .filter((r) => !shared || shared.has(r.reportId))
      .filter((r) => (!query.reportId || r.reportId === query.reportId) && (!query.ministryId || r.ministryId === query.ministryId))
      .filter((r) => (!query.recommendationId || r.recommendationId === query.recommendationId) && (!query.status || r.status === query.status))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || Number(a.id) - Number(b.id) || a.id.localeCompare(b.id));
    const page = pageOfArray(items, query);
    // Only the page's subjects are described: the recommendations in one read of their read model, the reports once.
    return { ...page, items: await withSubjects(services, actor, page.items, { reports }) };
  });

  bindRoute(router, API_ROUTES.getRequest, binding, async ({ params, actor }) => {
    authorize(actor, { kind: "read" });
    const request = await deps.repos.requests.get(params.id);
    const report = await authorizeReportRead(services, actor, request.reportId);
    return withSubject(services, actor, request, { reports: [report] });
  });

  bindRoute(router, API_ROUTES.createRequests, binding, async ({ params, body, actor }) => {
    const result = await createRequests(deps, { ...body, reportId: params.id }, actor);
    return { ...result, created: await withSubjects(services, actor, result.created) };
  });

  // The answer to an action on one request says what it is about too (the tab puts it back in its list).
  const change = async (requestId: string, eTag: string, action: ChangeRequestInput["change"], actor: Actor) =>
    withSubject(services, actor, await changeRequest(deps, { requestId, eTag, change: action }, actor));
  bindRoute(router, API_ROUTES.extendRequest, binding, async ({ params, body, actor }) => change(params.id, body.eTag, { action: "extend", until: body.until }, actor));
  bindRoute(router, API_ROUTES.closeRequest, binding, async ({ params, body, actor }) => change(params.id, body.eTag, { action: "close" }, actor));
  bindRoute(router, API_ROUTES.reopenRequest, binding, async ({ params, body, actor }) => change(params.id, body.eTag, { action: "reopen" }, actor));
  bindRoute(router, API_ROUTES.resendRequest, binding, async ({ params, body, actor }) => change(params.id, body.eTag, { action: "resend" }, actor));
  bindRoute(router, API_ROUTES.seeRequest, binding, async ({ params, body, actor }) => change(params.id, body.eTag, { action: "see" }, actor));
  bindRoute(router, API_ROUTES.askMoreTime, binding, async ({ params, body, actor }) => change(params.id, body.eTag, { action: "ask-more-time", until: body.until, reason: body.reason }, actor));
  bindRoute(router, API_ROUTES.declineRequest, binding, async ({ params, body, actor }) => change(params.id, body.eTag, { action: "decline", reason: body.reason }, actor));

  bindRoute(router, API_ROUTES.listContributions, binding, async ({ params, actor }) => {
    authorize(actor, { kind: "read" });
    const request = await deps.repos.requests.get(params.id);
    await authorizeReportRead(services, actor, request.reportId);
    const versions = await queryAll(deps.repos.contributions, { where: [{ field: "requestId", op: "eq", value: request.id }] });
    return { items: versions.sort((a, b) => b.version - a.version) };
  });

  bindRoute(router, API_ROUTES.createContribution, binding, async ({ params, body, actor }) => {
    const result = await recordContribution(deps, { ...body, requestId: params.id, via: "tab" }, actor);
    return { ...result, request: await withSubject(services, actor, result.request) };
  });

  bindRoute(router, API_ROUTES.uploadAttachment, binding, async ({ params, query, body, actor, req }) => {
    const request = await deps.repos.requests.get(params.id);
    const ministryIds = await ministriesOfFocalPoint(deps, actor.userId);
    authorize({ ...actor, ministryIds }, { kind: "answer-request", ministryId: request.ministryId });
    if (body.byteLength > LIMITS.attachmentBytes) {
      throw new HttpError(413, "too_large", `a file may be at most ${LIMITS.attachmentBytes / (1024 * 1024)} MB`);
    }
    const original = safeFileName(path.basename(query.fileName));
    if (!/\.[A-Za-z0-9]{1,8}$/.test(original)) throw new ValidationError("give the file's name with its extension", [{ path: "query.fileName", message: "no extension" }]);
    const extension = path.extname(original);
    const stem = original.slice(0, -extension.length);
    const folder = `Report ${request.reportId}/Request ${request.id}`;
    const declared = req.headers["content-type"]?.split(";")[0]?.trim() ?? "";
    const contentType = /^[\w.+-]+\/[\w.+-]+$/.test(declared) ? declared : "application/octet-stream";
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      const name = attempt === 1 ? original : `${stem} (${attempt})${extension}`;
      try {
        const file = await deps.documents.put("Evidence", folder, name, body, { contentType, onConflict: "fail" });
        return { name: file.name, fileId: file.id, webUrl: file.webUrl, size: file.size, contentType: contentType.slice(0, 255) };
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    throw new ConflictError("too many files of that name were uploaded for this request: rename the file");
  });
}
