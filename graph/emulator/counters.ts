/** What the emulator served, for tests and benchmarks (how many requests a feature costs). */

export interface EmulatorCounters {
  /** HTTP requests received on /v1.0 (a $batch counts once; admin endpoints not at all). */
  requests: number;
  /** Every request by kind, top-level and inside batches: `list-items.create`, `batch`, `delta`… */
  byKind: Record<string, number>;
  /** Requests served inside $batch bodies. */
  batchInner: number;
  /** Answers by HTTP status, top-level and inner. */
  byStatus: Record<string, number>;
  /** 429 answers (injected or over the resource-unit budget). */
  throttled: number;
  /** 503 answers injected. */
  unavailable: number;
  /** Resource units charged (8.2). */
  resourceUnits: number;
}

export class Counters {
  private data: EmulatorCounters = Counters.empty();

  private static empty(): EmulatorCounters {
    return { requests: 0, byKind: {}, batchInner: 0, byStatus: {}, throttled: 0, unavailable: 0, resourceUnits: 0 };
  }

  httpRequest(): void {
    this.data.requests++;
  }

  served(kind: string, inner: boolean, status: number, resourceUnits: number): void {
    this.data.byKind[kind] = (this.data.byKind[kind] ?? 0) + 1;
    if (inner) this.data.batchInner++;
    this.data.byStatus[String(status)] = (this.data.byStatus[String(status)] ?? 0) + 1;
    if (status === 429) this.data.throttled++;
    if (status === 503) this.data.unavailable++;
    this.data.resourceUnits += resourceUnits;
  }

  snapshot(): EmulatorCounters {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = Counters.empty();
  }
}
