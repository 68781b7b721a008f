/** Follow-up of implementation: actions, indicators, progress updates and their review. */
import type { Router } from "express";
import { API_ROUTES } from "../../core/api/routes";
import { createAction, createIndicator } from "../../core/followup/plan-actions";
import { reportProgress, reviewProgress } from "../../core/followup/progress";
import { listActions, readAction, readIndicator } from "../../core/followup/read-followup";
import { listFollowUpRounds, startFollowUpRound } from "../../core/followup/follow-up-round";
import { listFollowUpSchedules, setFollowUpSchedule } from "../../core/followup/follow-up-schedules";
import { listPlans, recordPlan } from "../../core/followup/plans";
import { pageOfArray } from "./paging";
import { bindRoute, type RouteBinding } from "../http/bind-route";
import type { ApiServices } from "./services";

export function registerFollowUpRoutes(router: Router, binding: RouteBinding, services: ApiServices): void {
  const { deps } = services;
  const reading = { timeZone: services.config.timeZone };

  bindRoute(router, API_ROUTES.createAction, binding, async ({ body, actor }) => createAction(deps, body, actor));

  bindRoute(router, API_ROUTES.createIndicator, binding, async ({ body, actor }) => createIndicator(deps, body, actor));

  bindRoute(router, API_ROUTES.reportProgress, binding, async ({ params, body, actor }) => reportProgress(deps, { ...body, actionId: params.id, via: "api" }, actor));

  bindRoute(router, API_ROUTES.reviewProgress, binding, async ({ params, body, actor }) => reviewProgress(deps, { ...body, updateId: params.id }, actor));

  bindRoute(router, API_ROUTES.listActions, binding, async ({ query, actor }) => {
    const { pageSize, pageToken, ...filter } = query;
    return pageOfArray(await listActions(deps, filter, actor, reading), { ...filter, pageSize, pageToken });
  });

  bindRoute(router, API_ROUTES.getAction, binding, async ({ params, actor }) => readAction(deps, params.id, actor, reading));

  bindRoute(router, API_ROUTES.getIndicator, binding, async ({ params, actor }) => readIndicator(deps, params.id, actor, reading));

  // The sender is woken after every write (server/main.ts, afterWrite): the cards go out at once.
  bindRoute(router, API_ROUTES.startFollowUpRound, binding, async ({ body, actor }) => startFollowUpRound(deps, body, actor));

  bindRoute(router, API_ROUTES.listFollowUpRounds, binding, async ({ actor }) => ({ items: await listFollowUpRounds(deps, actor) }));

  bindRoute(router, API_ROUTES.setFollowUpSchedule, binding, async ({ body, actor }) => setFollowUpSchedule(deps, body, actor));

  bindRoute(router, API_ROUTES.recordPlan, binding, async ({ body, actor }) => recordPlan(deps, body, actor));
  bindRoute(router, API_ROUTES.listPlans, binding, async ({ actor }) => ({ items: await listPlans(deps, actor) }));

  bindRoute(router, API_ROUTES.listFollowUpSchedules, binding, async ({ actor }) => ({ items: await listFollowUpSchedules(deps, actor) }));
}
