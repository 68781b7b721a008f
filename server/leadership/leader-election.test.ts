import { InMemoryLeases } from "../../core/in-memory/leases";
import { FakeClock } from "../../core/in-memory/fakes";
import type { LeaderLease } from "../../core/ports/leadership";
import { LeaderElection } from "./leader-election";

const quiet = { info: () => undefined, warn: () => undefined };

function elect(leases: InMemoryLeases, clock: FakeClock, holder: string, lease?: LeaderLease) {
  const election = new LeaderElection({ lease: lease ?? leases.lease(holder, 30_000), logger: quiet, now: () => clock.now().getTime(), timer: false });
  const changes: boolean[] = [];
  election.onChange((leader) => changes.push(leader));
  return { election, changes };
}

describe("leader election on a lease", () => {
  test("one of two instances leads; the other follows, and takes over once the leader's lease runs out", async () => {
    const clock = new FakeClock();
    const leases = new InMemoryLeases(clock);
    const a = elect(leases, clock, "a");
    const b = elect(leases, clock, "b");
    expect(a.election.status().role).toBe("unknown");
    await a.election.round();
    await b.election.round();
    expect([a.election.isLeader(), b.election.isLeader()]).toEqual([true, false]);
    expect(b.election.status().role).toBe("follower");

    // a stops renewing (it crashed): b leads only after a's lease has run out, and a no longer believes it leads.
    clock.advance(20_000);
    await b.election.round();
    expect(b.election.isLeader()).toBe(false);
    clock.advance(11_000);
    expect(a.election.isLeader()).toBe(false);
    await b.election.round();
    expect(b.election.isLeader()).toBe(true);
    expect(b.changes).toEqual([true]);

    // a comes back: its renewal fails, it follows.
    await a.election.round();
    expect(a.election.status().role).toBe("follower");
    expect(a.changes).toEqual([true, false]);
  });

  test("a leader that stops releases the lease: the other takes over at once", async () => {
    const clock = new FakeClock();
    const leases = new InMemoryLeases(clock);
    const a = elect(leases, clock, "a");
    const b = elect(leases, clock, "b");
    await a.election.round();
    await a.election.stop();
    expect(a.changes).toEqual([true, false]);
    await b.election.round();
    expect(b.election.isLeader()).toBe(true);
  });

  test("a leader whose lease store stops answering stops leading when its last renewal runs out, and says why", async () => {
    const clock = new FakeClock();
    const leases = new InMemoryLeases(clock);
    let failing = false;
    const inner = leases.lease("a", 30_000);
    const flaky: LeaderLease = {
      durationMs: 30_000,
      acquire: () => (failing ? Promise.reject(new Error("connect ECONNREFUSED")) : inner.acquire()),
      renew: () => (failing ? Promise.reject(new Error("connect ECONNREFUSED")) : inner.renew()),
      release: () => inner.release(),
    };
    const a = elect(leases, clock, "a", flaky);
    await a.election.round();
    failing = true;
    clock.advance(10_000);
    await a.election.round();
    expect(a.election.isLeader()).toBe(true);
    clock.advance(21_000);
    await a.election.round();
    expect(a.election.isLeader()).toBe(false);
    expect(a.election.status()).toEqual({ role: "unknown", problem: expect.stringContaining("ECONNREFUSED") });
    expect(a.changes).toEqual([true, false]);
  });
});
