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
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import WebSocket from "ws";

export interface PlaygroundPersona {
  /** The user's id on the channel and their Entra ID object id (our lists' user id). */
  id: string;
  name: string;
  email: string;
}

export interface PlaygroundMessage {
  action: "createMessage" | "updateMessage";
  messageId: string;
  text?: string;
  attachments: { contentType: string; content: unknown }[];
}

const CLI = path.resolve(__dirname, "../../../node_modules/@microsoft/m365agentsplayground/cli.js");

/** The Playground's config file: the persona is `currentUser`; it insists on exactly five other users. */
function configYaml(persona: PlaygroundPersona, chatId: string): string {
  const others = Array.from({ length: 5 }, (_, i) => `  - id: other-user-${i + 1}
    name: Other User ${i + 1}
    userPrincipleName: other${i + 1}@example.test
    aadObjectId: 00000000-0000-0000-0000-00000000010${i + 1}
    givenName: Other
    surname: User ${i + 1}
    email: other${i + 1}@example.test
`).join("");
  const [given, ...rest] = persona.name.split(" ");
  return `version: "0.1.1"
tenantId: 00000000-0000-0000-0000-000000000001
bot:
  id: 28:nmirf-bot
  name: NMIRF
currentUser:
  id: ${persona.id}
  name: ${persona.name}
  userPrincipleName: ${persona.email}
  aadObjectId: ${persona.id}
  givenName: ${given}
  surname: ${rest.join(" ") || given}
  email: ${persona.email}
users:
${others}personalChat:
  id: ${chatId}
groupChat:
  id: group-${chatId}
  name: Group Chat
team:
  id: team-${chatId}
  name: Team
  aadGroupId: 00000000-0000-0000-0000-000000000031
  channels:
    - id: channel-${chatId}
      name: Announcements
`;
}

export class Playground {
  readonly messages: PlaygroundMessage[] = [];
  private socket: WebSocket | undefined;

  private constructor(
    readonly persona: PlaygroundPersona,
    readonly chatId: string,
    readonly url: string,
    private readonly child: ChildProcess,
    private readonly directory: string,
  ) {}

  /** Starts a Playground for one persona, talking to the bot at `botEndpoint`. */
  static async start(persona: PlaygroundPersona, botEndpoint: string): Promise<Playground> {
    const directory = mkdtempSync(path.join(tmpdir(), `playground-${persona.id}-`));
    const chatId = `personal-${persona.id}`;
    const configPath = path.join(directory, ".m365agentsplayground.yml");
    writeFileSync(configPath, configYaml(persona, chatId));
    const child = spawn(process.execPath, [CLI, "--app-endpoint", botEndpoint, "--channel-id", "msteams", "--port", "0", "--disable-telemetry"], {
      cwd: directory,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: "none",
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(directory, "playground.log"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const port = await new Promise<number>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error(`the Playground did not start: ${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Listening on (\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the Playground exited (${code}): ${output}`));
      });
    });
    const playground = new Playground(persona, chatId, `http://127.0.0.1:${port}`, child, directory);
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
    const result = await this.post(`/_debug/conversation/${encodeURIComponent(this.chatId)}/installation`, {});
    if (result.status !== 200) throw new Error(`install failed: ${result.status} ${JSON.stringify(result.body)}`);
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
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once("exit", resolve));
      this.child.kill("SIGTERM");
      const timer = setTimeout(() => this.child.kill("SIGKILL"), 3_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** The Adaptive Card of a message, if it has one. */
export function cardOf(message: PlaygroundMessage): Record<string, unknown> | undefined {
  return message.attachments.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")?.content as Record<string, unknown> | undefined;
}
