import type { Stored } from "../records/common";
import { recommendationFieldsSchema, recommendationKey, type RecommendationFields } from "../recommendations/recommendation";
import type { ImportedFields, ParsedImport, ParsedRow } from "./import-types";
import { planImport, previewOf } from "./plan-import";

function fields(paragraph: string, extra: Partial<ImportedFields> = {}): ImportedFields {
  return {
    key: recommendationKey("A/HRC/59/15", paragraph),
    text: `Recommendation ${paragraph}`,
    mechanism: "UPR",
    documentSymbol: "A/HRC/59/15",
    paragraph,
    recommendingStates: ["Chile", "Peru"],
    position: "supported",
    themes: ["Right to health"],
    ...extra,
  };
}

function parsedOf(rows: ParsedRow[]): ParsedImport {
  return { format: "ohchr-docx", source: {}, rows, clusters: ["Right to health"], warnings: [] };
}

function stored(id: string, value: ImportedFields, extra: Partial<RecommendationFields> = {}): Stored<RecommendationFields> {
  return { ...recommendationFieldsSchema.parse({ ...value, ...extra }), id, eTag: `"e${id}"` };
}

describe("planning an import", () => {
  const rows: ParsedRow[] = [
    { ok: true, row: 2, ref: "140.1", fields: fields("140.1"), warnings: [] },
    { ok: true, row: 3, ref: "140.2", fields: fields("140.2", { recommendingStates: ["Peru", "Chile"] }), warnings: [] },
    { ok: true, row: 4, ref: "140.3", fields: fields("140.3", { position: "noted", text: "Corrected text" }), warnings: ["no position"] },
    { ok: true, row: 5, ref: "140.1", fields: fields("140.1", { position: "noted" }), warnings: [] },
    { ok: false, row: 6, reasons: ["no paragraph number"] },
  ];
  const existing = [
    stored("11", fields("140.2"), { leadMinistryId: "3", status: "in-progress" }),
    stored("12", fields("140.3")),
  ];
  const plan = planImport(parsedOf(rows), existing);

  it("classifies every row: new, unchanged (order of States does not matter), changed with its fields, duplicate, invalid", () => {
    expect(plan.rows).toEqual([
      expect.objectContaining({ row: 2, outcome: "new", key: "A/HRC/59/15#140.1" }),
      expect.objectContaining({ row: 3, outcome: "unchanged", existingId: "11" }),
      expect.objectContaining({
        row: 4,
        outcome: "changed",
        existingId: "12",
        warnings: ["no position"],
        changes: [
          { field: "text", from: "Recommendation 140.3", to: "Corrected text" },
          { field: "position", from: "supported", to: "noted" },
        ],
      }),
      expect.objectContaining({ row: 5, outcome: "duplicate", duplicateOf: 2, differsFromFirst: ["position"] }),
      { row: 6, outcome: "invalid", reasons: ["no paragraph number"] },
    ]);
  });

  it("creates only the new ones and updates only the changed fields, with the eTag read", () => {
    expect(plan.creates.map((create) => create.input.key)).toEqual(["A/HRC/59/15#140.1"]);
    expect(plan.updates).toEqual([expect.objectContaining({ id: "12", eTag: '"e12"', changes: { text: "Corrected text", position: "noted" } })]);
  });

  it("leaves alone the fields the file does not give", () => {
    const withoutThemes = fields("140.2");
    delete withoutThemes.themes;
    const replan = planImport(parsedOf([{ ok: true, row: 2, fields: withoutThemes, warnings: [] }]), [stored("11", fields("140.2", { themes: ["Added by hand"] }))]);
    expect(replan.rows[0]!.outcome).toBe("unchanged");
  });

  it("finds a recommendation by its UHRI annotation id when its key changed", () => {
    const replan = planImport(parsedOf([{ ok: true, row: 2, fields: fields("140.9", { uhriAnnotationId: "ann-1" }), warnings: [] }]), [stored("20", fields("140.8", { uhriAnnotationId: "ann-1" }))]);
    expect(replan.rows[0]).toMatchObject({ outcome: "changed", existingId: "20" });
    expect(replan.updates[0]!.changes).toMatchObject({ key: "A/HRC/59/15#140.9", paragraph: "140.9" });
  });

  it("sums up the preview: counts, positions over the distinct valid recommendations, clusters", () => {
    expect(previewOf(parsedOf(rows), plan)).toMatchObject({
      total: 5,
      new: 1,
      changed: 1,
      unchanged: 1,
      duplicates: 1,
      invalid: 1,
      position: { supported: 2, "supported-in-part": 0, noted: 1, none: 0 },
      clusters: 1,
      clusterNames: ["Right to health"],
    });
  });
});
