/**
 * The HTTPS side: reads requests, checks the bearer token, adds latency, routes, applies
 * faults and resource units, counts, and writes Graph-shaped responses. `$batch` runs its inner
 * requests through the same `serve` path. Admin endpoints live under `/_emulator/` (same token,
 * never faulted, never counted).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { EmulatorContext } from "./context";
import { Counters } from "./counters";
import { errorEnvelope, GraphHttpError } from "./errors";
import { type FaultInjector } from "./faults";
import { handleBatch, type InnerRunner } from "./handlers/batch";
import { ODATA_JSON, type EmulatorRequest, type EmulatorResponse } from "./http";
import { guid } from "./ids";
import { parseQueryString } from "./odata/query-options";
import { route } from "./router";
import type { SubscriptionHub } from "./subscriptions";

const DIAGNOSTIC = JSON.stringify({ ServerInfo: { DataCenter: "Local Emulator", Slice: "E", Ring: "0", ScaleUnit: "000", RoleInstance: "localhost" } });

export interface AdminHandler {
  (method: string, path: string, body: unknown): { status: number; json?: unknown };
}

export class RequestTooLarge extends Error {}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new RequestTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export class EmulatorServer {
  readonly counters = new Counters();
  readonly faults: FaultInjector;

  /** Delegated tokens of people (`tokenFor`): a request with one acts as that person. */
  readonly people = new Map<string, { displayName: string; email: string }>();

  constructor(
    private readonly context: EmulatorContext,
    private readonly accessToken: string,
    faults: FaultInjector,
    private readonly admin: AdminHandler,
    private readonly subscriptions?: SubscriptionHub,
  ) {
    this.faults = faults;
  }

  /** The node:https request listener. */
  listener = (req: IncomingMessage, res: ServerResponse): void => {
    this.handle(req, res).catch((error: unknown) => {
      console.error("Graph emulator: unexpected failure", error);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
      res.end();
    });
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? "/";
    const question = url.indexOf("?");
    const pathname = question === -1 ? url : url.slice(0, question);
    const rawQuery = question === -1 ? "" : url.slice(question + 1);
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
    }
    const request: EmulatorRequest = {
      method: (req.method ?? "GET").toUpperCase(),
      path: pathname.replace(/^\/v1\.0\/?/, ""),
      query: parseQueryString(rawQuery),
      headers,
      body: Buffer.alloc(0),
      inner: false,
      requestId: guid(),
      clientRequestId: headers["client-request-id"] ?? guid(),
    };
    const limit = Math.max(this.context.behaviour.maxSimpleUploadBytes, 64 * 1024 * 1024) + 1024 * 1024;
    try {
      request.body = await readBody(req, limit);
    } catch (error) {
      if (!(error instanceof RequestTooLarge)) throw error;
      this.send(res, request, this.errorResponse(new GraphHttpError(413, "invalidRequest", "The request body is too large."), request));
      req.destroy();
      return;
    }

    if (pathname === "/_emulator" || pathname.startsWith("/_emulator/")) {
      this.send(res, request, this.serveAdmin(request, pathname.slice("/_emulator".length)));
      return;
    }
    if (!/^\/v1\.0(\/|$)/.test(pathname)) {
      this.send(res, request, this.errorResponse(new GraphHttpError(400, "BadRequest", `Invalid version: the emulator serves /v1.0 only.`), request));
      return;
    }
    this.counters.httpRequest();
    const latency = this.faults.latencyMs();
    if (latency > 0) await sleep(latency);

    if (request.path === "$batch") {
      if (!this.authorized(request)) {
        this.send(res, request, this.unauthorized(request));
        return;
      }
      let response: EmulatorResponse;
      this.context.actingAs = this.personOf(request);
      try {
        response = handleBatch(request, this.innerRunner());
      } catch (error) {
        response = this.errorResponse(error, request);
      } finally {
        this.context.actingAs = undefined;
      }
      this.counters.served("batch", false, response.status, 0);
      this.send(res, request, response);
      return;
    }
    if (/^subscriptions(\/|$)/.test(request.path) && this.subscriptions) {
      if (!this.authorized(request)) {
        this.send(res, request, this.unauthorized(request));
        return;
      }
      let response: EmulatorResponse;
      try {
        response = await this.subscriptions.handle(request);
      } catch (error) {
        response = this.errorResponse(error, request);
      }
      this.counters.served(`subscriptions.${request.method.toLowerCase()}`, false, response.status, 0);
      this.send(res, request, response);
      return;
    }
    this.send(res, request, this.serve(request));
  }

  private innerRunner(): InnerRunner {
    const run = ((inner: EmulatorRequest) => this.serve(inner)) as InnerRunner;
    run.error = (inner, status, code, message) => {
      const response = this.errorResponse(new GraphHttpError(status, code, message), inner);
      this.counters.served("batch.refused", true, status, 0);
      return response;
    };
    return run;
  }

  private authorized(request: EmulatorRequest): boolean {
    const value = request.headers.authorization ?? "";
    return value === `Bearer ${this.accessToken}` || this.personOf(request) !== undefined;
  }

  private personOf(request: EmulatorRequest): { displayName: string; email: string } | undefined {
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? "");
    return match ? this.people.get(match[1]!) : undefined;
  }

  private unauthorized(request: EmulatorRequest): EmulatorResponse {
    const empty = (request.headers.authorization ?? "").trim() === "";
    const message = empty ? "Access token is empty." : "Access token validation failure. Invalid audience.";
    return this.errorResponse(new GraphHttpError(401, "InvalidAuthenticationToken", message), request);
  }

  /** Routes, authorizes, admits, runs and counts one request (top-level or inside a batch). */
  serve(request: EmulatorRequest): EmulatorResponse {
    const matched = route(this.context, request);
    if (!request.inner && matched.authenticated && !this.authorized(request)) {
      const response = this.unauthorized(request);
      this.counters.served(matched.kind, false, response.status, 0);
      return response;
    }
    const admission = matched.kind === "unknown" || matched.kind === "unsupported" ? { headers: {}, charged: 0 } : this.faults.admit(matched.kind, matched.cost);
    let response: EmulatorResponse;
    if (admission.fault) {
      const fault = admission.fault;
      response = this.errorResponse(new GraphHttpError(fault.status, fault.code, fault.message, { headers: fault.headers }), request);
    } else {
      // Handlers run synchronously: who the request acts as holds for exactly this one.
      const outer = this.context.actingAs;
      if (!request.inner) this.context.actingAs = this.personOf(request);
      try {
        response = matched.handle();
      } catch (error) {
        response = this.errorResponse(error, request);
      } finally {
        if (!request.inner) this.context.actingAs = outer;
      }
    }
    // Inner batch responses need the exact key `Content-Type` (graph-contract.md 6.6).
    if (response.json !== undefined && !Object.keys(response.headers).some((key) => key.toLowerCase() === "content-type")) {
      response.headers["Content-Type"] = ODATA_JSON;
    }
    if (admission.charged > 0) response.headers["x-ms-resource-unit"] = String(admission.charged);
    Object.assign(response.headers, admission.headers);
    this.counters.served(matched.kind, request.inner, response.status, admission.charged);
    return response;
  }

  errorResponse(error: unknown, request: EmulatorRequest): EmulatorResponse {
    let graphError: GraphHttpError;
    if (error instanceof GraphHttpError) {
      graphError = error;
    } else {
      console.error("Graph emulator: unexpected error", error);
      graphError = new GraphHttpError(500, "generalException", "An unspecified error has occurred.");
    }
    const innerCode = graphError.extra.innerCode;
    return {
      status: graphError.status,
      headers: { "Content-Type": "application/json", ...graphError.extra.headers },
      json: errorEnvelope(
        { code: graphError.code, message: graphError.message, ...(innerCode ? { innerCode } : {}) },
        { requestId: request.requestId, clientRequestId: request.clientRequestId },
        this.context.now(),
      ),
    };
  }

  private serveAdmin(request: EmulatorRequest, path: string): EmulatorResponse {
    if (path !== "/health" && !this.authorized(request)) return this.unauthorized(request);
    try {
      let body: unknown;
      if (request.body.length > 0) {
        try {
          body = JSON.parse(request.body.toString("utf8"));
        } catch {
          throw new GraphHttpError(400, "invalidRequest", "The admin request body is not JSON.");
        }
      }
      const result = this.admin(request.method, path, body);
      return { status: result.status, headers: { "Content-Type": "application/json" }, ...(result.json !== undefined ? { json: result.json } : {}) };
    } catch (error) {
      if (error instanceof GraphHttpError) return this.errorResponse(error, request);
      return this.errorResponse(new GraphHttpError(400, "invalidRequest", (error as Error).message), request);
    }
  }

  private send(res: ServerResponse, request: EmulatorRequest, response: EmulatorResponse): void {
    const headers: Record<string, string> = {
      "request-id": request.requestId,
      "client-request-id": request.clientRequestId,
      "x-ms-ags-diagnostic": DIAGNOSTIC,
      "Strict-Transport-Security": "max-age=31536000",
      ...response.headers,
    };
    let payload: Buffer | undefined;
    if (response.json !== undefined) {
      payload = Buffer.from(JSON.stringify(response.json));
      if (!Object.keys(headers).some((key) => key.toLowerCase() === "content-type")) headers["Content-Type"] = ODATA_JSON;
    } else if (response.bytes !== undefined) {
      payload = response.bytes;
    }
    if (payload !== undefined) headers["Content-Length"] = String(payload.length);
    res.writeHead(response.status, headers);
    res.end(payload);
  }
}
