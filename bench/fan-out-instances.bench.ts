/**
 * fan-out-instances-1000: three server processes (`nmirf start --tenant`, tests/support/fleet)
 * on one Graph emulator, one Azurite and one loopback Bot Connector; the secretariat asks 20
 * ministries about 1,000 recommendations through the load balancer, and the instance that leads
 * is SIGKILLed once half the cards are out. Reported: the time from the secretariat's click to
 * the last card against the ideal at the configured rate (1,000 cards / rate), cards lost
 * (must be 0), cards delivered twice against the cards in flight on the dead instance (the
 * bound), requests without exactly one card (0), and the most cards the connector received in
 * any second against the configured rate.
 *
 * `BENCH_FAN_OUT_RATE` sets the app's rate (default 30 cards per second, Teams' order of magnitude).
 */
import { result, type Benchmark, type BenchResult } from "./harness";
import { queryAll } from "../core/ports/repository";
import { fleetOutcome, peakSends, startFleet } from "../tests/support/fleet/fleet";

const CARDS = 1_000;
const MINISTRIES = 20;
const RATE = Number(process.env.BENCH_FAN_OUT_RATE ?? "30");
const NAMES = ["instance-a", "instance-b", "instance-c"];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(): Promise<BenchResult[]> {
  const fleet = await startFleet({ instances: NAMES, recommendations: CARDS, ministries: MINISTRIES, reminderRequests: 0, rate: RATE });
  try {
    await Promise.all(NAMES.map((name) => fleet.start(name)));
    await fleet.ready();
    const killed = (await fleet.leader())!;
    const started = performance.now();
    const answer = await fetch(`${fleet.url}/api/reports/${fleet.reportId}/requests`, {
      method: "POST",
      headers: { ...(await fleet.bearer()), "content-type": "application/json" },
      body: JSON.stringify({ subjects: fleet.recommendationIds.map((recommendationId) => ({ kind: "recommendation", recommendationId })), ask: "What has your ministry done to implement this recommendation?", dueDate: "2027-06-30" }),
    });
    if (answer.status !== 201) throw new Error(`asking failed: ${answer.status} ${await answer.text()}`);
    const askedMs = performance.now() - started;
    while (fleet.connector.sent.length < CARDS / 2) await sleep(5);
    await fleet.kill(killed);
    const acceptedAtKill = new Set(fleet.connector.acceptedByKey.keys());
    const inFlightAtKill = (await queryAll(fleet.repos.outbox, { where: [{ field: "status", op: "eq", value: "sending" }] })).filter((e) => acceptedAtKill.has(e.key)).map((e) => e.key);
    const killedAtMs = performance.now() - started;
    let outcome = await fleetOutcome(fleet);
    const deadline = Date.now() + 600_000;
    while ((outcome.notSent > 0 || outcome.pending > 0 || outcome.lost > 0) && Date.now() < deadline) {
      await sleep(250);
      outcome = await fleetOutcome(fleet);
    }
    const ms = performance.now() - started;
    const common = { rate: RATE, instances: NAMES.length, killed: "the leader", killedAtMs: Math.round(killedAtMs) };
    return [
      result("fan-out-instances-1000-time", ms, "ms", { ideal: (CARDS / RATE) * 1000, ...common, askedMs: Math.round(askedMs), note: "from the secretariat's call to the last card: making the requests, the kill, the leader's lease and the dead instance's claims waited out" }),
      result("fan-out-instances-1000-lost", outcome.lost + (CARDS - outcome.requests), "messages", { ideal: 0, requests: outcome.requests, duplicatedRequests: outcome.duplicatedRequests, withoutExactlyOneCard: outcome.withoutExactlyOneCard, notSent: outcome.notSent }),
      result("fan-out-instances-1000-duplicated", outcome.duplicated.length, "messages", { ideal: 0, inFlightAtKill: inFlightAtKill.length, withinBound: outcome.duplicated.every((key) => inFlightAtKill.includes(key)) }),
      result("fan-out-instances-1000-peak-rate", peakSends(fleet.connector), "messages", { ideal: RATE, note: "the most cards the connector received in any second, against the configured rate" }),
    ];
  } finally {
    await fleet.stopAll();
  }
}

export const benchmarks: Benchmark[] = [{ name: "fan-out-instances-1000", run }];
