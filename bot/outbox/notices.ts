import { createHash } from "node:crypto";
import type { Clock } from "../../core/ports/clock";
import type { Directory } from "../../core/ports/directory";
import { LIMITS } from "../../core/records/common";
import type { OutboxEntryInput } from "../../core/outbox/outbox-entry";
import { describeError, type BotLogger } from "../logger";
import type { Entry, OutboxRepository } from "./claims";

function shortKey(key: string): string {
  return key.length <= 120 ? key : `${key.slice(0, 80)}~${createHash("sha256").update(key).digest("hex").slice(0, 24)}`;
}

/** The secretariat hears of every message that could not be delivered (but not of its own undeliverable notices). */
export async function tellSecretariatUndeliverable(
  deps: { outbox: OutboxRepository; directory: Directory; clock: Clock; logger: BotLogger },
  entry: Entry,
  reason: string,
): Promise<boolean> {
  const notification = entry.notification;
  if (notification.kind === "notice" && notification.topic === "undeliverable") return false;
  try {
    const [secretariat, recipient] = await Promise.all([deps.directory.usersWithRole("Secretariat"), deps.directory.getUser(entry.recipientId)]);
    const name = recipient?.displayName ?? entry.recipientId;
    const text = `The ${notification.kind} message for ${name} could not be delivered in Teams: ${reason}. Reach them another way, or check that the NMIRF app can be installed for them.`;
    const requestId = "requestId" in notification ? notification.requestId : undefined;
    const now = deps.clock.now().toISOString();
    const entries: OutboxEntryInput[] = secretariat
      .filter((person) => person.id !== entry.recipientId)
      .map((person) => ({
        key: `notice:undeliverable:${shortKey(entry.key)}:${person.id}`.slice(0, 255),
        recipientId: person.id,
        notification: { kind: "notice", topic: "undeliverable", text: text.slice(0, LIMITS.comment), ...(requestId ? { requestId } : {}) },
        createdAt: now,
      }));
    for (const result of await deps.outbox.createMany(entries)) {
      if (!result.ok && result.error.code !== "conflict") throw result.error;
    }
    return entries.length > 0;
  } catch (error) {
    deps.logger.error({ key: entry.key, error: describeError(error) }, "could not tell the secretariat about an undeliverable message");
    return false;
  }
}
