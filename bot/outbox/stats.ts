/** What a sender did since it started (the bench and the tests read it). */
export interface SenderStats {
  sent: number;
  updated: number;
  retried: number;
  throttled: number;
  undeliverable: number;
  cancelled: number;
  /** Entries a crashed sender left "sending", sent again after its lease expired. */
  recovered: number;
  /** Entries a crashed sender left "sending" that its receipt log showed as sent: recorded, not sent again. */
  settledFromReceipts: number;
}

export function emptyStats(): SenderStats {
  return { sent: 0, updated: 0, retried: 0, throttled: 0, undeliverable: 0, cancelled: 0, recovered: 0, settledFromReceipts: 0 };
}
