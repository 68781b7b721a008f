/** Visits and communications of special procedures: each route calls one use case of core/visits or core/communications. */
import type { Router } from "express";
import { API_ROUTES } from "../../core/api/routes";
import {
  agreeVisitDates,
  askMinistriesForMeeting,
  configureVisitChecklist,
  listVisits,
  readVisit,
  recordEndOfVisitStatement,
  recordVisitReport,
  recordVisitRequest,
  replyToVisitRequest,
  setVisitProgramme,
  tickVisitStep,
} from "../../core/visits/visits";
import { askMinistriesAboutCommunication, listCommunications, readCommunication, receiveCommunication, recordReplySent } from "../../core/communications/communications";
import { bindRoute, type RouteBinding } from "../http/bind-route";
import type { ApiServices } from "./services";

export function registerVisitRoutes(router: Router, binding: RouteBinding, services: ApiServices): void {
  const { deps } = services;

  bindRoute(router, API_ROUTES.listVisits, binding, async ({ actor }) => ({ items: await listVisits(deps, actor) }));

  bindRoute(router, API_ROUTES.recordVisit, binding, async ({ body, actor }) => recordVisitRequest(deps, body, actor));

  bindRoute(router, API_ROUTES.getVisit, binding, async ({ params, actor }) => readVisit(deps, params.id, actor));

  bindRoute(router, API_ROUTES.replyToVisit, binding, async ({ params, body, actor }) => replyToVisitRequest(deps, params.id, body, actor));

  bindRoute(router, API_ROUTES.agreeVisitDates, binding, async ({ params, body, actor }) => agreeVisitDates(deps, params.id, body, actor));

  bindRoute(router, API_ROUTES.setVisitProgramme, binding, async ({ params, body, actor }) => setVisitProgramme(deps, params.id, body, actor));

  bindRoute(router, API_ROUTES.askForMeeting, binding, async ({ params, body, actor }) => askMinistriesForMeeting(deps, params.id, params.key, body, actor));

  bindRoute(router, API_ROUTES.recordVisitStatement, binding, async ({ params, body, actor }) => recordEndOfVisitStatement(deps, params.id, body, actor));

  bindRoute(router, API_ROUTES.recordVisitReport, binding, async ({ params, body, actor }) => recordVisitReport(deps, params.id, body, actor));

  bindRoute(router, API_ROUTES.tickVisitStep, binding, async ({ params, body, actor }) => tickVisitStep(deps, params.id, body, actor));

  bindRoute(router, API_ROUTES.configureVisitChecklist, binding, async ({ params, body, actor }) => configureVisitChecklist(deps, params.id, body, actor));

  bindRoute(router, API_ROUTES.listCommunications, binding, async ({ actor }) => ({ items: await listCommunications(deps, actor) }));

  bindRoute(router, API_ROUTES.receiveCommunication, binding, async ({ body, actor }) => receiveCommunication(deps, body, actor));

  bindRoute(router, API_ROUTES.getCommunication, binding, async ({ params, actor }) => readCommunication(deps, params.id, actor));

  bindRoute(router, API_ROUTES.askAboutCommunication, binding, async ({ params, body, actor }) => askMinistriesAboutCommunication(deps, params.id, body, actor));

  bindRoute(router, API_ROUTES.recordReplySent, binding, async ({ params, body, actor }) => recordReplySent(deps, params.id, body, actor));
}
