/**
 * Microsoft 365 Agents Playground, run headless as a test double of Teams: one process per
 * persona (its messages always come from its configured user). What we use of it, found in its
 * bundled code (docs/bot.md, "Testing with the Agents Playground"):
 *
 *   POST /_debug/conversation/{chat}/installation      install: installationUpdate + conversationUpdate
 *   POST /_conversation/v1/conversations/{chat}/messages  the user says something
 *   POST /_conversation/v1/invoke                       an Action.Execute on a card (adaptiveCard/action)
 *   POST /_internal/v1/customActivities                 any activity, sent to the bot as is
 *   WS   /_ws_conversation/v1/conversations/stream      what the bot sends (createMessage/updateMessage)
 *   /_connector/v3/...                                  the Bot Connector the bot sends to (its serviceUrl)
 */
import WebSocket from "ws";
import { installInPlayground, personalChatOf, playgroundConnector, RunningPlayground, type PlaygroundPersona } from "../../../server/local/playground";

/** What the driver needs of a Playground process: one it started, or one started elsewhere (npm start). */
interface PlaygroundProcess {
  persona: PlaygroundPersona;
  chatId: string;
  port: number;
  install(): Promise<void>;
  stop(): Promise<void>;
}

export type { PlaygroundPersona };

export interface PlaygroundMessage {
  action: "createMessage" | "updateMessage";
  messageId: string;
  text?: string;
  attachments: { contentType: string; content: unknown }[];
}

export class Playground {
  readonly messages: PlaygroundMessage[] = [];
  private socket: WebSocket | undefined;

  private constructor(private readonly running: PlaygroundProcess) {}

  get persona(): PlaygroundPersona {
    return this.running.persona;
  }

  get chatId(): string {
    return this.running.chatId;
  }

  get url(): string {
    return `http://127.0.0.1:${this.running.port}`;
  }

  /** Its Bot Connector: the bot must trust it (`bot.trustConnector`) to take its activities. */
  get serviceUrl(): string {
    return playgroundConnector(this.running.port);
  }

  /** Starts a Playground for one persona, talking to the bot at `botEndpoint`. */
  static async start(persona: PlaygroundPersona, botEndpoint: string): Promise<Playground> {
    const playground = new Playground(await RunningPlayground.start(persona, { botEndpoint }));
    await playground.connect(playground.running.port);
    return playground;
  }

  /** Drives a Playground that another process runs (stopping the driver leaves it running). */
  static async attach(persona: PlaygroundPersona, port: number): Promise<Playground> {
    const playground = new Playground({ persona, chatId: personalChatOf(persona), port, install: () => installInPlayground(port, persona), stop: async () => undefined });
    await playground.connect(port);
    return playground;
  }

  private async connect(port: number): Promise<void> {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
    socket.on("message", (data) => {
      const event = JSON.parse(data.toString()) as { action?: string; message?: PlaygroundMessage };
      if ((event.action === "createMessage" || event.action === "updateMessage") && event.message) {
        this.messages.push({ ...event.message, action: event.action });
      }
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    this.socket = socket;
  }

  private async post(route: string, body: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.url}${route}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed };
  }

  /** Installs the app for the persona: the bot receives installationUpdate and conversationUpdate. */
  async install(): Promise<void> {
    await this.running.install();
  }

  async say(text: string): Promise<void> {
    const result = await this.post(`/_conversation/v1/conversations/${encodeURIComponent(this.chatId)}/messages`, { from: { id: this.persona.id }, text, textFormat: "plain" });
    if (result.status !== 200) throw new Error(`say failed: ${result.status} ${JSON.stringify(result.body)}`);
  }

  /** Clicks an Action.Execute on a message the bot sent: returns the bot's invoke response ({ type, value }). */
  async execute(messageId: string, verb: string, data: Record<string, unknown>): Promise<{ status: number; body: { type?: string; value?: unknown } }> {
    const result = await this.post("/_conversation/v1/invoke", {
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb, data } },
      from: { id: this.persona.id },
      conversation: { id: this.chatId },
      replyToId: messageId,
    });
    return result as { status: number; body: { type?: string; value?: unknown } };
  }

  /** Sends any activity to the bot as is (the custom-activity endpoint); the bot's answer is not returned. */
  async custom(activity: Record<string, unknown>): Promise<number> {
    return (await this.post("/_internal/v1/customActivities", activity)).status;
  }

  /** A template of an activity in this persona's chat (serviceUrl, conversation, from, recipient). */
  async template(): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.url}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(this.chatId)}`);
    return (await response.json()) as Record<string, unknown>;
  }

  /** Waits for a message from the bot that matches (messages already received count). */
  async waitFor(predicate: (message: PlaygroundMessage) => boolean, what: string, timeoutMs = 10_000): Promise<PlaygroundMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no message from the bot: ${what}. Received: ${this.messages.map((m) => `${m.action} ${m.messageId} ${m.text ?? ""} ${JSON.stringify(m.attachments).slice(0, 200)}`).join(" | ")}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async stop(): Promise<void> {
    this.socket?.close();
    await this.running.stop();
  }
}

/** The Adaptive Card of a message, if it has one. */
export function cardOf(message: PlaygroundMessage): Record<string, unknown> | undefined {
  return message.attachments.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")?.content as Record<string, unknown> | undefined;
}
