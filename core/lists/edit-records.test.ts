import { ConcurrencyError, ForbiddenError, ValidationError } from "../errors";
import { queryAll } from "../ports/repository";
import { buildWorld } from "../testing/world";
import { createRecord, updateRecord } from "./edit-records";

describe("editing the secretariat's lists", () => {
  it("audits each change with the fields that changed", async () => {
    const world = await buildWorld();
    const rec = await world.addRecommendation();
    const updated = await updateRecord(world.deps, "recommendations", rec.id, { leadMinistryId: world.ministries[1]!.id, paragraph: "141.1" }, rec.eTag, world.secretariat);
    expect(updated.key).toBe("A/HRC/59/15#141.1");
    const [entry] = await queryAll(world.repos.audit);
    expect(entry).toMatchObject({ action: "recommendations.updated", actorId: "sec-1", entityId: rec.id });
    expect(entry!.changes.map((c) => c.field).sort()).toEqual(["key", "leadMinistryId", "paragraph"]);
  });

  it("keeps workflow fields out of direct edits", async () => {
    const world = await buildWorld();
    const rec = await world.addRecommendation();
    await expect(updateRecord(world.deps, "recommendations", rec.id, { status: "implemented" }, rec.eTag, world.secretariat)).rejects.toBeInstanceOf(ValidationError);
    expect((await world.repos.recommendations.get(rec.id)).status).toBe("not-assessed");
  });

  it("refuses stale edits and other people's edits", async () => {
    const world = await buildWorld();
    const ministry = await createRecord(world.deps, "ministries", { name: "Ministry of Culture" }, world.secretariat);
    await updateRecord(world.deps, "ministries", ministry.id, { acronym: "MOC" }, ministry.eTag, world.secretariat);
    await expect(updateRecord(world.deps, "ministries", ministry.id, { acronym: "X" }, ministry.eTag, world.secretariat)).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(createRecord(world.deps, "ministries", { name: "Ministry of Nothing" }, world.observer)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await world.repos.ministries.get(ministry.id)).acronym).toBe("MOC");
  });
});
