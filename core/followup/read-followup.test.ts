import { ForbiddenError } from "../errors";
import { buildWorld } from "../testing/world";
import { trackOf } from "./indicator-track";
import { createAction, createIndicator } from "./plan-actions";
import { reportProgress, reviewProgress } from "./progress";
import { readDashboard } from "../dashboard/dashboard";
import { listActions, readAction, readIndicator } from "./read-followup";

const UTC = { timeZone: "UTC" };
const evidence = { name: "statistics.pdf", fileId: "01EV", webUrl: "https://contoso.sharepoint.com/sites/nmirf/Evidence/statistics.pdf", size: 2_048 };

async function setUp() {
  const world = await buildWorld({ start: "2026-06-15T09:00:00.000Z" });
  const [justice, education, health] = world.ministries;
  const recommendations = [await world.addRecommendation(), await world.addRecommendation()];
  const base = { recommendationIds: [recommendations[0]!.id], startDate: "2026-01-01", expectedOutput: "A result" };
  const reform = await createAction(world.deps, { ...base, title: "Juvenile justice reform", recommendationIds: recommendations.map((r) => r.id), leadMinistryId: justice!.id, supportingMinistryIds: [education!.id], endDate: "2026-12-31", sharedWithObservers: true }, world.secretariat);
  const late = await createAction(world.deps, { ...base, title: "Training of judges", leadMinistryId: justice!.id, endDate: "2026-05-31" }, world.secretariat);
  const clinics = await createAction(world.deps, { ...base, title: "Youth clinics", leadMinistryId: health!.id, endDate: "2027-12-31" }, world.secretariat);
  const detention = await createIndicator(world.deps, { actionId: reform.id, definition: "Children in pre-trial detention", unit: "children", baselineValue: 120, baselineDate: "2025-12-31", targetValue: 40, targetDate: "2026-12-31", dataSource: "Prison administration" }, world.secretariat);
  const focalPoint = world.focalPoints[justice!.id]!.technical;
  const educationFocalPoint = world.focalPoints[education!.id]!.technical;
  const healthFocalPoint = world.focalPoints[health!.id]!.technical;
  return { world, recommendations, reform, late, clinics, detention, focalPoint, educationFocalPoint, healthFocalPoint, justice: justice!, education: education!, health: health! };
}

describe("the actions list", () => {
  it("filters by ministry (lead or supporting), recommendation, status and overdue, the soonest ending first", async () => {
    const { world, reform, late, clinics, recommendations, education, justice } = await setUp();
    const titles = async (filter: Parameters<typeof listActions>[1]) => (await listActions(world.deps, filter, world.secretariat, UTC)).map((a) => a.title);
    expect(await titles({})).toEqual([late.title, reform.title, clinics.title]);
    expect(await titles({ ministryId: education.id })).toEqual([reform.title]);
    expect(await titles({ ministryId: justice.id })).toEqual([late.title, reform.title]);
    expect(await titles({ recommendationId: recommendations[1]!.id })).toEqual([reform.title]);
    expect(await titles({ overdue: true })).toEqual([late.title]);
    expect(await titles({ status: "done" })).toEqual([]);
    expect((await listActions(world.deps, {}, world.secretariat, UTC)).find((a) => a.id === late.id)).toMatchObject({ overdue: true });
  });

  it("shows a focal point the actions of their ministry and those shared with observers, an observer only the shared ones", async () => {
    const { world, reform, late, clinics, healthFocalPoint, educationFocalPoint } = await setUp();
    expect((await listActions(world.deps, {}, healthFocalPoint, UTC)).map((a) => [a.id, a.access])).toEqual([[reform.id, "shared"], [clinics.id, undefined]]);
    expect((await listActions(world.deps, {}, educationFocalPoint, UTC)).map((a) => a.id)).toEqual([reform.id]);
    const observed = await listActions(world.deps, {}, world.observer, UTC);
    expect(observed.map((a) => a.id)).toEqual([reform.id]);
    expect(observed[0]).toMatchObject({ access: "shared", createdBy: "" });
    expect(observed.map((a) => a.id)).not.toContain(late.id);
  });

  it("finds the actions carrying out a plan's items", async () => {
    const { world, reform } = await setUp();
    const plan = await world.repos.plans.create({ key: "NHRAP 2024-2028", kind: "human-rights-action-plan", title: "National human rights action plan", startDate: "2024-01-01", endDate: "2028-12-31", chapters: [{ code: "3", title: "Children" }] });
    const item = await world.repos.planItems.create({ key: `${plan.id}#3.2`, planId: plan.id, chapterCode: "3", code: "3.2", text: "Reform juvenile justice" });
    await world.repos.actions.update(reform.id, { planItemIds: [item.id] }, (await world.repos.actions.get(reform.id)).eTag);
    expect((await listActions(world.deps, { planId: plan.id }, world.secretariat, UTC)).map((a) => a.id)).toEqual([reform.id]);
  });
});

describe("one action", () => {
  it("shows its indicators with the accepted values against baseline and target, and every version of its progress", async () => {
    const { world, reform, detention, focalPoint } = await setUp();
    const first = await reportProgress(world.deps, { actionId: reform.id, text: "Draft act before parliament.", status: "under-way", values: [{ indicatorId: detention.id, value: 110, date: "2026-03-31" }], attachments: [evidence], submissionId: "q1", via: "card" }, focalPoint);
    await reviewProgress(world.deps, { updateId: first.update.id, decision: "accepted" }, world.secretariat);
    await reportProgress(world.deps, { actionId: reform.id, text: "Act adopted.", status: "done", submissionId: "q2", via: "card" }, focalPoint);

    const view = await readAction(world.deps, reform.id, world.secretariat, UTC);
    expect(view.access).toBe("full");
    expect(view.indicators).toHaveLength(1);
    expect(view.indicators[0]).toMatchObject({ indicator: { id: detention.id, baselineValue: 120, targetValue: 40 }, latest: { value: 110, reportedByName: focalPoint.displayName, evidence: [evidence] } });
    // 10 of 80 in a quarter of the year: at that pace the target is not reached by December.
    expect(view.indicators[0]!.track).toBe("off-track");
    expect(view.action.indicatorsOffTrack).toBe(1);
    expect(view.timeline.map((u) => [u.version, u.review])).toEqual([[2, "submitted"], [1, "accepted"]]);
    expect(view).toMatchObject({ mayReport: false, mayReview: true });
    expect((await readAction(world.deps, reform.id, focalPoint, UTC)).mayReport).toBe(true);
  });

  it("shows observers the accepted progress only, without its author, files or the secretariat's comments, and refuses an action not shared", async () => {
    const { world, reform, late, detention, focalPoint, healthFocalPoint } = await setUp();
    const first = await reportProgress(world.deps, { actionId: reform.id, text: "Draft act before parliament.", status: "under-way", values: [{ indicatorId: detention.id, value: 60, date: "2026-03-31" }], attachments: [evidence], submissionId: "q1", via: "card" }, focalPoint);
    await reviewProgress(world.deps, { updateId: first.update.id, decision: "accepted" }, world.secretariat);
    const returned = await reportProgress(world.deps, { actionId: reform.id, text: "Unclear.", status: "under-way", submissionId: "q2", via: "card" }, focalPoint);
    await reviewProgress(world.deps, { updateId: returned.update.id, decision: "returned", comment: "Internal: which prisons?" }, world.secretariat);

    const view = await readAction(world.deps, reform.id, world.observer, UTC);
    expect(view.access).toBe("shared");
    expect(view.timeline.map((u) => [u.version, u.text, u.authorName, u.attachments])).toEqual([[1, "Draft act before parliament.", "", []]]);
    expect(JSON.stringify(view)).not.toContain("Internal: which prisons?");
    expect(view.indicators[0]!.latest).toMatchObject({ value: 60, reportedByName: "", evidence: [] });
    expect(view.mayReport).toBe(false);
    await expect(readAction(world.deps, late.id, world.observer, UTC)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(readAction(world.deps, late.id, healthFocalPoint, UTC)).rejects.toThrow(/another ministry's action/);
    await expect(readIndicator(world.deps, detention.id, world.observer, UTC)).resolves.toMatchObject({ access: "shared", track: "on-track" });
  });
});

describe("the dashboard's follow-up figures", () => {
  it("count the actions by status, those overdue and the indicators off track, of what the reader may see", async () => {
    const { world, reform, detention, focalPoint } = await setUp();
    const { update } = await reportProgress(world.deps, { actionId: reform.id, text: "Little change.", status: "under-way", values: [{ indicatorId: detention.id, value: 118, date: "2026-03-31" }], submissionId: "q1", via: "card" }, focalPoint);
    await reviewProgress(world.deps, { updateId: update.id, decision: "accepted" }, world.secretariat);
    const query = { dimension: "ministry" as const, dueItems: 5 };
    const secretariat = await readDashboard(world.deps, query, world.secretariat, UTC);
    expect(secretariat.followUp).toEqual({ actions: { total: 3, byStatus: { planned: 2, "under-way": 1, done: 0, dropped: 0 } }, overdueActions: 1, indicators: { total: 1, offTrack: 1 } });
    const observer = await readDashboard(world.deps, query, world.observer, UTC);
    expect(observer.followUp).toEqual({ actions: { total: 1, byStatus: { planned: 0, "under-way": 1, done: 0, dropped: 0 } }, overdueActions: 0, indicators: { total: 1, offTrack: 1 } });
  });
});

describe("whether an indicator is on track", () => {
  const fewer = { baselineValue: 120, baselineDate: "2026-01-01", targetValue: 40, targetDate: "2027-01-01" };
  const at = (date: string, value: number) => ({ date, value, reportedAt: `${date}T12:00:00.000Z` });
  it("says so from the pace since the baseline, whichever way the target lies", () => {
    expect(trackOf(fewer, [], "2026-06-01")).toBe("no-data");
    expect(trackOf(fewer, [at("2026-07-02", 75)], "2026-08-01")).toBe("on-track");
    expect(trackOf(fewer, [at("2026-07-02", 110)], "2026-08-01")).toBe("off-track");
    expect(trackOf(fewer, [at("2026-07-02", 38)], "2026-08-01")).toBe("achieved");
    expect(trackOf({ ...fewer, baselineValue: 10, targetValue: 200 }, [at("2026-07-02", 120)], "2026-08-01")).toBe("on-track");
  });
  it("is off track once the target date passed without reaching it, the latest value counting", () => {
    expect(trackOf(fewer, [], "2027-02-01")).toBe("off-track");
    expect(trackOf(fewer, [at("2026-07-02", 38), at("2026-12-31", 45)], "2027-02-01")).toBe("off-track");
  });
});
