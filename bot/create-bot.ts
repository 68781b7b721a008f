import type { CloudAdapter, TurnContext } from "botbuilder";
import type { MechanismRules } from "../core/auth/policy";
import type { AppInstaller } from "../core/ports/app-installer";
import type { Clock } from "../core/ports/clock";
import type { Directory } from "../core/ports/directory";
import type { DocumentStore } from "../core/ports/document-store";
import type { Messenger } from "../core/ports/messenger";
import { SOLE_INSTANCE, type Leadership } from "../core/ports/leadership";
import type { Repositories } from "../core/ports/repository";
import type { Telemetry } from "../core/ports/telemetry";
import type { ReminderRun } from "../core/reminders/run-reminders";
import { createAdapter } from "./adapter";
import { isLocalMode, parseBotConfig, type BotConfig } from "./config";
import type { FetchLike } from "./files/download";
import { createMessagesHandler, type ChannelCheck, type MessagesRequest, type MessagesResponse } from "./http-handler";
import { silentLogger, type BotLogger } from "./logger";
import { TeamsMessenger } from "./messenger/teams-messenger";
import { FileReceiptLog, type ReceiptLog } from "./outbox/receipt-log";
import { OutboxSender, type SenderStats, type SettledOutcome } from "./outbox/sender";
import { recordCardOutcome } from "../core/requests/record-delivery";
import type { Entry } from "./outbox/claims";
import { ConversationStore } from "./people/conversations";
import { ReminderScheduler } from "./reminders/scheduler";
import { createTurnHandler } from "./routes/turn";

/** What the bot needs: core's ports only (the server passes the Graph-backed ones). */
export interface CreateBotOptions {
  repos: Repositories;
  clock: Clock;
  directory: Directory;
  documents: DocumentStore;
  installer: AppInstaller;
  /** A plain object, validated (see bot/config.ts); `{}` is local mode with the defaults. */
  config: unknown;
  logger?: BotLogger;
  /** Downloads of files sent in the chat; the global fetch by default. */
  fetch?: FetchLike;
  /** The adapter; one is built from the config by default (tests may pass their own). */
  adapter?: CloudAdapter;
  /**
   * Which instance runs the work done once across the server's instances: the reminder
   * scheduler runs only while this instance leads; the outbox sender asks it before taking over
   * a crashed sender's claims. Default: the only instance, always the leader.
   */
  leadership?: Leadership;
  /** Where accepted sends are noted when the instances share them (Blob Storage); else the file at `outbox.receiptLogPath`, if any. */
  receipts?: ReceiptLog;
  /** Cards sent or failed, reminder runs. */
  telemetry?: Telemetry;
  /** The mechanism's choices the authorization policy applies (core's defaults when absent). */
  rules?: MechanismRules;
  /** Where a draft's "Open in Word" leads in the approval card (local mode: the stand-in for Word); its webUrl when absent. */
  draftLink?(draft: { id: string; webUrl: string }): string;
}

export interface OutboxSenderHandle {
  /** Starts the loop (the server does this once it listens). */
  start(): void;
  /** Claims nothing new, waits for the sends in flight to be recorded. */
  stop(): Promise<void>;
  /** Something was queued: look now. */
  kick(): void;
  /** Sends until nothing is due (tests); `waitForDelayed` also waits for retries scheduled later. */
  drain(options?: { waitForDelayed?: boolean; timeoutMs?: number }): Promise<SenderStats>;
  readonly stats: SenderStats;
}

export interface ReminderSchedulerHandle {
  start(): void;
  stop(): Promise<void>;
  /** Queues what is due now by the injected clock, and kicks the sender. */
  tick(): Promise<ReminderRun>;
}

export interface Bot {
  config: BotConfig;
  /**
   * Local mode: trusts a connector the product started (an Agents Playground's `/_connector`):
   * activities are accepted only from trusted connectors, so no service URL the product did not
   * start is ever stored or sent to. Tenant mode checks the channel's token instead.
   */
  trustConnector(serviceUrl: string): void;
  /** POST /api/messages (express-compatible). */
  handleMessages(req: MessagesRequest, res: MessagesResponse): Promise<void>;
  /** The turn logic, for any botbuilder adapter (TestAdapter in unit tests). */
  onTurn(context: TurnContext): Promise<void>;
  /** core's Messenger port, on Teams. */
  messenger: Messenger;
  sender: OutboxSenderHandle;
  scheduler: ReminderSchedulerHandle;
  adapter: CloudAdapter;
  /** Starts the sender, and the scheduler whenever this instance leads. */
  start(): void;
  /** Graceful stop of both: the scheduler's tick and the sends in flight finish first. */
  stop(): Promise<void>;
}

/** A request is `sent` once Teams accepted one of its cards, `undeliverable` once none could reach anyone. */
function requestFollowsItsCard(deps: { repos: Repositories; clock: Clock }): (entry: Entry, outcome: SettledOutcome) => Promise<void> {
  return async (entry, outcome) => {
    if (entry.notification.kind !== "request") return;
    await recordCardOutcome(
      deps,
      entry.notification.requestId,
      outcome.kind === "sent" ? { delivered: true, at: outcome.at } : { delivered: false, reason: outcome.reason === "unreachable" ? "unreachable" : "failed", detail: outcome.detail },
    );
  };
}

/** Builds the Teams bot from core's ports and a plain configuration object. */
export function createBot(options: CreateBotOptions): Bot {
  const config = parseBotConfig(options.config);
  const logger = options.logger ?? silentLogger;
  const { repos, clock, directory, documents, installer } = options;
  const adapter = options.adapter ?? createAdapter(config, logger);
  const conversations = new ConversationStore(repos, clock);
  const leadership = options.leadership ?? SOLE_INSTANCE;
  const messenger = new TeamsMessenger({ adapter, config, repos, clock, directory, installer, conversations, logger, telemetry: options.telemetry, draftLink: options.draftLink });
  const receipts = options.receipts ?? (config.outbox.receiptLogPath ? new FileReceiptLog(config.outbox.receiptLogPath, { fsync: config.outbox.receiptLogFsync }) : undefined);
  const sender = new OutboxSender({ outbox: repos.outbox, messenger, clock, directory, logger, config: config.outbox, receipts, onSettled: requestFollowsItsCard({ repos, clock }), isLeader: () => leadership.isLeader() });
  const kick = () => sender.kick();
  const scheduler = new ReminderScheduler({ repos, clock, directory, logger, timeZone: config.timeZone, intervalMs: config.reminders.intervalMs, onQueued: kick, telemetry: options.telemetry });
  const onTurn = createTurnHandler({ repos, clock, directory, documents, installer, config, logger, conversations, kick, fetch: options.fetch, rules: options.rules, draftLink: options.draftLink });
  const trusted = new Set(config.localConnectors.map(connectorKey));
  const checkChannel: ChannelCheck = (activity) => {
    if (!isLocalMode(config)) return undefined;
    return activity.serviceUrl && trusted.has(connectorKey(activity.serviceUrl)) ? undefined : "local mode takes activities only from the Agents Playground it started";
  };
  const handleMessages = createMessagesHandler(adapter, onTurn, logger, checkChannel);

  let unsubscribe: (() => void) | undefined;
  return {
    config,
    trustConnector(serviceUrl) {
      trusted.add(connectorKey(serviceUrl));
    },
    handleMessages,
    onTurn,
    messenger,
    sender,
    scheduler,
    adapter,
    start() {
      sender.start();
      if (unsubscribe) return;
      // The reminder run happens once across the instances: on the leader, from when it leads until it stops leading.
      unsubscribe = leadership.onChange((leader) => (leader ? scheduler.start() : void scheduler.stop()));
      if (leadership.isLeader()) scheduler.start();
    },
    async stop() {
      unsubscribe?.();
      await scheduler.stop();
      await sender.stop();
    },
  };
}

/** A connector's address as compared: loopback names alike, no trailing slash, lower case. */
export function connectorKey(serviceUrl: string): string {
  try {
    const url = new URL(serviceUrl);
    const host = ["127.0.0.1", "[::1]", "::1"].includes(url.hostname) ? "localhost" : url.hostname.toLowerCase();
    return `${url.protocol}//${host}:${url.port || (url.protocol === "https:" ? "443" : "80")}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return `invalid:${serviceUrl}`;
  }
}
