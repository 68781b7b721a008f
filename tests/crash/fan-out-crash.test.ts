/**
 * A crash in the middle of asking: the bot process is killed with SIGKILL at random instants of
 * a fan-out of requests (while it creates them, queues their cards, writes their audit entries
 * and sends the cards), then started again. Whatever the instant, no request is lost or made
 * twice, each has exactly one card and one audit entry, every card is delivered, and a card is
 * delivered twice only if the connector had accepted it and the process died before noting it.
 */
import { seededRandom } from "../../graph/emulator/faults";
import { fanOutOutcome, killAfter, startFanOutMechanism, writesServed, type FanOutMechanism } from "../support/fan-out/mechanism";

const RECOMMENDATIONS = 80;
const MINISTRIES = 8;
const LEASE_MS = 400;

jest.setTimeout(180_000);

describe("asking 80 recommendations of 8 ministries, killed at a random instant", () => {
  let mechanism: FanOutMechanism;
  let fullRunWrites = 0;
  const random = seededRandom(Number(process.env.CRASH_SEED ?? "7"));

  beforeAll(async () => {
    // A run without a kill, on a mechanism of its own, says how many Graph writes a whole run makes
    // (its reads vary with how often a waiting sender polls, so the kill point is counted in writes).
    const probe = await startFanOutMechanism({ recommendations: RECOMMENDATIONS, ministries: MINISTRIES });
    const before = writesServed(probe);
    const run = probe.startChild({ rate: 400, leaseMs: LEASE_MS });
    const result = await run.done;
    fullRunWrites = writesServed(probe) - before;
    expect(result.stats).toMatchObject({ created: RECOMMENDATIONS });
    expect(await fanOutOutcome(probe)).toMatchObject({ requests: RECOMMENDATIONS, withoutExactlyOneCard: 0, withoutExactlyOneAudit: 0, notSent: 0, cardsLost: 0, cardsDuplicated: [] });
    await probe.stop();
  });

  afterEach(async () => mechanism?.stop());

  it.each([1, 2, 3])("kill number %i: nothing lost, nothing made twice, each request complete", async () => {
    mechanism = await startFanOutMechanism({ recommendations: RECOMMENDATIONS, ministries: MINISTRIES });
    const first = mechanism.startChild({ rate: 400, leaseMs: LEASE_MS });
    // Within the first 90 % of a whole run's writes: runs differ by a few writes (claims, retries), and a kill after the end tests nothing.
    const killAt = 1 + Math.floor(random() * fullRunWrites * 0.9);
    const { acceptedBeforeKill } = await killAfter(mechanism, first, killAt);
    expect((await first.done).killed).toBe(true);
    const recorded = await mechanism.recordedSends();
    const unrecordedAtKill = [...acceptedBeforeKill].filter((key) => !recorded.has(key));

    const second = mechanism.startChild({ rate: 400, leaseMs: LEASE_MS });
    await second.done;
    const outcome = await fanOutOutcome(mechanism);
    expect(outcome).toMatchObject({ requests: RECOMMENDATIONS, duplicatedRequests: 0, withoutExactlyOneCard: 0, withoutExactlyOneAudit: 0, notSent: 0, cardsLost: 0 });
    // A second copy of a card only where Teams had accepted it and the process died before it could note so.
    for (const key of outcome.cardsDuplicated) expect(unrecordedAtKill).toContain(key);
  });
});
