/**
 * Fault injection and SharePoint-like throttling (graph-contract.md section 8): scripted faults,
 * a seeded share of 429s and 503s, and a budget of resource units per rolling minute with
 * RateLimit headers from 80 % of it (8.4). Each request inside a $batch is judged on its own.
 */
import type { FaultConfig, ScriptedFault } from "./options";
import { validateFaults } from "./options";

export interface Fault {
  status: number;
  code: string;
  message: string;
  headers: Record<string, string>;
}

export interface Admission {
  fault?: Fault;
  /** RateLimit headers for an admitted request near the budget. */
  headers: Record<string, string>;
  /** Resource units charged (0 when refused). */
  charged: number;
}

/** A pseudo-random sequence in [0, 1) (mulberry32): small, fast and reproducible from a seed, so runs compare. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WINDOW_MS = 60_000;

export class FaultInjector {
  private config: FaultConfig = {};
  private draw: () => number = seededRandom(1);
  private script: (ScriptedFault & { left: number })[] = [];
  private window: { at: number; units: number }[] = [];

  constructor(
    config: FaultConfig | undefined,
    private readonly now: () => number,
  ) {
    this.set(config ?? {});
  }

  /** Replaces the configuration; the random sequence restarts from the seed and the RU window empties. */
  set(config: FaultConfig): void {
    this.config = validateFaults({ ...config });
    this.draw = seededRandom(config.seed ?? 1);
    this.script = (config.script ?? []).map((fault) => ({ ...fault, left: fault.times ?? 1 }));
    this.window = [];
  }

  get(): FaultConfig {
    const script = this.script.filter((f) => f.left > 0).map(({ left, ...fault }) => ({ ...fault, times: left }));
    return { ...this.config, script };
  }

  latencyMs(): number {
    return this.config.latencyMs ?? 0;
  }

  private retryAfter(fault?: ScriptedFault): number {
    return fault?.retryAfterSeconds ?? this.config.retryAfterSeconds ?? 1;
  }

  private faultFor(status: number, retryAfter: number): Fault {
    const headers: Record<string, string> = {};
    if (status === 429 || status === 503) headers["Retry-After"] = String(retryAfter);
    switch (status) {
      case 429:
        return { status, code: "activityLimitReached", message: "The request has been throttled", headers };
      case 503:
        return { status, code: "serviceNotAvailable", message: "The service is temporarily unavailable. Please retry later.", headers };
      case 504:
        return { status, code: "gatewayTimeout", message: "The gateway timed out.", headers };
      case 409:
        return { status, code: "resourceModified", message: "The resource being updated has changed since the caller last read it, usually an eTag mismatch.", headers };
      case 403:
        return { status, code: "accessDenied", message: "Access denied", headers };
      default:
        return { status, code: "generalException", message: "An unspecified error has occurred.", headers };
    }
  }

  private usage(at: number): number {
    this.window = this.window.filter((entry) => entry.at > at - WINDOW_MS);
    return this.window.reduce((sum, entry) => sum + entry.units, 0);
  }

  /** Decides whether a request of a kind and cost is served, and charges its resource units. */
  admit(kind: string, cost: number): Admission {
    const scripted = this.script.find((fault) => fault.left > 0 && (fault.kind === undefined || fault.kind === kind));
    if (scripted) {
      scripted.left--;
      return { fault: this.faultFor(scripted.status, this.retryAfter(scripted)), headers: {}, charged: 0 };
    }
    const eligible = this.config.kinds === undefined || this.config.kinds.includes(kind);
    const throttleRate = this.config.throttleRate ?? 0;
    const unavailableRate = this.config.unavailableRate ?? 0;
    if (eligible && throttleRate + unavailableRate > 0) {
      const roll = this.draw();
      if (roll < throttleRate) return { fault: this.faultFor(429, this.retryAfter()), headers: {}, charged: 0 };
      if (roll < throttleRate + unavailableRate) return { fault: this.faultFor(503, this.retryAfter()), headers: {}, charged: 0 };
    }
    const budget = this.config.resourceUnitsPerMinute;
    if (budget === undefined) return { headers: {}, charged: cost };
    const at = this.now();
    const used = this.usage(at);
    if (used + cost > budget) {
      const wait = this.secondsUntilFree(at, used, cost, budget);
      const fault = this.faultFor(429, wait);
      fault.headers["RateLimit-Limit"] = String(budget);
      fault.headers["RateLimit-Remaining"] = "0";
      fault.headers["RateLimit-Reset"] = String(wait);
      return { fault, headers: {}, charged: 0 };
    }
    this.window.push({ at, units: cost });
    const after = used + cost;
    const headers: Record<string, string> = {};
    if (after >= budget * 0.8) {
      headers["RateLimit-Limit"] = String(budget);
      headers["RateLimit-Remaining"] = String(budget - after);
      headers["RateLimit-Reset"] = String(Math.max(1, Math.ceil((this.window[0]!.at + WINDOW_MS - at) / 1000)));
    }
    return { headers, charged: cost };
  }

  /** Seconds until enough of the window's units expire for this request to fit. */
  private secondsUntilFree(at: number, used: number, cost: number, budget: number): number {
    if (cost > budget) return WINDOW_MS / 1000;
    let remaining = used;
    for (const entry of this.window) {
      remaining -= entry.units;
      if (remaining + cost <= budget) return Math.max(1, Math.ceil((entry.at + WINDOW_MS - at) / 1000));
    }
    return WINDOW_MS / 1000;
  }
}
