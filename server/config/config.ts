/**
 * The server's configuration: read from the environment (and env/.env.{NMIRF_ENV} files),
 * validated with zod at start. A missing or malformed value stops the start with a message that
 * names it. Secrets come only from the environment or git-ignored `.env.*.user` files.
 */
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { timeZoneSchema } from "../../core/records/common";
import { FOCAL_POINTS_READ, type MechanismRules } from "../../core/auth/policy";

/** Microsoft Graph's hosts in Microsoft's clouds (global, US Government L4 and L5, China by 21Vianet). */
const MICROSOFT_GRAPH_HOSTS = ["graph.microsoft.com", "graph.microsoft.us", "dod-graph.microsoft.us", "microsoftgraph.chinacloudapi.cn"];
/** Entra ID's authorities in the same clouds. */
const ENTRA_AUTHORITY_HOSTS = ["login.microsoftonline.com", "login.microsoftonline.us", "login.chinacloudapi.cn", "login.partner.microsoftonline.cn"];

/** Where this code is installed: the checkout, or the deployed build (dist/), which carries the built tab in tabs/dist. */
const INSTALL_ROOT = path.resolve(__dirname, "..", "..");
const LOCAL_CLIENT_ID = "00000000-0000-0000-0000-00000000a11c";
const LOCAL_TENANT_ID = "00000000-0000-0000-0000-0000000010ca";

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "a GUID such as 00000000-0000-0000-0000-000000000000");
const emptyAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());
const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const flag = z.preprocess(emptyAsUndefined, z.enum(["true", "false", "1", "0", "yes", "no"]).optional()).transform((v) => (v === undefined ? undefined : ["true", "1", "yes"].includes(v)));
const list = z.preprocess(emptyAsUndefined, z.string().optional()).transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : []));

/** Every key the server reads (docs/server.md describes each). */
export const environmentSchema = z.object({
  NMIRF_MODE: z.preprocess(emptyAsUndefined, z.enum(["local", "tenant"]).default("local")),
  PORT: z.preprocess(emptyAsUndefined, port.default(3978)),
  HOST: optional(z.string().min(1)),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
  NMIRF_TIME_ZONE: z.preprocess(emptyAsUndefined, timeZoneSchema.default("UTC")),
  PUBLIC_BASE_URL: optional(z.url({ protocol: /^https?$/ })),
  TAB_DOMAIN: optional(z.string().regex(/^[a-z0-9.-]+(:\d+)?$/i, "a host name such as nmirf.example.gov")),
  TAB_DIST_DIR: optional(z.string().min(1)),
  NMIRF_DATA_DIR: optional(z.string().min(1)),

  GRAPH_ENDPOINT: optional(z.url({ protocol: /^https$/ }).refine((url) => MICROSOFT_GRAPH_HOSTS.includes(new URL(url).hostname), `Microsoft Graph in one of Microsoft's clouds (${"https://graph.microsoft.com"}, graph.microsoft.us, dod-graph.microsoft.us, microsoftgraph.chinacloudapi.cn); a stand-in for tests is NMIRF_TEST_GRAPH_ENDPOINT`)),
  GRAPH_SITE_HOSTNAME: optional(z.string().regex(/^[a-z0-9.-]+$/i, "a host name such as contoso.sharepoint.com")),
  GRAPH_SITE_PATH: optional(z.string().regex(/^\/[^?#]*$/, "a server-relative path such as /sites/nmirf")),
  GRAPH_SITE_ID: optional(z.string().min(3).max(300)),
  GRAPH_EMULATOR_PORT: z.preprocess(emptyAsUndefined, port.default(0)),

  AAD_TENANT_ID: optional(guid),
  AAD_CLIENT_ID: optional(guid),
  AAD_CLIENT_SECRET: optional(z.string().min(1)),
  AAD_AUTHORITY_HOST: z.preprocess(
    emptyAsUndefined,
    z
      .url({ protocol: /^https$/ })
      .refine((url) => ENTRA_AUTHORITY_HOSTS.includes(new URL(url).hostname), "an Entra ID authority (login.microsoftonline.com, login.microsoftonline.us, login.chinacloudapi.cn, login.partner.microsoftonline.cn)")
      .default("https://login.microsoftonline.com"),
  ),
  AAD_ALLOWED_TENANTS: list,
  API_AUDIENCE: optional(z.string().min(1)),

  BOT_ID: optional(z.string().min(1)),
  BOT_PASSWORD: optional(z.string().min(1)),
  TEAMS_APP_CATALOG_ID: optional(z.string().min(1)),
  /** More hosts files sent in the chat may come from, besides the site's SharePoint and OneDrive hosts and Teams' (comma-separated). */
  BOT_FILE_HOSTS: list,

  RATE_LIMIT_PER_MINUTE: z.preprocess(emptyAsUndefined, positiveInt.default(300)),
  RATE_LIMIT_BURST: z.preprocess(emptyAsUndefined, positiveInt.default(60)),
  BODY_LIMIT_BYTES: z.preprocess(emptyAsUndefined, positiveInt.default(1024 * 1024)),
  UPLOAD_LIMIT_BYTES: z.preprocess(emptyAsUndefined, positiveInt.default(20 * 1024 * 1024)),
  SHUTDOWN_GRACE_MS: z.preprocess(emptyAsUndefined, positiveInt.default(10_000)),
  SHUTDOWN_DRAIN_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(120_000).default(0)),
  SEED_DEMO: flag,
  NMIRF_BACKGROUND: flag,

  AZURE_STORAGE_CONNECTION_STRING: optional(z.string().regex(/(^|;)(BlobEndpoint|AccountName)=/i, "an Azure Storage connection string (AccountName=…;AccountKey=… or BlobEndpoint=…)")),
  NMIRF_INSTANCE_ID: optional(z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, "letters, digits and . _ : - (at most 100)")),
  WEBSITE_INSTANCE_ID: optional(z.string().min(1).max(200)),
  NMIRF_SENDING_INSTANCES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(30).default(1)),
  /** How often the lists' changes are read as a safety net (seconds): the leader audits outside edits then. */
  NMIRF_CHANGES_POLL_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(5).max(3600).default(60)),
  /** The secret Graph's change notifications carry (`clientState`); set, the leader subscribes to the lists' changes. */
  GRAPH_NOTIFICATION_CLIENT_STATE: optional(z.string().min(16, "at least 16 characters (a random secret)").max(128).regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces")),
  /** Where Graph sends them (default {PUBLIC_BASE_URL}/api/graph/notifications). */
  GRAPH_NOTIFICATION_URL: optional(z.url({ protocol: /^https?$/ })),
  LEADER_LEASE_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(15).max(60).default(30)),
  /** Teams' send rate for the whole app (every instance together), in cards per second. */
  NMIRF_SEND_RATE_PER_SECOND: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(50).default(30)),
  /** How long a card claimed by an instance that died stays claimed before another sends it. */
  NMIRF_OUTBOX_CLAIM_LEASE_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(15).max(3600).default(120)),
  NMIRF_TELEMETRY: z.preprocess(emptyAsUndefined, z.enum(["off", "console", "azure-monitor"]).optional()),
  APPLICATIONINSIGHTS_CONNECTION_STRING: optional(z.string().regex(/(^|;)InstrumentationKey=[0-9a-f-]{36}(;|$)/i, "an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…)")),

  // Tenant mode against loopback stand-ins of Microsoft Graph and Entra ID's key set: the CI
  // test of the production build (tests/production). Refused unless every one is on loopback.
  NMIRF_TEST_GRAPH_ENDPOINT: optional(z.url({ protocol: /^https$/ })),
  NMIRF_TEST_GRAPH_CA_FILE: optional(z.string().min(1)),
  NMIRF_TEST_GRAPH_TOKEN: optional(z.string().min(1).max(4096)),
  NMIRF_TEST_JWKS_URL: optional(z.url({ protocol: /^https?$/ })),
  /** LibreOffice's soffice for drafts as PDF: a path, or `off`; absent: looked for where it is usually installed. */
  NMIRF_SOFFICE: optional(z.string().min(1).max(500)),
  /** How long a draft's conversion to PDF may take before soffice is stopped. */
  NMIRF_PDF_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(5_000).max(600_000).default(120_000)),
  /** Whose requests and answers a ministry's focal points read: `own-ministry` (default) or `all-ministries`. */
  NMIRF_FOCAL_POINTS_READ: z.preprocess(emptyAsUndefined, z.enum(FOCAL_POINTS_READ).default("own-ministry")),
});
export type Environment = z.infer<typeof environmentSchema>;

export interface SignInConfig {
  /** Issuers accepted (`iss`), e.g. https://login.microsoftonline.com/{tenant}/v2.0. */
  issuers: string[];
  /** Audiences accepted (`aud`): api://{host}/{client id} and the client id itself (Teams SSO sends either). */
  audiences: string[];
  /** Tenants whose tokens are accepted (`tid`). */
  tenants: string[];
  /** Where the issuer's signing keys are; for the local issuer, filled in once the server listens. */
  jwksUrl?: string;
  clientId: string;
  tenantId: string;
}

export interface ServerConfig {
  mode: "local" | "tenant";
  port: number;
  host: string;
  logLevel: Environment["LOG_LEVEL"];
  timeZone: string;
  /** Where people reach the server (tab, bot), e.g. https://nmirf.example.gov. */
  publicBaseUrl?: string;
  tabDistDir: string;
  dataDir: string;
  signIn: SignInConfig;
  graph: {
    endpoint?: string;
    site: { hostname: string; path: string } | { id: string };
    emulatorPort: number;
    /** Local mode: SQLite data file of the emulator (`:memory:` in tests). */
    emulatorDataFile?: string;
    credentials?: { tenantId: string; clientId: string; clientSecret: string; authorityHost: string };
  };
  bot: { id?: string; password?: string; teamsAppCatalogId?: string; fileHosts: string[] };
  limits: { ratePerMinute: number; rateBurst: number; bodyBytes: number; uploadBytes: number };
  shutdownGraceMs: number;
  /** How long a stopping instance keeps answering, its /readyz at 503, before it closes its port: a probing load balancer's time to take it out. */
  shutdownDrainMs: number;
  seedDemo: boolean;
  /** Run the background work (the outbox sender, the leader election and the reminders): off in a staging slot, which must not send. */
  background: boolean;
  /** Azure Storage (Azurite locally): the leader's lease, the import previews and the outbox's receipts. Absent: they stay in this process or on its disk (one instance only). */
  storage?: { connectionString: string };
  /** This instance's name in the leader's lease, the logs and the telemetry. */
  instanceId: string;
  /** Drafts as PDF by LibreOffice: its path (`off`: none; absent: looked for) and how long a conversion may take. */
  pdf: { soffice?: string; timeoutMs: number };
  leader: { leaseSeconds: number };
  /** How changes made outside the app are picked up (docs/graph.md). */
  changes: {
    pollSeconds: number;
    /** Graph change notifications (tenant mode; locally against the emulator when a clientState is set). The URL is the server's own when absent (local mode). */
    notifications?: { clientState: string; url?: string };
  };
  /** How many instances send cards (App Service's instance count): each sends at its share of Teams' rate. */
  sendingInstances: number;
  /** The outbox: the app's send rate (all instances together) and how long a dead sender's claim lasts. */
  outbox: { ratePerSecond: number; claimLeaseSeconds: number };
  telemetry: { exporter: "off" | "console" | "azure-monitor"; connectionString?: string };
  /** Tenant mode against loopback stand-ins (NMIRF_TEST_*): never set in a deployment. */
  testEndpoints?: TestEndpoints;
  /** The mechanism's choices the authorization policy applies. */
  rules: MechanismRules;
}

export interface TestEndpoints {
  /** A stand-in for Microsoft Graph (the Graph emulator): its origin, its TLS certificate (PEM file), the bearer token it takes. */
  graph?: { endpoint: string; caFile?: string; token: string };
  /** A stand-in for Entra ID's signing keys: the test's own key set. */
  jwksUrl?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee docs/server.md for every setting.`);
    this.name = "ConfigError";
  }
}

/** Builds the configuration from environment variables; throws ConfigError naming each bad key. */
export function configFromEnvironment(env: Record<string, string | undefined>, root = process.cwd()): ServerConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".") || "(environment)"}: ${issue.message}${describeValue(env, issue.path[0])}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const local = e.NMIRF_MODE === "local";
  const host = e.HOST ?? (local ? "127.0.0.1" : "0.0.0.0");
  if (local && !isLoopback(host)) problems.push(`HOST: local mode serves the local sign-in and binds to loopback only (127.0.0.1 or ::1), not '${host}'`);

  let signIn: SignInConfig;
  let site: ServerConfig["graph"]["site"];
  let credentials: ServerConfig["graph"]["credentials"];
  if (local) {
    const clientId = e.AAD_CLIENT_ID ?? LOCAL_CLIENT_ID;
    const audience = e.API_AUDIENCE ?? `api://localhost/${clientId}`;
    signIn = { issuers: [], audiences: [audience], tenants: [LOCAL_TENANT_ID], clientId, tenantId: LOCAL_TENANT_ID };
    site = e.GRAPH_SITE_ID ? { id: e.GRAPH_SITE_ID } : { hostname: e.GRAPH_SITE_HOSTNAME ?? "contoso.sharepoint.com", path: e.GRAPH_SITE_PATH ?? "/sites/nmirf" };
  } else {
    for (const key of ["AAD_TENANT_ID", "AAD_CLIENT_ID", "AAD_CLIENT_SECRET"] as const) {
      if (!e[key]) problems.push(`${key}: required in tenant mode`);
    }
    if (!e.TAB_DOMAIN && !e.API_AUDIENCE) problems.push("TAB_DOMAIN: required in tenant mode (the tab's host, for the token audience api://{TAB_DOMAIN}/{AAD_CLIENT_ID}), or set API_AUDIENCE");
    if (!e.GRAPH_SITE_ID && !(e.GRAPH_SITE_HOSTNAME && e.GRAPH_SITE_PATH)) problems.push("GRAPH_SITE_HOSTNAME and GRAPH_SITE_PATH (or GRAPH_SITE_ID): required in tenant mode");
    const tenantId = e.AAD_TENANT_ID ?? "";
    const clientId = e.AAD_CLIENT_ID ?? "";
    const tenants = [...new Set([tenantId, ...e.AAD_ALLOWED_TENANTS])].filter(Boolean);
    const badTenant = e.AAD_ALLOWED_TENANTS.find((t) => !guid.safeParse(t).success);
    if (badTenant) problems.push(`AAD_ALLOWED_TENANTS: '${badTenant}' is not a tenant id (a GUID)`);
    const authority = e.AAD_AUTHORITY_HOST.replace(/\/+$/, "");
    const audience = e.API_AUDIENCE ?? `api://${e.TAB_DOMAIN}/${clientId}`;
    signIn = {
      issuers: tenants.map((t) => `${authority}/${t}/v2.0`),
      audiences: [audience, clientId],
      tenants,
      jwksUrl: `${authority}/${tenants.length > 1 ? "common" : tenantId}/discovery/v2.0/keys`,
      clientId,
      tenantId,
    };
    site = e.GRAPH_SITE_ID ? { id: e.GRAPH_SITE_ID } : { hostname: e.GRAPH_SITE_HOSTNAME ?? "", path: e.GRAPH_SITE_PATH ?? "" };
    credentials = { tenantId, clientId, clientSecret: e.AAD_CLIENT_SECRET ?? "", authorityHost: authority };
  }
  const testEndpoints = readTestEndpoints(e, local, problems);
  const notifications = readNotifications(e, local, Boolean(testEndpoints), problems);
  if (testEndpoints?.jwksUrl) signIn = { ...signIn, jwksUrl: testEndpoints.jwksUrl };
  const telemetryExporter = e.NMIRF_TELEMETRY ?? (e.APPLICATIONINSIGHTS_CONNECTION_STRING ? "azure-monitor" : "off");
  if (telemetryExporter === "azure-monitor" && !e.APPLICATIONINSIGHTS_CONNECTION_STRING) problems.push("APPLICATIONINSIGHTS_CONNECTION_STRING: required when NMIRF_TELEMETRY is azure-monitor");
  if (problems.length) throw new ConfigError(problems);

  const dataDir = path.resolve(root, e.NMIRF_DATA_DIR ?? ".data");
  return {
    mode: e.NMIRF_MODE,
    port: e.PORT,
    host,
    logLevel: e.LOG_LEVEL,
    timeZone: e.NMIRF_TIME_ZONE,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, "") ?? (e.TAB_DOMAIN ? `https://${e.TAB_DOMAIN}` : undefined),
    tabDistDir: e.TAB_DIST_DIR ? path.resolve(root, e.TAB_DIST_DIR) : path.join(INSTALL_ROOT, "tabs", "dist"),
    dataDir,
    signIn,
    graph: {
      endpoint: e.GRAPH_ENDPOINT,
      site,
      emulatorPort: e.GRAPH_EMULATOR_PORT,
      emulatorDataFile: local ? path.join(dataDir, "graph.sqlite") : undefined,
      credentials,
    },
    bot: { id: e.BOT_ID, password: e.BOT_PASSWORD, teamsAppCatalogId: e.TEAMS_APP_CATALOG_ID, fileHosts: e.BOT_FILE_HOSTS },
    limits: { ratePerMinute: e.RATE_LIMIT_PER_MINUTE, rateBurst: e.RATE_LIMIT_BURST, bodyBytes: e.BODY_LIMIT_BYTES, uploadBytes: e.UPLOAD_LIMIT_BYTES },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    seedDemo: e.SEED_DEMO ?? local,
    background: e.NMIRF_BACKGROUND ?? true,
    storage: e.AZURE_STORAGE_CONNECTION_STRING ? { connectionString: e.AZURE_STORAGE_CONNECTION_STRING } : undefined,
    instanceId: e.NMIRF_INSTANCE_ID ?? (e.WEBSITE_INSTANCE_ID ? e.WEBSITE_INSTANCE_ID.slice(0, 100) : `${os.hostname().slice(0, 80)}-${process.pid}`),
    leader: { leaseSeconds: e.LEADER_LEASE_SECONDS },
    pdf: { soffice: e.NMIRF_SOFFICE, timeoutMs: e.NMIRF_PDF_TIMEOUT_MS },
    changes: { pollSeconds: e.NMIRF_CHANGES_POLL_SECONDS, notifications },
    sendingInstances: e.NMIRF_SENDING_INSTANCES,
    outbox: { ratePerSecond: e.NMIRF_SEND_RATE_PER_SECOND, claimLeaseSeconds: e.NMIRF_OUTBOX_CLAIM_LEASE_SECONDS },
    telemetry: { exporter: telemetryExporter, connectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING },
    testEndpoints,
    rules: { focalPointsRead: e.NMIRF_FOCAL_POINTS_READ },
  };
}

/** The NMIRF_TEST_* stand-ins: tenant mode only, all on loopback, Graph's endpoint and token together. */
function readTestEndpoints(e: Environment, local: boolean, problems: string[]): TestEndpoints | undefined {
  const given = (["NMIRF_TEST_GRAPH_ENDPOINT", "NMIRF_TEST_GRAPH_CA_FILE", "NMIRF_TEST_GRAPH_TOKEN", "NMIRF_TEST_JWKS_URL"] as const).filter((key) => e[key] !== undefined);
  if (!given.length) return undefined;
  if (local) {
    problems.push(`${given.join(", ")}: tenant mode's test stand-ins; local mode runs its own emulator and sign-in`);
    return undefined;
  }
  for (const key of ["NMIRF_TEST_GRAPH_ENDPOINT", "NMIRF_TEST_JWKS_URL"] as const) {
    const value = e[key];
    if (value && !isLoopback(new URL(value).hostname)) problems.push(`${key}: a test stand-in must be on loopback (127.0.0.1, ::1 or localhost), not '${new URL(value).host}'`);
  }
  const graphGiven = Boolean(e.NMIRF_TEST_GRAPH_ENDPOINT || e.NMIRF_TEST_GRAPH_TOKEN || e.NMIRF_TEST_GRAPH_CA_FILE);
  if (graphGiven && !(e.NMIRF_TEST_GRAPH_ENDPOINT && e.NMIRF_TEST_GRAPH_TOKEN)) problems.push("NMIRF_TEST_GRAPH_ENDPOINT and NMIRF_TEST_GRAPH_TOKEN: give both (with NMIRF_TEST_GRAPH_CA_FILE for its certificate), or neither");
  const graph = e.NMIRF_TEST_GRAPH_ENDPOINT && e.NMIRF_TEST_GRAPH_TOKEN ? { endpoint: e.NMIRF_TEST_GRAPH_ENDPOINT, token: e.NMIRF_TEST_GRAPH_TOKEN, caFile: e.NMIRF_TEST_GRAPH_CA_FILE } : undefined;
  return { graph, jwksUrl: e.NMIRF_TEST_JWKS_URL };
}

/**
 * Graph's change notifications: a clientState turns them on. Graph reaches only HTTPS URLs, so in
 * tenant mode the URL (given, or from PUBLIC_BASE_URL) must be https (loopback stand-ins aside).
 */
function readNotifications(e: Environment, local: boolean, standIns: boolean, problems: string[]): ServerConfig["changes"]["notifications"] {
  const clientState = e.GRAPH_NOTIFICATION_CLIENT_STATE;
  if (!clientState) {
    if (e.GRAPH_NOTIFICATION_URL) problems.push("GRAPH_NOTIFICATION_URL: set GRAPH_NOTIFICATION_CLIENT_STATE too (the secret every notification must carry), or neither");
    return undefined;
  }
  const base = e.PUBLIC_BASE_URL?.replace(/\/+$/, "") ?? (e.TAB_DOMAIN ? `https://${e.TAB_DOMAIN}` : undefined);
  const url = e.GRAPH_NOTIFICATION_URL ?? (local ? undefined : base ? `${base}/api/graph/notifications` : undefined);
  if (!local && !url) problems.push("GRAPH_NOTIFICATION_URL: required with GRAPH_NOTIFICATION_CLIENT_STATE in tenant mode (or set PUBLIC_BASE_URL): where Graph sends the notifications");
  if (!local && url && !url.startsWith("https://") && !(standIns && isLoopback(new URL(url).hostname))) problems.push(`GRAPH_NOTIFICATION_URL: Microsoft Graph sends notifications to HTTPS URLs only, not '${url}'`);
  return { clientState, url };
}

/** The local-mode configuration with everything in memory: for tests and benchmarks. */
export function localTestConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  const base = configFromEnvironment({ NMIRF_MODE: "local", PORT: "0", LOG_LEVEL: "silent" });
  return { ...base, graph: { ...base.graph, emulatorDataFile: ":memory:" }, ...overrides };
}

export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

const SECRET_KEYS = new Set(["GRAPH_NOTIFICATION_CLIENT_STATE", "AAD_CLIENT_SECRET", "BOT_PASSWORD", "AZURE_STORAGE_CONNECTION_STRING", "APPLICATIONINSIGHTS_CONNECTION_STRING", "NMIRF_TEST_GRAPH_TOKEN"]);

function describeValue(env: Record<string, string | undefined>, key: PropertyKey | undefined): string {
  if (typeof key !== "string" || env[key] === undefined) return "";
  return SECRET_KEYS.has(key) ? "" : ` (got '${String(env[key]).slice(0, 80)}')`;
}
