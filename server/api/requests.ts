/** Requests for input, what people do to them, and the answers (contributions) with their files. */
import type { Router } from "express";
import { API_ROUTES } from "../../core/api/routes";
import type { Actor } from "../../core/auth/policy";
import { changeRequest, type ChangeRequestInput } from "../../core/requests/change-request";
import { createRequests } from "../../core/requests/create-requests";
import { decideRequest, listDecisions } from "../../core/requests/decide-request";
import { recordContribution } from "../../core/contributions/record-contribution";
import { EvidenceRefusedError, storeEvidence } from "../../core/contributions/evidence";
import { bindRoute, type RouteBinding } from "../http/bind-route";
import { HttpError } from "../http/errors";
import { pageOfArray } from "./paging";
import { withSubject, withSubjects } from "../../core/requests/request-subjects";
import { listRequests, readRequest } from "../../core/requests/read-requests";
import { listContributions } from "../../core/contributions/read-contributions";
import type { ApiServices } from "./services";

export function registerRequestRoutes(router: Router, binding: RouteBinding, services: ApiServices): void {
  const { deps } = services;

  bindRoute(router, API_ROUTES.listRequests, binding, async ({ query, actor }) => {
    const { items, reports, recommendations } = await listRequests(deps, query, actor);
    const page = pageOfArray(items, query);
    // Only the page's subjects are described, from what the list read already when it could.
    return { ...page, items: await withSubjects(deps, actor, page.items, { reports, recommendations }) };
  });

  bindRoute(router, API_ROUTES.getRequest, binding, async ({ params, actor }) => {
    const view = await readRequest(deps, params.id, actor);
    return withSubject(deps, actor, view.request, { reports: view.report ? [view.report] : [] });
  });

  bindRoute(router, API_ROUTES.createRequests, binding, async ({ params, body, actor }) => {
    const result = await createRequests(deps, { ...body, reportId: params.id }, actor);
    return { ...result, created: await withSubjects(deps, actor, result.created) };
  });

  // The answer to an action on one request says what it is about too (the tab puts it back in its list).
  const change = async (requestId: string, eTag: string, action: ChangeRequestInput["change"], actor: Actor) =>
    withSubject(deps, actor, await changeRequest(deps, { requestId, eTag, change: action }, actor));
  bindRoute(router, API_ROUTES.extendRequest, binding, async ({ params, body, actor }) => change(params.id, body.eTag, { action: "extend", until: body.until }, actor));
  bindRoute(router, API_ROUTES.closeRequest, binding, async ({ params, body, actor }) => change(params.id, body.eTag, { action: "close" }, actor));
  bindRoute(router, API_ROUTES.reopenRequest, binding, async ({ params, body, actor }) => change(params.id, body.eTag, { action: "reopen" }, actor));
  bindRoute(router, API_ROUTES.resendRequest, binding, async ({ params, body, actor }) => change(params.id, body.eTag, { action: "resend" }, actor));
  bindRoute(router, API_ROUTES.seeRequest, binding, async ({ params, body, actor }) => change(params.id, body.eTag, { action: "see" }, actor));
  bindRoute(router, API_ROUTES.askMoreTime, binding, async ({ params, body, actor }) => change(params.id, body.eTag, { action: "ask-more-time", until: body.until, reason: body.reason }, actor));
  bindRoute(router, API_ROUTES.declineRequest, binding, async ({ params, body, actor }) => change(params.id, body.eTag, { action: "decline", reason: body.reason }, actor));

  bindRoute(router, API_ROUTES.listDecisions, binding, async ({ actor }) => {
    const items = await listDecisions(deps, actor);
    const described = await withSubjects(deps, actor, items.map((item) => item.request));
    return { items: described.map((request, index) => ({ ...request, decisions: items[index]!.decisions })) };
  });
  bindRoute(router, API_ROUTES.decideRequest, binding, async ({ params, body, actor }) => {
    const result = await decideRequest(deps, { requestId: params.id, eTag: body.eTag, decision: body.decision }, actor);
    return { request: await withSubject(deps, actor, result.request), ...(result.reassignedTo ? { reassignedTo: await withSubject(deps, actor, result.reassignedTo) } : {}) };
  });

  bindRoute(router, API_ROUTES.listContributions, binding, async ({ params, actor }) => ({ items: await listContributions(deps, params.id, actor) }));

  bindRoute(router, API_ROUTES.createContribution, binding, async ({ params, body, actor }) => {
    const result = await recordContribution(deps, { ...body, requestId: params.id, via: "tab" }, actor);
    return { ...result, request: await withSubject(deps, actor, result.request) };
  });

  bindRoute(router, API_ROUTES.uploadAttachment, binding, async ({ params, query, body, actor }) => {
    try {
      // The evidence policy decides the type (by extension and first bytes), the name and the type it is served with; never the sender's Content-Type.
      return await storeEvidence(deps, { requestId: params.id, fileName: query.fileName, content: body }, actor);
    } catch (error) {
      if (error instanceof EvidenceRefusedError && error.problem === "too-large") throw new HttpError(413, "too_large", error.message);
      throw error;
    }
  });
}
