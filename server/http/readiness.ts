/**
 * Readiness (`GET /readyz`), apart from liveness (`/healthz`: the process answers). Ready means
 * this instance can do its work: Microsoft Graph answers for the mechanism's site, the Storage
 * account answers, and the leader election has decided (this instance leads or another does).
 * Each check that fails says what is wrong in words an operator can act on. Results are kept a
 * few seconds, so that probes from every instance and availability tests do not become Graph
 * traffic of their own.
 */
import { failureOf } from "../../graph/client/errors";

export interface CheckResult {
  ok: boolean;
  /** What is not ready, for an operator. */
  problem?: string;
  /** What is, when there is something to say (e.g. the leader's role). */
  detail?: string;
}

export interface ReadinessCheck {
  name: string;
  run(): Promise<CheckResult>;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

export class Readiness {
  private cached: { at: number; report: Promise<ReadinessReport> } | undefined;

  constructor(
    private readonly checks: ReadinessCheck[],
    private readonly options: { cacheMs?: number; timeoutMs?: number; now?: () => number } = {},
  ) {}

  report(): Promise<ReadinessReport> {
    const now = (this.options.now ?? Date.now)();
    if (this.cached && now - this.cached.at < (this.options.cacheMs ?? 5_000)) return this.cached.report;
    const report = this.evaluate();
    this.cached = { at: now, report };
    return report;
  }

  private async evaluate(): Promise<ReadinessReport> {
    const timeoutMs = this.options.timeoutMs ?? 5_000;
    const results = await Promise.all(this.checks.map((check) => withTimeout(check, timeoutMs)));
    const checks = Object.fromEntries(this.checks.map((check, i) => [check.name, results[i]!]));
    return { ready: results.every((r) => r.ok), checks };
  }
}

async function withTimeout(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, problem: `${check.name} did not answer within ${timeoutMs / 1000} s` }), timeoutMs);
  });
  try {
    return await Promise.race([check.run().catch((error: unknown) => ({ ok: false, problem: `${check.name}: ${messageOf(error)}` })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Graph's answer for the site, in words: 403 is the missing Sites.Selected grant, no answer is Graph unreachable. */
export function graphCheck(readSite: () => Promise<unknown>): ReadinessCheck {
  return {
    name: "graph",
    run: async () => {
      try {
        await readSite();
        return { ok: true };
      } catch (error) {
        return { ok: false, problem: describeGraphFailure(error) };
      }
    },
  };
}

export function describeGraphFailure(error: unknown): string {
  const failure = failureOf(error);
  if (!failure) return `Microsoft Graph is unreachable or its sign-in failed: ${messageOf(error)}`;
  switch (failure.status) {
    case 401:
      return "Microsoft Graph refused the app's token (401): check AAD_TENANT_ID, AAD_CLIENT_ID and AAD_CLIENT_SECRET";
    case 403:
      return "the mechanism's site refused the app (403): grant the app Sites.Selected on the site (docs/deploy.md, step 4)";
    case 404:
      return "the mechanism's site was not found (404): check GRAPH_SITE_HOSTNAME and GRAPH_SITE_PATH (or GRAPH_SITE_ID)";
    case 429:
    case 503:
    case 504:
      return `Microsoft Graph is throttling or unavailable (${failure.status}) even after retries`;
    default:
      return `Microsoft Graph answered ${failure.status}${failure.code ? ` (${failure.code})` : ""}`;
  }
}

export function storageCheck(check: () => Promise<void>): ReadinessCheck {
  return {
    name: "storage",
    run: async () => {
      try {
        await check();
        return { ok: true };
      } catch (error) {
        return { ok: false, problem: `the Storage account (the leader's lease, the import previews) does not answer: ${messageOf(error)}` };
      }
    },
  };
}

export function leaderCheck(status: () => { role: "unknown" | "leader" | "follower" | "none"; problem?: string }): ReadinessCheck {
  return {
    name: "leader",
    run: async () => {
      const { role, problem } = status();
      if (role === "none") return { ok: true, detail: "this instance runs no background work (NMIRF_BACKGROUND=false): it takes no part in the election" };
      if (role === "unknown") return { ok: false, problem: `no leader yet: the leader election has not decided${problem ? ` (${problem})` : ""}` };
      return { ok: true, detail: role === "leader" ? "this instance leads (reminders, outbox recovery)" : "another instance leads" };
    },
  };
}

export function stateCheck(state: () => "ok" | "starting" | "stopping"): ReadinessCheck {
  return {
    name: "server",
    run: async () => (state() === "ok" ? { ok: true } : { ok: false, problem: `the server is ${state()}` }),
  };
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0]!.slice(0, 300);
}
