/**
 * Three server processes (`nmirf start --tenant`, as App Service runs them) on one Microsoft
 * Graph (the emulator), one Storage account (Azurite) and one Bot Connector (a loopback fake),
 * behind a load balancer (tests/support/fleet). What an IT operations team needs to trust
 * before running more than one instance:
 * - a fan-out of cards with one instance SIGKILLed half way loses no card, leaves no request
 *   without its card, and sends a card twice only if it was in flight on the dead instance;
 * - the instances together never send faster than the app's configured rate (measured where
 *   the cards arrive);
 * - every due reminder reaches its focal point once, whichever instance leads and however often
 *   the leader changes;
 * - an import previewed on one instance is committed on another;
 * - a rolling restart (each instance stopped and started in turn) while calls flow fails no call.
 * Counts are asserted, not times (bench/fan-out-instances.bench.ts measures those).
 */
import { queryAll } from "../../core/ports/repository";
import { fleetOutcome, peakSends, startFleet, type Fleet } from "../support/fleet/fleet";
import { uhriCsv, uhriUprRecords } from "../import/support/files";

const CARDS = 90;
const MINISTRIES = 12;
const REMINDERS = 12;
// Low, so that the rate and not this machine's load decides how fast the cards go: three
// instances each sending at the whole rate would show here.
const RATE = 3;
/** Cards arriving in any window of this length, at most the rate's worth plus one per instance (each paces itself, in its own phase). */
const WINDOW_MS = 5_000;
const NAMES = ["instance-a", "instance-b", "instance-c"];

jest.setTimeout(360_000);

let fleet: Fleet;
const t0 = Date.now();
/** FLEET_TRACE=1 prints each step's time (the machine's load decides them; nothing asserts them). */
const trace = (what: string) => process.env.FLEET_TRACE && process.stderr.write(`[fleet ${((Date.now() - t0) / 1000).toFixed(1)}s] ${what}\n`);

async function until<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`${what} never happened: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await probe();
  }
  return last;
}

beforeAll(async () => {
  fleet = await startFleet({ instances: NAMES, recommendations: CARDS, ministries: MINISTRIES, reminderRequests: REMINDERS, rate: RATE });
  trace("fleet seeded");
  await Promise.all(NAMES.map((name) => fleet.start(name)));
  trace("instances listening");
  await fleet.ready();
  trace("instances ready");
}, 240_000);

afterAll(async () => {
  await fleet?.stopAll();
});

describe("three instances on one site and one Storage account", () => {
  test("a fan-out with the leader SIGKILLed half way: no card lost, none without its request, duplicates only of what was in flight", async () => {
    const bearer = await fleet.bearer();
    const killed = (await fleet.leader())!;
    expect(NAMES).toContain(killed);
    const asked = fetch(`${fleet.url}/api/reports/${fleet.reportId}/requests`, {
      method: "POST",
      headers: { ...bearer, "content-type": "application/json" },
      body: JSON.stringify({ subjects: fleet.recommendationIds.map((recommendationId) => ({ kind: "recommendation", recommendationId })), ask: "What has your ministry done to implement this recommendation?", dueDate: "2027-06-30" }),
    });
    const answer = await asked;
    trace("requests created");
    expect(answer.status).toBe(201);
    expect(((await answer.json()) as { created: unknown[] }).created).toHaveLength(CARDS);

    const requestCards = () => fleet.connector.sent.filter((r) => r.outboxKey?.startsWith("request:")).length;
    await until("half the cards sent", async () => requestCards(), (n) => n >= CARDS / 2);
    trace("half sent");
    await fleet.kill(killed);
    const acceptedAtKill = new Set(fleet.connector.acceptedByKey.keys());
    const inFlightAtKill = new Set((await queryAll(fleet.repos.outbox, { where: [{ field: "status", op: "eq", value: "sending" }] })).filter((e) => e.status === "sending" && acceptedAtKill.has(e.key)).map((e) => e.key));
    // App Service starts a crashed instance again; meanwhile the others carry on.
    const replacement = fleet.start(killed);

    const outcome = await until("every card sent", () => fleetOutcome(fleet), (o) => o.notSent === 0 && o.pending === 0 && o.lost === 0, 240_000);
    trace(`all sent ${JSON.stringify({ ...outcome, peak: peakSends(fleet.connector, WINDOW_MS), peak1s: peakSends(fleet.connector) })}`);
    expect(outcome).toMatchObject({ requests: CARDS, duplicatedRequests: 0, withoutExactlyOneCard: 0, notSent: 0, lost: 0 });
    for (const key of outcome.duplicated) expect(inFlightAtKill).toContain(key);
    // Together, never faster than the app's rate, where Teams would count it.
    expect(peakSends(fleet.connector, WINDOW_MS)).toBeLessThanOrEqual((RATE * WINDOW_MS) / 1000 + NAMES.length);
    await replacement;
    await fleet.ready();
  });

  test("an import previewed on one instance is committed on another, once", async () => {
    const [first, , third] = NAMES.map((name) => fleet.instances.get(name)!);
    const bearer = await fleet.bearer();
    const upload = await fetch(`${first!.url}/api/imports?fileName=uhri.csv`, { method: "POST", headers: { ...bearer, "content-type": "text/csv" }, body: uhriCsv(uhriUprRecords(3)) });
    expect(upload.status).toBe(201);
    const preview = (await upload.json()) as { id: string };
    const commit = await fetch(`${third!.url}/api/imports/${preview.id}/commit`, { method: "POST", headers: bearer });
    expect(commit.status).toBe(200);
    expect(await commit.json()).toMatchObject({ created: 3 });
    const again = await fetch(`${first!.url}/api/imports/${preview.id}/commit`, { method: "POST", headers: bearer });
    expect(again.status).toBe(404);
  });

  test("a rolling restart while calls flow fails no call, and the leadership moves on", async () => {
    const bearer = await fleet.bearer();
    const calls = { ok: 0, failed: [] as string[] };
    let flowing = true;
    const paths = ["/api/recommendations?pageSize=50", `/api/requests?reportId=${fleet.reportId}&pageSize=50`, "/api/me", `/api/reports/${fleet.reportId}`];
    const flow = Promise.all(
      Array.from({ length: 4 }, async (_, worker) => {
        for (let i = worker; flowing; i += 1) {
          const path = paths[i % paths.length]!;
          try {
            const response = await fetch(`${fleet.url}${path}`, { headers: bearer });
            const text = await response.text();
            if (response.status === 200) calls.ok += 1;
            else calls.failed.push(`${path}: ${response.status} ${text.slice(0, 200)}`);
          } catch (error) {
            calls.failed.push(`${path}: ${String(error)}`);
          }
        }
      }),
    );
    const leaders = new Set<string>();
    for (const name of NAMES) {
      const leading = (await fleet.leader())!;
      leaders.add(leading);
      expect(await fleet.stop(name)).toBe(0);
      trace(`stopped ${name}`);
      // The stopped leader released its lease: another instance takes over before it is back
      // (followers try every third of the lease; the restarted one could otherwise win it again).
      if (leading === name) leaders.add((await until("another instance leading", () => fleet.leader(), (leader) => leader !== undefined, 20_000))!);
      await fleet.start(name);
      trace(`started ${name}`);
      await fleet.ready();
      trace(`ready ${name}`);
    }
    leaders.add((await fleet.leader())!);
    flowing = false;
    await flow;
    expect(calls.failed).toEqual([]);
    expect(calls.ok).toBeGreaterThan(100);
    expect(leaders.size).toBeGreaterThan(1);
  });

  test("every due reminder reached its focal point once, across the leaders there were", async () => {
    const outcome = await until("the reminders sent", () => fleetOutcome(fleet), (o) => o.pending === 0 && o.reminderEntries >= REMINDERS);
    expect(outcome.reminderEntries).toBe(REMINDERS);
    expect(outcome.remindersNotOnce).toBe(0);
    expect(peakSends(fleet.connector, WINDOW_MS)).toBeLessThanOrEqual((RATE * WINDOW_MS) / 1000 + NAMES.length);
  });
});
