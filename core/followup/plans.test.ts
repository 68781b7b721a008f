import { ConflictError, ForbiddenError, ValidationError } from "../errors";
import { queryAll } from "../ports/repository";
import { buildWorld } from "../testing/world";
import { createAction } from "./plan-actions";
import { listPlans, recordPlan, type RecordPlanInput } from "./plans";
import { listActions } from "./read-followup";

const nhrap: RecordPlanInput = {
  key: "NHRAP 2024-2028",
  kind: "human-rights-action-plan",
  title: "National Human Rights Action Plan 2024–2028",
  startDate: "2024-01-01",
  endDate: "2028-12-31",
  chapters: [
    { code: "3", title: "Rights of the child" },
    { code: "4", title: "Access to justice" },
  ],
  items: [
    { chapterCode: "3", code: "3.10", text: "Raise the age of criminal responsibility" },
    { chapterCode: "3", code: "3.2", text: "A juvenile justice act" },
    { chapterCode: "4", code: "4.1", text: "Legal aid for all" },
  ],
};

describe("national plans", () => {
  it("are recorded with their chapters and items, read by everyone with a role, and the actions are listed by plan", async () => {
    const world = await buildWorld();
    const plan = await recordPlan(world.deps, nhrap, world.secretariat);
    expect(plan).toMatchObject({ key: "NHRAP 2024-2028", chapters: nhrap.chapters });
    // Items in the plan's order of numbers: 3.2 before 3.10.
    expect(plan.items.map((i) => i.code)).toEqual(["3.2", "3.10", "4.1"]);
    expect(plan.items[0]).toMatchObject({ key: `${plan.id}#3.2`, planId: plan.id, chapterCode: "3" });

    const [justice] = world.ministries;
    const recommendation = await world.addRecommendation();
    const act = await createAction(world.deps, { title: "Juvenile justice act", recommendationIds: [recommendation.id], leadMinistryId: justice!.id, startDate: "2026-01-01", endDate: "2026-12-31", expectedOutput: "An act in force", planItemIds: [plan.items[0]!.id] }, world.secretariat);
    await createAction(world.deps, { title: "Not in the plan", recommendationIds: [recommendation.id], leadMinistryId: justice!.id, startDate: "2026-01-01", endDate: "2026-12-31", expectedOutput: "Something" }, world.secretariat);
    expect((await listActions(world.deps, { planId: plan.id }, world.secretariat, { timeZone: "UTC" })).map((a) => a.id)).toEqual([act.id]);

    const listed = await listPlans(world.deps, world.observer);
    expect(listed.map((p) => [p.key, p.items.length])).toEqual([["NHRAP 2024-2028", 3]]);
    expect((await queryAll(world.repos.audit)).filter((e) => e.action === "plan.recorded")).toHaveLength(1);
  });

  it("recorded again the same completes its items; another plan of the same name, bad items and other people are refused, and nothing is written", async () => {
    const world = await buildWorld();
    const first = await recordPlan(world.deps, { ...nhrap, items: nhrap.items!.slice(0, 1) }, world.secretariat);
    const again = await recordPlan(world.deps, nhrap, world.secretariat);
    expect(again.id).toBe(first.id);
    expect(again.items.map((i) => i.code)).toEqual(["3.2", "3.10", "4.1"]);
    expect(await queryAll(world.repos.planItems)).toHaveLength(3);

    await expect(recordPlan(world.deps, { ...nhrap, title: "Another plan" }, world.secretariat)).rejects.toBeInstanceOf(ConflictError);
    const before = { plans: (await queryAll(world.repos.plans)).length, items: (await queryAll(world.repos.planItems)).length };
    const other = { ...nhrap, key: "NDP 2030" };
    await expect(recordPlan(world.deps, { ...other, items: [{ chapterCode: "9", code: "9.1", text: "x" }] }, world.secretariat)).rejects.toMatchObject({ issues: [{ path: "items.0.chapterCode", message: "no chapter 9 in the plan" }] });
    await expect(recordPlan(world.deps, { ...other, items: [nhrap.items![0]!, nhrap.items![0]!] }, world.secretariat)).rejects.toMatchObject({ issues: [{ path: "items.1.code", message: "item 3.10 is listed twice" }] });
    await expect(recordPlan(world.deps, { ...other, endDate: "2020-01-01" }, world.secretariat)).rejects.toBeInstanceOf(ValidationError);
    await expect(recordPlan(world.deps, { ...other, items: [{ chapterCode: "3", code: "3 2", text: "x" }] }, world.secretariat)).rejects.toBeInstanceOf(ValidationError);
    await expect(recordPlan(world.deps, other, world.chair)).rejects.toBeInstanceOf(ForbiddenError);
    expect({ plans: (await queryAll(world.repos.plans)).length, items: (await queryAll(world.repos.planItems)).length }).toEqual(before);
  });
});
