import { ForbiddenError, InvalidStateError, ValidationError } from "../errors";
import { queryAll } from "../ports/repository";
import { buildWorld } from "../testing/world";
import { createAction, createIndicator } from "./plan-actions";
import { reportProgress, reviewProgress } from "./progress";
import { createRequests } from "../requests/create-requests";
import { assembleDraftContent } from "../drafts/assemble-draft";

async function setUp() {
  const world = await buildWorld();
  const [justice, education] = world.ministries;
  const recommendations = [await world.addRecommendation(), await world.addRecommendation(), await world.addRecommendation()];
  const action = await createAction(
    world.deps,
    {
      title: "Juvenile justice reform",
      recommendationIds: recommendations.map((r) => r.id),
      leadMinistryId: justice!.id,
      supportingMinistryIds: [education!.id],
      startDate: "2026-01-01",
      endDate: "2026-12-31",
      expectedOutput: "A juvenile justice act in force",
    },
    world.secretariat,
  );
  const indicator = {
    actionId: action.id,
    definition: "Children in pre-trial detention",
    unit: "children",
    baselineValue: 120,
    baselineDate: "2025-12-31",
    targetValue: 40,
    targetDate: "2027-12-31",
    dataSource: "Prison administration",
  };
  const detention = await createIndicator(world.deps, indicator, world.secretariat);
  const alternatives = await createIndicator(world.deps, { ...indicator, definition: "Diversion orders", unit: "orders", baselineValue: 10, targetValue: 200 }, world.secretariat);
  const focalPoint = world.focalPoints[justice!.id]!.technical;
  const otherFocalPoint = world.focalPoints[education!.id]!.technical;
  return { world, recommendations, action, detention, alternatives, focalPoint, otherFocalPoint };
}

const evidence = { name: "statistics.pdf", fileId: "01EV", webUrl: "https://contoso.sharepoint.com/sites/nmirf/Evidence/statistics.pdf", size: 2_048 };

describe("actions and indicators", () => {
  it("lets only the secretariat create them, and refuses links to records that do not exist", async () => {
    const { world, action, focalPoint } = await setUp();
    expect(action).toMatchObject({ status: "planned", createdBy: world.secretariat.userId, recommendationIds: expect.any(Array) });
    const { id, eTag, createdAt, createdBy, ...input } = action;
    void [id, eTag, createdAt, createdBy];
    await expect(createAction(world.deps, input, focalPoint)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createAction(world.deps, { ...input, recommendationIds: ["999"] }, world.secretariat)).rejects.toBeInstanceOf(ValidationError);
    await expect(createAction(world.deps, { ...input, planItemIds: ["999"] }, world.secretariat)).rejects.toBeInstanceOf(ValidationError);
    expect(await queryAll(world.repos.actions)).toHaveLength(1);
  });
});

describe("progress on an action", () => {
  it("is reported by the lead ministry's focal point as versions, a replay saved once", async () => {
    const { world, action, detention, focalPoint } = await setUp();
    const first = await reportProgress(world.deps, { actionId: action.id, text: "Draft act sent to parliament.", status: "under-way", values: [{ indicatorId: detention.id, value: 95, date: "2026-03-31" }], attachments: [evidence], submissionId: "act-1", via: "card" }, focalPoint);
    const replay = await reportProgress(world.deps, { actionId: action.id, text: "Draft act sent to parliament.", status: "under-way", submissionId: "act-1", via: "card" }, focalPoint);
    const second = await reportProgress(world.deps, { actionId: action.id, text: "Act adopted.", status: "done", submissionId: "act-2", via: "tab" }, focalPoint);
    expect(first.update).toMatchObject({ version: 1, review: "submitted", authorId: focalPoint.userId, attachments: [evidence] });
    expect(replay).toMatchObject({ replayed: true, update: { id: first.update.id } });
    expect(second.update.version).toBe(2);
    expect(await queryAll(world.repos.progressUpdates)).toHaveLength(2);
    // Nothing takes effect before the secretariat accepts it.
    expect((await world.repos.actions.get(action.id)).status).toBe("planned");
    expect(await queryAll(world.repos.indicatorValues)).toEqual([]);
  });

  it("refuses another ministry's focal point and a value for an indicator of something else, and saves nothing", async () => {
    const { world, action, otherFocalPoint, focalPoint } = await setUp();
    await expect(reportProgress(world.deps, { actionId: action.id, text: "Not ours.", status: "done", submissionId: "x", via: "card" }, otherFocalPoint)).rejects.toBeInstanceOf(ForbiddenError);
    const elsewhere = await createIndicator(world.deps, { recommendationId: (await world.addRecommendation()).id, definition: "Other", unit: "%", baselineValue: 1, baselineDate: "2025-01-01", targetValue: 2, targetDate: "2027-01-01", dataSource: "Survey" }, world.secretariat);
    await expect(reportProgress(world.deps, { actionId: action.id, text: "Wrong indicator.", status: "under-way", values: [{ indicatorId: elsewhere.id, value: 3, date: "2026-03-31" }], submissionId: "y", via: "card" }, focalPoint)).rejects.toBeInstanceOf(ValidationError);
    expect(await queryAll(world.repos.progressUpdates)).toEqual([]);
  });

  it("once accepted, records the values with their evidence, moves the action and puts the recommendations in progress", async () => {
    const { world, action, detention, recommendations, focalPoint } = await setUp();
    const { update } = await reportProgress(world.deps, { actionId: action.id, text: "Draft act sent to parliament.", status: "under-way", values: [{ indicatorId: detention.id, value: 95, date: "2026-03-31" }], attachments: [evidence], submissionId: "act-1", via: "card" }, focalPoint);
    await expect(reviewProgress(world.deps, { updateId: update.id, decision: "accepted" }, focalPoint)).rejects.toBeInstanceOf(ForbiddenError);
    const result = await reviewProgress(world.deps, { updateId: update.id, decision: "accepted" }, world.secretariat);
    expect(result.action).toMatchObject({ status: "under-way", acceptedUpdateId: update.id });
    expect(result.values.map((v) => [v.indicatorId, v.value, v.date, v.reportedByName, v.evidence])).toEqual([[detention.id, 95, "2026-03-31", focalPoint.displayName, [evidence]]]);
    expect(result.statusesMoved.map((s) => s.to)).toEqual(["in-progress", "in-progress", "in-progress"]);
    for (const r of recommendations) expect((await world.repos.recommendations.get(r.id)).status).toBe("in-progress");
    // Accepting again changes nothing.
    const again = await reviewProgress(world.deps, { updateId: update.id, decision: "accepted" }, world.secretariat);
    expect(again.values.map((v) => v.id)).toEqual(result.values.map((v) => v.id));
    expect(await queryAll(world.repos.indicatorValues)).toHaveLength(1);
  });

  it("proposes, without applying, that a recommendation is implemented once all its actions are done", async () => {
    const { world, action, recommendations, focalPoint } = await setUp();
    const started = await reportProgress(world.deps, { actionId: action.id, text: "Under way.", status: "under-way", submissionId: "a", via: "card" }, focalPoint);
    await reviewProgress(world.deps, { updateId: started.update.id, decision: "accepted" }, world.secretariat);
    const done = await reportProgress(world.deps, { actionId: action.id, text: "Act in force.", status: "done", submissionId: "b", via: "card" }, focalPoint);
    const result = await reviewProgress(world.deps, { updateId: done.update.id, decision: "accepted" }, world.secretariat);
    expect(result.statusesMoved).toEqual([]);
    expect(result.statusesProposed).toEqual(recommendations.map((r) => ({ recommendationId: r.id, from: "in-progress", to: "implemented" })));
    expect((await world.repos.recommendations.get(recommendations[0]!.id)).status).toBe("in-progress");
  });

  it("puts a not-started recommendation in progress and proposes it implemented when its only action is reported done at once", async () => {
    const { world, action, recommendations, focalPoint } = await setUp();
    const done = await reportProgress(world.deps, { actionId: action.id, text: "Act in force.", status: "done", submissionId: "b", via: "card" }, focalPoint);
    const result = await reviewProgress(world.deps, { updateId: done.update.id, decision: "accepted" }, world.secretariat);
    expect(result.statusesMoved.map((s) => [s.from, s.to])).toEqual(recommendations.map(() => ["not-assessed", "in-progress"]));
    expect(result.statusesProposed.map((s) => [s.from, s.to])).toEqual(recommendations.map(() => ["in-progress", "implemented"]));
  });

  it("returns an update only with a comment, and a returned update cannot then be accepted", async () => {
    const { world, action, focalPoint } = await setUp();
    const { update } = await reportProgress(world.deps, { actionId: action.id, text: "Vague.", status: "under-way", submissionId: "a", via: "card" }, focalPoint);
    await expect(reviewProgress(world.deps, { updateId: update.id, decision: "returned" }, world.secretariat)).rejects.toBeInstanceOf(ValidationError);
    const returned = await reviewProgress(world.deps, { updateId: update.id, decision: "returned", comment: "Which schools?" }, world.secretariat);
    expect(returned.update).toMatchObject({ review: "returned", reviewComment: "Which schools?" });
    await expect(reviewProgress(world.deps, { updateId: update.id, decision: "accepted" }, world.secretariat)).rejects.toBeInstanceOf(InvalidStateError);
    expect((await world.repos.actions.get(action.id)).status).toBe("planned");
  });
});

describe("a report drawn from the follow-up", () => {
  it("takes each recommendation's latest accepted progress as its content, attributed; a UPR report also covers a recommendation nobody was asked about that has progress", async () => {
    const { world, action, recommendations, focalPoint } = await setUp();
    const report = await world.addReport(); // the UPR national report of cycle 5: its matrix is cycle 4's recommendations
    await createRequests(world.deps, { reportId: report.id, subjects: [{ kind: "recommendation", recommendationId: recommendations[0]!.id }], ask: "Update?", dueDate: "2026-11-01" }, world.secretariat);
    const accepted = await reportProgress(world.deps, { actionId: action.id, text: "Draft act sent to parliament.", status: "under-way", attachments: [evidence], submissionId: "p1", via: "card" }, focalPoint);
    await reviewProgress(world.deps, { updateId: accepted.update.id, decision: "accepted" }, world.secretariat);
    // Not accepted yet: not in the draft.
    await reportProgress(world.deps, { actionId: action.id, text: "Act adopted.", status: "done", submissionId: "p2", via: "card" }, focalPoint);

    const content = await assembleDraftContent(world.deps, report.id, 1);
    const itemOf = (id: string) => content.items.find((i) => i.subject.kind === "recommendation" && i.subject.recommendationId === id);
    const progress = { actionId: action.id, actionTitle: "Juvenile justice reform", progressUpdateId: accepted.update.id, text: "Draft act sent to parliament.", actionStatus: "under-way", authorName: focalPoint.displayName, attachments: [{ name: evidence.name, webUrl: evidence.webUrl }] };
    expect(itemOf(recommendations[0]!.id)).toMatchObject({ gaps: [expect.objectContaining({ status: "queued" })], progress: [expect.objectContaining(progress)] });
    expect(itemOf(recommendations[1]!.id)).toMatchObject({ answers: [], gaps: [], progress: [expect.objectContaining(progress)] });
  });
});
