import type { IncomingMessage } from "node:http";
import { z } from "zod";
import type { CloudAdapter, TurnContext } from "botbuilder";
import { describeError, type BotLogger } from "./logger";

/** The express-compatible request and response the handler needs. */
export interface MessagesRequest extends IncomingMessage {
  body?: unknown;
}
export interface MessagesResponse {
  status(code: number): MessagesResponse;
  send(body?: unknown): unknown;
  end(): unknown;
  setHeader(name: string, value: string): unknown;
  headersSent?: boolean;
}

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The shape an activity must have before the adapter sees it. Anything else gets a 400 with a
 * plain reason: botbuilder would otherwise throw on it.
 */
const activityEnvelopeSchema = z
  .object({
    type: z.string().min(1).max(100),
    id: z.string().max(1024).optional(),
    serviceUrl: z.string().max(2048).optional(),
    channelId: z.string().max(100).optional(),
    from: z.object({ id: z.string().max(1024) }).loose().optional(),
    conversation: z.object({ id: z.string().max(1024) }).loose().optional(),
    recipient: z.object({ id: z.string().max(1024) }).loose().optional(),
    text: z.string().max(200_000).optional(),
    attachments: z.array(z.unknown()).max(50).optional(),
  })
  .loose()
  .refine((activity) => !["message", "invoke"].includes(activity.type) || (activity.from && activity.conversation && activity.serviceUrl), {
    message: "a message or invoke needs from, conversation and serviceUrl",
  });

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.byteLength;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error("the activity is larger than 1 MB"), { status: 413 });
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function reply(res: MessagesResponse, status: number, error?: string): void {
  res.status(status);
  if (error) {
    res.setHeader("Content-Type", "application/json");
    res.send(JSON.stringify({ error }));
  }
  res.end();
}

/**
 * Decides whether an activity comes from a channel the bot trusts, before the adapter runs it:
 * a refusal's reason, or undefined. In a tenant the adapter checks the channel's token (and
 * that its service URL is the activity's); local mode has no token, so the bot accepts only the
 * connectors it started itself (the Agents Playground's).
 */
export type ChannelCheck = (activity: { serviceUrl?: string; type: string }) => string | undefined;

/** A browser sends these on a cross-site request; the Bot Connector and the Playground (server to server) never do. */
function fromABrowser(req: IncomingMessage): boolean {
  const site = req.headers["sec-fetch-site"];
  return req.headers.origin !== undefined || (typeof site === "string" && site !== "none");
}

function isJson(req: IncomingMessage): boolean {
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  return type === "application/json";
}

/**
 * POST /api/messages: the Bot Connector (or the Agents Playground) posts activities here. Refuses
 * what a browser sends (a cross-site form or `text/plain` POST would otherwise act in a focal
 * point's name), a body that is not JSON or not an activity, and an activity from a channel the
 * bot does not trust; reads the body when no middleware did, and runs the turn.
 */
export function createMessagesHandler(adapter: CloudAdapter, onTurn: (context: TurnContext) => Promise<void>, logger: BotLogger, checkChannel: ChannelCheck = () => undefined) {
  return async (req: MessagesRequest, res: MessagesResponse): Promise<void> => {
    if (req.method !== "POST") {
      res.setHeader("Allow", "POST");
      reply(res, 405);
      return;
    }
    if (fromABrowser(req)) {
      logger.warn({ origin: String(req.headers.origin ?? req.headers["sec-fetch-site"]).slice(0, 200) }, "refused an activity posted from a browser");
      reply(res, 403, "activities come from the Bot Connector, not from a web page");
      return;
    }
    if (!isJson(req)) {
      reply(res, 415, "send the activity as JSON (Content-Type: application/json)");
      return;
    }
    let body = req.body;
    try {
      if (body === undefined || typeof body === "string" || Buffer.isBuffer(body)) {
        const text = body === undefined ? await readBody(req) : Buffer.isBuffer(body) ? body.toString("utf8") : body;
        body = JSON.parse(text) as unknown;
      }
    } catch (error) {
      const status = (error as { status?: number }).status ?? 400;
      reply(res, status, status === 413 ? "the activity is larger than 1 MB" : "the body is not JSON");
      return;
    }
    const parsed = activityEnvelopeSchema.safeParse(body);
    if (!parsed.success) {
      logger.warn({ issues: parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join(".")}: ${issue.message}`) }, "refused a malformed activity");
      reply(res, 400, `not an activity: ${parsed.error.issues[0]?.path.join(".") || "body"}: ${parsed.error.issues[0]?.message ?? ""}`);
      return;
    }
    const refusal = checkChannel(parsed.data);
    if (refusal) {
      logger.warn({ serviceUrl: String(parsed.data.serviceUrl ?? "").slice(0, 200), type: parsed.data.type }, "refused an activity from a channel the bot does not trust");
      reply(res, 401, refusal);
      return;
    }
    req.body = body;
    try {
      await adapter.process(req as never, res as never, onTurn);
    } catch (error) {
      logger.error({ error: describeError(error) }, "the adapter failed on an activity");
      if (!res.headersSent) reply(res, 500, "the bot failed on this activity");
    }
  };
}
