/**
 * Update, don't overwrite: a tracker imported over the recommendations an OHCHR list gave
 * changes only the fields its mapping owns; the preview shows old → new per field; what the
 * secretariat unticks (a field of a row, or a whole row) is not written, the rest is.
 */
import type { Actor } from "../../core/auth/policy";
import { FakeClock } from "../../core/in-memory/fakes";
import { createInMemoryRepositories } from "../../core/in-memory/in-memory-repositories";
import { commitImport, previewImport } from "../../core/import/import-recommendations";
import type { StoredRecommendation } from "../../core/import";
import { queryAll, type Repositories } from "../../core/ports/repository";
import { readImportFile } from "../../importers";
import { thematicListFixture } from "./support/files";

const secretariat: Actor = { userId: "sec-1", displayName: "Sara Secretariat", roles: ["Secretariat"], ministryIds: [] };
const MAPPING = { columns: { text: "Recommendation", documentSymbol: "Symbol", position: "Response", cluster: "Cluster" }, defaults: { mechanism: "UPR" }, values: { position: { accepted: "supported", "not accepted": "noted" } } };

let repos: Repositories;
let byParagraph: Map<string, StoredRecommendation>;

async function tracker(lines: string[]) {
  return readImportFile(new TextEncoder().encode(["Recommendation,Symbol,Response,Cluster", ...lines].join("\n")), { fileName: "tracker.csv", mapping: MAPPING });
}

beforeAll(async () => {
  repos = createInMemoryRepositories();
  const list = await readImportFile(thematicListFixture(), { fileName: "svn.docx" });
  await commitImport({ repos, clock: new FakeClock() }, secretariat, list);
  byParagraph = new Map((await queryAll(repos.recommendations)).map((r) => [r.paragraph, r]));
});

function row(paragraph: string, response: string, cluster = "") {
  const stored = byParagraph.get(paragraph)!;
  return `"${paragraph} ${stored.text}",${stored.documentSymbol},${response},${cluster}`;
}

it("a tracker that gives only the text, the position and the cluster changes only those: States, themes, groups, SDGs stay as the OHCHR list gave them", async () => {
  const [first, second] = [...byParagraph.keys()];
  const before = byParagraph.get(first!)!;
  const parsed = await tracker([row(first!, before.position === "noted" ? "accepted" : "not accepted"), row(second!, byParagraph.get(second!)!.position === "noted" ? "not accepted" : "accepted")]);
  const preview = await previewImport({ repos }, secretariat, parsed);
  expect(preview.rows.map((r) => r.outcome)).toEqual(["changed", "unchanged"]);
  expect(preview.rows[0]!.changes).toEqual([{ field: "position", from: before.position, to: before.position === "noted" ? "supported" : "noted" }]);
  await commitImport({ repos, clock: new FakeClock() }, secretariat, parsed);
  const after = await repos.recommendations.get(before.id);
  expect(after).toMatchObject({ recommendingStates: before.recommendingStates, themes: before.themes, affectedGroups: before.affectedGroups, sdgGoals: before.sdgGoals, cluster: before.cluster, text: before.text });
  expect(after.position).not.toBe(before.position);
});

it("what the secretariat unticks is not written: a field of a changed row stays as stored, an unticked row is not written at all, the rest is", async () => {
  const paragraphs = [...byParagraph.keys()].slice(5, 8);
  const current = await Promise.all(paragraphs.map((p) => repos.recommendations.get(byParagraph.get(p)!.id)));
  const flipped = (position: string | undefined) => (position === "noted" ? "accepted" : "not accepted");
  const parsed = await tracker(current.map((r) => row(r.paragraph, flipped(r.position), "Tracker cluster")));
  const preview = await previewImport({ repos }, secretariat, parsed);
  expect(preview.rows.map((r) => [r.outcome, r.changes?.map((c) => c.field)])).toEqual([
    ["changed", ["position", "cluster"]],
    ["changed", ["position", "cluster"]],
    ["changed", ["position", "cluster"]],
  ]);
  const [a, b] = preview.rows;
  const result = await commitImport({ repos, clock: new FakeClock() }, secretariat, parsed, { skip: [{ row: a!.row, fields: ["position"] }, { row: b!.row }] });
  expect({ updated: result.updated, skipped: result.skipped }).toEqual({ updated: 2, skipped: 1 });
  expect(result.rows.map((r) => [r.outcome, r.changedFields])).toEqual([
    ["updated", ["cluster"]],
    ["skipped", undefined],
    ["updated", ["position", "cluster"]],
  ]);
  const [afterA, afterB, afterC] = await Promise.all(current.map((r) => repos.recommendations.get(r.id)));
  expect(afterA).toMatchObject({ position: current[0]!.position, cluster: "Tracker cluster" });
  expect(afterB).toMatchObject({ position: current[1]!.position, cluster: current[1]!.cluster });
  expect(afterC!.position).not.toBe(current[2]!.position);
  expect(afterC!.cluster).toBe("Tracker cluster");
  // The audit names only what was written.
  const audit = (await queryAll(repos.audit)).filter((e) => e.action === "recommendations.updated-by-import" && [afterA!.id, afterB!.id].includes(e.entityId));
  expect(audit.map((e) => [e.entityId, e.changes.map((ch) => ch.field)])).toEqual([[afterA!.id, ["cluster"]]]);
});

it("a new row unticked is not created", async () => {
  const parsed = await tracker(['"170.1 A recommendation only the tracker has",A/HRC/59/15,accepted,', '"170.2 Another one",A/HRC/59/15,accepted,']);
  const result = await commitImport({ repos, clock: new FakeClock() }, secretariat, parsed, { skip: [{ row: 2 }] });
  expect(result.rows.map((r) => [r.ref, r.outcome])).toEqual([
    ["170.1", "skipped"],
    ["170.2", "created"],
  ]);
  expect((await queryAll(repos.recommendations)).filter((r) => r.paragraph.startsWith("170.")).map((r) => r.paragraph)).toEqual(["170.2"]);
});
