/**
 * A mechanism on the Graph emulator for the fan-out crash test and benchmark: ministries each
 * with one technical focal point who has a chat with the bot (at a loopback Bot Connector),
 * recommendations led in turn by each ministry, and a report. The emulator and the connector run
 * in this process; the bot process is a child (child.ts) that a test kills and starts again.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { queryAll, type Repositories } from "../../../core/ports/repository";
import { recommendationKey } from "../../../core/recommendations/recommendation";
import { FakeConnector } from "../../../bot/testing/fake-connector";
import { startEmulatedSite, type EmulatedSite } from "../emulated-site";

export const SECRETARIAT = { id: "sec-1", displayName: "Sara Secretariat", email: "sara@gov.example", roles: ["Secretariat" as const] };
const CHILD = path.join(__dirname, "child.ts");

export interface FanOutMechanism {
  site: EmulatedSite;
  connector: FakeConnector;
  repos: Repositories;
  reportId: string;
  recommendationIds: string[];
  ministries: number;
  directory: string;
  /** Starts the bot process: it asks about every recommendation (as the secretariat) and sends the cards. */
  startChild(options: { rate: number; leaseMs: number }): ChildRun;
  /** What the bot process had recorded of each send accepted by the connector (receipt log and outbox). */
  recordedSends(): Promise<Set<string>>;
  stop(): Promise<void>;
}

export interface ChildRun {
  child: ChildProcess;
  /** Resolves when the process exits: its last report, or `killed`. */
  done: Promise<{ killed: boolean; stats?: Record<string, number>; ms?: number }>;
}

export async function startFanOutMechanism(options: { recommendations: number; ministries: number }): Promise<FanOutMechanism> {
  const site = await startEmulatedSite();
  const store = await site.open();
  const repos = store.repositories;
  const connector = new FakeConnector();
  const serviceUrl = await connector.start();
  const directory = mkdtempSync(path.join(tmpdir(), "fan-out-"));
  const now = new Date().toISOString();

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
      updatedAt: now,
    })),
  );
  const recommendations = await repos.recommendations.createMany(
    Array.from({ length: options.recommendations }, (_, i) => ({
      key: recommendationKey("A/HRC/59/15", `140.${i + 1}`),
      text: `Recommendation ${i + 1}: strengthen the national human rights institution`,
      mechanism: "UPR" as const,
      documentSymbol: "A/HRC/59/15",
      paragraph: `140.${i + 1}`,
      leadMinistryId: ministryIds[i % ministryIds.length]!,
    })),
  );
  const report = await repos.reports.create({ title: "UPR national report", mechanism: "UPR", type: "upr-national", dueDate: "2027-12-01", timeZone: "UTC", createdAt: now });
  const caFile = path.join(directory, "ca.pem");
  writeFileSync(caFile, site.emulator.caCertificate);
  const receipts = path.join(directory, "receipts.log");
  const recommendationIds = recommendations.map((result) => (result.ok ? result.record.id : "0"));
  writeFileSync(path.join(directory, "subjects.json"), JSON.stringify(recommendationIds));

  const mechanism: FanOutMechanism = {
    site,
    connector,
    repos,
    reportId: report.id,
    recommendationIds,
    ministries: options.ministries,
    directory,
    startChild({ rate, leaseMs }) {
      const child = spawn(process.execPath, ["--import", "tsx", CHILD], {
        env: {
          ...process.env,
          FAN_OUT_GRAPH: site.emulator.origin,
          FAN_OUT_TOKEN: site.emulator.accessToken,
          FAN_OUT_CA: caFile,
          FAN_OUT_SITE: site.siteId,
          FAN_OUT_REPORT: report.id,
          FAN_OUT_SUBJECTS: path.join(directory, "subjects.json"),
          FAN_OUT_RECEIPTS: receipts,
          FAN_OUT_RATE: String(rate),
          FAN_OUT_LEASE_MS: String(leaseMs),
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const done = new Promise<{ killed: boolean; stats?: Record<string, number>; ms?: number }>((resolve, reject) => {
        child.on("exit", (code, signal) => {
          if (signal === "SIGKILL") return resolve({ killed: true });
          const line = output.split("\n").find((l) => l.startsWith('{"event":"done"'));
          if (code !== 0 || !line) return reject(new Error(`the bot process failed (${code}): ${output.slice(-2000)}`));
          const parsed = JSON.parse(line) as { stats: Record<string, number>; ms: number };
          resolve({ killed: false, stats: parsed.stats, ms: parsed.ms });
        });
      });
      return { child, done };
    },
    async recordedSends() {
      const entries = await queryAll(repos.outbox);
      const byId = new Map(entries.map((e) => [e.id, e.key]));
      const recorded = new Set(entries.filter((e) => e.status === "sent").map((e) => e.key));
      if (existsSync(receipts)) {
        for (const line of readFileSync(receipts, "utf8").split("\n").filter(Boolean)) {
          const key = byId.get((JSON.parse(line) as { entryId: string }).entryId);
          if (key) recorded.add(key);
        }
      }
      return recorded;
    },
    async stop() {
      await connector.stop();
      await site.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
  return mechanism;
}

/** The fan-out as it stands: requests, their cards (outbox entries) and their audit entries, and what the connector accepted. */
export async function fanOutOutcome(mechanism: FanOutMechanism) {
  const requests = await queryAll(mechanism.repos.requests);
  const cards = (await queryAll(mechanism.repos.outbox)).filter((e) => e.notification.kind === "request");
  const audit = (await queryAll(mechanism.repos.audit, { where: [{ field: "action", op: "eq", value: "request.created" }] }));
  const cardsOf = new Map<string, number>();
  for (const card of cards) if (card.notification.kind === "request") cardsOf.set(card.notification.requestId, (cardsOf.get(card.notification.requestId) ?? 0) + 1);
  const auditOf = new Map<string, number>();
  for (const entry of audit) auditOf.set(entry.entityId, (auditOf.get(entry.entityId) ?? 0) + 1);
  const keys = new Set(requests.map((r) => r.key));
  return {
    requests: requests.length,
    /** Requests with the same key twice: must be 0. */
    duplicatedRequests: requests.length - keys.size,
    withoutExactlyOneCard: requests.filter((r) => cardsOf.get(r.id) !== 1).length,
    withoutExactlyOneAudit: requests.filter((r) => auditOf.get(r.id) !== 1).length,
    notSent: requests.filter((r) => r.status !== "sent").length,
    cardsLost: cards.filter((c) => !mechanism.connector.acceptedByKey.has(c.key)).length,
    cardsDuplicated: cards.filter((c) => (mechanism.connector.acceptedByKey.get(c.key) ?? 0) > 1).map((c) => c.key),
  };
}

/** The writes (items created, updated, deleted) the emulator has served: a run's progress, unlike its reads, does not depend on how often a waiting sender polls. */
export function writesServed(mechanism: FanOutMechanism): number {
  const byKind = mechanism.site.emulator.counters().byKind;
  return (byKind["list-items.create"] ?? 0) + (byKind["list-items.update"] ?? 0) + (byKind["list-items.delete"] ?? 0);
}

/** Kills the child when the emulator has served `afterWrites` writes (polled every 2 ms). */
export function killAfter(mechanism: FanOutMechanism, run: ChildRun, afterWrites: number): Promise<{ acceptedBeforeKill: Set<string> }> {
  const start = writesServed(mechanism);
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (writesServed(mechanism) - start < afterWrites && run.child.exitCode === null) return;
      clearInterval(timer);
      const snapshot = () => setTimeout(() => resolve({ acceptedBeforeKill: new Set(mechanism.connector.acceptedByKey.keys()) }), 200);
      if (run.child.exitCode !== null) return snapshot();
      // A send the process wrote before it died still reaches the connector: what was accepted
      // "before the kill" is read once the process is gone and its last requests have landed.
      run.child.once("exit", snapshot);
      run.child.kill("SIGKILL");
    }, 2);
  });
}
