import { rollUpStatus, type RollupRecommendation } from "./status-rollup";

const rec = (overrides: Partial<RollupRecommendation>): RollupRecommendation => ({
  status: "not-started",
  mechanism: "UPR",
  themes: [],
  sdgGoals: [],
  ...overrides,
});

describe("status roll-ups", () => {
  const recommendations = [
    rec({ status: "implemented", leadMinistryId: "1", themes: ["Education", "Children"], sdgGoals: [4] }),
    rec({ status: "in-progress", leadMinistryId: "1", themes: ["Education"], sdgGoals: [4, 10], mechanism: "CRC" }),
    rec({ status: "no-longer-relevant", leadMinistryId: "2" }),
    rec({ status: "not-started" }),
  ];

  it("counts by ministry, with unassigned recommendations under an empty key", () => {
    const rows = rollUpStatus(recommendations, "ministry");
    expect(rows.map((r) => [r.key, r.total])).toEqual([["1", 2], ["", 1], ["2", 1]]);
    expect(rows[0]).toMatchObject({ implementedShare: 0.5, progressShare: 1 });
  });

  it("counts a recommendation under each of its themes and SDGs", () => {
    expect(rollUpStatus(recommendations, "theme").map((r) => [r.key, r.total])).toEqual([["", 2], ["Education", 2], ["Children", 1]]);
    expect(rollUpStatus(recommendations, "sdg").map((r) => [r.key, r.total])).toEqual([["", 2], ["4", 2], ["10", 1]]);
  });

  it("leaves recommendations no longer relevant out of the shares", () => {
    const [row] = rollUpStatus([rec({ status: "implemented" }), rec({ status: "no-longer-relevant" })], "mechanism");
    expect(row).toMatchObject({ key: "UPR", total: 2, implementedShare: 1 });
  });
});
