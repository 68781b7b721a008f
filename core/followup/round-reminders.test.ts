import { queryAll } from "../ports/repository";
import { buildWorld } from "../testing/world";
import { startFollowUpRound } from "./follow-up-round";
import { createAction } from "./plan-actions";
import { reportProgress } from "./progress";
import { runRoundReminders } from "./round-reminders";

const timeZone = "Europe/Ljubljana";

async function setUp() {
  // The round starts on 2 March and is due on 31 March (Ljubljana moves to summer time on 29 March).
  const world = await buildWorld({ start: "2026-03-02T09:00:00.000Z" });
  const [justice, education] = world.ministries;
  const recommendations = [await world.addRecommendation(), await world.addRecommendation()];
  const base = { startDate: "2026-01-01", endDate: "2027-12-31", expectedOutput: "An act in force" };
  const reform = await createAction(world.deps, { ...base, title: "Juvenile justice reform", recommendationIds: [recommendations[0]!.id], leadMinistryId: justice!.id }, world.secretariat);
  const schools = await createAction(world.deps, { ...base, title: "Inclusive schools", recommendationIds: [recommendations[1]!.id], leadMinistryId: education!.id }, world.secretariat);
  const { round } = await startFollowUpRound(world.deps, { title: "2026 Q1", mechanism: "UPR", dueDate: "2026-03-31" }, world.secretariat);
  for (const entry of await queryAll(world.repos.outbox)) await world.repos.outbox.update(entry.id, { status: "sent", sentAt: world.clock.now().toISOString() }, entry.eTag);
  const nudges = async () => (await queryAll(world.repos.outbox)).flatMap((e) => (e.notification.kind === "progress" && e.notification.nudge ? [[e.recipientId, e.notification.actionId, e.notification.nudge.kind]] : []));
  return { world, round, reform, schools, justice: justice!, education: education!, nudges };
}

describe("a follow-up round's cards", () => {
  it("are reminded to the technical focal point before the due date, at 09:00 local time, once whatever the reruns; an action reported on is not", async () => {
    const { world, reform, schools, justice, education, nudges } = await setUp();
    await reportProgress(world.deps, { actionId: schools.id, text: "Twelve schools adapted.", status: "under-way", submissionId: "s1", via: "card" }, world.focalPoints[education.id]!.technical);

    world.clock.set("2026-03-24T07:59:00.000Z"); // 08:59 in Ljubljana, seven days before
    expect(await runRoundReminders(world.deps, { timeZone })).toEqual({ reminders: 0, escalations: 0 });
    world.clock.set("2026-03-24T08:00:00.000Z");
    expect(await runRoundReminders(world.deps, { timeZone })).toEqual({ reminders: 1, escalations: 0 });
    for (let hour = 0; hour < 3; hour += 1) {
      world.clock.advance(3_600_000);
      expect(await runRoundReminders(world.deps, { timeZone })).toEqual({ reminders: 0, escalations: 0 });
    }
    expect(await nudges()).toEqual([[world.focalPoints[justice.id]!.technical.userId, reform.id, "reminder"]]);
  });

  it("are escalated to the lead ministry's senior focal point the day after the due date, once", async () => {
    const { world, reform, justice, nudges } = await setUp();
    world.clock.set("2026-04-01T07:00:00.000Z"); // 09:00 in Ljubljana, one day late
    expect(await runRoundReminders(world.deps, { timeZone })).toEqual({ reminders: 0, escalations: 2 });
    expect(await runRoundReminders(world.deps, { timeZone })).toEqual({ reminders: 0, escalations: 0 });
    expect((await nudges()).filter(([, actionId]) => actionId === reform.id)).toEqual([[world.focalPoints[justice.id]!.senior.userId, reform.id, "escalation"]]);
  });
});
