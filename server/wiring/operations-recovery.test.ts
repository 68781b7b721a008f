import pino from "pino";
import type { Leadership } from "../../core/ports/leadership";
import { queryAll } from "../../core/ports/repository";
import { OPERATION_LEASE_MS } from "../../core/operations/journal";
import { createRequests } from "../../core/requests/create-requests";
import { buildWorld } from "../../core/testing/world";
import { OperationsRecovery } from "./operations-recovery";

/** A leadership the test hands over by hand, as the election would. */
function handOver(): Leadership & { become(leader: boolean): void } {
  let leader = false;
  const listeners = new Set<(leader: boolean) => void>();
  return {
    isLeader: () => leader,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    become(next) {
      leader = next;
      for (const listener of listeners) listener(next);
    },
  };
}

/** An ask that a crash stopped after its requests and before their cards. */
async function interruptedAsk() {
  const world = await buildWorld();
  const [justice] = world.ministries;
  const report = await world.addReport();
  const recommendation = await world.addRecommendation({ leadMinistryId: justice!.id });
  const createMany = world.repos.outbox.createMany.bind(world.repos.outbox);
  world.repos.outbox.createMany = () => Promise.reject(new Error("process killed"));
  await expect(
    createRequests(world.deps, { reportId: report.id, subjects: [{ kind: "recommendation", recommendationId: recommendation.id }], ask: "What was done?", dueDate: "2026-04-05" }, world.secretariat),
  ).rejects.toThrow("process killed");
  world.repos.outbox.createMany = createMany;
  world.clock.advance(OPERATION_LEASE_MS);
  return world;
}

describe("finishing interrupted operations on one instance of several", () => {
  test("a follower leaves them alone; the instance that becomes the leader finishes them at once", async () => {
    const world = await interruptedAsk();
    const leadership = handOver();
    let kicks = 0;
    const recovery = new OperationsRecovery(world.deps, { logger: pino({ level: "silent" }), onQueued: () => (kicks += 1), leadership });
    recovery.start();
    await recovery.runOnce();
    expect(await queryAll(world.repos.outbox)).toHaveLength(0);
    expect((await queryAll(world.repos.operations)).map((o) => o.status)).toEqual(["started"]);

    leadership.become(true);
    await recovery.runOnce();
    expect(await queryAll(world.repos.outbox)).toHaveLength(1);
    expect((await queryAll(world.repos.operations)).map((o) => o.status)).toEqual(["completed"]);
    expect(kicks).toBe(1);
    await recovery.stop();
  });

  test("the only instance (no Storage account) is its own leader", async () => {
    const world = await interruptedAsk();
    const recovery = new OperationsRecovery(world.deps, { logger: pino({ level: "silent" }), onQueued: () => undefined });
    await recovery.runOnce();
    expect((await queryAll(world.repos.operations)).map((o) => o.status)).toEqual(["completed"]);
  });
});
