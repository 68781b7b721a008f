/**
 * The HTTP application: request ids and logs, security headers, /healthz, the bot's
 * /api/messages, the API (every route of core/api bound to its handler), the local sign-in in
 * local mode, the built tab, and one error handler that turns errors into answers.
 */
import { randomUUID } from "node:crypto";
import express, { type ErrorRequestHandler, type Request, type RequestHandler } from "express";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import type { Actor } from "../../core/auth/policy";
import { UnauthenticatedError } from "../../core/errors";
import { registerDraftRoutes } from "../api/drafts";
import { registerImportRoutes } from "../api/imports";
import { registerImportMappingRoutes } from "../api/import-mappings";
import { registerFollowUpRoutes } from "../api/followup";
import { registerVisitRoutes } from "../api/visits";
import { registerListRoutes } from "../api/lists";
import { publicConfigOf, registerOverviewRoutes } from "../api/overview";
import { registerRecommendationRoutes } from "../api/recommendations";
import { registerRequestRoutes } from "../api/requests";
import { registerExportRoutes } from "../api/exports";
import type { ApiServices } from "../api/services";
import { isLoopback } from "../config/config";
import type { TokenValidator } from "../auth/token-validator";
import type { RouteBinding } from "./bind-route";
import { errorBody, HttpError, toHttpError } from "./errors";
import { openApiDocument } from "./openapi";
import { RateLimiter } from "./rate-limit";
import { OFFICE_JS_URL, securityHeaders } from "./security";
import { tabRouter } from "./static-tab";
import { NOTIFICATIONS_PATH } from "./graph-notifications";
import { API_ROUTES } from "../../core/api/routes";
import type { Telemetry } from "../../core/ports/telemetry";
import { Readiness, stateCheck } from "./readiness";

export interface AppOptions {
  services: ApiServices;
  tokens: TokenValidator;
  logger: Logger;
  /** POST /api/graph/notifications (Graph's change notifications), when they are configured. */
  graphNotifications?: RequestHandler[];
  /** The bot's /api/messages handler, when the bot is wired. */
  botHandler?: RequestHandler;
  /** Called after every API write that succeeded: it may have queued messages (the bot's sender then looks at once). */
  afterWrite?: () => void;
  /** Whether the server is up (`ok`), starting or stopping: /healthz answers 503 unless ok. */
  state: () => "ok" | "starting" | "stopping";
  startedAt: number;
  /** What /readyz checks; without it /readyz is /healthz's state. */
  readiness?: Readiness;
  /** Each API call (route, status, duration) is reported here. */
  telemetry?: Pick<Telemetry, "apiCall">;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function createApp(options: AppOptions): express.Express {
  const { services, logger } = options;
  const { config } = services;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.mode === "tenant" ? "loopback, linklocal, uniquelocal" : false);
  app.set("query parser", "simple");

  app.use(
    pinoHttp({
      logger,
      genReqId(req, res) {
        const given = req.headers["x-request-id"];
        const id = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info"),
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split("?")[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/readyz" },
    }),
  );
  const site = config.graph.site;
  const sharePointHost = config.mode === "tenant" ? ("id" in site ? site.id.split(",")[0] : site.hostname) : undefined;
  if (options.telemetry) {
    const telemetry = options.telemetry;
    app.use("/api", (req, res, next) => {
      const started = performance.now();
      res.on("finish", () => {
        // The route's pattern (/api/requests/:id), never the ids: a metric dimension stays small.
        const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : "(no route)";
        telemetry.apiCall({ method: req.method, route, status: res.statusCode, durationMs: performance.now() - started });
      });
      next();
    });
  }

  if (options.afterWrite) {
    const afterWrite = options.afterWrite;
    app.use("/api", (req, res, next) => {
      if (req.method !== "GET" && req.method !== "HEAD") res.on("finish", () => res.statusCode < 400 && afterWrite());
      next();
    });
  }
  app.use(securityHeaders({ https: (config.publicBaseUrl ?? "").startsWith("https:"), sharePointHost }));

  const limiter = new RateLimiter({ perMinute: config.limits.ratePerMinute, burst: config.limits.rateBurst });
  const binding: RouteBinding = {
    async authenticate(req: Request): Promise<Actor> {
      const header = req.headers.authorization;
      if (!header) throw unauthenticated("sign in: send Authorization: Bearer <token>");
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw unauthenticated("the Authorization header must be 'Bearer <token>'");
      try {
        const identity = await options.tokens.verify(match[1]!);
        const actor = await services.actors.actorOf(identity);
        req.log = req.log.child({ userId: actor.userId });
        return actor;
      } catch (error) {
        if (error instanceof UnauthenticatedError) throw unauthenticated(error.reason, "invalid_token");
        throw error;
      }
    },
    limit(key: string) {
      const wait = limiter.take(key);
      if (wait !== undefined) throw new HttpError(429, "rate_limited", `too many calls: wait ${wait} s and try again`, { retryAfterSeconds: wait });
    },
    localOnly(req: Request) {
      const address = req.socket.remoteAddress ?? "";
      if (config.mode !== "local" || !isLoopback(address.replace(/^::ffff:/, ""))) {
        throw new HttpError(404, "not_found", "no such route");
      }
    },
    bodyParsers: {
      json: express.json({ limit: config.limits.bodyBytes, strict: true, type: ["application/json", "application/*+json"] }),
      binary: express.raw({ limit: config.limits.uploadBytes, type: () => true }),
    },
  };

  app.get("/healthz", (_req, res) => {
    const state = options.state();
    res.setHeader("Cache-Control", "no-store");
    res.status(state === "ok" ? 200 : 503).json({ status: state, mode: config.mode, uptimeSeconds: Math.round((Date.now() - options.startedAt) / 1000) });
  });

  const readiness = options.readiness ?? new Readiness([stateCheck(options.state)]);
  app.get("/readyz", (_req, res, next) => {
    readiness.report().then((report) => {
      res.setHeader("Cache-Control", "no-store");
      res.status(report.ready ? 200 : 503).json({ status: report.ready ? "ready" : "not_ready", mode: config.mode, checks: report.checks });
    }, next);
  });

  const openapi = openApiDocument({ version: services.version, serverUrl: config.publicBaseUrl, includeLocalSignIn: config.mode === "local" });
  app.get(API_ROUTES.openapi.path, (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.json(openapi);
  });

  // The bot: Bot Framework authenticates its own calls (the adapter checks the channel's token).
  if (options.botHandler) {
    app.post("/api/messages", express.json({ limit: config.limits.bodyBytes }), options.botHandler);
  }

  // Graph's change notifications: Graph authenticates them by the subscription's clientState only (server/http/graph-notifications.ts).
  if (options.graphNotifications) app.post(NOTIFICATIONS_PATH, ...options.graphNotifications);

  const api = express.Router();
  registerOverviewRoutes(api, binding, services);
  registerRecommendationRoutes(api, binding, services);
  registerListRoutes(api, binding, services);
  registerFollowUpRoutes(api, binding, services);
  registerVisitRoutes(api, binding, services);
  registerRequestRoutes(api, binding, services);
  registerExportRoutes(api, binding, services);
  registerDraftRoutes(api, binding, services);
  registerImportRoutes(api, binding, services);
  registerImportMappingRoutes(api, binding, services);
  app.use(api);
  bindUnknownRoutes(app);

  const word = config.mode === "local" ? { officeScript: "/word/office-standin.js", localStandIn: true } : { officeScript: OFFICE_JS_URL, localStandIn: false };
  app.use(tabRouter(config.tabDistDir, { publicConfig: publicConfigOf(services), word }));
  app.use(errorHandler(logger));
  return app;
}

function unauthenticated(reason: string, error?: "invalid_token"): HttpError {
  const challenge = error ? `Bearer error="${error}", error_description="${reason.replace(/"/g, "'")}"` : "Bearer";
  return new HttpError(401, "unauthenticated", reason, { headers: { "WWW-Authenticate": challenge } });
}

function bindUnknownRoutes(app: express.Express): void {
  app.use(["/api", "/local-auth"], (req, _res, next) => next(new HttpError(404, "not_found", `no route ${req.method} ${req.originalUrl.split("?")[0]}`)));
}

function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const requestId = typeof req.id === "string" ? req.id : undefined;
    let http = toHttpError(error);
    if (!http) {
      (req.log ?? logger).error({ err: error }, "unexpected error");
      http = new HttpError(500, "internal", "something went wrong on the server; try again, and quote the request id if it happens again");
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (http.extra.retryAfterSeconds) res.setHeader("Retry-After", String(http.extra.retryAfterSeconds));
    for (const [name, value] of Object.entries(http.extra.headers ?? {})) res.setHeader(name, value);
    res.setHeader("Cache-Control", "no-store");
    res.status(http.status).json(errorBody(http, requestId));
  };
}

