import { ConcurrencyError, ForbiddenError, InvalidStateError } from "../errors";
import { queryAll } from "../ports/repository";
import { buildWorld } from "../testing/world";
import { changeRequest } from "./change-request";
import { createRequests } from "./create-requests";

async function setUp() {
  const world = await buildWorld();
  const [justice, education] = world.ministries;
  const report = await world.addReport();
  const rec = await world.addRecommendation({ leadMinistryId: justice!.id });
  const { created } = await createRequests(world.deps, { reportId: report.id, subjects: [{ kind: "recommendation", recommendationId: rec.id }], ask: "Update?", dueDate: "2026-04-05" }, world.secretariat);
  const [request] = await world.delivered(created);
  return { world, request: request!, own: world.focalPoints[justice!.id]!.technical, other: world.focalPoints[education!.id]!.technical };
}

describe("changing a request", () => {
  it("extends the due date and sends the card again with the new date", async () => {
    const { world, request } = await setUp();
    const updated = await changeRequest(world.deps, { requestId: request.id, eTag: request.eTag, change: { action: "extend", until: "2026-04-20" } }, world.secretariat);
    expect(updated).toMatchObject({ status: "extended", dueDate: "2026-04-20" });
    expect((await queryAll(world.repos.outbox)).map((e) => e.key)).toEqual([
      `request:${request.id}:fp-1-technical`,
      `request:${request.id}:fp-1-technical:due:2026-04-20`,
    ]);
    const [entry] = await queryAll(world.repos.audit, { where: [{ field: "action", op: "eq", value: "request.extend" }] });
    expect(entry!.changes).toEqual(expect.arrayContaining([{ field: "dueDate", from: "2026-04-05", to: "2026-04-20" }]));
  });

  it("refuses a change based on a stale read", async () => {
    const { world, request } = await setUp();
    await changeRequest(world.deps, { requestId: request.id, change: { action: "close" } }, world.secretariat);
    await expect(changeRequest(world.deps, { requestId: request.id, eTag: request.eTag, change: { action: "extend", until: "2026-05-01" } }, world.secretariat)).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it("resends once per read: a double click sends one card", async () => {
    const { world, request } = await setUp();
    await changeRequest(world.deps, { requestId: request.id, eTag: request.eTag, change: { action: "resend" } }, world.secretariat);
    await expect(changeRequest(world.deps, { requestId: request.id, eTag: request.eTag, change: { action: "resend" } }, world.secretariat)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await queryAll(world.repos.outbox)).toHaveLength(2);
  });

  it("lets the ministry decline and tells the secretariat", async () => {
    const { world, request, own } = await setUp();
    const declined = await changeRequest(world.deps, { requestId: request.id, change: { action: "decline", reason: "This is the Ministry of Health's" } }, own);
    expect(declined).toMatchObject({ status: "declined", declinedReason: "This is the Ministry of Health's" });
    const notices = (await queryAll(world.repos.outbox)).filter((e) => e.notification.kind === "notice");
    expect(notices).toEqual([expect.objectContaining({ recipientId: "sec-1", notification: expect.objectContaining({ topic: "not-our-ministry", requestId: request.id }) })]);
  });

  it("records a request for more time without moving the due date", async () => {
    const { world, request, own } = await setUp();
    const updated = await changeRequest(world.deps, { requestId: request.id, change: { action: "ask-more-time", until: "2026-04-30", reason: "Statistics come in April" } }, own);
    expect(updated).toMatchObject({ dueDate: "2026-04-05", moreTimeRequestedUntil: "2026-04-30", status: "sent" });
    expect((await queryAll(world.repos.outbox)).some((e) => e.notification.kind === "notice" && e.notification.topic === "more-time-requested")).toBe(true);
  });

  it("refuses a focal point of another ministry and the secretariat's actions by a focal point", async () => {
    const { world, request, own, other } = await setUp();
    await expect(changeRequest(world.deps, { requestId: request.id, change: { action: "decline", reason: "no" } }, other)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeRequest(world.deps, { requestId: request.id, change: { action: "close" } }, own)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await world.repos.requests.get(request.id)).status).toBe("sent");
  });

  it("refuses to decline an answered request", async () => {
    const { world, request, own } = await setUp();
    await world.repos.requests.update(request.id, { status: "answered" }, request.eTag);
    await expect(changeRequest(world.deps, { requestId: request.id, change: { action: "decline", reason: "no" } }, own)).rejects.toBeInstanceOf(InvalidStateError);
  });
});
