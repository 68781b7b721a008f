import type { Clock } from "../../core/ports/clock";
import { findOne, type Repositories } from "../../core/ports/repository";
import type { Stored } from "../../core/records/common";
import type { ConversationFields } from "../../core/outbox/conversation";
import { isDomainError } from "../../core/errors";

/** A stored conversation is "fresh" for this long: a second install event within it does not greet again. */
const GREETING_WINDOW_MS = 60_000;

export interface ConversationReferenceLike {
  conversation?: { id?: string; conversationType?: string; tenantId?: string };
  serviceUrl?: string;
  channelId?: string;
  user?: { id?: string; aadObjectId?: string; name?: string };
  bot?: { id?: string; name?: string };
  locale?: string;
  [other: string]: unknown;
}

export interface Remembered {
  conversation: Stored<ConversationFields>;
  /** The record was created, or refreshed after a long time, by this call (and not by a concurrent one). */
  firstContact: boolean;
}

function sameReference(a: ConversationReferenceLike, b: ConversationReferenceLike): boolean {
  return a.conversation?.id === b.conversation?.id && a.serviceUrl === b.serviceUrl && a.bot?.id === b.bot?.id && a.user?.id === b.user?.id;
}

/** The reference without the message it was taken from: proactive messages are new messages, not replies. */
export function cleanReference(reference: ConversationReferenceLike): ConversationReferenceLike {
  const copy: ConversationReferenceLike = { ...reference };
  delete copy.activityId;
  return JSON.parse(JSON.stringify(copy)) as ConversationReferenceLike;
}

/** One 1:1 conversation per person (the Conversations list): how the bot reaches them first. */
export class ConversationStore {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  async get(userId: string): Promise<Stored<ConversationFields> | undefined> {
    return findOne(this.repos.conversations, "userId", userId);
  }

  /** Any stored conversation: tells the connector's address and the bot's id when opening a new chat. */
  async any(): Promise<Stored<ConversationFields> | undefined> {
    return (await this.repos.conversations.query({ top: 1 })).items[0];
  }

  /**
   * Stores or refreshes the person's conversation reference, language and time zone. Writes only
   * when something changed. Two install events arriving together (Teams sends both
   * installationUpdate and conversationUpdate) make one first contact: the store's unique key and
   * eTags decide which.
   */
  async remember(userId: string, rawReference: ConversationReferenceLike, details: { locale?: string; timeZone?: string; install?: boolean } = {}): Promise<Remembered> {
    const reference = cleanReference(rawReference);
    const now = this.clock.now();
    const fields = {
      userId,
      reference: reference as Record<string, unknown>,
      ...(details.locale ? { locale: details.locale.slice(0, 20) } : {}),
      ...(details.timeZone ? { timeZone: details.timeZone.slice(0, 64) } : {}),
      updatedAt: now.toISOString(),
    };
    const existing = await this.get(userId);
    if (!existing) {
      try {
        return { conversation: await this.repos.conversations.create(fields), firstContact: true };
      } catch (error) {
        if (!(isDomainError(error) && error.code === "conflict")) throw error;
        const winner = await this.get(userId);
        if (!winner) throw error;
        return { conversation: winner, firstContact: false };
      }
    }
    // A (re)install long after the last one is a first contact again: the person is greeted.
    const stale = details.install === true && now.getTime() - new Date(existing.updatedAt).getTime() > GREETING_WINDOW_MS;
    const changed =
      !sameReference(existing.reference as ConversationReferenceLike, reference) ||
      (details.locale !== undefined && details.locale !== existing.locale) ||
      (details.timeZone !== undefined && details.timeZone !== existing.timeZone);
    if (!changed && !stale) return { conversation: existing, firstContact: false };
    try {
      const updated = await this.repos.conversations.update(existing.id, { ...fields, locale: fields.locale ?? existing.locale, timeZone: fields.timeZone ?? existing.timeZone }, existing.eTag);
      return { conversation: updated, firstContact: stale };
    } catch (error) {
      if (!(isDomainError(error) && error.code === "concurrency")) throw error;
      return { conversation: (await this.get(userId)) ?? existing, firstContact: false };
    }
  }
}
