import { ForbiddenError, ValidationError } from "../errors";
import { queryAll } from "../ports/repository";
import { buildWorld } from "../testing/world";
import { listFollowUpSchedules, runFollowUpSchedules, setFollowUpSchedule } from "./follow-up-schedules";
import { createAction } from "./plan-actions";
import { addMonths, dueRoundOf } from "./schedule";

const timeZone = "Europe/Ljubljana";

describe("the dates of a follow-up schedule", () => {
  it("steps by months on the same day, or the month's last", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-01-31", 3)).toBe("2026-04-30");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
  });

  it("has a round due from its start, so many days before each due date, until that date", () => {
    const quarterly = { everyMonths: 3, firstDueDate: "2026-03-31", startDaysBefore: 21 };
    expect(dueRoundOf(quarterly, "2026-03-09")).toBeUndefined();
    expect(dueRoundOf(quarterly, "2026-03-10")).toEqual({ dueDate: "2026-03-31", startsOn: "2026-03-10" });
    expect(dueRoundOf(quarterly, "2026-03-31")).toEqual({ dueDate: "2026-03-31", startsOn: "2026-03-10" });
    expect(dueRoundOf(quarterly, "2026-04-01")).toBeUndefined();
    expect(dueRoundOf(quarterly, "2026-06-09")).toEqual({ dueDate: "2026-06-30", startsOn: "2026-06-09" });
  });
});

async function setUp() {
  const world = await buildWorld({ start: "2026-03-01T08:00:00.000Z" });
  const [justice, education] = world.ministries;
  const recommendations = [await world.addRecommendation(), await world.addRecommendation()];
  const base = { startDate: "2026-01-01", endDate: "2027-12-31", expectedOutput: "An act in force" };
  await createAction(world.deps, { ...base, title: "Juvenile justice reform", recommendationIds: [recommendations[0]!.id], leadMinistryId: justice!.id }, world.secretariat);
  await createAction(world.deps, { ...base, title: "Inclusive schools", recommendationIds: [recommendations[1]!.id], leadMinistryId: education!.id }, world.secretariat);
  const cards = async () => (await queryAll(world.repos.outbox)).filter((e) => e.notification.kind === "progress");
  return { world, cards, focalPoint: world.focalPoints[justice!.id]!.technical };
}

describe("a follow-up schedule", () => {
  it("starts each quarter's round by itself, so many days before it is due, once whatever the reruns", async () => {
    const { world, cards } = await setUp();
    await setFollowUpSchedule(world.deps, { mechanism: "UPR", everyMonths: 3, firstDueDate: "2026-03-31", startDaysBefore: 21 }, world.secretariat);

    expect(await runFollowUpSchedules(world.deps, { timeZone })).toEqual({ started: [], upToDate: 0 });
    world.clock.set("2026-03-10T06:00:00.000Z");
    expect(await runFollowUpSchedules(world.deps, { timeZone })).toEqual({ started: [{ mechanism: "UPR", dueDate: "2026-03-31", queued: 2 }], upToDate: 0 });
    for (let hour = 0; hour < 3; hour += 1) {
      world.clock.advance(3_600_000);
      expect(await runFollowUpSchedules(world.deps, { timeZone })).toEqual({ started: [], upToDate: 1 });
    }
    expect(await cards()).toHaveLength(2);

    world.clock.set("2026-06-09T06:00:00.000Z");
    expect((await runFollowUpSchedules(world.deps, { timeZone })).started).toEqual([{ mechanism: "UPR", dueDate: "2026-06-30", queued: 2 }]);
    const rounds = await queryAll(world.repos.followUpRounds);
    expect(rounds.map((r) => [r.title, r.dueDate, r.startedBy]).sort()).toEqual([
      ["UPR follow-up due 2026-03-31", "2026-03-31", world.secretariat.userId],
      ["UPR follow-up due 2026-06-30", "2026-06-30", world.secretariat.userId],
    ]);
    expect(await cards()).toHaveLength(4);
  });

  it("is set again by mechanism, not twice; paused, it starts nothing", async () => {
    const { world, cards } = await setUp();
    await setFollowUpSchedule(world.deps, { mechanism: "UPR", everyMonths: 3, firstDueDate: "2026-03-31" }, world.secretariat);
    const paused = await setFollowUpSchedule(world.deps, { mechanism: "UPR", everyMonths: 6, firstDueDate: "2026-03-31", active: false }, world.secretariat);
    expect(await listFollowUpSchedules(world.deps, world.secretariat)).toEqual([paused]);
    expect(paused).toMatchObject({ everyMonths: 6, startDaysBefore: 21, active: false });
    world.clock.set("2026-03-20T06:00:00.000Z");
    expect(await runFollowUpSchedules(world.deps, { timeZone })).toEqual({ started: [], upToDate: 0 });
    expect(await cards()).toEqual([]);
  });

  it("is the secretariat's to set, and refuses a schedule that makes no sense, saving nothing", async () => {
    const { world, focalPoint } = await setUp();
    await expect(setFollowUpSchedule(world.deps, { mechanism: "UPR", everyMonths: 3, firstDueDate: "2026-03-31" }, focalPoint)).rejects.toBeInstanceOf(ForbiddenError);
    const refused = await setFollowUpSchedule(world.deps, { mechanism: "UPR", everyMonths: 0, firstDueDate: "2026-02-30", startDaysBefore: 400 }, world.secretariat).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues.map((i) => i.path).sort()).toEqual(["everyMonths", "firstDueDate", "startDaysBefore"]);
    expect(await queryAll(world.repos.followUpSchedules)).toEqual([]);
  });
});
