import { conjuncts, FilterSyntaxError, parseFilter, referencedProperties, tokenize } from "./filter";
import { parseExpand, parseOrderBy, parseQueryString, rebuildQuery } from "./query-options";

describe("the $filter parser", () => {
  it("reads a comparison on a field", () => {
    expect(parseFilter("fields/Title eq 'Ministry of Justice'")).toEqual({
      type: "compare",
      op: "eq",
      left: { type: "property", path: ["fields", "Title"] },
      right: { type: "literal", literal: { type: "string", value: "Ministry of Justice" } },
    });
  });

  it("reads '' inside a string literal as one quote", () => {
    const node = parseFilter("fields/Title eq 'Women''s Affairs'");
    expect(node).toMatchObject({ right: { literal: { value: "Women's Affairs" } } });
    expect(parseFilter("fields/Title eq ''''")).toMatchObject({ right: { literal: { value: "'" } } });
    expect(parseFilter("fields/Title eq ''")).toMatchObject({ right: { literal: { value: "" } } });
  });

  it("gives 'and' precedence over 'or' and honours parentheses", () => {
    const flat = parseFilter("fields/A eq 1 or fields/B eq 2 and fields/C eq 3");
    expect(flat).toMatchObject({ type: "or", right: { type: "and" } });
    const grouped = parseFilter("(fields/A eq 1 or fields/B eq 2) and fields/C eq 3");
    expect(grouped).toMatchObject({ type: "and", left: { type: "or" } });
  });

  it("reads every comparison operator, numbers, booleans, null and dates", () => {
    for (const op of ["eq", "ne", "lt", "gt", "le", "ge"]) {
      expect(parseFilter(`fields/Quantity ${op} -12.5`)).toMatchObject({ op, right: { literal: { type: "number", value: -12.5 } } });
    }
    expect(parseFilter("fields/Active eq true")).toMatchObject({ right: { literal: { type: "boolean", value: true } } });
    expect(parseFilter("fields/Due eq null")).toMatchObject({ right: { literal: { type: "null" } } });
    expect(parseFilter("fields/Due ge 2025-03-01T00:00:00Z")).toMatchObject({
      right: { literal: { type: "datetime", value: "2025-03-01T00:00:00Z" } },
    });
    expect(parseFilter("fields/Due lt datetime'2025-03-01'")).toMatchObject({
      right: { literal: { type: "datetime", value: "2025-03-01" } },
    });
  });

  it("reads startswith and other calls, with an optional eq true/false", () => {
    expect(parseFilter("startswith(fields/Title,'ba')")).toEqual({
      type: "call",
      name: "startswith",
      expected: true,
      args: [
        { type: "property", path: ["fields", "Title"] },
        { type: "literal", literal: { type: "string", value: "ba" } },
      ],
    });
    expect(parseFilter("startswith(fields/Title, 'ba') eq false")).toMatchObject({ type: "call", expected: false });
    expect(parseFilter("not startswith(fields/Title,'ba')")).toMatchObject({ type: "not", operand: { type: "call" } });
  });

  it("lists the properties a filter refers to and its top-level conjuncts", () => {
    const node = parseFilter("fields/A eq 1 and (fields/B eq 2 or startswith(fields/C,'x')) and id gt 3");
    expect(referencedProperties(node).map((p) => p.join("/"))).toEqual(["fields/A", "fields/B", "fields/C", "id"]);
    expect(conjuncts(node)).toHaveLength(3);
  });

  it.each([
    ["fields/Title eq 'open", "Unterminated"],
    ["fields/Title eq", "Expected a property or a value"],
    ["fields/Title 'x'", "Expected a comparison operator"],
    ["(fields/Title eq 'x'", "Expected ')'"],
    ["fields/Title eq 'x' fields/B eq 1", "Unexpected"],
    ["fields/Title eq #", "Unexpected character"],
    ["", "empty"],
  ])("refuses %p", (input, message) => {
    expect(() => parseFilter(input)).toThrow(FilterSyntaxError);
    expect(() => parseFilter(input)).toThrow(message);
  });

  it("tokenizes a date without a time as a date literal, not a subtraction", () => {
    expect(tokenize("2025-03-01")[0]).toMatchObject({ kind: "datetime", value: "2025-03-01" });
  });
});

describe("query options", () => {
  it("decodes values, drops the $ and joins repeated $select", () => {
    const query = parseQueryString("$filter=fields/Title%20eq%20'a%2Bb'&$select=id&$SELECT=eTag&token=abc");
    expect(query.get("filter")).toBe("fields/Title eq 'a+b'");
    expect(query.get("select")).toBe("id,eTag");
    expect(query.get("token")).toBe("abc");
  });

  it("rebuilds the raw query without some options", () => {
    const query = parseQueryString("$expand=fields&$top=2&$skiptoken=xyz");
    expect(rebuildQuery(query, ["skiptoken"], ["$skiptoken=new"])).toBe("$expand=fields&$top=2&$skiptoken=new");
  });

  it("reads nested $expand and $orderby", () => {
    expect(parseExpand("fields($select=Title,Status),driveItem")).toEqual([{ name: "fields", select: ["Title", "Status"] }, { name: "driveItem" }]);
    expect(parseExpand("listItem($expand=fields(select=Title))")).toEqual([
      { name: "listItem", expand: [{ name: "fields", select: ["Title"] }] },
    ]);
    expect(parseOrderBy("fields/Due desc,id")).toEqual([
      { path: ["fields", "Due"], direction: "desc" },
      { path: ["id"], direction: "asc" },
    ]);
    expect(() => parseOrderBy("fields/Due sideways")).toThrow("Malformed");
  });
});
