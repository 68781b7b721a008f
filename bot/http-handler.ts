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
 * POST /api/messages: the Bot Connector (or the Agents Playground) posts activities here. Reads
 * the body when no middleware did, refuses what is not an activity, and runs the turn.
 */
export function createMessagesHandler(adapter: CloudAdapter, onTurn: (context: TurnContext) => Promise<void>, logger: BotLogger) {
  return async (req: MessagesRequest, res: MessagesResponse): Promise<void> => {
    if (req.method !== "POST") {
      res.setHeader("Allow", "POST");
      reply(res, 405);
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
    req.body = body;
    try {
      await adapter.process(req as never, res as never, onTurn);
    } catch (error) {
      logger.error({ error: describeError(error) }, "the adapter failed on an activity");
      if (!res.headersSent) reply(res, 500, "the bot failed on this activity");
    }
  };
}
