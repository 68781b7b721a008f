/**
 * What production runs: the output of `npm run build`, installed with the production
 * dependencies only (no TypeScript source, no tsx, no development dependency: no Graph
 * emulator, no SQLite, no Azurite), started on Node.js 24 (the App Service runtime, from the npm
 * registry) in tenant mode. Microsoft Graph is the Graph emulator and Entra ID's signing keys a
 * key set the test serves on loopback (NMIRF_TEST_*); the Storage account is Azurite. Two
 * instances share them: one leads, and an import previewed on one is committed on the other.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { startGraphEmulator, type RunningGraphEmulator } from "../../graph/emulator";
import { startAzurite, type RunningAzurite } from "../../server/local/azurite";
import { uhriCsv, uhriUprRecords } from "../import/support/files";
import { productionNode } from "./support/production-node";

const ROOT = path.resolve(__dirname, "..", "..");
const TENANT = "11111111-2222-4333-8444-555555555555";
const CLIENT_ID = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const TAB_DOMAIN = "nmirf.example.gov";
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
const DEV_ONLY = ["tsx", "typescript", "better-sqlite3", "selfsigned", "azurite", "jest", "vite", "@microsoft/m365agentsplayground"];

/** dist/ as `npm run build` wrote it, built now when it is not the build of these sources. */
function ensureBuilt(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the launcher's plain-JavaScript fingerprint
  const stamp = require("../../bin/build-stamp.js") as { isBuildCurrent(): boolean };
  if (stamp.isBuildCurrent()) return;
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), path.join(ROOT, "scripts", "build.ts")], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], timeout: 600_000, env: { ...process.env, NODE_ENV: "production" } });
}

/** The build and the production dependencies (hard links to this checkout's), outside the checkout so that nothing else resolves. */
function install(): string {
  const app = path.join(mkdtempSync(path.join(tmpdir(), "nmirf-built-")), "app");
  cpSync(path.join(ROOT, "dist"), app, { recursive: true });
  const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean }> };
  mkdirSync(path.join(app, "node_modules"));
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key.startsWith("node_modules/") || key.lastIndexOf("node_modules/") !== 0 || entry.dev) continue;
    const target = path.join(app, key);
    mkdirSync(path.dirname(target), { recursive: true });
    execFileSync("cp", ["-al", path.join(ROOT, key), target]);
  }
  return app;
}

interface Instance {
  child: ChildProcess;
  url: string;
  output: () => string;
}

async function startInstance(node: string, app: string, env: Record<string, string>): Promise<Instance> {
  const child = spawn(node, ["--enable-source-maps", path.join(app, "bin", "nmirf.js"), "start", "--tenant"], { cwd: app, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the built server did not start:\n${output}`)), 90_000);
    const onData = () => {
      const match = /NMIRF server \(tenant mode\): (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the built server exited (${code}):\n${output}`));
    });
  });
  return { child, url, output: () => output };
}

async function stopInstance(instance: Instance | undefined): Promise<number | null> {
  if (!instance || instance.child.exitCode !== null) return instance?.child.exitCode ?? null;
  const exited = new Promise<number | null>((resolve) => instance.child.once("exit", (code) => resolve(code)));
  instance.child.kill("SIGTERM");
  return exited;
}

/** Polls /readyz until `until` holds for its answer (bounded: an event awaited, not a timing asserted). */
async function readiness(url: string, until: (body: ReadyBody) => boolean): Promise<{ status: number; body: ReadyBody }> {
  let last: { status: number; body: ReadyBody } | undefined;
  for (let i = 0; i < 120; i += 1) {
    const response = await fetch(`${url}/readyz`);
    last = { status: response.status, body: (await response.json()) as ReadyBody };
    if (until(last.body)) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`/readyz never said so: ${JSON.stringify(last)}`);
}

interface ReadyBody {
  status: string;
  checks: Record<string, { ok: boolean; problem?: string; detail?: string }>;
}

let app: string;
let node24: string;
let emulator: RunningGraphEmulator;
let azurite: RunningAzurite;
let jwks: Server;
let signingKey: CryptoKey;
let env: Record<string, string>;
let first: Instance | undefined;
let second: Instance | undefined;
const work = mkdtempSync(path.join(tmpdir(), "nmirf-prod-"));

async function token(roles: string[] = ["Secretariat"]): Promise<string> {
  return new SignJWT({ tid: TENANT, oid: "00000000-0000-4000-8000-000000000001", name: "Maja Novak", preferred_username: "maja@gov.example", roles })
    .setProtectedHeader({ alg: "RS256", kid: "ci-key", typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(`api://${TAB_DOMAIN}/${CLIENT_ID}`)
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(signingKey);
}

beforeAll(async () => {
  ensureBuilt();
  app = install();
  node24 = productionNode();
  emulator = await startGraphEmulator({ dataFile: ":memory:", hostname: "contoso.sharepoint.com", sites: ["/sites/nmirf"], appId: CLIENT_ID });
  azurite = await startAzurite({ location: path.join(work, "azurite") });
  const caFile = path.join(work, "graph-ca.pem");
  writeFileSync(caFile, emulator.caCertificate);
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  signingKey = privateKey;
  const key: JWK = { ...(await exportJWK(publicKey)), kid: "ci-key", alg: "RS256", use: "sig" };
  jwks = createServer((_req, res) => res.setHeader("content-type", "application/json").end(JSON.stringify({ keys: [key] })));
  await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
  env = {
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
    GRAPH_SITE_HOSTNAME: "contoso.sharepoint.com",
    GRAPH_SITE_PATH: "/sites/nmirf",
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    LEADER_LEASE_SECONDS: "15",
    NMIRF_TELEMETRY: "off",
    NMIRF_TEST_GRAPH_ENDPOINT: emulator.origin,
    NMIRF_TEST_GRAPH_CA_FILE: caFile,
    NMIRF_TEST_GRAPH_TOKEN: emulator.accessToken,
    NMIRF_TEST_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`,
  };
  // The lists, created by the built command line as `teamsapp deploy` does before the new code runs
  // (asynchronously: the emulator answers from this process).
  await promisify(execFile)(node24, [path.join(app, "bin", "nmirf.js"), "provision"], { cwd: app, env, timeout: 120_000 });
}, 900_000);

afterAll(async () => {
  await stopInstance(first);
  await stopInstance(second);
  await azurite?.stop();
  await emulator?.stop();
  await new Promise<void>((resolve) => (jwks ? jwks.close(() => resolve()) : resolve()));
  rmSync(work, { recursive: true, force: true });
  if (app) rmSync(path.dirname(app), { recursive: true, force: true });
});

describe("the production build", () => {
  test("holds no TypeScript source and no development dependency, and its command line prints its version", () => {
    const sources = readdirSync(app, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") && !e.parentPath.includes("node_modules"));
    expect(sources).toEqual([]);
    for (const name of DEV_ONLY) expect(existsSync(path.join(app, "node_modules", name))).toBe(false);
    const version = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    for (const node of [node24, process.execPath]) {
      expect(execFileSync(node, [path.join(app, "bin", "nmirf.js"), "--version"], { cwd: app, encoding: "utf8" }).trim()).toBe(version);
    }
    expect(execFileSync(node24, [path.join(app, "bin", "nmirf.js"), "--help"], { cwd: app, encoding: "utf8" })).toMatch(/provision/);
  });

  test("runs on Node.js 24 in tenant mode: /healthz, /readyz, and an API call with a token from the trusted key set", async () => {
    expect(execFileSync(node24, ["--version"], { encoding: "utf8" }).trim()).toMatch(/^v24\./);
    first = await startInstance(node24, app, { ...env, NMIRF_INSTANCE_ID: "instance-a" });
    const health = await fetch(`${first.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", mode: "tenant" });

    const ready = await readiness(first.url, (body) => body.status === "ready");
    expect(ready.body.checks.leader).toEqual({ ok: true, detail: "this instance leads (reminders, outbox recovery)" });
    expect(ready.body.checks.graph).toEqual({ ok: true });

    const refused = await fetch(`${first.url}/api/recommendations`);
    expect(refused.status).toBe(401);
    const answered = await fetch(`${first.url}/api/recommendations`, { headers: { authorization: `Bearer ${await token()}` } });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ items: [] });

    // The Azure Monitor distribution loads on this runtime from the production install (it is started only with a connection string).
    expect(execFileSync(node24, ["-e", "require('@azure/monitor-opentelemetry'); console.log('loaded')"], { cwd: app, encoding: "utf8" }).trim()).toBe("loaded");
  });

  test("a second instance follows the leader, and commits an import the first previewed", async () => {
    second = await startInstance(process.execPath, app, { ...env, NMIRF_INSTANCE_ID: "instance-b" });
    const follower = await readiness(second.url, (body) => body.checks.leader?.ok === true);
    expect(follower.body.checks.leader!.detail).toBe("another instance leads");

    const csv = uhriCsv(uhriUprRecords(2));
    const bearer = { authorization: `Bearer ${await token()}` };
    const upload = await fetch(`${first!.url}/api/imports?fileName=uhri.csv`, { method: "POST", headers: { ...bearer, "content-type": "text/csv" }, body: csv });
    const preview = (await upload.json()) as { id: string };
    expect(upload.status).toBe(201);

    const seen = await fetch(`${second!.url}/api/imports/${preview.id}`, { headers: bearer });
    expect(seen.status).toBe(200);
    const commit = await fetch(`${second!.url}/api/imports/${preview.id}/commit`, { method: "POST", headers: bearer });
    expect(commit.status).toBe(200);
    const again = await fetch(`${first!.url}/api/imports/${preview.id}/commit`, { method: "POST", headers: bearer });
    expect(again.status).toBe(404);
    expect(await commit.json()).toMatchObject({ created: 2 });
    const listed = (await (await fetch(`${first!.url}/api/recommendations`, { headers: bearer })).json()) as { items: unknown[] };
    expect(listed.items).toHaveLength(2);
  });

  test("the leader that stops hands over; /readyz names Graph unreachable; both stop cleanly", async () => {
    expect(await stopInstance(first)).toBe(0);
    const leader = await readiness(second!.url, (body) => body.checks.leader?.detail === "this instance leads (reminders, outbox recovery)");
    expect(leader.status).toBe(200);
    await emulator.stop();
    const down = await readiness(second!.url, (body) => body.checks.graph?.ok === false);
    expect(down.status).toBe(503);
    expect(down.body.checks.graph!.problem).toMatch(/Microsoft Graph is unreachable/);
    expect(await stopInstance(second)).toBe(0);
  });
});
