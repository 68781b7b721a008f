import { ForbiddenError } from "../errors";
import { queryAll } from "../ports/repository";
import { buildWorld } from "../testing/world";
import { createRequests } from "../requests/create-requests";
import { ministriesOfFocalPoint } from "./focal-points";
import { nominateFocalPoint } from "./renominate-focal-point";

describe("nominating a focal point", () => {
  it("ends the previous nomination, keeps it in the history, and sends the newcomer the open requests", async () => {
    const world = await buildWorld();
    const justice = world.ministries[0]!;
    const report = await world.addReport();
    const rec = await world.addRecommendation({ leadMinistryId: justice.id });
    await createRequests(world.deps, { reportId: report.id, subjects: [{ kind: "recommendation", recommendationId: rec.id }], ask: "Update?", dueDate: "2026-04-05" }, world.secretariat);

    world.clock.advanceDays(10);
    const { nominated, ended } = await nominateFocalPoint(
      world.deps,
      { ministryId: justice.id, role: "technical", person: { userId: "new-1", displayName: "Nina New", email: "nina@gov.example" } },
      world.secretariat,
    );
    expect(ended.map((f) => [f.userId, f.activeUntil])).toEqual([["fp-1-technical", "2026-03-12T09:00:00.000Z"]]);
    expect(nominated).toMatchObject({ userId: "new-1", role: "technical", activeFrom: "2026-03-12T09:00:00.000Z" });
    const history = await queryAll(world.repos.focalPoints, { where: [{ field: "ministryId", op: "eq", value: justice.id }] });
    expect(history.filter((f) => f.role === "technical").map((f) => f.userId)).toEqual(["fp-1-technical", "new-1"]);
    await expect(ministriesOfFocalPoint(world.deps, "fp-1-technical")).resolves.toEqual([]);
    await expect(ministriesOfFocalPoint(world.deps, "new-1")).resolves.toEqual([justice.id]);
    expect((await queryAll(world.repos.outbox)).filter((e) => e.recipientId === "new-1")).toHaveLength(1);
  });

  it("is for the secretariat only", async () => {
    const world = await buildWorld();
    await expect(
      nominateFocalPoint(world.deps, { ministryId: world.ministries[0]!.id, role: "senior", person: { userId: "x", displayName: "X", email: "x@gov.example" } }, world.chair),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
