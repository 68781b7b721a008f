import { ValidationError } from "../errors";
import { RECORD_KINDS } from "../records/kinds";
import { parseOrThrow } from "../records/validate";
import { SAMPLE_INPUTS } from "../testing/samples";

function refusal(kind: keyof typeof RECORD_KINDS, input: unknown): string[] {
  try {
    parseOrThrow(RECORD_KINDS[kind].schema, input, RECORD_KINDS[kind].label);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((issue) => issue.path);
  }
  throw new Error("accepted");
}

describe("follow-up records", () => {
  it("refuses an action that implements no recommendation, ends before it starts, or names its lead ministry as supporting", () => {
    const action = SAMPLE_INPUTS.actions("1");
    expect(refusal("actions", { ...action, recommendationIds: [] })).toContain("recommendationIds");
    expect(refusal("actions", { ...action, startDate: "2027-01-01", endDate: "2026-12-31" })).toContain("endDate");
    expect(refusal("actions", { ...action, supportingMinistryIds: [action.leadMinistryId] })).toContain("supportingMinistryIds");
    expect(refusal("actions", { ...action, status: "finished" })).toContain("status");
  });

  it("starts a new action as planned and not shared with observers", () => {
    const action: Record<string, unknown> = { ...SAMPLE_INPUTS.actions("1") };
    for (const field of ["status", "sharedWithObservers", "planItemIds"]) delete action[field];
    const parsed = parseOrThrow(RECORD_KINDS.actions.schema, action, "Action");
    expect(parsed).toMatchObject({ status: "planned", sharedWithObservers: false, planItemIds: [] });
  });

  it("refuses an indicator that measures nothing, a target dated before its baseline, or an SDG target that does not exist", () => {
    const indicator: Record<string, unknown> = { ...SAMPLE_INPUTS.indicators("1") };
    for (const field of ["actionId", "recommendationId", "cluster"]) delete indicator[field];
    expect(refusal("indicators", indicator)).toContain("actionId");
    expect(refusal("indicators", { ...indicator, actionId: "8", targetDate: "2020-01-01" })).toContain("targetDate");
    expect(refusal("indicators", { ...indicator, actionId: "8", sdgTarget: "18.1" })).toContain("sdgTarget");
  });

  it("refuses an empty progress update and a value that is not a number", () => {
    const update = SAMPLE_INPUTS.progressUpdates("1");
    expect(refusal("progressUpdates", { ...update, text: "   " })).toContain("text");
    expect(refusal("progressUpdates", { ...update, values: [{ indicatorId: "4", value: Number.NaN, date: "2026-06-30" }] })).toContain("values.0.value");
  });

  it("refuses a plan with two chapters of the same number, or one that ends before it starts", () => {
    const plan = SAMPLE_INPUTS.plans("1");
    expect(refusal("plans", { ...plan, chapters: [{ code: "3", title: "A" }, { code: "3", title: "B" }] })).toContain("chapters");
    expect(refusal("plans", { ...plan, endDate: "2023-12-31" })).toContain("endDate");
  });
});
