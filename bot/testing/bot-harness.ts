/**
 * Unit-test harness: the bot's turn logic on botbuilder's TestAdapter, over core's small world
 * (in-memory repositories, fake clock, static directory). Not shipped (testing/ is excluded
 * from the build).
 */
import { TestAdapter, type Activity } from "botbuilder";
import type { MechanismRules } from "../../core/auth/policy";
import type { AppInstaller, InstallOutcome } from "../../core/ports/app-installer";
import { buildWorld, type World } from "../../core/testing/world";
import { createBot, type Bot } from "../create-bot";
import type { FetchLike } from "../files/download";
import { TEST_ONEDRIVE_HOST } from "./file-server";
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from "../cards/adaptive";

/** An AppInstaller that answers what the test says, and records who it installed for. */
export class FakeInstaller implements AppInstaller {
  readonly calls: string[] = [];
  constructor(public outcome: (userId: string) => InstallOutcome = () => "impossible") {}
  async installForUser(userId: string): Promise<InstallOutcome> {
    this.calls.push(userId);
    return this.outcome(userId);
  }
}

export interface TestBot {
  world: World;
  bot: Bot;
  installer: FakeInstaller;
  /** Runs one activity through the bot; returns what the bot sent (replies, invoke response). */
  send(activity: Partial<Activity>): Promise<Partial<Activity>[]>;
  /** An activity from a person in their 1:1 chat. */
  from(userId: string, overrides?: Partial<Activity>): Partial<Activity>;
  /** A card's `Action.Execute`, as Teams sends it. */
  action(userId: string, verb: string, data: Record<string, unknown>, overrides?: Partial<Activity>): Partial<Activity>;
  /** The card in an invoke response (or undefined). */
  invokeCard(sent: Partial<Activity>[]): AdaptiveCard | undefined;
}

let counter = 0;

export async function buildTestBot(options: { config?: Record<string, unknown>; fetch?: FetchLike; installer?: FakeInstaller; rules?: MechanismRules } = {}): Promise<TestBot> {
  const world = await buildWorld();
  const installer = options.installer ?? new FakeInstaller();
  const bot = createBot({
    repos: world.repos,
    clock: world.clock,
    directory: world.directory,
    documents: world.documents,
    installer,
    config: { timeZone: "Europe/Ljubljana", ...options.config, files: { allowedHosts: [TEST_ONEDRIVE_HOST], ...(options.config?.files as object | undefined) } },
    fetch: options.fetch,
    rules: options.rules,
  });
  const adapter = new TestAdapter(async () => undefined);

  const from = (userId: string, overrides: Partial<Activity> = {}): Partial<Activity> => ({
    type: "message",
    id: `activity-${++counter}`,
    channelId: "msteams",
    serviceUrl: "https://smba.example.test/teams/",
    from: { id: `29:${userId}`, aadObjectId: userId, name: userId },
    recipient: { id: "28:bot", name: "NMIRF" },
    conversation: { id: `a:chat-${userId}`, conversationType: "personal", tenantId: "tenant", isGroup: false, name: "" },
    locale: "en-GB",
    ...overrides,
  });

  return {
    world,
    bot,
    installer,
    from,
    action: (userId, verb, data, overrides = {}) =>
      from(userId, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb, data } }, ...overrides }),
    async send(activity) {
      adapter.activeQueue.splice(0);
      await adapter.processActivity(activity, (context) => bot.onTurn(context));
      return adapter.activeQueue.splice(0);
    },
    invokeCard(sent) {
      const response = sent.find((activity) => activity.type === "invokeResponse");
      const body = (response?.value as { body?: { type?: string; value?: AdaptiveCard } } | undefined)?.body;
      return body?.type === ADAPTIVE_CARD_CONTENT_TYPE ? body.value : undefined;
    },
  };
}

/** The cards among what the bot sent. */
export function cardsOf(sent: Partial<Activity>[]): AdaptiveCard[] {
  return sent.flatMap((activity) => (activity.attachments ?? []).filter((a) => a.contentType === ADAPTIVE_CARD_CONTENT_TYPE).map((a) => a.content as AdaptiveCard));
}

/** The plain texts among what the bot sent. */
export function textsOf(sent: Partial<Activity>[]): string[] {
  return sent.filter((activity) => activity.type === "message" && activity.text).map((activity) => activity.text!);
}

/** The verbs of a card's Action.Execute buttons (actions and action sets), in order. */
export function verbsOf(card: AdaptiveCard | undefined): string[] {
  if (!card) return [];
  const verbs: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const element = node as Record<string, unknown>;
      if (element.type === "Action.Execute" && typeof element.verb === "string") verbs.push(element.verb);
      for (const [key, value] of Object.entries(element)) if (key !== "refresh" && key !== "data") walk(value);
    }
  };
  walk({ body: card.body, actions: card.actions });
  return verbs;
}

/** The ids of a card's inputs (the form's fields). */
export function inputsOf(card: AdaptiveCard | undefined): string[] {
  if (!card) return [];
  const ids: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const element = node as Record<string, unknown>;
      if (typeof element.type === "string" && element.type.startsWith("Input.") && typeof element.id === "string") ids.push(element.id);
      for (const value of Object.values(element)) walk(value);
    }
  };
  walk(card.body);
  return ids;
}
