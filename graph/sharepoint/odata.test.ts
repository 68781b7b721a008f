import { ValidationError } from "../../core/errors";
import { RECORD_KINDS } from "../../core/records/kinds";
import { escapeLiteral, queryOptions } from "./odata";
import { listOfKind } from "./schema";

describe("OData query options", () => {
  const ministries = listOfKind("ministries");
  const requests = listOfKind("requests");

  it("doubles single quotes so that a name cannot end the literal", () => {
    expect(escapeLiteral("Women's Affairs")).toBe("'Women''s Affairs'");
    expect(escapeLiteral("x' or 1 eq 1 or 'y")).toBe("'x'' or 1 eq 1 or ''y'");
  });

  it("filters indexed columns by their internal names, lookups by their ids", () => {
    expect(queryOptions(ministries, RECORD_KINDS.ministries, { where: [{ field: "name", op: "eq", value: "Women's Affairs" }] })).toEqual({
      $filter: "fields/MinistryName eq 'Women''s Affairs'",
    });
    expect(
      queryOptions(requests, RECORD_KINDS.requests, {
        where: [{ field: "reportId", op: "eq", value: "12" }, { field: "dueDate", op: "lt", value: "2026-04-01" }],
        orderBy: { field: "dueDate", direction: "desc" },
      }),
    ).toEqual({ $filter: "fields/ReportLookupId eq 12 and fields/DueDate lt '2026-04-01'", $orderby: "fields/DueDate desc" });
    expect(queryOptions(ministries, RECORD_KINDS.ministries, { where: [{ field: "name", op: "startswith", value: "Min" }] })).toEqual({
      $filter: "startswith(fields/MinistryName,'Min')",
    });
  });

  it("refuses fields that are not indexed and values of the wrong type", () => {
    expect(() => queryOptions(ministries, RECORD_KINDS.ministries, { where: [{ field: "acronym", op: "eq", value: "X" }] })).toThrow(ValidationError);
    expect(() => queryOptions(requests, RECORD_KINDS.requests, { where: [{ field: "reportId", op: "eq", value: "1 or 1 eq 1" }] })).toThrow(ValidationError);
  });
});
