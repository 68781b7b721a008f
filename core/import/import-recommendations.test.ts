import type { Actor } from "../auth/policy";
import { ConflictError, ForbiddenError } from "../errors";
import type { ImportedFields, ParsedImport, ParsedRow } from "./import-types";
import { FakeClock } from "../in-memory/fakes";
import { createInMemoryRepositories } from "../in-memory/in-memory-repositories";
import { queryAll, type Repositories } from "../ports/repository";
import { recommendationKey, type RecommendationInput } from "../recommendations/recommendation";
import { commitImport, previewImport } from "./import-recommendations";

const secretariat: Actor = { userId: "sec-1", displayName: "Sara Secretariat", roles: ["Secretariat"], ministryIds: [] };
const focalPoint: Actor = { userId: "fp-1", displayName: "Tess Justice", roles: [], ministryIds: ["3"] };

function fields(paragraph: string, extra: Partial<ImportedFields> = {}): ImportedFields {
  return {
    key: recommendationKey("A/HRC/59/15", paragraph),
    text: `Recommendation ${paragraph}`,
    mechanism: "UPR",
    documentSymbol: "A/HRC/59/15",
    paragraph,
    session: 48,
    cycle: 4,
    recommendingStates: ["Chile"],
    position: "supported",
    cluster: "Right to health",
    themes: ["Right to health"],
    affectedGroups: [],
    sdgGoals: [3],
    sdgTargets: [],
    ...extra,
  };
}

function fileOf(count: number, change: (paragraph: string) => Partial<ImportedFields> = () => ({})): ParsedImport {
  const rows: ParsedRow[] = Array.from({ length: count }, (_, index) => {
    const paragraph = `140.${index + 1}`;
    return { ok: true, row: index + 2, ref: paragraph, fields: fields(paragraph, change(paragraph)), warnings: [] };
  });
  return { format: "ohchr-docx", layout: "cycle-4", fileName: "svn.docx", source: { country: "Slovenia", cycle: 4, session: 48 }, rows, clusters: ["Right to health"], warnings: [] };
}

function setup() {
  const repos = createInMemoryRepositories();
  const clock = new FakeClock("2026-03-02T09:00:00.000Z");
  return { repos, clock, deps: { repos, clock } };
}

async function stored(repos: Repositories) {
  return queryAll(repos.recommendations, { top: 5000 });
}

describe("preview", () => {
  it("shows what would happen and writes nothing", async () => {
    const { repos, deps } = setup();
    const preview = await previewImport(deps, secretariat, fileOf(3));
    expect(preview).toMatchObject({ total: 3, new: 3, changed: 0, unchanged: 0, duplicates: 0, invalid: 0, position: { supported: 3 }, clusters: 1, layout: "cycle-4" });
    expect(await stored(repos)).toHaveLength(0);
    expect(await queryAll(repos.audit)).toHaveLength(0);
  });

  it("is the secretariat's to run", async () => {
    const { repos, deps } = setup();
    await expect(previewImport(deps, focalPoint, fileOf(1))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(commitImport(deps, focalPoint, fileOf(1))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await stored(repos)).toHaveLength(0);
  });
});

describe("commit", () => {
  it("creates the recommendations in bulk calls, with one audit entry per bulk write naming the file and the ids", async () => {
    const { repos, deps } = setup();
    const createMany = jest.spyOn(repos.recommendations, "createMany");
    const result = await commitImport(deps, secretariat, fileOf(1200));

    expect(result).toMatchObject({ created: 1200, updated: 0, unchanged: 0, failed: 0, auditEntries: 3, warnings: [] });
    expect(createMany.mock.calls.map(([inputs]) => inputs.length)).toEqual([500, 500, 200]);
    const all = await stored(repos);
    expect(all).toHaveLength(1200);
    expect(all[0]).toMatchObject({ key: "A/HRC/59/15#140.1", status: "not-assessed", statusHistory: [], sharedWithObservers: false });
    const audit = await queryAll(repos.audit, { top: 5000 });
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatchObject({
      action: "recommendations.imported",
      entity: "recommendations",
      entityId: `${all[0]!.id}–${all[499]!.id}`,
      actorId: "sec-1",
      actorName: "Sara Secretariat",
      at: "2026-03-02T09:00:00.000Z",
      summary: "Imported from svn.docx (OHCHR thematic list of recommendations (Word)): 500 new",
      changes: [{ field: "created", to: all.slice(0, 500).map((r) => r.id) }],
    });
    expect(audit.flatMap((entry) => entry.changes[0]!.to as string[])).toEqual(all.map((r) => r.id));
  });

  it("re-importing the same file changes nothing and writes nothing", async () => {
    const { repos, deps } = setup();
    await commitImport(deps, secretariat, fileOf(5));
    const createMany = jest.spyOn(repos.recommendations, "createMany");
    const updateMany = jest.spyOn(repos.recommendations, "updateMany");
    const again = await commitImport(deps, secretariat, fileOf(5));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5, auditEntries: 0 });
    expect(createMany).not.toHaveBeenCalled();
    expect(updateMany).not.toHaveBeenCalled();
    expect(await stored(repos)).toHaveLength(5);
  });

  it("a re-import updates the source's changed fields and keeps everything the secretariat added", async () => {
    const { repos, deps, clock } = setup();
    await commitImport(deps, secretariat, fileOf(3));
    const [first] = await stored(repos);
    const assigned = await repos.recommendations.update(
      first!.id,
      {
        leadMinistryId: "3",
        supportingMinistryIds: ["4"],
        status: "in-progress",
        statusHistory: [{ status: "in-progress", at: "2026-03-01T10:00:00.000Z", byUserId: "fp-1", byName: "Tess Justice" }],
        actionPlanReference: "NAP goal 3",
        developmentPlanReference: "NDP pillar 2",
        sharedWithObservers: true,
      },
      first!.eTag,
    );
    clock.advanceDays(30);

    const corrected = fileOf(4, (paragraph) => (paragraph === "140.1" ? { position: "supported-in-part", sdgGoals: [3, 5] } : {}));
    const preview = await previewImport(deps, secretariat, corrected);
    expect(preview).toMatchObject({ new: 1, changed: 1, unchanged: 2 });
    expect(preview.rows[0]).toMatchObject({
      outcome: "changed",
      changes: [
        { field: "position", from: "supported", to: "supported-in-part" },
        { field: "sdgGoals", from: [3], to: [3, 5] },
      ],
    });

    const result = await commitImport(deps, secretariat, corrected);
    expect(result).toMatchObject({ created: 1, updated: 1, unchanged: 2, failed: 0, auditEntries: 2 });
    expect(result.rows[0]).toMatchObject({ outcome: "updated", id: first!.id, changedFields: ["position", "sdgGoals"] });
    const after = await repos.recommendations.get(first!.id);
    expect(after).toMatchObject({
      position: "supported-in-part",
      sdgGoals: [3, 5],
      leadMinistryId: "3",
      supportingMinistryIds: ["4"],
      status: "in-progress",
      statusHistory: assigned.statusHistory,
      actionPlanReference: "NAP goal 3",
      developmentPlanReference: "NDP pillar 2",
      sharedWithObservers: true,
    });
    const updates = await queryAll(repos.audit, { where: [{ field: "action", op: "eq", value: "recommendations.updated-by-import" }] });
    expect(updates).toEqual([
      expect.objectContaining({
        entityId: first!.id,
        at: "2026-04-01T09:00:00.000Z",
        changes: [
          { field: "position", from: "supported", to: "supported-in-part" },
          { field: "sdgGoals", from: [3], to: [3, 5] },
        ],
      }),
    ]);
  });

  it("skips and reports invalid and duplicate rows, writing the rest", async () => {
    const { repos, deps } = setup();
    const file = fileOf(2);
    file.rows.push({ ok: false, row: 4, reasons: ["no paragraph number"] }, { ok: true, row: 5, ref: "140.1", fields: fields("140.1"), warnings: [] });
    const result = await commitImport(deps, secretariat, file);
    expect(result).toMatchObject({ created: 2, invalid: 1, duplicates: 1 });
    expect(result.rows.slice(2)).toEqual([
      { row: 4, outcome: "invalid", reasons: ["no paragraph number"] },
      { row: 5, ref: "140.1", key: "A/HRC/59/15#140.1", outcome: "duplicate", duplicateOf: 2 },
    ]);
    expect(await stored(repos)).toHaveLength(2);
  });

  it("reports a recommendation someone changed meanwhile as failed, without overwriting it, and writes the others", async () => {
    const { repos, deps } = setup();
    await commitImport(deps, secretariat, fileOf(2));
    const corrected = fileOf(2, () => ({ text: "Corrected" }));
    const realUpdateMany = repos.recommendations.updateMany.bind(repos.recommendations);
    jest.spyOn(repos.recommendations, "updateMany").mockImplementation(async (updates) => {
      // Someone edits the first recommendation between the import's read and its write.
      const first = await repos.recommendations.get(updates[0]!.id);
      await repos.recommendations.update(first.id, { text: "Edited by hand" }, first.eTag);
      return realUpdateMany(updates);
    });
    const result = await commitImport(deps, secretariat, corrected);
    expect(result).toMatchObject({ updated: 1, failed: 1, auditEntries: 1 });
    expect(result.rows[0]).toMatchObject({ outcome: "failed", code: "concurrency", reasons: [expect.stringContaining("someone changed this recommendation")] });
    const all = await stored(repos);
    expect(all.map((r) => r.text)).toEqual(["Edited by hand", "Corrected"]);
  });

  it("interrupted half way, a second commit completes it without duplicates", async () => {
    const { repos, deps } = setup();
    const realCreateMany = repos.recommendations.createMany.bind(repos.recommendations);
    let calls = 0;
    const crashing = jest.spyOn(repos.recommendations, "createMany").mockImplementation(async (inputs: RecommendationInput[]) => {
      calls += 1;
      if (calls === 1) return realCreateMany(inputs);
      await realCreateMany(inputs.slice(0, 100));
      throw new Error("connection lost");
    });
    await expect(commitImport(deps, secretariat, fileOf(1100))).rejects.toThrow("connection lost");
    expect(await stored(repos)).toHaveLength(600);
    crashing.mockRestore();

    const second = await commitImport(deps, secretariat, fileOf(1100));
    expect(second).toMatchObject({ created: 500, unchanged: 600, failed: 0 });
    const all = await stored(repos);
    expect(all).toHaveLength(1100);
    expect(new Set(all.map((r) => r.key)).size).toBe(1100);
  });

  it("treats a key another import created meanwhile as existing, never as a duplicate", async () => {
    const { repos, deps } = setup();
    const realCreateMany = repos.recommendations.createMany.bind(repos.recommendations);
    let raced = false;
    jest.spyOn(repos.recommendations, "createMany").mockImplementation(async (inputs: RecommendationInput[]) => {
      if (!raced) {
        raced = true;
        // A colleague's import of an older version of the same list lands first.
        await realCreateMany([{ ...inputs[0]!, position: "noted" }, inputs[1]!]);
      }
      return realCreateMany(inputs);
    });
    const result = await commitImport(deps, secretariat, fileOf(3));
    expect(result).toMatchObject({ created: 1, updated: 1, unchanged: 1, failed: 0 });
    expect(result.rows.map((row) => row.outcome)).toEqual(["updated", "unchanged", "created"]);
    const all = await stored(repos);
    expect(all).toHaveLength(3);
    expect(all.every((r) => r.position === "supported")).toBe(true);
  });

  it("reports a row the store refuses, and writes the others", async () => {
    const { repos, deps } = setup();
    const realCreateMany = repos.recommendations.createMany.bind(repos.recommendations);
    jest.spyOn(repos.recommendations, "createMany").mockImplementation(async (inputs: RecommendationInput[]) => {
      const results = await realCreateMany(inputs.slice(1));
      return [{ ok: false, error: new ConflictError("refused", "Recommendation", "x") }, ...results];
    });
    const result = await commitImport(deps, secretariat, fileOf(2));
    // The conflict is re-read: the key is not there, so the row is reported, not lost silently.
    expect(result.rows[0]).toMatchObject({ outcome: "failed", code: "conflict" });
    expect(result).toMatchObject({ created: 1, failed: 1 });
  });
});
