/**
 * The bot's outbox against a loopback Bot Connector that answers 10% of sends with
 * 429 + Retry-After: 1 s. 1,000 request cards to 1,000 focal points.
 *
 * - bot-outbox-1000: time to send them all, as a ratio to the ideal at the configured rate
 *   (1000 / rate seconds); messages lost and duplicated (both must be 0).
 * - bot-outbox-kill-*: the bot process is killed with SIGKILL half way and restarted; lost and
 *   duplicated again. "random" kills at a random instant near half way (a random message count
 *   between 450 and 550, plus a random fraction of one send interval); "in-flight" kills while
 *   the connector holds the 500th message: the window the design cannot close (the message is
 *   accepted and the bot dies before hearing it, so it is sent again: a duplicate, never a loss).
 *   Both run with the receipt log on; "in-flight-no-receipt-log" shows what it saves: without
 *   it, every message accepted but not yet recorded in the outbox is sent twice.
 *
 * The outbox is a store whose writes take `BENCH_STORE_LATENCY_MS` (default 100 ms, like a
 * SharePoint item update over Graph), kept in a journal so that it survives the kill.
 * `BENCH_BOT_RATE` sets the configured rate (default 30 messages per second). The two in-flight
 * kills run at 60 per second or the configured rate if higher, to keep the whole bench near
 * three minutes (a busier sender has more messages in the window).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { systemClock } from "../core/ports/clock";
import { queryAll } from "../core/ports/repository";
import { FakeConnector } from "../bot/testing/fake-connector";
import { seededRandom } from "../graph/emulator/faults";
import { result, type Benchmark, type BenchResult } from "./harness";
import { openJournaledRepositories } from "./bot-support/journaled-repositories";
import { FOCAL_POINTS, seed } from "./bot-support/mechanism";

const RATE = Number(process.env.BENCH_BOT_RATE ?? "30");
const LEASE_MS = 2_000;
const IN_FLIGHT_RATE = Math.max(RATE, 60);
const STORE_LATENCY_MS = Number(process.env.BENCH_STORE_LATENCY_MS ?? "100");
const CHILD = path.join(__dirname, "bot-support", "sender-child.ts");

interface ChildRun {
  child: ChildProcess;
  done: Promise<{ ms?: number; stats?: Record<string, number>; killed: boolean }>;
}

function startChild(journal: string, receipts: string | undefined, rate: number): ChildRun {
  const child = spawn(process.execPath, [...process.execArgv, CHILD], {
    env: { ...process.env, BENCH_JOURNAL: journal, BENCH_RATE: String(rate), BENCH_LEASE_MS: String(LEASE_MS), BENCH_RECEIPTS: receipts ?? "", BENCH_STORE_LATENCY_MS: String(STORE_LATENCY_MS) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<{ ms?: number; stats?: Record<string, number>; killed: boolean }>((resolve, reject) => {
    child.on("exit", (code, signal) => {
      if (signal === "SIGKILL") return resolve({ killed: true });
      const line = output.split("\n").find((l) => l.includes('"done"'));
      if (code !== 0 || !line) return reject(new Error(`the bot process failed (${code}): ${output.slice(-500)}`));
      const parsed = JSON.parse(line) as { ms: number; stats: Record<string, number> };
      resolve({ ms: parsed.ms, stats: parsed.stats, killed: false });
    });
  });
  return { child, done };
}

interface Scenario {
  name: string;
  /** When to kill the bot (none: let it finish). */
  kill?: { kind: "random"; afterAccepted: number; extraMs: number } | { kind: "in-flight"; atRequest: number };
  receiptLog: boolean;
  rate: number;
}

async function runScenario(scenario: Scenario): Promise<BenchResult[]> {
  const directory = mkdtempSync(path.join(tmpdir(), "bot-bench-"));
  const journal = path.join(directory, "store.jsonl");
  const receipts = scenario.receiptLog ? path.join(directory, "receipts.log") : undefined;
  const rng = seededRandom(42);
  let accepted = 0;
  let throttledAnswers = 0;
  let arrivals = 0;
  let current: ChildRun | undefined;
  const connector = new FakeConnector({
    fault: (request) => {
      if (request.method !== "POST" || !request.conversationId) return undefined;
      arrivals += 1;
      if (scenario.kill?.kind === "in-flight" && arrivals === scenario.kill.atRequest) current?.child.kill("SIGKILL");
      if (rng() < 0.1) {
        throttledAnswers += 1;
        return { status: 429, headers: { "Retry-After": "1" } };
      }
      accepted += 1;
      if (scenario.kill?.kind === "random" && accepted === scenario.kill.afterAccepted) {
        const victim = current;
        setTimeout(() => victim?.child.kill("SIGKILL"), scenario.kill.extraMs);
      }
      return undefined;
    },
  });
  await connector.start();
  try {
    const seeded = await seed(await openJournaledRepositories(journal), systemClock, connector.url);
    if (seeded !== FOCAL_POINTS) throw new Error(`seeded ${seeded} requests`);

    const runs: { ms?: number; stats?: Record<string, number>; killed: boolean }[] = [];
    current = startChild(journal, receipts, scenario.rate);
    runs.push(await current.done);
    const acceptedBeforeRestart = [...connector.acceptedByKey.values()].reduce((a, b) => a + b, 0);
    if (runs[0]!.killed) {
      current = startChild(journal, receipts, scenario.rate);
      runs.push(await current.done);
    }

    const entries = (await queryAll((await openJournaledRepositories(journal)).outbox)).filter((e) => e.notification.kind === "request");
    const lost = entries.filter((e) => !connector.acceptedByKey.has(e.key)).length;
    const duplicated = entries.filter((e) => (connector.acceptedByKey.get(e.key) ?? 0) > 1).length;
    const notSent = entries.filter((e) => e.status !== "sent").length;
    const finished = runs[runs.length - 1]!;
    const idealMs = (FOCAL_POINTS / scenario.rate) * 1000;
    const common = { rate: scenario.rate, storeWriteMs: STORE_LATENCY_MS, messages: entries.length, answered429: throttledAnswers };
    if (!scenario.kill) {
      const sends = connector.requests.length;
      return [
        result(`${scenario.name}-time`, finished.ms!, "ms", {
          ideal: idealMs,
          ...common,
          sends,
          // Every 429 also spent a slot of the rate: the floor with the retries counted.
          idealWithRetriesMs: Math.round((sends / scenario.rate) * 1000),
          ratioToIdealWithRetries: Math.round((finished.ms! / ((sends / scenario.rate) * 1000)) * 1000) / 1000,
        }),
        result(`${scenario.name}-lost`, lost, "messages", { ideal: 0, notSent }),
        result(`${scenario.name}-duplicated`, duplicated, "messages", { ideal: 0 }),
      ];
    }
    return [
      result(`${scenario.name}-lost`, lost, "messages", { ideal: 0, ...common, notSent, acceptedBeforeKill: acceptedBeforeRestart, killed: runs[0]!.killed }),
      result(`${scenario.name}-duplicated`, duplicated, "messages", {
        ideal: 0,
        receiptLog: scenario.receiptLog,
        settledFromReceipts: finished.stats?.settledFromReceipts ?? 0,
        sentAgainAfterLease: finished.stats?.recovered ?? 0,
        restartedRunMs: Math.round(finished.ms ?? 0),
      }),
    ];
  } finally {
    current?.child.kill("SIGKILL");
    await connector.stop();
    rmSync(directory, { recursive: true, force: true });
  }
}

export const benchmarks: Benchmark[] = [
  { name: "bot-outbox-1000", run: () => runScenario({ name: "bot-outbox-1000", receiptLog: true, rate: RATE }) },
  {
    name: "bot-outbox-kill-random",
    run: () =>
      runScenario({
        name: "bot-outbox-kill-random",
        receiptLog: true,
        rate: RATE,
        kill: { kind: "random", afterAccepted: 450 + Math.floor(Math.random() * 100), extraMs: Math.random() * (1000 / RATE) },
      }),
  },
  { name: "bot-outbox-kill-in-flight", run: () => runScenario({ name: "bot-outbox-kill-in-flight", receiptLog: true, rate: IN_FLIGHT_RATE, kill: { kind: "in-flight", atRequest: 500 } }) },
  {
    name: "bot-outbox-kill-in-flight-no-receipt-log",
    run: () => runScenario({ name: "bot-outbox-kill-in-flight-no-receipt-log", receiptLog: false, rate: IN_FLIGHT_RATE, kill: { kind: "in-flight", atRequest: 500 } }),
  },
];
