/**
 * Binds a route of core/api to a handler: authenticates (401), rate-limits (429), validates
 * params, query and body with the route's zod schemas (400 naming each failing field), calls
 * the handler and answers with the route's success status. The handler does the rest: build
 * nothing, call one use case, return its result.
 */
import type { Request, RequestHandler, Response, Router } from "express";
import type { Writable } from "node:stream";
import type { z } from "zod";
import { isBinaryBody, isBinaryResponse, type ApiRoute, type BinaryBody } from "../../core/api/routes";
import type { Actor } from "../../core/auth/policy";
import type { FieldIssue } from "../../core/errors";
import { issuesOf } from "../../core/records/validate";
import { HttpError } from "./errors";

/** A file answer: its bytes, or a writer that streams them (an export of thousands of rows). */
export type FileResult = { contentType: string; fileName: string } & ({ file: Uint8Array } | { write(out: Writable): Promise<void> });

type Out<S> = [Exclude<S, undefined>] extends [z.ZodType] ? z.output<Exclude<S, undefined>> : undefined;
type BodyOf<B> = [Exclude<B, undefined>] extends [BinaryBody] ? Uint8Array : [Exclude<B, undefined>] extends [z.ZodType] ? z.output<Exclude<B, undefined>> : undefined;
type ResultOf<R> = [R] extends [{ binary: true }] ? FileResult : [R] extends [z.ZodType] ? z.input<R> : unknown;

export interface HandlerInput<R extends ApiRoute> {
  params: Out<R["params"]>;
  query: Out<R["query"]>;
  body: BodyOf<R["body"]>;
  /** The person calling (routes with `auth: "user"`). */
  actor: Actor;
  req: Request;
  res: Response;
}

export type RouteHandler<R extends ApiRoute> = (input: HandlerInput<R>) => Promise<ResultOf<R["response"]>>;

export interface RouteBinding {
  /** Authenticates the caller: the actor, or an HttpError 401. */
  authenticate(req: Request): Promise<Actor>;
  /** Rate-limits a caller (by user id, or address): throws 429. */
  limit(key: string): void;
  /** Loopback-only, local-mode-only routes. */
  localOnly(req: Request): void;
  bodyParsers: { json: RequestHandler; binary: RequestHandler };
}

export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ":$1");
}

function parsePart(schema: z.ZodType | undefined, value: unknown, part: string, issues: FieldIssue[]): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  issues.push(...issuesOf(result.error, part));
  return undefined;
}

export function bindRoute<R extends ApiRoute>(router: Router, route: R, binding: RouteBinding, handler: RouteHandler<R>): void {
  const parsers: RequestHandler[] = [];
  const method = route.method;
  const run: RequestHandler = async (req, res) => {
    let actor: Actor | undefined;
    if (route.auth === "user") {
      actor = await binding.authenticate(req);
      binding.limit(`user:${actor.userId}`);
    } else {
      if (route.auth === "local") binding.localOnly(req);
      binding.limit(`ip:${req.ip ?? "unknown"}`);
    }
    // The body is read only once the caller is known: an anonymous caller cannot make us read 20 MB.
    for (const parse of parsers) {
      await new Promise<void>((resolve, reject) => parse(req, res, (error?: unknown) => (error ? reject(error) : resolve())));
    }
    const issues: FieldIssue[] = [];
    const params = parsePart(route.params, req.params, "params", issues);
    const query = parsePart(route.query, req.query, "query", issues);
    let body: unknown;
    if (route.body && isBinaryBody(route.body)) {
      // A copy of exactly the bytes received: the parser's Buffer may be a view of a larger pooled one.
      body = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
      if ((body as Uint8Array).byteLength === 0) issues.push({ path: "body", message: "the file is empty" });
    } else if (route.body) {
      const hasBody = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
      if (req.body === undefined && hasBody) {
        throw new HttpError(415, "unsupported_media_type", "send the body as JSON (Content-Type: application/json)");
      }
      body = parsePart(route.body as z.ZodType, req.body, "body", issues);
    }
    if (issues.length) {
      const detail = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join("; ");
      throw new HttpError(400, "validation", `The request is not valid: ${detail}`, { issues });
    }
    const result = await handler({ params, query, body, actor: actor as Actor, req, res } as HandlerInput<R>);
    if (res.headersSent) return;
    if (isBinaryResponse(route.response)) {
      const file = result as FileResult;
      res.status(route.status ?? 200);
      res.setHeader("Content-Type", file.contentType);
      res.setHeader("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      res.setHeader("Cache-Control", "private, no-store");
      if ("write" in file) {
        // Everything that can fail before the first byte (authorization, reading) has already run.
        await file.write(res);
        if (!res.writableEnded) res.end();
      } else {
        res.end(Buffer.from(file.file));
      }
      return;
    }
    res.status(route.status ?? 200).json(result);
  };
  if (route.body) parsers.push(isBinaryBody(route.body) ? binding.bodyParsers.binary : binding.bodyParsers.json);
  router[method](expressPath(route.path), run);
}
