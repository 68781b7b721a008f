/**
 * A loopback test double of Microsoft's Bot Connector service (the part proactive messages use):
 * send to a conversation, update an activity, create a conversation. It counts the messages it
 * accepted per outbox key (the key travels in `channelData.nmirf.outboxKey`), and can answer
 * with faults (429 + Retry-After, 403 roster, 5xx) and latency. Not shipped.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ConnectorRequest {
  method: string;
  path: string;
  conversationId?: string;
  activityId?: string;
  body: Record<string, unknown>;
  outboxKey?: string;
  /** When it arrived (performance.now() of the test process): the send rate as Teams would measure it. */
  at: number;
}

export interface Fault {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FakeConnectorOptions {
  /** Decides, per request, to answer with a fault instead of accepting it. */
  fault?: (request: ConnectorRequest) => Fault | undefined;
  latencyMs?: number;
  /** Whether POST /v3/conversations opens a chat (after an install). */
  canCreateConversation?: (memberId: string) => boolean;
}

export class FakeConnector {
  readonly requests: ConnectorRequest[] = [];
  /** Messages accepted (2xx) per outbox key: 1 each is exactly-once. */
  readonly acceptedByKey = new Map<string, number>();
  readonly sent: ConnectorRequest[] = [];
  readonly updates: ConnectorRequest[] = [];
  readonly created: string[] = [];
  private server: Server | undefined;
  private nextId = 0;
  url = "";

  constructor(public options: FakeConnectorOptions = {}) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections?.();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  duplicates(): string[] {
    return [...this.acceptedByKey].filter(([, count]) => count > 1).map(([key]) => key);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrivedAt = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: Record<string, unknown> = {};
    try {
      body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>) : {};
    } catch {
      return this.reply(res, 400, { error: { code: "BadSyntax", message: "not JSON" } });
    }
    const path = decodeURI((req.url ?? "").split("?")[0]!);
    const match = /\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?$/.exec(path);
    const outboxKey = ((body.channelData as { nmirf?: { outboxKey?: string } } | undefined)?.nmirf?.outboxKey) ?? undefined;
    const request: ConnectorRequest = {
      at: arrivedAt,
      method: req.method ?? "GET",
      path,
      conversationId: match?.[1] ? decodeURIComponent(match[1]) : undefined,
      activityId: match?.[2] ? decodeURIComponent(match[2]) : undefined,
      body,
      outboxKey,
    };
    this.requests.push(request);
    if (this.options.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));
    if (!match) return this.reply(res, 404, { error: { code: "NotFound", message: path } });

    const fault = this.options.fault?.(request);
    if (fault) return this.reply(res, fault.status, fault.body ?? { error: { code: `Status${fault.status}`, message: "injected fault" } }, fault.headers);

    if (!request.conversationId && req.method === "POST") {
      const member = ((body.members as { id?: string }[] | undefined) ?? [])[0]?.id ?? "";
      if (this.options.canCreateConversation && !this.options.canCreateConversation(member)) {
        return this.reply(res, 403, { error: { code: "BotNotInConversationRoster", message: "The bot is not part of the conversation roster." } });
      }
      this.created.push(member);
      return this.reply(res, 201, { id: `a:conversation-${member}` });
    }
    if (req.method === "POST" && request.conversationId) {
      const id = `activity-${++this.nextId}`;
      this.sent.push(request);
      if (outboxKey) this.acceptedByKey.set(outboxKey, (this.acceptedByKey.get(outboxKey) ?? 0) + 1);
      return this.reply(res, 201, { id });
    }
    if (req.method === "PUT" && request.conversationId && request.activityId) {
      this.updates.push(request);
      return this.reply(res, 200, { id: request.activityId });
    }
    return this.reply(res, 405, { error: { code: "MethodNotAllowed", message: req.method } });
  }

  private reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  }
}
