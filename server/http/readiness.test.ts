import { describeGraphFailure, graphCheck, leaderCheck, Readiness, stateCheck, storageCheck } from "./readiness";

const graphError = (statusCode: number) => Object.assign(new Error(`Graph ${statusCode}`), { statusCode });

describe("readiness", () => {
  test("is ready when Graph, the Storage account and the election answer, and says who leads", async () => {
    const readiness = new Readiness([stateCheck(() => "ok"), graphCheck(async () => ({ id: "site" })), storageCheck(async () => undefined), leaderCheck(() => ({ role: "follower" }))]);
    const report = await readiness.report();
    expect(report.ready).toBe(true);
    expect(report.checks.leader).toEqual({ ok: true, detail: "another instance leads" });
  });

  test.each([
    [403, /grant the app Sites\.Selected on the site/],
    [401, /refused the app's token/],
    [404, /site was not found/],
    [503, /throttling or unavailable/],
  ])("names Graph's %s as what is not ready", async (status, problem) => {
    const report = await new Readiness([graphCheck(() => Promise.reject(graphError(status)))]).report();
    expect(report).toEqual({ ready: false, checks: { graph: { ok: false, problem: expect.stringMatching(problem) } } });
  });

  test("names Graph unreachable, the Storage account down and no leader yet, each on its own", async () => {
    const report = await new Readiness([
      graphCheck(() => Promise.reject(new TypeError("fetch failed: connect ECONNREFUSED 127.0.0.1:1"))),
      storageCheck(() => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:2"))),
      leaderCheck(() => ({ role: "unknown" })),
    ]).report();
    expect(report.ready).toBe(false);
    expect(report.checks.graph!.problem).toMatch(/Graph is unreachable.*ECONNREFUSED/);
    expect(report.checks.storage!.problem).toMatch(/Storage account .* does not answer/);
    expect(report.checks.leader!.problem).toMatch(/no leader yet/);
  });

  test("a check that never answers is not ready, and says so", async () => {
    const report = await new Readiness([graphCheck(() => new Promise(() => undefined))], { timeoutMs: 10 }).report();
    expect(report.checks.graph).toEqual({ ok: false, problem: "graph did not answer within 0.01 s" });
  });

  test("asks Graph once for probes close together", async () => {
    let calls = 0;
    let now = 0;
    const readiness = new Readiness([graphCheck(async () => (calls += 1))], { cacheMs: 5_000, now: () => now });
    await readiness.report();
    await readiness.report();
    now = 6_000;
    await readiness.report();
    expect(calls).toBe(2);
  });

  test("an instance without background work (a staging slot) does not wait for a leader", async () => {
    const report = await new Readiness([leaderCheck(() => ({ role: "none" }))]).report();
    expect(report.ready).toBe(true);
    expect(report.checks.leader!.detail).toMatch(/no background work/);
  });

  test("a stopping server is not ready", async () => {
    expect((await new Readiness([stateCheck(() => "stopping")]).report()).checks.server).toEqual({ ok: false, problem: "the server is stopping" });
    expect(describeGraphFailure(graphError(500))).toBe("Microsoft Graph answered 500");
  });
});
