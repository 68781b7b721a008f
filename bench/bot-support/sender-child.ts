/**
 * A bot process for the benchmark: opens the journaled store, runs the outbox sender until the
 * outbox is empty, prints its stats as JSON lines. The benchmark kills it (SIGKILL) and starts
 * another one to see what a crash costs.
 */
import { InMemoryDocumentStore } from "../../core/in-memory/fakes";
import { systemClock } from "../../core/ports/clock";
import { createBot } from "../../bot/create-bot";
import { openJournaledRepositories } from "./journaled-repositories";
import { directory } from "./mechanism";

async function main(): Promise<void> {
  const journal = process.env.BENCH_JOURNAL!;
  const rate = Number(process.env.BENCH_RATE ?? "30");
  const lease = Number(process.env.BENCH_LEASE_MS ?? "3000");
  const repos = await openJournaledRepositories(journal, { writeLatencyMs: Number(process.env.BENCH_STORE_LATENCY_MS ?? "0") });
  const bot = createBot({
    repos,
    clock: systemClock,
    directory: directory(),
    documents: new InMemoryDocumentStore(),
    installer: { installForUser: async () => "already-installed" },
    config: {
      outbox: {
        globalRatePerSecond: rate,
        claimLeaseMs: lease,
        sendTimeoutMs: 5_000,
        maxInFlight: 16,
        batchSize: 200,
        ...(process.env.BENCH_RECEIPTS ? { receiptLogPath: process.env.BENCH_RECEIPTS } : {}),
      },
    },
  });
  console.log(JSON.stringify({ event: "ready" }));
  const start = performance.now();
  const stats = await bot.sender.drain({ waitForDelayed: true, timeoutMs: 600_000 });
  console.log(JSON.stringify({ event: "done", ms: performance.now() - start, stats }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
