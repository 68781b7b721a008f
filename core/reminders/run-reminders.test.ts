import { queryAll } from "../ports/repository";
import { buildWorld } from "../testing/world";
import { createRequests } from "../requests/create-requests";
import { recordContribution } from "../contributions/record-contribution";
import { runReminders } from "./run-reminders";

const timeZone = "Europe/Ljubljana";

async function setUp() {
  // The request goes out on 2 March; it is due on 5 April (Ljubljana changes to summer time on 29 March).
  const world = await buildWorld({ start: "2026-03-02T09:00:00.000Z" });
  const [justice, education] = world.ministries;
  const report = await world.addReport({ timeZone });
  const recs = [await world.addRecommendation({ leadMinistryId: justice!.id }), await world.addRecommendation({ leadMinistryId: education!.id })];
  const { created } = await createRequests(
    world.deps,
    { reportId: report.id, subjects: recs.map((r) => ({ kind: "recommendation" as const, recommendationId: r.id })), ask: "Update?", dueDate: "2026-04-05" },
    world.secretariat,
  );
  const notices = async () => (await queryAll(world.repos.outbox)).filter((e) => e.notification.kind !== "request");
  return { world, justice: justice!, education: education!, requests: await world.delivered(created), notices };
}

describe("running reminders and escalations", () => {
  it("reminds each technical focal point seven days before, at 09:00 local time, once whatever the reruns", async () => {
    const { world, justice, notices } = await setUp();
    world.clock.set("2026-03-29T06:59:00.000Z");
    expect(await runReminders(world.deps, { timeZone })).toMatchObject({ reminders: 0 });
    world.clock.set("2026-03-29T07:00:00.000Z"); // 09:00 in Ljubljana, on the day clocks change
    expect(await runReminders(world.deps, { timeZone })).toMatchObject({ reminders: 2 });
    for (let run = 0; run < 3; run += 1) {
      world.clock.advance(3_600_000);
      await runReminders(world.deps, { timeZone });
    }
    const queued = await notices();
    expect(queued).toHaveLength(2);
    expect(queued[0]).toMatchObject({ recipientId: world.focalPoints[justice.id]!.technical.userId, notification: { kind: "reminder", daysBefore: 7 } });
  });

  it("escalates to the senior focal point one day late, and tells the secretariat in the daily digest", async () => {
    const { world, justice, education, requests, notices } = await setUp();
    await recordContribution(world.deps, { requestId: requests[1]!.id, text: "Done.", submissionId: "x", via: "card" }, world.focalPoints[education.id]!.technical);
    world.clock.set("2026-04-06T07:00:00.000Z");
    const run = await runReminders(world.deps, { timeZone });
    expect(run).toMatchObject({ escalations: 1, markedOverdue: 1, digests: 1 });
    expect((await world.repos.requests.get(requests[0]!.id)).status).toBe("escalated");
    expect((await world.repos.requests.get(requests[1]!.id)).status).toBe("answered");
    const queued = await notices();
    expect(queued.map((e) => [e.recipientId, e.notification.kind])).toEqual([
      [world.focalPoints[justice.id]!.senior.userId, "escalation"],
      ["sec-1", "overdue-digest"],
    ]);

    world.clock.advance(2 * 3_600_000);
    expect(await runReminders(world.deps, { timeZone })).toMatchObject({ escalations: 0, digests: 0 });
    world.clock.set("2026-04-07T07:00:00.000Z");
    expect(await runReminders(world.deps, { timeZone })).toMatchObject({ escalations: 0, digests: 1 });
    expect(await notices()).toHaveLength(3);
  });

  it("marks a request overdue from midnight after its due date, before any escalation", async () => {
    const { world, requests } = await setUp();
    world.clock.set("2026-04-05T22:00:00.000Z"); // 00:00 on 6 April in Ljubljana
    expect(await runReminders(world.deps, { timeZone })).toMatchObject({ markedOverdue: 2, escalations: 0 });
    expect((await world.repos.requests.get(requests[0]!.id)).status).toBe("overdue");
    const audit = await queryAll(world.repos.audit, { where: [{ field: "action", op: "eq", value: "request.overdue" }] });
    expect(audit.map((a) => a.actorId)).toEqual(["system", "system"]);
  });
});

describe("a request a person broke in SharePoint", () => {
  it("is skipped by the reminder run and named in its result; the other focal point is still reminded, and the fixed one is reminded at the next run", async () => {
    const { world, justice, education, requests, notices } = await setUp();
    const repository = world.repos.requests as unknown as { editRow(id: string, changes: Record<string, unknown>): void };
    const broken = requests[0]!;
    repository.editRow(broken.id, { dueDate: "next Friday" });

    world.clock.set("2026-03-29T07:00:00.000Z");
    const run = await runReminders(world.deps, { timeZone });
    expect(run).toMatchObject({ reminders: 1, needsAttention: 1, skipped: [expect.stringMatching(new RegExp(`^requests ${broken.id}$`, "i"))] });
    expect((await notices()).map((e) => e.recipientId)).toEqual([world.focalPoints[education.id]!.technical.userId]);

    repository.editRow(broken.id, { dueDate: "2026-04-05" });
    world.clock.advance(3_600_000);
    expect(await runReminders(world.deps, { timeZone })).toMatchObject({ reminders: 1, needsAttention: 0, skipped: [] });
    expect((await notices()).map((e) => e.recipientId)).toEqual([world.focalPoints[education.id]!.technical.userId, world.focalPoints[justice.id]!.technical.userId]);
  });
});
