import { ForbiddenError, InvalidStateError, ValidationError } from "../errors";
import { queryAll } from "../ports/repository";
import { buildWorld } from "../testing/world";
import { changeRequest } from "../requests/change-request";
import { createRequests } from "../requests/create-requests";
import { recordContribution } from "./record-contribution";

async function setUp() {
  const world = await buildWorld();
  const [justice, education] = world.ministries;
  const report = await world.addReport();
  const rec = await world.addRecommendation({ leadMinistryId: justice!.id, supportingMinistryIds: [education!.id] });
  const { created } = await createRequests(
    world.deps,
    { reportId: report.id, subjects: [{ kind: "recommendation", recommendationId: rec.id }], ministries: { mode: "lead-and-supporting" }, ask: "What was done?", dueDate: "2026-04-05" },
    world.secretariat,
  );
  const [leadRequest, supportingRequest] = await world.delivered(created);
  const justiceFocalPoint = world.focalPoints[justice!.id]!.technical;
  const educationFocalPoint = world.focalPoints[education!.id]!.technical;
  return { world, rec, leadRequest: leadRequest!, supportingRequest: supportingRequest!, justiceFocalPoint, educationFocalPoint };
}

describe("recording a focal point's answer", () => {
  it("saves version 1 and marks the request answered", async () => {
    const { world, leadRequest, justiceFocalPoint } = await setUp();
    world.clock.advance(3_600_000);
    const result = await recordContribution(world.deps, { requestId: leadRequest.id, text: "A law was adopted in 2025.", submissionId: "act-1", via: "card" }, justiceFocalPoint);
    expect(result.replayed).toBe(false);
    expect(result.contribution).toMatchObject({ version: 1, text: "A law was adopted in 2025.", authorId: justiceFocalPoint.userId, answeredAt: "2026-03-02T10:00:00.000Z" });
    expect(result.request).toMatchObject({ status: "answered", latestVersion: 1, latestContributionId: result.contribution.id });
    const audit = await queryAll(world.repos.audit, { where: [{ field: "action", op: "eq", value: "contribution.recorded" }] });
    expect(audit).toHaveLength(1);
  });

  it("keeps every version when the answer is revised", async () => {
    const { world, leadRequest, justiceFocalPoint } = await setUp();
    await recordContribution(world.deps, { requestId: leadRequest.id, text: "First answer.", submissionId: "act-1", via: "card" }, justiceFocalPoint);
    const second = await recordContribution(world.deps, { requestId: leadRequest.id, text: "Revised answer.", submissionId: "act-2", via: "chat" }, justiceFocalPoint);
    expect(second.contribution.version).toBe(2);
    const versions = await queryAll(world.repos.contributions, { where: [{ field: "requestId", op: "eq", value: leadRequest.id }] });
    expect(versions.map((c) => [c.version, c.text])).toEqual([
      [1, "First answer."],
      [2, "Revised answer."],
    ]);
  });

  it("saves a replayed submission once", async () => {
    const { world, leadRequest, justiceFocalPoint } = await setUp();
    const first = await recordContribution(world.deps, { requestId: leadRequest.id, text: "Answer.", submissionId: "act-1", via: "card" }, justiceFocalPoint);
    const replay = await recordContribution(world.deps, { requestId: leadRequest.id, text: "Answer.", submissionId: "act-1", via: "card" }, justiceFocalPoint);
    expect(replay).toMatchObject({ replayed: true, contribution: { id: first.contribution.id } });
    expect(await queryAll(world.repos.contributions)).toHaveLength(1);
  });

  it("refuses a focal point of another ministry, and saves nothing", async () => {
    const { world, leadRequest, educationFocalPoint } = await setUp();
    await expect(
      recordContribution(world.deps, { requestId: leadRequest.id, text: "Not mine to say.", submissionId: "act-9", via: "card" }, educationFocalPoint),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await queryAll(world.repos.contributions)).toEqual([]);
    expect((await world.repos.requests.get(leadRequest.id)).status).toBe("sent");
  });

  it("refuses a focal point whose nomination has ended, whatever the token says", async () => {
    const { world, leadRequest, justiceFocalPoint } = await setUp();
    const [nomination] = await queryAll(world.repos.focalPoints, { where: [{ field: "userId", op: "eq", value: justiceFocalPoint.userId }] });
    await world.repos.focalPoints.update(nomination!.id, { activeUntil: "2026-03-01T00:00:00.000Z" }, nomination!.eTag);
    await expect(recordContribution(world.deps, { requestId: leadRequest.id, text: "Old me.", submissionId: "act-3", via: "card" }, justiceFocalPoint)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await queryAll(world.repos.contributions)).toEqual([]);
  });

  it("refuses an answer to a closed request, and saves nothing", async () => {
    const { world, leadRequest, justiceFocalPoint } = await setUp();
    await changeRequest(world.deps, { requestId: leadRequest.id, change: { action: "close" } }, world.secretariat);
    await expect(recordContribution(world.deps, { requestId: leadRequest.id, text: "Late.", submissionId: "act-4", via: "card" }, justiceFocalPoint)).rejects.toBeInstanceOf(InvalidStateError);
    expect(await queryAll(world.repos.contributions)).toEqual([]);
  });

  it("refuses an answer over the length limit or empty, and saves nothing", async () => {
    const { world, leadRequest, justiceFocalPoint } = await setUp();
    for (const text of ["x".repeat(20_001), "   ", "bell\u0007"]) {
      await expect(recordContribution(world.deps, { requestId: leadRequest.id, text, submissionId: `t-${text.length}`, via: "card" }, justiceFocalPoint)).rejects.toBeInstanceOf(ValidationError);
    }
    expect(await queryAll(world.repos.contributions)).toEqual([]);
  });

  it("refuses an attachment whose link is not a web address, and saves nothing", async () => {
    const { world, leadRequest, justiceFocalPoint } = await setUp();
    const attachment = { name: "evil.pdf", fileId: "01X", webUrl: "javascript:alert(1)", size: 10 };
    await expect(
      recordContribution(world.deps, { requestId: leadRequest.id, text: "See the file.", attachments: [attachment], submissionId: "att-1", via: "card" }, justiceFocalPoint),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await queryAll(world.repos.contributions)).toEqual([]);
  });

  it("updates the recommendation's status when the lead ministry reports one, keeping the history", async () => {
    const { world, rec, leadRequest, supportingRequest, justiceFocalPoint, educationFocalPoint } = await setUp();
    await recordContribution(world.deps, { requestId: supportingRequest.id, text: "We helped.", reportedStatus: "implemented", submissionId: "s-1", via: "card" }, educationFocalPoint);
    expect((await world.repos.recommendations.get(rec.id)).status).toBe("not-assessed");

    const { contribution } = await recordContribution(world.deps, { requestId: leadRequest.id, text: "Half done.", reportedStatus: "partially-implemented", submissionId: "l-1", via: "card" }, justiceFocalPoint);
    const updated = await world.repos.recommendations.get(rec.id);
    expect(updated.status).toBe("partially-implemented");
    expect(updated.statusHistory).toEqual([
      expect.objectContaining({ status: "partially-implemented", byUserId: justiceFocalPoint.userId, contributionId: contribution.id }),
    ]);
  });

  describe("answers arriving at the same time", () => {
    it("a double click (one submission, twenty times at once) stores one version, and every click is told it is saved", async () => {
      const { world, leadRequest, justiceFocalPoint } = await setUp();
      const results = await Promise.all(
        Array.from({ length: 20 }, () => recordContribution(world.deps, { requestId: leadRequest.id, text: "Once.", submissionId: "double-click", via: "card" }, justiceFocalPoint)),
      );
      expect(await queryAll(world.repos.contributions)).toHaveLength(1);
      expect(new Set(results.map((r) => r.contribution.id)).size).toBe(1);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      const request = await world.repos.requests.get(leadRequest.id);
      expect(request).toMatchObject({ latestVersion: 1, status: "answered" });
      expect(request.pendingSubmissionId).toBeUndefined();
    });

    it("fifty answers: each one told it is saved is stored once, the others are stored nowhere, and versions follow one another", async () => {
      const { world, leadRequest, justiceFocalPoint } = await setUp();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => recordContribution(world.deps, { requestId: leadRequest.id, text: `Answer ${i}.`, submissionId: `s-${i}`, via: "api" }, justiceFocalPoint)),
      );
      const stored = await queryAll(world.repos.contributions);
      const saved = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [`s-${i}`] : []));
      expect(stored.map((c) => c.submissionId).sort()).toEqual(saved.sort());
      expect(stored.map((c) => c.version).sort((a, b) => a - b)).toEqual(stored.map((_, i) => i + 1));
      const request = await world.repos.requests.get(leadRequest.id);
      const newest = stored.reduce((a, b) => (a.version > b.version ? a : b));
      expect(request).toMatchObject({ latestVersion: newest.version, latestContributionId: newest.id });
    });

    it("refuses, before writing anything, a status the person may no longer report (the lead ministry changed)", async () => {
      const { world, rec, leadRequest, justiceFocalPoint } = await setUp();
      await world.repos.recommendations.update(rec.id, { leadMinistryId: world.ministries[2]!.id }, rec.eTag);
      await expect(
        recordContribution(world.deps, { requestId: leadRequest.id, text: "Done.", reportedStatus: "implemented", submissionId: "x-1", via: "card" }, justiceFocalPoint),
      ).rejects.toBeInstanceOf(ForbiddenError);
      expect(await queryAll(world.repos.contributions)).toEqual([]);
      expect((await world.repos.requests.get(leadRequest.id)).latestVersion).toBe(0);
    });
  });
});
