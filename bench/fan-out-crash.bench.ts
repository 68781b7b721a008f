/**
 * fan-out-crash-1000: the secretariat asks 20 ministries about 1,000 recommendations; the bot
 * process (which makes the requests, queues their cards and sends them, tests/support/fan-out)
 * is killed with SIGKILL at a random instant — while it makes the requests (after a random number
 * of Graph requests) or while it sends the cards (after a random number of cards accepted) — and
 * started again, as the secretariat asks again. Reported: requests lost and made twice (both
 * must be 0), requests without exactly one card or one audit entry (0), cards lost (0), cards
 * delivered twice against the cards the connector had accepted that the dead process had not yet
 * noted (the bound), and the whole run's time against the ideal at the configured send rate.
 *
 * `BENCH_FAN_OUT_RATE` sets the rate (default 30 cards per second, Teams' order of magnitude).
 */
import { result, type Benchmark, type BenchResult } from "./harness";
import { fanOutOutcome, killAfter, startFanOutMechanism } from "../tests/support/fan-out/mechanism";

const RECOMMENDATIONS = 1_000;
const MINISTRIES = 20;
const RATE = Number(process.env.BENCH_FAN_OUT_RATE ?? "30");
const LEASE_MS = 2_000;

async function run(): Promise<BenchResult[]> {
  const mechanism = await startFanOutMechanism({ recommendations: RECOMMENDATIONS, ministries: MINISTRIES });
  try {
    const started = performance.now();
    const first = mechanism.startChild({ rate: RATE, leaseMs: LEASE_MS });
    const whileAsking = Math.random() < 0.4;
    let acceptedBeforeKill: Set<string>;
    if (whileAsking) {
      ({ acceptedBeforeKill } = await killAfter(mechanism, first, 1 + Math.floor(Math.random() * 150)));
    } else {
      const cards = 1 + Math.floor(Math.random() * (RECOMMENDATIONS - 1));
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (mechanism.connector.acceptedByKey.size < cards && first.child.exitCode === null) return;
          clearInterval(timer);
          resolve();
        }, 2);
      });
      first.child.kill("SIGKILL");
      acceptedBeforeKill = new Set(mechanism.connector.acceptedByKey.keys());
    }
    const killed = (await first.done).killed;
    const recorded = await mechanism.recordedSends();
    const unrecordedAtKill = [...acceptedBeforeKill].filter((key) => !recorded.has(key)).length;
    const requestsAtKill = (await fanOutOutcome(mechanism)).requests;

    const second = mechanism.startChild({ rate: RATE, leaseMs: LEASE_MS });
    const restarted = await second.done;
    const ms = performance.now() - started;
    const outcome = await fanOutOutcome(mechanism);
    const common = { killed, killedWhile: whileAsking ? "asking" : "sending", requestsAtKill, cardsAcceptedAtKill: acceptedBeforeKill.size, rate: RATE };
    return [
      result("fan-out-crash-1000-requests-lost", RECOMMENDATIONS - outcome.requests + outcome.duplicatedRequests, "count", { ideal: 0, ...common, duplicatedRequests: outcome.duplicatedRequests }),
      result("fan-out-crash-1000-incomplete", outcome.withoutExactlyOneCard + outcome.withoutExactlyOneAudit, "count", {
        ideal: 0,
        withoutExactlyOneCard: outcome.withoutExactlyOneCard,
        withoutExactlyOneAudit: outcome.withoutExactlyOneAudit,
        notSent: outcome.notSent,
        recoveredOperations: restarted.stats?.recoveredOperations ?? 0,
      }),
      result("fan-out-crash-1000-cards-lost", outcome.cardsLost, "messages", { ideal: 0 }),
      result("fan-out-crash-1000-cards-duplicated", outcome.cardsDuplicated.length, "messages", { ideal: 0, inFlightAtKill: unrecordedAtKill, withinBound: outcome.cardsDuplicated.length <= unrecordedAtKill }),
      result("fan-out-crash-1000-time", ms, "ms", { ideal: (RECOMMENDATIONS / RATE) * 1000, leaseMs: LEASE_MS, note: "includes two process starts, the lease waited out and the kill" }),
    ];
  } finally {
    await mechanism.stop();
  }
}

export const benchmarks: Benchmark[] = [{ name: "fan-out-crash-1000", run }];
