import { queryAll } from "../ports/repository";
import { buildWorld } from "../testing/world";
import { createRequests } from "./create-requests";
import { reconcileQueuedRequests, recordCardOutcome } from "./record-delivery";

async function setUp() {
  const world = await buildWorld();
  const justice = world.ministries[0]!;
  // A second technical focal point: the request has two cards.
  await world.repos.focalPoints.create({ ministryId: justice.id, role: "technical", userId: "fp-1-deputy", displayName: "Dana Deputy", email: "dana@gov.example", activeFrom: "2026-01-01T00:00:00.000Z" });
  const report = await world.addReport();
  const rec = await world.addRecommendation({ leadMinistryId: justice.id });
  const { created } = await createRequests(world.deps, { reportId: report.id, subjects: [{ kind: "recommendation", recommendationId: rec.id }], ask: "Update?", dueDate: "2026-04-05" }, world.secretariat);
  const cards = await queryAll(world.repos.outbox);
  return { world, request: created[0]!, cards };
}

describe("a request follows what became of its cards", () => {
  it("is sent once Teams accepted one of its cards, whatever became of the other", async () => {
    const { world, request, cards } = await setUp();
    expect(cards).toHaveLength(2);
    await world.repos.outbox.update(cards[0]!.id, { status: "undeliverable", lastError: "unreachable" }, cards[0]!.eTag);
    await recordCardOutcome(world.deps, request.id, { delivered: false, reason: "unreachable", detail: "no chat with the bot" });
    expect((await world.repos.requests.get(request.id)).status).toBe("queued"); // the other card may still go out
    await recordCardOutcome(world.deps, request.id, { delivered: true, at: "2026-03-02T09:05:00.000Z" });
    expect(await world.repos.requests.get(request.id)).toMatchObject({ status: "sent", sentAt: "2026-03-02T09:05:00.000Z" });
  });

  it("is undeliverable, with why, once no card could reach anyone; the audit log says so", async () => {
    const { world, request, cards } = await setUp();
    for (const card of cards) await world.repos.outbox.update(card.id, { status: "undeliverable", lastError: "unreachable" }, card.eTag);
    await recordCardOutcome(world.deps, request.id, { delivered: false, reason: "unreachable", detail: "the app could not be installed for them" });
    expect(await world.repos.requests.get(request.id)).toMatchObject({ status: "undeliverable", undeliverableReason: "unreachable", undeliverableDetail: "the app could not be installed for them" });
    const audit = await queryAll(world.repos.audit, { where: [{ field: "action", op: "eq", value: "request.undeliverable" }] });
    expect(audit).toEqual([expect.objectContaining({ entityId: request.id, actorId: "system" })]);
  });

  it("catches up with cards whose outcome was never recorded on the request (a crash in between)", async () => {
    const { world, request, cards } = await setUp();
    await world.repos.outbox.update(cards[1]!.id, { status: "sent", sentAt: "2026-03-02T09:06:00.000Z" }, cards[1]!.eTag);
    expect(await reconcileQueuedRequests(world.deps)).toBe(1);
    expect(await world.repos.requests.get(request.id)).toMatchObject({ status: "sent", sentAt: "2026-03-02T09:06:00.000Z" });
    expect(await reconcileQueuedRequests(world.deps)).toBe(0);
  });
});
