/** The outbox's receipt log: a port, kept in a file (bot/outbox/receipt-log.ts) or in Blob Storage (storage/blob-receipt-log.ts). */

/** What the connector answered for one send: written the moment it answers. */
export interface Receipt {
  entryId: string;
  /** The claim the send was made under: a receipt only settles that claim. */
  claimedAt: string;
  activityId: string;
  conversationId: string;
}

/**
 * An append-only record of sends the connector accepted, written before the outbox (SharePoint)
 * records them. It closes most of the exactly-once window: if the process dies after the
 * connector accepted a message but before the outbox said "sent", the next start (or, with the
 * log in Blob Storage, any other instance: storage/blob-receipt-log.ts) finds the receipt and
 * records the message as sent instead of sending it again. What stays open is the answer still
 * travelling from the connector when the process dies.
 */
export interface ReceiptLog {
  /** Done before the outbox is told (a file appends synchronously; Blob Storage answers a request). */
  write(receipt: Receipt): void | Promise<void>;
  /** Receipts of earlier sends, by `${entryId}@${claimedAt}`. */
  read(): Map<string, Receipt> | Promise<Map<string, Receipt>>;
}

export function receiptKey(entryId: string, claimedAt: string | undefined): string {
  return `${entryId}@${claimedAt ?? ""}`;
}
