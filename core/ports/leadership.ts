/**
 * One leader among the server's instances: the work that must run once across them (the
 * reminder run, taking over a crashed sender's outbox claims) runs on the instance that holds a
 * lease. The lease is the port (Azure Storage's blob lease in production, Azurite locally,
 * in memory in unit tests); the election that takes and renews it lives in the server.
 */

/** A lease on one name: at most one holder at a time, for `durationMs` unless renewed. */
export interface LeaderLease {
  readonly durationMs: number;
  /** Takes the lease if nobody holds it (or its holder let it expire); true when this holder now holds it. */
  acquire(): Promise<boolean>;
  /** Extends the lease this holder holds; false when it was lost (it expired and another took it). */
  renew(): Promise<boolean>;
  /** Gives it up, so that another instance takes over at once instead of after it expires. */
  release(): Promise<void>;
}

/** What leader-only work asks before it runs. */
export interface Leadership {
  isLeader(): boolean;
  /** Called with true when this instance becomes the leader and false when it stops being it; returns the unsubscribe. */
  onChange(listener: (leader: boolean) => void): () => void;
}

/** The leadership of a process that is the only instance (tests, a local run without Azurite): always the leader. */
export const SOLE_INSTANCE: Leadership = { isLeader: () => true, onChange: () => () => undefined };
