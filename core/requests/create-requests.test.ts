import { ForbiddenError, InvalidStateError, ValidationError } from "../errors";
import { queryAll } from "../ports/repository";
import { buildWorld } from "../testing/world";
import { createRequests } from "./create-requests";
import { nominateFocalPoint } from "../ministries/renominate-focal-point";
import { recoverOperations } from "../operations/recover";
import { OPERATION_LEASE_MS } from "../operations/journal";

describe("creating requests for a report", () => {
  async function setUp() {
    const world = await buildWorld();
    const [justice, education] = world.ministries;
    const report = await world.addReport({ questions: [{ number: "1", text: "Describe the national human rights institution." }] });
    const r1 = await world.addRecommendation({ leadMinistryId: justice!.id, supportingMinistryIds: [education!.id] });
    const r2 = await world.addRecommendation({ leadMinistryId: education!.id });
    const noLead = await world.addRecommendation({ leadMinistryId: undefined });
    return { world, report, r1, r2, noLead, justice: justice!, education: education! };
  }

  it("asks each recommendation's lead ministry and sends the card to its technical focal point", async () => {
    const { world, report, r1, r2, justice, education } = await setUp();
    const result = await createRequests(
      world.deps,
      { reportId: report.id, subjects: [r1, r2].map((r) => ({ kind: "recommendation", recommendationId: r.id })), ask: "What was done since 2022?", dueDate: "2026-04-05" },
      world.secretariat,
    );
    // Queued until Teams accepts the card: the request does not claim to be sent before it is.
    expect(result.created.map((r) => [r.recommendationId, r.ministryId, r.status, r.sentAt])).toEqual([
      [r1.id, justice.id, "queued", undefined],
      [r2.id, education.id, "queued", undefined],
    ]);
    const outbox = await queryAll(world.repos.outbox);
    expect(outbox.map((e) => [e.recipientId, e.notification])).toEqual([
      [world.focalPoints[justice.id]!.technical.userId, { kind: "request", requestId: result.created[0]!.id }],
      [world.focalPoints[education.id]!.technical.userId, { kind: "request", requestId: result.created[1]!.id }],
    ]);
    const audit = await queryAll(world.repos.audit);
    expect(audit.filter((a) => a.action === "request.created")).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actorId: "sec-1" });
    expect((await world.repos.reports.get(report.id)).status).toBe("collecting");
  });

  it("creates and sends nothing the second time", async () => {
    const { world, report, r1 } = await setUp();
    const input = { reportId: report.id, subjects: [{ kind: "recommendation" as const, recommendationId: r1.id }], ministries: { mode: "lead-and-supporting" as const }, ask: "Update?", dueDate: "2026-04-05" };
    const first = await createRequests(world.deps, input, world.secretariat);
    const again = await createRequests(world.deps, input, world.secretariat);
    expect(first.created).toHaveLength(2);
    expect(first.created.map((r) => r.ministryRole)).toEqual(["lead", "supporting"]);
    expect(again).toMatchObject({ created: [], alreadyExisting: 2 });
    expect(await queryAll(world.repos.requests)).toHaveLength(2);
    expect(await queryAll(world.repos.outbox)).toHaveLength(2);
  });

  it("skips recommendations with no lead ministry, saying so", async () => {
    const { world, report, noLead } = await setUp();
    const result = await createRequests(world.deps, { reportId: report.id, subjects: [{ kind: "recommendation", recommendationId: noLead.id }], ask: "Update?", dueDate: "2026-04-05" }, world.secretariat);
    expect(result.created).toEqual([]);
    expect(result.skipped[0]!.reason).toMatch(/no lead ministry/);
  });

  it("asks the chosen ministries about the report's questions", async () => {
    const { world, report, justice, education } = await setUp();
    const result = await createRequests(
      world.deps,
      { reportId: report.id, subjects: [{ kind: "question", number: "1" }, { kind: "question", number: "9" }], ministries: { mode: "selected", ministryIds: [justice.id, education.id] }, ask: "Please reply.", dueDate: "2026-04-05" },
      world.secretariat,
    );
    expect(result.created).toHaveLength(2);
    expect(result.skipped).toEqual([{ subject: { kind: "question", number: "9" }, reason: "the report has no question 9" }]);
  });

  it("reports the requests nobody can receive yet", async () => {
    const { world, report } = await setUp();
    const newMinistry = await world.repos.ministries.create({ name: "Ministry of Sport" });
    const rec = await world.addRecommendation({ leadMinistryId: newMinistry.id });
    const result = await createRequests(world.deps, { reportId: report.id, subjects: [{ kind: "recommendation", recommendationId: rec.id }], ask: "Update?", dueDate: "2026-04-05" }, world.secretariat);
    expect(result.unaddressed).toEqual([{ requestId: result.created[0]!.id, ministryId: newMinistry.id }]);
    // Undeliverable at once, with why: nobody is waiting for Teams to accept anything.
    expect(result.created[0]).toMatchObject({ status: "undeliverable", undeliverableReason: "no-focal-point" });
  });

  it("queues the card of an undeliverable request again when the ministry gets a technical focal point", async () => {
    const { world, report } = await setUp();
    const sport = await world.repos.ministries.create({ name: "Ministry of Sport" });
    const rec = await world.addRecommendation({ leadMinistryId: sport.id });
    const { created } = await createRequests(world.deps, { reportId: report.id, subjects: [{ kind: "recommendation", recommendationId: rec.id }], ask: "Update?", dueDate: "2026-04-05" }, world.secretariat);
    await nominateFocalPoint(world.deps, { ministryId: sport.id, role: "technical", person: { userId: "fp-sport", displayName: "Sam Sport", email: "sam@gov.example" } }, world.secretariat);
    const requeued = await world.repos.requests.get(created[0]!.id);
    expect(requeued.status).toBe("queued");
    expect(requeued.undeliverableReason).toBeUndefined();
    expect(await world.deliverCards()).toBe(1);
    expect(await world.repos.requests.get(created[0]!.id)).toMatchObject({ status: "sent" });
  });

  describe("when the process dies half way", () => {
    /** Makes the store fail from the n-th outbox write on, as a killed process stops writing. */
    function crashOnOutboxWrite(world: Awaited<ReturnType<typeof setUp>>["world"], afterCalls: number) {
      const original = world.repos.outbox.createMany.bind(world.repos.outbox);
      let calls = 0;
      world.repos.outbox.createMany = async (inputs) => {
        calls += 1;
        if (calls > afterCalls) throw new Error("process killed");
        return original(inputs);
      };
      return () => {
        world.repos.outbox.createMany = original;
      };
    }

    async function bigAsk() {
      const { world, report, justice, education } = await setUp();
      const recs = [];
      for (let i = 0; i < 450; i += 1) recs.push(await world.addRecommendation({ leadMinistryId: i % 2 ? justice.id : education.id }));
      const input = { reportId: report.id, subjects: recs.map((r) => ({ kind: "recommendation" as const, recommendationId: r.id })), ask: "Update?", dueDate: "2026-04-05" };
      return { world, report, input };
    }

    async function expectEveryRequestComplete(world: Awaited<ReturnType<typeof setUp>>["world"]) {
      const requests = await queryAll(world.repos.requests);
      const outbox = await queryAll(world.repos.outbox);
      const audit = (await queryAll(world.repos.audit)).filter((entry) => entry.action === "request.created");
      for (const request of requests) {
        expect(outbox.filter((entry) => entry.notification.kind === "request" && entry.notification.requestId === request.id)).toHaveLength(1);
        expect(audit.filter((entry) => entry.entityId === request.id)).toHaveLength(1);
      }
      return requests;
    }

    it("finishes the requests it had made, with their cards and audit entries, once the lease is over", async () => {
      const { world, input } = await bigAsk();
      const restore = crashOnOutboxWrite(world, 1); // the first chunk is complete, the second has requests without cards
      await expect(createRequests(world.deps, input, world.secretariat)).rejects.toThrow("process killed");
      restore();
      const made = await queryAll(world.repos.requests);
      expect(made).toHaveLength(400);
      expect(await recoverOperations(world.deps)).toMatchObject({ finished: [], inProgress: 1 }); // its owner may still be alive
      world.clock.advance(OPERATION_LEASE_MS);
      const run = await recoverOperations(world.deps);
      expect(run.finished).toEqual([expect.objectContaining({ kind: "create-requests", records: 400 })]);
      expect(await expectEveryRequestComplete(world)).toHaveLength(400);
      expect(await queryAll(world.repos.operations)).toEqual([expect.objectContaining({ status: "completed", planned: 450, done: 200 })]);
      expect(await recoverOperations(world.deps)).toEqual({ finished: [], inProgress: 0 });
    });

    it("asking again makes what was missing and finishes what was made, creating nothing twice", async () => {
      const { world, input } = await bigAsk();
      const restore = crashOnOutboxWrite(world, 1);
      await createRequests(world.deps, input, world.secretariat).catch(() => undefined);
      restore();
      world.clock.advance(OPERATION_LEASE_MS);
      const again = await createRequests(world.deps, input, world.secretariat);
      expect(again).toMatchObject({ alreadyExisting: 400 });
      expect(again.created).toHaveLength(50);
      expect(await expectEveryRequestComplete(world)).toHaveLength(450);
    });
  });

  it("lets only the secretariat ask, and writes nothing otherwise", async () => {
    const { world, report, r1, justice } = await setUp();
    const input = { reportId: report.id, subjects: [{ kind: "recommendation" as const, recommendationId: r1.id }], ask: "Update?", dueDate: "2026-04-05" };
    await expect(createRequests(world.deps, input, world.chair)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createRequests(world.deps, input, world.focalPoints[justice.id]!.technical)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await queryAll(world.repos.requests)).toEqual([]);
  });

  it("refuses bad input with the failing fields, and writes nothing", async () => {
    const { world, report } = await setUp();
    const error = await createRequests(world.deps, { reportId: report.id, subjects: [], ask: " ", dueDate: "2026-02-30" }, world.secretariat).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path).sort()).toEqual(["ask", "dueDate", "subjects"]);
    expect(await queryAll(world.repos.requests)).toEqual([]);
    expect(await queryAll(world.repos.outbox)).toEqual([]);
  });

  it("takes no requests for a submitted report", async () => {
    const { world, r1 } = await setUp();
    const submitted = await world.addReport({ status: "submitted" });
    await expect(
      createRequests(world.deps, { reportId: submitted.id, subjects: [{ kind: "recommendation", recommendationId: r1.id }], ask: "Update?", dueDate: "2026-04-05" }, world.secretariat),
    ).rejects.toBeInstanceOf(InvalidStateError);
  });
});
