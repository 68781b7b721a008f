/** The dashboard, the audit log, the signed-in person, the public configuration, the local sign-in. */
import type { Router } from "express";
import { API_ROUTES } from "../../core/api/routes";
import type { MeDto, PublicConfigDto } from "../../core/api/overview";
import { authorize, can } from "../../core/auth/policy";
import { NotFoundError } from "../../core/errors";
import { queryAll, type Condition } from "../../core/ports/repository";
import type { AuditEntryFields } from "../../core/audit/audit-entry";
import { isActiveFocalPoint } from "../../core/ministries/focal-point";
import { ministriesOfFocalPoint } from "../../core/ministries/focal-points";
import { bindRoute, type RouteBinding } from "../http/bind-route";
import { readDashboard } from "../../core/dashboard/dashboard";
import { readCalendar } from "../../core/engagement/due-calendar";
import { fixRow, readDataQuality } from "../../core/data-quality/data-quality";
import type { ApiServices } from "./services";

export function registerOverviewRoutes(router: Router, binding: RouteBinding, services: ApiServices): void {
  const { deps } = services;

  bindRoute(router, API_ROUTES.dashboard, binding, async ({ query, actor }) => readDashboard(deps, query, actor, { timeZone: services.config.timeZone }));

  bindRoute(router, API_ROUTES.calendar, binding, async ({ query, actor }) => readCalendar(deps, query, actor));

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
    return { items: [...page.items].sort(newestFirst), ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}) };
  });

  bindRoute(router, API_ROUTES.readDataQuality, binding, async ({ actor }) => readDataQuality(deps, actor));

  bindRoute(router, API_ROUTES.fixRow, binding, async ({ params, body, actor }) => {
    const fixed = (await fixRow(deps, params.kind, params.id, body, actor)) as Record<string, unknown> & { id: string; eTag: string };
    return { kind: params.kind, id: fixed.id, eTag: fixed.eTag, record: fixed };
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
        readAnswers: can(fresh, { kind: "read-answers" }),
        downloadPdf: await services.pdf.available(),
        readDataQuality: can(fresh, { kind: "read-data-quality" }),
        fixData: can(fresh, { kind: "fix-data" }),
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
