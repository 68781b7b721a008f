/**
 * The bot process of the fan-out crash test and benchmark: opens the site on the Graph emulator
 * as the server does, finishes what an earlier process left (operations recovery), asks every
 * ministry about every recommendation (createRequests, as the secretariat does from the tab:
 * asking again after a crash is what a person does) while the outbox sends the cards, then
 * drains the outbox. Prints one JSON line when done. The test kills it with SIGKILL.
 */
import { readFileSync } from "node:fs";
import { InMemoryDocumentStore, StaticDirectory } from "../../../core/in-memory/fakes";
import { systemClock } from "../../../core/ports/clock";
import { recoverOperations } from "../../../core/operations/recover";
import { reconcileQueuedRequests } from "../../../core/requests/record-delivery";
import { createRequests } from "../../../core/requests/create-requests";
import { createBot } from "../../../bot/create-bot";
import { StaticTokenProvider } from "../../../graph/client/auth";
import { createGraphClient } from "../../../graph/client/graph-client";
import { openSharePointStore } from "../../../graph/sharepoint/open-store";
import { SECRETARIAT } from "./mechanism";

async function main(): Promise<void> {
  const env = process.env;
  const client = createGraphClient({ endpoint: env.FAN_OUT_GRAPH!, auth: new StaticTokenProvider(env.FAN_OUT_TOKEN!), trustedCa: readFileSync(env.FAN_OUT_CA!, "utf8"), retry: { baseDelayMs: 5, maxDelayMs: 50, maxRetries: 12 } });
  const store = await openSharePointStore(client, { id: env.FAN_OUT_SITE! });
  const repos = store.repositories;
  const subjects = (JSON.parse(readFileSync(env.FAN_OUT_SUBJECTS!, "utf8")) as string[]).map((recommendationId) => ({ kind: "recommendation" as const, recommendationId }));
  const focalPoints = (await repos.focalPoints.query({ top: 5000 })).items;
  const directory = new StaticDirectory([SECRETARIAT, ...focalPoints.map((f) => ({ id: f.userId, displayName: f.displayName, email: f.email, roles: [] }))]);
  const leaseMs = Number(env.FAN_OUT_LEASE_MS ?? "1000");
  const bot = createBot({
    repos,
    clock: systemClock,
    directory,
    documents: new InMemoryDocumentStore(),
    installer: { installForUser: async () => "already-installed" },
    config: { outbox: { globalRatePerSecond: Number(env.FAN_OUT_RATE ?? "100"), claimLeaseMs: leaseMs, sendTimeoutMs: 5_000, maxInFlight: 16, batchSize: 200, pollIntervalMs: 50, receiptLogPath: env.FAN_OUT_RECEIPTS } },
  });
  const started = performance.now();
  // A restarted process waits out the lease of what its predecessor held, then finishes it.
  await new Promise((resolve) => setTimeout(resolve, leaseMs));
  const recovered = await recoverOperations({ repos, clock: systemClock }, { leaseMs });
  await reconcileQueuedRequests({ repos, clock: systemClock });
  bot.sender.start();
  const asked = await createRequests(
    { repos, clock: systemClock },
    { reportId: env.FAN_OUT_REPORT!, subjects, ask: "What has your ministry done to implement this recommendation?", dueDate: "2027-06-30" },
    { userId: SECRETARIAT.id, displayName: SECRETARIAT.displayName, roles: SECRETARIAT.roles, ministryIds: [] },
  );
  bot.sender.kick();
  await bot.sender.stop();
  const stats = await bot.sender.drain({ waitForDelayed: true, timeoutMs: 300_000 });
  await reconcileQueuedRequests({ repos, clock: systemClock });
  console.log(JSON.stringify({ event: "done", ms: performance.now() - started, stats: { ...stats, created: asked.created.length, alreadyExisting: asked.alreadyExisting, recoveredOperations: recovered.finished.length } }));
  await client.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
