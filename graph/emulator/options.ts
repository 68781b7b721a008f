/**
 * The emulator's options. `behaviour` holds every point graph-contract.md marks unverified
 * (its section 11 and a few more): each is a choice with a default documented in
 * docs/graph-emulator.md, so tests can flip it and adapters can be checked against both.
 */

import type { NotificationOptions } from "./subscriptions";

/** An HTTP status and Graph error code pair used for a refusal whose real code is unknown. */
export interface ErrorChoice {
  status: number;
  code: string;
}

export interface EmulatorBehaviour {
  /** 412 body code when If-Match does not match (4.3.4; real code undocumented). Default `resourceModified`. */
  preconditionFailedCode: string;
  /** POST /lists with a title that exists (2.5). Default 409 `nameAlreadyExists`. */
  duplicateListTitle: ErrorChoice;
  /** A write that breaks `enforceUniqueValues`. Default 409 `nameAlreadyExists`. */
  uniqueViolation: ErrorChoice;
  /** The list view threshold (4.4.3). Default 5,000. */
  listViewThreshold: number;
  /** A query over the threshold on non-indexed columns, with the Prefer header (4.4.3). Default 429 `activityLimitReached`, no Retry-After. */
  listViewThresholdError: ErrorChoice;
  /** List items page size without `$top` (4.4.5). Default 200. */
  defaultPageSize: number;
  /** Largest `$top` honoured; larger values are lowered to it (4.4.5). Default 5,000. */
  maxPageSize: number;
  /** Whether a nextLink of a non-indexed query needs the Prefer header again (section 11). Default true (stricter). */
  nextLinkRequiresPrefer: boolean;
  /** `contains`/`endswith`/`substringof` in $filter (4.4.1). Default "reject" (400 invalidRequest). */
  unsupportedFilterFunctions: "reject" | "allow";
  /** Simple upload size cap in bytes (5.2). Default 250 MB (262,144,000 bytes). */
  maxSimpleUploadBytes: number;
  /** Read shape of a single lookup or person field selected by name (4.2.6). Default "object" `{LookupId, LookupValue[, Email]}`. */
  selectedLookupShape: "object" | "value";
  /** Read shape of an unselected multi lookup `{Name}LookupId` (4.2.1). Default "strings" (`["3","4"]`). */
  multiLookupIdShape: "strings" | "numbers";
  /** GET …/content: 302 to a pre-authenticated URL (5.11, default) or 200 with the bytes. */
  downloadRedirect: boolean;
  /** Refuse a column with enforceUniqueValues that is not indexed (unverified). Default true (stricter). */
  uniqueRequiresIndex: boolean;
  /** Refuse creating an item that lacks a required column (unverified for Graph). Default true (stricter). */
  enforceRequired: boolean;
  /** Refuse a choice value that is not among the column's choices, unless allowTextEntry. Default true (stricter). */
  enforceChoices: boolean;
  /** Text comparisons in $filter/$orderby/unique checks: SharePoint compares without case. Default "caseInsensitive". */
  textComparison: "caseInsensitive" | "caseSensitive";
  /** The site's time zone (IANA): date-only values are stored at its midnight and read back in UTC (4.1.6). Default "UTC". */
  siteTimeZone: string;
  /** Upload session lifetime, renewed by each chunk (5.7). Default 15 minutes. */
  uploadSessionLifetimeMs: number;
  /** createUploadSession answers 409 while another session for the same name is pending (5.8). Default false. */
  refuseConcurrentUploadSessions: boolean;
  /** Delta tokens older than this answer 410 (4.5.1). Default 30 days. */
  deltaTokenLifetimeMs: number;
  /** More than this many lookup fields in a collection: the extra ones are silently dropped (4.2.2). Default 12. */
  lookupFieldLimit: number;
}

export const DEFAULT_BEHAVIOUR: EmulatorBehaviour = {
  preconditionFailedCode: "resourceModified",
  duplicateListTitle: { status: 409, code: "nameAlreadyExists" },
  uniqueViolation: { status: 409, code: "nameAlreadyExists" },
  listViewThreshold: 5000,
  listViewThresholdError: { status: 429, code: "activityLimitReached" },
  defaultPageSize: 200,
  maxPageSize: 5000,
  nextLinkRequiresPrefer: true,
  unsupportedFilterFunctions: "reject",
  maxSimpleUploadBytes: 250 * 1024 * 1024,
  selectedLookupShape: "object",
  multiLookupIdShape: "strings",
  downloadRedirect: true,
  uniqueRequiresIndex: true,
  enforceRequired: true,
  enforceChoices: true,
  textComparison: "caseInsensitive",
  siteTimeZone: "UTC",
  uploadSessionLifetimeMs: 15 * 60 * 1000,
  refuseConcurrentUploadSessions: false,
  deltaTokenLifetimeMs: 30 * 24 * 60 * 60 * 1000,
  lookupFieldLimit: 12,
};

/** A fault queued for the next request(s) that match `kind` (any kind when absent). */
export interface ScriptedFault {
  /**
   * 409 is `resourceModified` (the item changed under a write that sent no If-Match: two writes racing);
   * 403 is `accessDenied` (the app holds no Sites.Selected grant on the site). Codes and messages as in
   * https://learn.microsoft.com/graph/errors; see docs/graph-emulator.md.
   */
  status: 429 | 503 | 500 | 504 | 409 | 403;
  /** Retry-After seconds (429 and 503 only). Default `retryAfterSeconds` of the config. */
  retryAfterSeconds?: number;
  /** Counter kind (e.g. `list-items.create`) the fault waits for. */
  kind?: string;
  /** How many matching requests it fails. Default 1. */
  times?: number;
}

export interface FaultConfig {
  /** Share (0..1) of requests answered 429 `activityLimitReached` with Retry-After. */
  throttleRate?: number;
  /** Share (0..1) of requests answered 503 `serviceNotAvailable` with Retry-After. */
  unavailableRate?: number;
  /** Retry-After (seconds) of injected 429/503. Default 1; 0 is allowed for fast tests. */
  retryAfterSeconds?: number;
  /** Latency added before answering each HTTP request (not each request inside a $batch). */
  latencyMs?: number;
  /** Resource units per rolling minute (8.2/8.3); over it → 429 with Retry-After until the window frees. */
  resourceUnitsPerMinute?: number;
  /** Seed of the random draws, for reproducible runs. Default 1. */
  seed?: number;
  /** Only requests of these counter kinds get random faults (all when absent). */
  kinds?: string[];
  /** Faults for the next matching requests, consumed in order before any random draw. */
  script?: ScriptedFault[];
}

export interface GraphEmulatorOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** SQLite file (its directory is created; kept across restarts) or ":memory:" (default). */
  dataFile?: string;
  /** The SharePoint tenant host in site ids and webUrls. Default "contoso.sharepoint.com". */
  hostname?: string;
  /** Server-relative site paths created at start when missing. Default ["/sites/nmirf"]. */
  sites?: string[];
  /** The bearer token it accepts. Default: random at each start. */
  accessToken?: string;
  /** Fault injection at start (see setFaults). */
  faults?: FaultConfig;
  /** Choices where real behaviour is unverified. */
  behaviour?: Partial<EmulatorBehaviour>;
  /** Certificate and key (PEM) to serve instead of generating a fresh self-signed pair. */
  tls?: { cert: string; key: string };
  /** The clock, for tests of expiry. Default Date.now. */
  now?: () => number;
  /**
   * The application id the app-only token stands for: what the app writes carries
   * `lastModifiedBy.application.id` = this (graph-contract.md 4.1.2). Default
   * `00000000-0000-0000-0000-00000000a11c` (local mode's client id).
   */
  appId?: string;
  /** Change notifications (POST/PATCH/DELETE /subscriptions, subscriptions.ts): how URLs are checked and notifications batched. */
  notifications?: NotificationOptions;
}

export function resolveBehaviour(partial: Partial<EmulatorBehaviour> | undefined): EmulatorBehaviour {
  return { ...DEFAULT_BEHAVIOUR, ...partial };
}

function numberFrom(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number (got '${raw}').`);
  return value;
}

/**
 * Fault injection from the environment, for `npx nmirf emulator` and `npm start`:
 * GRAPH_EMULATOR_THROTTLE_RATE, GRAPH_EMULATOR_UNAVAILABLE_RATE, GRAPH_EMULATOR_RETRY_AFTER,
 * GRAPH_EMULATOR_LATENCY_MS, GRAPH_EMULATOR_RU_PER_MINUTE, GRAPH_EMULATOR_SEED.
 */
export function faultsFromEnv(env: NodeJS.ProcessEnv = process.env): FaultConfig {
  const faults: FaultConfig = {};
  const set = <K extends keyof FaultConfig>(key: K, value: FaultConfig[K] | undefined) => {
    if (value !== undefined) faults[key] = value;
  };
  set("throttleRate", numberFrom(env, "GRAPH_EMULATOR_THROTTLE_RATE"));
  set("unavailableRate", numberFrom(env, "GRAPH_EMULATOR_UNAVAILABLE_RATE"));
  set("retryAfterSeconds", numberFrom(env, "GRAPH_EMULATOR_RETRY_AFTER"));
  set("latencyMs", numberFrom(env, "GRAPH_EMULATOR_LATENCY_MS"));
  set("resourceUnitsPerMinute", numberFrom(env, "GRAPH_EMULATOR_RU_PER_MINUTE"));
  set("seed", numberFrom(env, "GRAPH_EMULATOR_SEED"));
  return validateFaults(faults);
}

export function validateFaults(config: FaultConfig): FaultConfig {
  const rate = (name: string, value: number | undefined) => {
    if (value !== undefined && (!(value >= 0) || value > 1)) throw new Error(`${name} must be between 0 and 1.`);
  };
  const nonNegative = (name: string, value: number | undefined) => {
    if (value !== undefined && !(value >= 0)) throw new Error(`${name} must be 0 or more.`);
  };
  rate("throttleRate", config.throttleRate);
  rate("unavailableRate", config.unavailableRate);
  if ((config.throttleRate ?? 0) + (config.unavailableRate ?? 0) > 1) throw new Error("throttleRate + unavailableRate must not exceed 1.");
  nonNegative("retryAfterSeconds", config.retryAfterSeconds);
  nonNegative("latencyMs", config.latencyMs);
  if (config.resourceUnitsPerMinute !== undefined && !(config.resourceUnitsPerMinute > 0)) {
    throw new Error("resourceUnitsPerMinute must be more than 0.");
  }
  for (const fault of config.script ?? []) {
    if (![429, 503, 500, 504, 409, 403].includes(fault.status)) throw new Error("A scripted fault's status must be 429, 503, 500, 504, 409 or 403.");
  }
  return config;
}
