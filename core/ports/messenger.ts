import type { Stored } from "../records/common";
import type { OutboxEntryFields } from "../outbox/outbox-entry";

export interface DeliveryReceipt {
  activityId: string;
  conversationId: string;
}

export type DeliveryFailureReason =
  /** The channel asked us to slow down; try again after `retryAfterMs`. */
  | "throttled"
  /** A passing fault (5xx, network): try again later. */
  | "transient"
  /** We cannot reach the person (no conversation, app not installed and cannot be installed). */
  | "unreachable"
  /** The message can never be sent as it is (e.g. it references a record that no longer exists). */
  | "permanent";

export class DeliveryError extends Error {
  constructor(
    readonly reason: DeliveryFailureReason,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

/**
 * Delivers one outbox entry to one person: renders the notification as the channel needs
 * and sends it, or updates the message an earlier entry sent. Knows nothing of the outbox's
 * bookkeeping; throws DeliveryError when it cannot.
 */
export interface Messenger {
  deliver(entry: Stored<OutboxEntryFields>, previous?: DeliveryReceipt): Promise<DeliveryReceipt>;
}
