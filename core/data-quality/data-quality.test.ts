import { ConcurrencyError, ForbiddenError, ValidationError } from "../errors";
import type { InMemoryRepository } from "../in-memory/in-memory-repository";
import { queryAll } from "../ports/repository";
import { readDashboard } from "../dashboard/dashboard";
import { buildWorld } from "../testing/world";
import { fixRow, readDataQuality } from "./data-quality";

type Raw = InMemoryRepository<never>;

async function worldWithABrokenRecommendation() {
  const world = await buildWorld();
  const kept = await world.addRecommendation();
  const broken = await world.addRecommendation();
  (world.repos.recommendations as unknown as Raw).editRow(broken.id, { status: "Maybe later", cycle: "four" });
  return { ...world, kept, broken };
}

describe("data needing attention", () => {
  it("names each row a person broke, in which list, with its problems, and counts every list checked", async () => {
    const { deps, secretariat, broken } = await worldWithABrokenRecommendation();
    const report = await readDataQuality(deps, secretariat);
    expect(report.total).toBe(1);
    expect(report.rows).toEqual([
      expect.objectContaining({
        kind: "recommendations",
        id: broken.id,
        problems: [expect.objectContaining({ field: "cycle", kind: "not_a_number", value: "four" }), expect.objectContaining({ field: "status", kind: "not_a_choice", value: "Maybe later" })],
      }),
    ]);
    expect(report.lists.find((l) => l.kind === "recommendations")?.count).toBe(1);
    expect(report.lists.find((l) => l.kind === "ministries")?.count).toBe(0);
  });

  it("is shown to the secretariat, the chair and administrators, fixed by the secretariat and administrators only", async () => {
    const { deps, chair, observer, focalPoints, ministries, broken } = await worldWithABrokenRecommendation();
    await expect(readDataQuality(deps, chair)).resolves.toMatchObject({ total: 1 });
    await expect(readDataQuality(deps, observer)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(readDataQuality(deps, focalPoints[ministries[0]!.id]!.technical)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(fixRow(deps, "recommendations", broken.id, { eTag: "x", fields: { cycle: "4" } }, chair)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("fixes the broken columns with the row's eTag (a number typed as text is a number), and the row is back in the list", async () => {
    const { deps, secretariat, repos, broken } = await worldWithABrokenRecommendation();
    const [row] = (await readDataQuality(deps, secretariat)).rows;
    const fixed = await fixRow(deps, "recommendations", broken.id, { eTag: row!.eTag!, fields: { status: "in-progress", cycle: "4" } }, secretariat);
    expect(fixed).toMatchObject({ id: broken.id, status: "in-progress", cycle: 4, text: broken.text });
    expect((await queryAll(repos.recommendations)).map((r) => r.id)).toContain(broken.id);
    expect((await readDataQuality(deps, secretariat)).total).toBe(0);
    const [entry] = await queryAll(repos.audit, { where: [{ field: "action", op: "eq", value: "recommendations.fixed" }] });
    expect(entry).toMatchObject({ entityId: broken.id, actorId: secretariat.userId, changes: expect.arrayContaining([{ field: "cycle", from: "four", to: 4 }]) });
  });

  it("writes nothing when the fix leaves the row invalid, touches a column that needs no fix, or comes with a stale eTag", async () => {
    const { deps, secretariat, repos, broken } = await worldWithABrokenRecommendation();
    const [row] = (await readDataQuality(deps, secretariat)).rows;
    await expect(fixRow(deps, "recommendations", broken.id, { eTag: row!.eTag!, fields: { status: "in-progress" } }, secretariat)).rejects.toBeInstanceOf(ValidationError);
    await expect(fixRow(deps, "recommendations", broken.id, { eTag: row!.eTag!, fields: { status: "in-progress", cycle: 4, text: "Another text" } }, secretariat)).rejects.toThrow(/only the columns that need attention/);
    await expect(fixRow(deps, "recommendations", broken.id, { eTag: broken.eTag, fields: { status: "in-progress", cycle: 4 } }, secretariat)).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await readDataQuality(deps, secretariat)).rows).toEqual([row]);
    expect(await queryAll(repos.audit, { where: [{ field: "action", op: "eq", value: "recommendations.fixed" }] })).toEqual([]);
  });

  it("refuses to 'fix' a row that needs no fix", async () => {
    const { deps, secretariat, kept } = await worldWithABrokenRecommendation();
    await expect(fixRow(deps, "recommendations", kept.id, { eTag: kept.eTag, fields: { cycle: 3 } }, secretariat)).rejects.toThrow(/does not need attention/);
  });

  it("leaves the broken row out of the dashboard's figures and says how many rows need attention, to those who fix them", async () => {
    const { deps, secretariat, observer } = await worldWithABrokenRecommendation();
    const query = { dimension: "mechanism" as const, dueItems: 5 };
    const dashboard = await readDashboard(deps, query, secretariat);
    expect(dashboard.recommendations.total).toBe(1);
    expect(dashboard.needsAttention?.count).toBe(1);
    expect((await readDashboard(deps, query, observer)).needsAttention).toBeUndefined();
  });
});
