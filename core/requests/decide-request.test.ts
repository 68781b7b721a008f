import { ConcurrencyError, ForbiddenError, InvalidStateError, ValidationError } from "../errors";
import { queryAll } from "../ports/repository";
import { buildWorld } from "../testing/world";
import { changeRequest } from "./change-request";
import { createRequests } from "./create-requests";
import { decideRequest, listDecisions } from "./decide-request";
import { recordContribution } from "../contributions/record-contribution";

async function setUp() {
  const world = await buildWorld();
  const [justice, education] = world.ministries;
  const report = await world.addReport();
  const rec = await world.addRecommendation({ leadMinistryId: justice!.id });
  const { created } = await createRequests(world.deps, { reportId: report.id, subjects: [{ kind: "recommendation", recommendationId: rec.id }], ask: "Update?", dueDate: "2026-04-05" }, world.secretariat);
  const [request] = await world.delivered(created);
  const own = world.focalPoints[justice!.id]!.technical;
  return { world, report, request: request!, own, justice: justice!, education: education! };
}

async function noticesTo(world: Awaited<ReturnType<typeof buildWorld>>, userId: string) {
  return (await queryAll(world.repos.outbox)).filter((e) => e.recipientId === userId && e.notification.kind === "notice").map((e) => e.notification);
}

describe("the secretariat's decisions", () => {
  it("lists an ask for more time as waiting, grants it with the date asked, and the focal point hears it", async () => {
    const { world, request, own } = await setUp();
    const asked = await changeRequest(world.deps, { requestId: request.id, change: { action: "ask-more-time", until: "2026-04-30", reason: "Statistics come in April" } }, own);
    expect((await listDecisions(world.deps, world.secretariat)).map((d) => [d.request.id, d.decisions])).toEqual([[request.id, ["more-time"]]]);

    const { request: granted } = await decideRequest(world.deps, { requestId: request.id, eTag: asked.eTag, decision: { decision: "grant-more-time", until: "2026-04-30" } }, world.secretariat);
    expect(granted).toMatchObject({ status: "extended", dueDate: "2026-04-30" });
    expect(granted.moreTimeRequestedUntil).toBeUndefined();
    expect(await listDecisions(world.deps, world.secretariat)).toEqual([]);
    expect(await noticesTo(world, own.userId)).toEqual([expect.objectContaining({ topic: "more-time-granted", until: "2026-04-30", requestId: request.id })]);
    const [entry] = await queryAll(world.repos.audit, { where: [{ field: "action", op: "eq", value: "request.grant-more-time" }] });
    expect(entry!.changes).toEqual(expect.arrayContaining([{ field: "dueDate", from: "2026-04-05", to: "2026-04-30" }]));
  });

  it("refuses more time with a reason: the date stays, the focal point reads the reason", async () => {
    const { world, request, own } = await setUp();
    const asked = await changeRequest(world.deps, { requestId: request.id, change: { action: "ask-more-time", until: "2026-04-30", reason: "Busy" } }, own);
    const { request: refused } = await decideRequest(world.deps, { requestId: request.id, eTag: asked.eTag, decision: { decision: "refuse-more-time", reason: "The report goes to Cabinet on 10 April" } }, world.secretariat);
    expect(refused).toMatchObject({ status: "sent", dueDate: "2026-04-05" });
    expect(await noticesTo(world, own.userId)).toEqual([expect.objectContaining({ topic: "more-time-refused", comment: "The report goes to Cabinet on 10 April" })]);
  });

  it("refuses a refusal without a reason, and changes nothing", async () => {
    const { world, request, own } = await setUp();
    const asked = await changeRequest(world.deps, { requestId: request.id, change: { action: "ask-more-time", until: "2026-04-30", reason: "Busy" } }, own);
    await expect(decideRequest(world.deps, { requestId: request.id, eTag: asked.eTag, decision: { decision: "refuse-more-time", reason: "  " } }, world.secretariat)).rejects.toBeInstanceOf(ValidationError);
    expect((await world.repos.requests.get(request.id)).moreTimeRequestedUntil).toBe("2026-04-30");
  });

  it("moves a declined request to another ministry: a request is made there, the old one is closed and says so", async () => {
    const { world, request, own, education } = await setUp();
    const declined = await changeRequest(world.deps, { requestId: request.id, change: { action: "decline", reason: "It is Education's" } }, own);
    expect((await listDecisions(world.deps, world.secretariat))[0]!.decisions).toEqual(["declined"]);

    const { request: moved, reassignedTo } = await decideRequest(world.deps, { requestId: request.id, eTag: declined.eTag, decision: { decision: "reassign", ministryId: education.id } }, world.secretariat);
    expect(moved).toMatchObject({ status: "closed", reassignedToMinistryId: education.id, reassignedToRequestId: reassignedTo!.id });
    expect(reassignedTo).toMatchObject({ ministryId: education.id, subject: request.subject, dueDate: "2026-04-05", reassignedFromRequestId: request.id, status: "queued" });
    expect(await noticesTo(world, own.userId)).toEqual([expect.objectContaining({ topic: "reassigned", ministryName: "Ministry of Education" })]);
    const cards = (await queryAll(world.repos.outbox)).filter((e) => e.notification.kind === "request" && e.notification.requestId === reassignedTo!.id);
    expect(cards.map((e) => e.recipientId)).toEqual([world.focalPoints[education.id]!.technical.userId]);
    expect(await listDecisions(world.deps, world.secretariat)).toEqual([]);
  });

  it("refuses moving a request to the ministry it is at", async () => {
    const { world, request, justice } = await setUp();
    await expect(decideRequest(world.deps, { requestId: request.id, eTag: request.eTag, decision: { decision: "reassign", ministryId: justice.id } }, world.secretariat)).rejects.toBeInstanceOf(ValidationError);
    expect((await queryAll(world.repos.requests))).toHaveLength(1);
  });

  it("sends an answer back for revision (the request waits again) and accepts the revised one", async () => {
    const { world, request, own } = await setUp();
    await recordContribution(world.deps, { requestId: request.id, text: "We adopted a plan.", via: "card", submissionId: "s1" }, own);
    const answered = await world.repos.requests.get(request.id);
    expect((await listDecisions(world.deps, world.secretariat))[0]!.decisions).toEqual(["answer-to-review"]);

    const { request: returned } = await decideRequest(world.deps, { requestId: request.id, eTag: answered.eTag, decision: { decision: "return-answer", comment: "Give the plan's date and budget" } }, world.secretariat);
    expect(returned).toMatchObject({ status: "seen", revisionComment: "Give the plan's date and budget" });
    expect(await noticesTo(world, own.userId)).toEqual([expect.objectContaining({ topic: "answer-returned", comment: "Give the plan's date and budget" })]);
    expect(await listDecisions(world.deps, world.secretariat)).toEqual([]);

    await recordContribution(world.deps, { requestId: request.id, text: "Adopted 3 March 2026, 2 million.", via: "card", submissionId: "s2" }, own);
    const revised = await world.repos.requests.get(request.id);
    const { request: accepted } = await decideRequest(world.deps, { requestId: request.id, eTag: revised.eTag, decision: { decision: "accept-answer" } }, world.secretariat);
    expect(accepted).toMatchObject({ status: "answered", acceptedVersion: 2 });
    expect(await listDecisions(world.deps, world.secretariat)).toEqual([]);
  });

  it("is the secretariat's alone, on the request as it was read", async () => {
    const { world, request, own } = await setUp();
    await expect(decideRequest(world.deps, { requestId: request.id, eTag: request.eTag, decision: { decision: "accept-answer" } }, own)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listDecisions(world.deps, own)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideRequest(world.deps, { requestId: request.id, eTag: "stale", decision: { decision: "accept-answer" } }, world.secretariat)).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(decideRequest(world.deps, { requestId: request.id, eTag: request.eTag, decision: { decision: "accept-answer" } }, world.secretariat)).rejects.toBeInstanceOf(InvalidStateError);
    await expect(decideRequest(world.deps, { requestId: request.id, eTag: request.eTag, decision: { decision: "grant-more-time", until: "2026-05-01" } }, world.secretariat)).rejects.toBeInstanceOf(InvalidStateError);
  });

  it("lists undeliverable requests as waiting", async () => {
    const world = await buildWorld();
    const report = await world.addReport();
    const lonely = await world.repos.ministries.create({ name: "Ministry of Culture" });
    const rec = await world.addRecommendation({ leadMinistryId: lonely.id });
    await createRequests(world.deps, { reportId: report.id, subjects: [{ kind: "recommendation", recommendationId: rec.id }], ask: "Update?", dueDate: "2026-04-05" }, world.secretariat);
    expect((await listDecisions(world.deps, world.secretariat)).map((d) => d.decisions)).toEqual([["undeliverable"]]);
  });
});
