import type { CloudAdapter, TurnContext } from "botbuilder";
import type { AppInstaller } from "../../core/ports/app-installer";
import { DeliveryError, type DeliveryReceipt, type Messenger } from "../../core/ports/messenger";
import type { Telemetry } from "../../core/ports/telemetry";
import type { Stored } from "../../core/records/common";
import type { ConversationFields } from "../../core/outbox/conversation";
import type { OutboxEntryFields } from "../../core/outbox/outbox-entry";
import type { AdaptiveCard } from "../cards/adaptive";
import type { BotConfig } from "../config";
import { createTranslator } from "../i18n/translate";
import { describeError, type BotLogger } from "../logger";
import { cleanReference, type ConversationReferenceLike, type ConversationStore } from "../people/conversations";
import { cardActivity } from "../routes/replies";
import { classifyConnectorError, toDeliveryError } from "./connector-errors";
import { renderNotification, type RenderDeps } from "./render-notification";

/** A message ready to go: rendered, with the conversation it goes to (if the bot has one). */
export type Prepared =
  | { send: true; card: AdaptiveCard; summary: string; conversation?: Stored<ConversationFields> }
  | { send: false; reason: string };

/** The outbox sender's view of a messenger: prepare (reads), then send (the one HTTP call). */
export interface TwoStepMessenger extends Messenger {
  prepare(entry: Stored<OutboxEntryFields>): Promise<Prepared>;
  send(entry: Stored<OutboxEntryFields>, prepared: Extract<Prepared, { send: true }>, previous?: DeliveryReceipt): Promise<DeliveryReceipt>;
}

export function isTwoStep(messenger: Messenger): messenger is TwoStepMessenger {
  return typeof (messenger as Partial<TwoStepMessenger>).prepare === "function" && typeof (messenger as Partial<TwoStepMessenger>).send === "function";
}

export interface TeamsMessengerDeps extends RenderDeps {
  adapter: CloudAdapter;
  config: BotConfig;
  installer: AppInstaller;
  conversations: ConversationStore;
  logger: BotLogger;
  /** Each card sent, updated or failed is reported here. */
  telemetry?: Pick<Telemetry, "cardDelivery">;
}

const hardened = new WeakSet<object>();

/**
 * Proactive sends own their retries: the outbox retries with Retry-After, jitter and a durable
 * record of attempts. The connector client's own retry policy (which would resend a 5xx'd
 * message behind the outbox's back) is removed, and every call gets a timeout.
 */
function hardenConnector(context: TurnContext, adapter: CloudAdapter, timeoutMs: number): void {
  const client = context.turnState.get(adapter.ConnectorClientKey) as { client?: { pipeline?: { removePolicy(o: { phase: string }): unknown; addPolicy(p: unknown): void } } } | undefined;
  const pipeline = client?.client?.pipeline;
  if (!pipeline || hardened.has(pipeline)) return;
  pipeline.removePolicy({ phase: "Retry" });
  pipeline.addPolicy({
    name: "nmirfSendTimeout",
    sendRequest: (request: { timeout: number }, next: (request: unknown) => Promise<unknown>) => {
      request.timeout = timeoutMs;
      return next(request);
    },
  });
  hardened.add(pipeline);
}

/** The Messenger port on botbuilder's CloudAdapter: Teams cards, sent and updated in place. */
export class TeamsMessenger implements TwoStepMessenger {
  constructor(private readonly deps: TeamsMessengerDeps) {}

  private get botAppId(): string {
    return this.deps.config.appId ?? "";
  }

  async prepare(entry: Stored<OutboxEntryFields>): Promise<Prepared> {
    const conversation = await this.deps.conversations.get(entry.recipientId);
    const user = conversation?.locale ? undefined : await this.deps.directory.getUser(entry.recipientId);
    const tr = createTranslator(conversation?.locale ?? user?.locale, this.deps.config.timeZone, this.deps.config.defaultLocale);
    const rendered = await renderNotification(this.deps, entry, tr);
    if (!rendered.send) return rendered;
    return { send: true, card: rendered.card, summary: rendered.summary, conversation };
  }

  async deliver(entry: Stored<OutboxEntryFields>, previous?: DeliveryReceipt): Promise<DeliveryReceipt> {
    const prepared = await this.prepare(entry);
    if (!prepared.send) throw new DeliveryError("permanent", prepared.reason);
    return this.send(entry, prepared, previous);
  }

  async send(entry: Stored<OutboxEntryFields>, prepared: Extract<Prepared, { send: true }>, previous?: DeliveryReceipt): Promise<DeliveryReceipt> {
    const started = performance.now();
    try {
      const receipt = await this.sendCard(entry, prepared, previous);
      this.deps.telemetry?.cardDelivery({ outcome: previous ? "updated" : "sent", durationMs: performance.now() - started });
      return receipt;
    } catch (error) {
      this.deps.telemetry?.cardDelivery({ outcome: "failed", reason: error instanceof DeliveryError ? error.reason : "unexpected", durationMs: performance.now() - started });
      throw error;
    }
  }

  private async sendCard(entry: Stored<OutboxEntryFields>, prepared: Extract<Prepared, { send: true }>, previous?: DeliveryReceipt): Promise<DeliveryReceipt> {
    const reference = (prepared.conversation?.reference as ConversationReferenceLike | undefined) ?? (await this.reach(entry.recipientId));
    try {
      return await this.post(reference, prepared.card, entry, previous);
    } catch (error) {
      if (error instanceof DeliveryError) throw error;
      const failure = classifyConnectorError(error);
      if (failure.kind !== "not-in-roster") throw toDeliveryError(failure);
      // The person removed the app (or the chat is gone): install it again, then try once more.
      this.deps.logger.warn({ recipientId: entry.recipientId, detail: failure.detail }, "the bot is not in the person's chat: installing the app again");
      const outcome = await this.deps.installer.installForUser(entry.recipientId);
      if (outcome === "impossible") throw new DeliveryError("unreachable", `the bot cannot reach this person and the app cannot be installed for them (${failure.detail})`);
      const fresh = (await this.openConversation(entry.recipientId)) ?? reference;
      try {
        return await this.post(fresh, prepared.card, entry, previous);
      } catch (again) {
        const second = classifyConnectorError(again);
        if (second.kind === "not-in-roster") throw new DeliveryError("transient", "the app was installed again: waiting for Teams to add the bot to the chat", this.deps.config.outbox.installWaitMs);
        throw toDeliveryError(second);
      }
    }
  }

  /** No conversation with the person yet: install the app for them (Graph), then open the 1:1 chat. */
  private async reach(userId: string): Promise<ConversationReferenceLike> {
    const outcome = await this.deps.installer.installForUser(userId);
    if (outcome === "impossible") throw new DeliveryError("unreachable", "the bot has no chat with this person and the app cannot be installed for them");
    const opened = await this.openConversation(userId);
    if (!opened) throw new DeliveryError("transient", "the app was installed for this person: waiting for Teams to open the chat", this.deps.config.outbox.installWaitMs);
    return opened;
  }

  private async openConversation(userId: string): Promise<ConversationReferenceLike | undefined> {
    const template = (await this.deps.conversations.any())?.reference as ConversationReferenceLike | undefined;
    const serviceUrl = template?.serviceUrl ?? this.deps.config.serviceUrl;
    const tenantId = this.deps.config.tenantId ?? template?.conversation?.tenantId;
    const bot = template?.bot ?? { id: `28:${this.botAppId}` };
    const channelId = template?.channelId ?? "msteams";
    let conversationId: string | undefined;
    try {
      await this.deps.adapter.createConversationAsync(
        this.botAppId,
        channelId,
        serviceUrl,
        this.botAppId ? "https://api.botframework.com" : "",
        { isGroup: false, bot: { id: bot.id ?? "", name: bot.name ?? "" }, members: [{ id: userId, name: "" }], tenantId, channelData: tenantId ? { tenant: { id: tenantId } } : undefined, activity: undefined as never },
        async (context) => {
          conversationId = context.activity.conversation?.id;
        },
      );
    } catch (error) {
      this.deps.logger.warn({ userId, error: describeError(error) }, "could not open a chat with a person");
      return undefined;
    }
    if (!conversationId) return undefined;
    const reference: ConversationReferenceLike = cleanReference({
      channelId,
      serviceUrl,
      bot,
      user: { id: userId, aadObjectId: userId },
      conversation: { id: conversationId, conversationType: "personal", ...(tenantId ? { tenantId } : {}) },
    });
    await this.deps.conversations.remember(userId, reference);
    this.deps.logger.info({ userId, conversationId }, "opened a chat with a person");
    return reference;
  }

  /** The one HTTP call: send the card, or update the message an earlier entry sent. */
  private async post(reference: ConversationReferenceLike, card: AdaptiveCard, entry: Stored<OutboxEntryFields>, previous?: DeliveryReceipt): Promise<DeliveryReceipt> {
    const conversationId = previous?.conversationId ?? reference.conversation?.id;
    if (!conversationId || !reference.serviceUrl) throw new DeliveryError("unreachable", "the stored conversation has no id or service URL");
    const target = { ...reference, conversation: { ...reference.conversation, id: conversationId } };
    let receipt: DeliveryReceipt | undefined;
    // Caught inside the turn and thrown here: an adapter's onTurnError would otherwise swallow it.
    let failure: { error: unknown } | undefined;
    await this.deps.adapter.continueConversationAsync(this.botAppId, target as never, async (context) => {
      try {
        hardenConnector(context, this.deps.adapter, this.deps.config.outbox.sendTimeoutMs);
        // The outbox key travels with the message: it names the message in the connector's logs.
        const activity = { ...cardActivity(card), channelData: { nmirf: { outboxKey: entry.key } } };
        if (previous) {
          await context.updateActivity({ ...activity, id: previous.activityId });
          receipt = previous;
        } else {
          const response = await context.sendActivity(activity);
          receipt = { activityId: response?.id ?? "", conversationId };
        }
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
    if (!receipt) throw new DeliveryError("transient", "the connector gave no answer");
    return receipt;
  }
}
