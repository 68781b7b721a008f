import { z } from "zod";
import { LIMITS, timeZoneSchema } from "../core/records/common";
import { parseOrThrow } from "../core/records/validate";

/**
 * The bot's configuration, as a plain object (the server reads it from the environment).
 * Local mode has no app id or password: the Agents Playground talks to the bot anonymously.
 */
export const botConfigSchema = z
  .object({
    /** The Azure Bot registration (Entra ID app). Absent in local mode. */
    appId: z.string().trim().min(1).optional(),
    appPassword: z.string().min(1).optional(),
    /** The tenant of a single-tenant bot registration. */
    tenantId: z.string().trim().min(1).optional(),
    appType: z.enum(["SingleTenant", "MultiTenant", "UserAssignedMSI"]).default("SingleTenant"),
    /**
     * The Bot Connector endpoint used to open a 1:1 chat with someone the bot has never talked
     * to (after installing the app for them). Teams' global endpoint by default; a conversation
     * already stored tells the real one.
     */
    serviceUrl: z.url().default("https://smba.trafficmanager.net/teams/"),
    /**
     * Local mode: the connectors activities are taken from (the Agents Playground's
     * `http://localhost:{port}/_connector`); more are trusted as the product starts them.
     */
    localConnectors: z.array(z.url({ protocol: /^https?$/ })).max(50).default([]),
    /** The mechanism's time zone: reminders and the digest are computed there; cards show times there unless the person's own is known. */
    timeZone: timeZoneSchema.default("UTC"),
    /** Language of cards when a person's own is not known. */
    defaultLocale: z.string().min(2).max(20).default("en-US"),
    outbox: z
      .object({
        /** Messages per second across every conversation (Teams allows about 50 per bot and tenant). */
        globalRatePerSecond: z.number().positive().max(1000).default(30),
        /**
         * How many instances send at once (Teams' limits are per app and tenant, not per instance):
         * each sends at `globalRatePerSecond / sendingInstances`, so that together they never
         * exceed the rate; one person's limit (`perConversationPerSecond`) is split the same way.
         * An instance that stops leaves its share unused until the others are told.
         */
        sendingInstances: z.number().int().min(1).max(30).default(1),
        /** Messages per second to one conversation (Teams: 7). */
        perConversationPerSecond: z.number().int().positive().max(50).default(7),
        /** Sends in flight at once. */
        maxInFlight: z.number().int().min(1).max(256).default(16),
        /** How often an idle sender looks for new entries. */
        pollIntervalMs: z.number().int().min(10).max(600_000).default(2_000),
        /** A claim older than this is a crashed sender's: the entry is taken over. Longer than any send. */
        claimLeaseMs: z.number().int().min(100).max(3_600_000).default(120_000),
        /** One send (HTTP request to the connector) gives up after this long. */
        sendTimeoutMs: z.number().int().min(100).max(600_000).default(30_000),
        /** Failed attempts (other than throttling) before an entry is undeliverable. */
        maxAttempts: z.number().int().min(1).max(100).default(8),
        /** Throttled attempts before giving up. */
        maxThrottledAttempts: z.number().int().min(1).max(1000).default(60),
        /** First retry delay; doubles each attempt, with jitter, up to `maxBackoffMs`. */
        baseBackoffMs: z.number().int().min(1).max(600_000).default(1_000),
        maxBackoffMs: z.number().int().min(1).max(3_600_000).default(300_000),
        /** After installing the app for someone, wait this long for Teams before trying again. */
        installWaitMs: z.number().int().min(0).max(3_600_000).default(15_000),
        /** How many pending entries one look at the outbox reads. */
        batchSize: z.number().int().min(1).max(5000).default(200),
        /**
         * A local file recording each send the connector accepted, before the outbox records it:
         * after a crash, those messages are recorded as sent instead of being sent again. Put it
         * on a disk that survives a restart (App Service: under /home). Off when absent.
         */
        receiptLogPath: z.string().min(1).optional(),
        /** Flush the receipt log to disk on every send (survives a machine crash, costs a disk flush per message). */
        receiptLogFsync: z.boolean().default(false),
      })
      .prefault({}),
    reminders: z
      .object({
        /** How often the scheduler looks for reminders, escalations and digests due. */
        intervalMs: z.number().int().min(1_000).max(86_400_000).default(300_000),
      })
      .prefault({}),
    files: z
      .object({
        /** Largest file accepted in the chat (the Evidence library's limit is the ceiling). */
        maxBytes: z.number().int().positive().max(LIMITS.attachmentBytes).default(LIMITS.attachmentBytes),
        downloadTimeoutMs: z.number().int().min(100).max(600_000).default(60_000),
        /**
         * The hosts a file sent in the chat may be downloaded from (https only, redirects only
         * among them): the tenant's SharePoint and OneDrive hosts (`contoso.sharepoint.com`,
         * `contoso-my.sharepoint.com`) and Teams' own. A `*.` entry allows the names under it.
         * Nothing else, loopback included, is ever fetched.
         */
        allowedHosts: z.array(z.string().trim().toLowerCase().regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/, "a host name such as contoso.sharepoint.com, or *.example.gov")).max(50).default([]),
      })
      .prefault({}),
  })
  .refine((config) => !config.appId === !config.appPassword || config.appType === "UserAssignedMSI", {
    message: "give both the app id and its password, or neither (local mode)",
    path: ["appPassword"],
  });

export type BotConfig = z.output<typeof botConfigSchema>;
export type BotConfigInput = z.input<typeof botConfigSchema>;

export function parseBotConfig(input: unknown): BotConfig {
  return parseOrThrow(botConfigSchema, input ?? {}, "The bot configuration", "bot");
}

/** Local mode: no app id, the connector is the Agents Playground's. */
export function isLocalMode(config: BotConfig): boolean {
  return !config.appId;
}
