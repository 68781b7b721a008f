/**
 * Three (or more) server processes as production runs them: `nmirf start --tenant`, each its own
 * process, sharing one Microsoft Graph (the Graph emulator, in this process), one Storage
 * account (Azurite, from node_modules) and one Bot Connector (a loopback fake that notes when
 * each card arrives). Entra ID's signing keys are a key set served on loopback (NMIRF_TEST_*).
 * In front of the instances, a load balancer like App Service's: round robin over the
 * instances whose /readyz answers 200, probed every 200 ms; a call whose connection an instance
 * refused (it never reached it) goes to another.
 *
 * The mechanism: ministries each with a technical focal point who has a chat with the bot,
 * recommendations led in turn by each ministry, a report to ask about them, and a second report
 * whose requests are due for a reminder now. Used by tests/production/three-instances.test.ts
 * and bench/fan-out-instances.bench.ts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { FakeConnector } from "../../../bot/testing/fake-connector";
import { queryAll, type Repositories } from "../../../core/ports/repository";
import { recommendationKey } from "../../../core/recommendations/recommendation";
import { StaticTokenProvider } from "../../../graph/client/auth";
import { createGraphClient, type GraphClient } from "../../../graph/client/graph-client";
import { startGraphEmulator, type RunningGraphEmulator } from "../../../graph/emulator";
import { openSharePointStore } from "../../../graph/sharepoint/open-store";
import { startAzurite, type RunningAzurite } from "../../../server/local/azurite";
import { FAST_RETRIES } from "../emulated-site";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const TENANT = "11111111-2222-4333-8444-555555555555";
const CLIENT_ID = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const TAB_DOMAIN = "nmirf.example.gov";
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
const SITE = { hostname: "contoso.sharepoint.com", path: "/sites/nmirf" };

export interface FleetOptions {
  instances: string[];
  recommendations: number;
  ministries: number;
  /** Requests of another report, each due for one reminder now. */
  reminderRequests: number;
  /** The app's send rate (NMIRF_SEND_RATE_PER_SECOND), shared by the instances. */
  rate: number;
  leaderLeaseSeconds?: number;
  claimLeaseSeconds?: number;
}

export interface Instance {
  name: string;
  child: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface BalancedCalls {
  ok: number;
  failed: { status: number | string; path: string; body: string }[];
}

export interface Fleet {
  emulator: RunningGraphEmulator;
  azurite: RunningAzurite;
  connector: FakeConnector;
  repos: Repositories;
  reportId: string;
  recommendationIds: string[];
  reminderRequestIds: string[];
  rate: number;
  /** The load balancer's address: calls go to a ready instance. */
  url: string;
  instances: Map<string, Instance>;
  /** Starts (or starts again) an instance; resolves when it listens. */
  start(name: string): Promise<Instance>;
  /** SIGTERM, as App Service stops an instance; resolves with its exit code. */
  stop(name: string): Promise<number | null>;
  /** SIGKILL: the instance dies at once. */
  kill(name: string): Promise<void>;
  /** Waits until /readyz of every running instance is 200 and one of them leads. */
  ready(): Promise<void>;
  /** Which running instance leads, as its /readyz says. */
  leader(): Promise<string | undefined>;
  bearer(roles?: string[]): Promise<Record<string, string>>;
  stopAll(): Promise<void>;
}

interface ReadyBody {
  status: string;
  checks: Record<string, { ok: boolean; problem?: string; detail?: string }>;
}

async function readyz(url: string): Promise<{ status: number; body?: ReadyBody }> {
  try {
    const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) });
    return { status: response.status, body: (await response.json()) as ReadyBody };
  } catch {
    return { status: 0 };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const work = mkdtempSync(path.join(tmpdir(), "nmirf-fleet-"));
  const emulator = await startGraphEmulator({ dataFile: ":memory:", hostname: SITE.hostname, sites: [SITE.path] });
  const azurite = await startAzurite({ location: path.join(work, "azurite") });
  const connector = new FakeConnector();
  const serviceUrl = await connector.start();
  const caFile = path.join(work, "graph-ca.pem");
  writeFileSync(caFile, emulator.caCertificate);
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const signingKey: CryptoKey = privateKey;
  const key: JWK = { ...(await exportJWK(publicKey)), kid: "fleet-key", alg: "RS256", use: "sig" };
  const jwks: Server = createServer((_req, res) => res.setHeader("content-type", "application/json").end(JSON.stringify({ keys: [key] })));
  await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));

  const client: GraphClient = createGraphClient({ endpoint: emulator.origin, auth: new StaticTokenProvider(emulator.accessToken), trustedCa: emulator.caCertificate, retry: FAST_RETRIES });
  const store = await openSharePointStore(client, SITE, { provision: true });
  const repos = store.repositories;
  const seeded = await seed(repos, options, serviceUrl);

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? work,
    NMIRF_ENV: "ci",
    NMIRF_MODE: "tenant",
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_LEVEL: "warn",
    AAD_TENANT_ID: TENANT,
    AAD_CLIENT_ID: CLIENT_ID,
    AAD_CLIENT_SECRET: "unused",
    TAB_DOMAIN,
    GRAPH_SITE_HOSTNAME: SITE.hostname,
    GRAPH_SITE_PATH: SITE.path,
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    LEADER_LEASE_SECONDS: String(options.leaderLeaseSeconds ?? 15),
    NMIRF_OUTBOX_CLAIM_LEASE_SECONDS: String(options.claimLeaseSeconds ?? 15),
    NMIRF_SENDING_INSTANCES: String(options.instances.length),
    NMIRF_SEND_RATE_PER_SECOND: String(options.rate),
    NMIRF_TELEMETRY: "off",
    SHUTDOWN_GRACE_MS: "10000",
    // Three probe intervals of the balancer: it takes a stopping instance out before its port closes.
    SHUTDOWN_DRAIN_MS: "600",
    // The test's many calls come from one person: the per-person limit is not what is tested here.
    RATE_LIMIT_PER_MINUTE: "100000",
    RATE_LIMIT_BURST: "10000",
    NMIRF_TEST_GRAPH_ENDPOINT: emulator.origin,
    NMIRF_TEST_GRAPH_CA_FILE: caFile,
    NMIRF_TEST_GRAPH_TOKEN: emulator.accessToken,
    NMIRF_TEST_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`,
  };

  const instances = new Map<string, Instance>();
  const inRotation = new Set<string>();
  let probing = true;
  const probe = (async () => {
    while (probing) {
      await Promise.all(
        [...instances.values()].map(async (instance) => {
          const alive = instance.child.exitCode === null && instance.child.signalCode === null;
          const ready = alive && (await readyz(instance.url)).status === 200;
          if (ready) inRotation.add(instance.name);
          else inRotation.delete(instance.name);
        }),
      );
      await sleep(200);
    }
  })();

  let turn = 0;
  const balancer = createServer((req, res) => void balance(req, res));
  async function balance(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const names = [...inRotation].sort();
      const target = names.length ? instances.get(names[turn++ % names.length]!) : undefined;
      if (!target) {
        await sleep(100);
        continue;
      }
      const outcome = await forward(target.url, req, body, res);
      if (outcome === "answered") return;
      // Refused: the instance was not listening (any more). Nothing reached it: another takes the call.
      inRotation.delete(target.name);
    }
    res.writeHead(502, { "content-type": "application/json" }).end(JSON.stringify({ error: "no instance took the call" }));
  }
  await new Promise<void>((resolve) => balancer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(balancer.address() as AddressInfo).port}`;

  async function start(name: string): Promise<Instance> {
    const child = spawn(process.execPath, [path.join(ROOT, "bin", "nmirf.js"), "start", "--tenant"], { cwd: work, env: { ...env, NMIRF_INSTANCE_ID: name }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
    const listening = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`instance ${name} did not start:\n${output}`)), 120_000);
      const onData = () => {
        const match = /NMIRF server \(tenant mode\): (http:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          child.stdout!.off("data", onData);
          resolve(match[1]!);
        }
      };
      child.stdout!.on("data", onData);
      void exited.then(({ code }) => {
        clearTimeout(timer);
        reject(new Error(`instance ${name} exited (${code}):\n${output}`));
      });
    });
    const instance: Instance = { name, child, url: listening, output: () => output, exited };
    instances.set(name, instance);
    return instance;
  }

  async function stop(name: string): Promise<number | null> {
    const instance = instances.get(name);
    if (!instance || instance.child.exitCode !== null || instance.child.signalCode !== null) return instance?.child.exitCode ?? null;
    instance.child.kill("SIGTERM");
    return (await instance.exited).code;
  }

  async function kill(name: string): Promise<void> {
    const instance = instances.get(name);
    if (!instance || instance.child.exitCode !== null || instance.child.signalCode !== null) return;
    instance.child.kill("SIGKILL");
    await instance.exited;
  }

  const running = () => [...instances.values()].filter((i) => i.child.exitCode === null && i.child.signalCode === null);

  async function leader(): Promise<string | undefined> {
    for (const instance of running()) {
      const { body } = await readyz(instance.url);
      if (body?.checks.leader?.detail?.startsWith("this instance leads")) return instance.name;
    }
    return undefined;
  }

  async function ready(): Promise<void> {
    for (let i = 0; i < 400; i += 1) {
      const answers = await Promise.all(running().map((instance) => readyz(instance.url)));
      if (answers.every((a) => a.status === 200) && (await leader())) return;
      await sleep(250);
    }
    throw new Error(`the instances never were all ready: ${JSON.stringify(await Promise.all(running().map((i) => readyz(i.url))))}`);
  }

  async function bearer(roles: string[] = ["Secretariat"]): Promise<Record<string, string>> {
    const token = await new SignJWT({ tid: TENANT, oid: "00000000-0000-4000-8000-000000000001", name: "Maja Novak", preferred_username: "maja@gov.example", roles })
      .setProtectedHeader({ alg: "RS256", kid: "fleet-key", typ: "JWT" })
      .setIssuer(ISSUER)
      .setAudience(`api://${TAB_DOMAIN}/${CLIENT_ID}`)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(signingKey);
    return { authorization: `Bearer ${token}` };
  }

  async function stopAll(): Promise<void> {
    await Promise.all([...instances.keys()].map((name) => stop(name).catch(() => undefined)));
    probing = false;
    await probe;
    await new Promise<void>((resolve) => balancer.close(() => resolve()));
    balancer.closeAllConnections();
    await new Promise<void>((resolve) => jwks.close(() => resolve()));
    await connector.stop();
    await client.close();
    await azurite.stop();
    await emulator.stop();
    rmSync(work, { recursive: true, force: true });
  }

  return { emulator, azurite, connector, repos, ...seeded, rate: options.rate, url, instances, start, stop, kill, ready, leader, bearer, stopAll };
}

/** Forwards one call to an instance: "answered" once its answer is passed on, "refused" when it never reached the instance. */
function forward(target: string, req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<"answered" | "refused"> {
  return new Promise((resolve) => {
    const upstream = httpRequest(`${target}${req.url ?? "/"}`, { method: req.method, headers: { ...req.headers, host: new URL(target).host, connection: "close" }, agent: false }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on("end", () => resolve("answered"));
      answer.on("error", () => {
        res.destroy();
        resolve("answered");
      });
    });
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNREFUSED" && !res.headersSent) return resolve("refused");
      // Reached the instance and lost: the caller sees it fail, as it would behind App Service.
      if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" }).end(JSON.stringify({ error: `the instance dropped the call: ${error.code ?? error.message}` }));
      else res.destroy();
      resolve("answered");
    });
    upstream.end(body);
  });
}

async function seed(repos: Repositories, options: FleetOptions, serviceUrl: string) {
  const now = new Date();
  const ministries = await repos.ministries.createMany(Array.from({ length: options.ministries }, (_, i) => ({ name: `Ministry ${i + 1}` })));
  const ministryIds = ministries.map((result) => (result.ok ? result.record.id : ""));
  await repos.focalPoints.createMany(
    ministryIds.map((ministryId, i) => ({ ministryId, role: "technical" as const, userId: `fp-${i + 1}`, displayName: `Focal Point ${i + 1}`, email: `fp-${i + 1}@gov.example`, activeFrom: "2026-01-01T00:00:00.000Z" })),
  );
  await repos.conversations.createMany(
    ministryIds.map((_, i) => ({
      userId: `fp-${i + 1}`,
      reference: { channelId: "msteams", serviceUrl, bot: { id: "28:bot" }, user: { id: `29:fp-${i + 1}`, aadObjectId: `fp-${i + 1}` }, conversation: { id: `a:chat-fp-${i + 1}`, conversationType: "personal" } },
      locale: "en-GB",
      updatedAt: now.toISOString(),
    })),
  );
  const total = options.recommendations + options.reminderRequests;
  const recommendations = await repos.recommendations.createMany(
    Array.from({ length: total }, (_, i) => ({
      key: recommendationKey("A/HRC/59/15", `150.${i + 1}`),
      text: `Recommendation ${i + 1}: strengthen the national human rights institution`,
      mechanism: "UPR" as const,
      documentSymbol: "A/HRC/59/15",
      paragraph: `150.${i + 1}`,
      leadMinistryId: ministryIds[i % ministryIds.length]!,
    })),
  );
  const allIds = recommendations.map((result) => (result.ok ? result.record.id : "0"));
  const report = await repos.reports.create({ title: "UPR national report", mechanism: "UPR", type: "upr-national", dueDate: "2027-12-01", timeZone: "UTC", createdAt: now.toISOString() });

  // A report whose requests went out twenty days ago, due in five days: the reminder ten days before is due now.
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const reminding = await repos.reports.create({
    title: "CAT periodic report",
    mechanism: "UPR",
    type: "upr-national",
    dueDate: day(30),
    timeZone: "UTC",
    createdAt: now.toISOString(),
    reminderPolicy: { remindDaysBefore: [10], escalateDaysAfter: 1, sendAt: "00:00", dailyDigest: false },
  });
  const sentAt = new Date(now.getTime() - 20 * 86_400_000).toISOString();
  const reminderIds = allIds.slice(options.recommendations);
  const reminderRequests = await repos.requests.createMany(
    reminderIds.map((recommendationId, i) => {
      const ministryId = ministryIds[(options.recommendations + i) % ministryIds.length]!;
      return {
        key: `${reminding.id}|recommendation:${recommendationId}|${ministryId}`,
        reportId: reminding.id,
        subject: { kind: "recommendation" as const, recommendationId },
        recommendationId,
        ministryId,
        ask: "What has your ministry done since the last report?",
        dueDate: day(5),
        status: "sent" as const,
        createdAt: sentAt,
        sentAt,
        createdBy: "sec-1",
      };
    }),
  );
  return {
    reportId: report.id,
    recommendationIds: allIds.slice(0, options.recommendations),
    reminderRequestIds: reminderRequests.map((result) => (result.ok ? result.record.id : "")),
  };
}

/** What came of the fan-out and the reminders, as the secretariat and the focal points would see it. */
export async function fleetOutcome(fleet: Fleet) {
  const requests = (await queryAll(fleet.repos.requests, { where: [{ field: "reportId", op: "eq", value: fleet.reportId }] }));
  const entries = await queryAll(fleet.repos.outbox);
  const cards = entries.filter((e) => e.notification.kind === "request");
  const reminders = entries.filter((e) => e.notification.kind === "reminder");
  const cardsOf = new Map<string, number>();
  for (const card of cards) if (card.notification.kind === "request") cardsOf.set(card.notification.requestId, (cardsOf.get(card.notification.requestId) ?? 0) + 1);
  const accepted = fleet.connector.acceptedByKey;
  const remindersOf = new Map<string, number>();
  for (const entry of reminders) if (entry.notification.kind === "reminder") remindersOf.set(entry.notification.requestId, (remindersOf.get(entry.notification.requestId) ?? 0) + (accepted.get(entry.key) ?? 0));
  return {
    requests: requests.length,
    duplicatedRequests: requests.length - new Set(requests.map((r) => r.key)).size,
    withoutExactlyOneCard: requests.filter((r) => cardsOf.get(r.id) !== 1).length,
    notSent: requests.filter((r) => r.status !== "sent").length,
    /** Cards queued that Teams never accepted: must be 0. */
    lost: cards.filter((c) => !accepted.has(c.key)).length,
    duplicated: cards.filter((c) => (accepted.get(c.key) ?? 0) > 1).map((c) => c.key),
    /** Reminder requests whose reminder reached the focal point other than exactly once. */
    remindersNotOnce: fleet.reminderRequestIds.filter((id) => remindersOf.get(id) !== 1).length,
    reminderEntries: reminders.length,
    pending: entries.filter((e) => e.status === "pending" || e.status === "sending").length,
  };
}

/** The most messages (new cards and updates) the connector accepted in any window of `windowMs`. */
export function peakSends(connector: FakeConnector, windowMs = 1_000): number {
  const times = [...connector.sent, ...connector.updates].map((r) => r.at).sort((a, b) => a - b);
  let peak = 0;
  let from = 0;
  for (let to = 0; to < times.length; to += 1) {
    while (times[to]! - times[from]! >= windowMs) from += 1;
    peak = Math.max(peak, to - from + 1);
  }
  return peak;
}
