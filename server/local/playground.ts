/**
 * Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`), run headless as the
 * local stand-in for Teams: one process per persona, since its messages always come from its
 * configured user. It is also the Bot Connector the bot sends to (its `/_connector`).
 * What we use of it is described in docs/bot.md ("Testing with the Agents Playground").
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface PlaygroundPersona {
  /** The user's id on the channel, and their Entra object id (the id our lists know them by). */
  id: string;
  name: string;
  email: string;
}

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Where its configuration and log go (a fresh temporary folder by default, removed on stop). */
  directory?: string;
}

/** The Playground is a development dependency: resolved only when local mode starts one. */
function playgroundCli(): string {
  try {
    return require.resolve("@microsoft/m365agentsplayground/cli.js");
  } catch {
    throw new Error("the Microsoft 365 Agents Playground is not installed: run npm ci (it is a development dependency)");
  }
}

/** The Playground's configuration: the persona is `currentUser`; it insists on exactly five other users. */
export function playgroundConfig(persona: PlaygroundPersona, chatId: string): string {
  const others = Array.from({ length: 5 }, (_, i) => `  - id: other-user-${i + 1}
    name: Other User ${i + 1}
    userPrincipleName: other${i + 1}@example.test
    aadObjectId: 00000000-0000-0000-0000-00000000010${i + 1}
    givenName: Other
    surname: User ${i + 1}
    email: other${i + 1}@example.test
`).join("");
  const [given, ...rest] = persona.name.split(" ");
  const quote = (value: string) => JSON.stringify(value);
  return `version: "0.1.1"
tenantId: 00000000-0000-0000-0000-000000000001
bot:
  id: 28:nmirf-bot
  name: NMIRF
currentUser:
  id: ${quote(persona.id)}
  name: ${quote(persona.name)}
  userPrincipleName: ${quote(persona.email)}
  aadObjectId: ${quote(persona.id)}
  givenName: ${quote(given ?? persona.name)}
  surname: ${quote(rest.join(" ") || given || persona.name)}
  email: ${quote(persona.email)}
users:
${others}personalChat:
  id: ${quote(chatId)}
groupChat:
  id: ${quote(`group-${chatId}`)}
  name: Group Chat
team:
  id: ${quote(`team-${chatId}`)}
  name: Team
  aadGroupId: 00000000-0000-0000-0000-000000000031
  channels:
    - id: ${quote(`channel-${chatId}`)}
      name: Announcements
`;
}

/** The persona's 1:1 chat with the bot, as the Playground names it. */
export function personalChatOf(persona: PlaygroundPersona): string {
  return `personal-${persona.id}`;
}

/** Installs the app for the Playground's persona: the bot receives installationUpdate and conversationUpdate. */
export async function installInPlayground(port: number, persona: PlaygroundPersona): Promise<void> {
  const chat = encodeURIComponent(personalChatOf(persona));
  const response = await fetch(`http://127.0.0.1:${port}/_debug/conversation/${chat}/installation`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
  if (response.status !== 200) throw new Error(`the Playground did not install the app for ${persona.name}: ${response.status} ${await response.text()}`);
}

/** The Bot Connector a Playground on this port is (what it puts in its activities' serviceUrl). */
export function playgroundConnector(port: number): string {
  return `http://localhost:${port}/_connector`;
}

/** One running Playground, for one persona. */
export class RunningPlayground {
  private constructor(
    readonly persona: PlaygroundPersona,
    /** The persona's 1:1 chat with the bot. */
    readonly chatId: string,
    /** Its web page (the chat) and HTTP API, e.g. http://localhost:56150. */
    readonly url: string,
    readonly port: number,
    private readonly child: ChildProcess,
    private readonly directory: string,
    private readonly ownsDirectory: boolean,
  ) {}

  static async start(persona: PlaygroundPersona, options: PlaygroundOptions): Promise<RunningPlayground> {
    const ownsDirectory = !options.directory;
    const directory = options.directory ?? mkdtempSync(path.join(tmpdir(), "nmirf-playground-"));
    mkdirSync(directory, { recursive: true });
    const chatId = personalChatOf(persona);
    const configPath = path.join(directory, ".m365agentsplayground.yml");
    writeFileSync(configPath, playgroundConfig(persona, chatId));
    const child = spawn(process.execPath, [playgroundCli(), "--app-endpoint", options.botEndpoint, "--channel-id", "msteams", "--port", String(options.port ?? 0), "--disable-telemetry"], {
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
      const timer = setTimeout(() => reject(new Error(`the Agents Playground did not start within 60 s: ${output.slice(-2000)}`)), 60_000);
      child.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Listening on (\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the Agents Playground exited (${code}): ${output.slice(-2000)}`));
      });
    });
    // Keep draining its output so that it never blocks on a full pipe.
    child.stdout!.resume();
    child.stderr!.resume();
    return new RunningPlayground(persona, chatId, `http://localhost:${port}`, port, child, directory, ownsDirectory);
  }

  /** Installs the app for the persona: the bot receives installationUpdate and conversationUpdate. */
  async install(): Promise<void> {
    await installInPlayground(this.port, this.persona);
  }

  /** Its Bot Connector, the service URL of the activities it sends (the bot trusts it: local mode's stand-in for a channel's token). */
  get serviceUrl(): string {
    return playgroundConnector(this.port);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    if (this.running) {
      const exited = new Promise((resolve) => this.child.once("exit", resolve));
      this.child.kill("SIGTERM");
      const timer = setTimeout(() => this.child.kill("SIGKILL"), 3_000);
      await exited;
      clearTimeout(timer);
    }
    if (this.ownsDirectory) rmSync(this.directory, { recursive: true, force: true });
  }
}
