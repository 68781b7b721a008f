import { ValidationError } from "../errors";
import { parseColumnMapping, parseMapArgument, parseMappedTable, suggestPosition, suggestValueTranslations } from "./mapped-table";
import type { Table } from "./table";

const sheet: Table = {
  headers: ["Ref", "Recommendation", "Symbol", "Body", "States", "Response", "Topics", "SDG", "Adopted"],
  rows: [
    { row: 2, values: ["140.7", "Ratify the Optional Protocol", "A/HRC/59/15", "UPR", "Maldives; Portugal", "Accepted", "Ratification; Migrants", "1; 2", "20/01/2025"] },
    { row: 3, values: ["23", "Adopt a children's act", "CRC/C/SVN/CO/5-6", "CRC", "", "", "Children", "", ""] },
    { row: 4, values: ["", "Do something", "A/HRC/59/15", "UPR", "", "", "", "", ""] },
  ],
};

const mapping = {
  columns: {
    paragraph: "Ref",
    text: "Recommendation",
    documentSymbol: "Symbol",
    mechanism: "Body",
    recommendingStates: "States",
    position: "Response",
    themes: "Topics",
    sdgs: "SDG",
    publicationDate: "Adopted",
  },
  listSeparator: ";",
};

describe("a CSV read through a column mapping", () => {
  it("gives each mapped field, lists split on the separator", () => {
    const parsed = parseMappedTable(sheet, parseColumnMapping(mapping), { fileName: "tracker.csv" });
    expect(parsed.format).toBe("csv");
    expect(parsed.rows[0]).toMatchObject({
      ok: true,
      ref: "140.7",
      fields: {
        key: "A/HRC/59/15#140.7",
        text: "Ratify the Optional Protocol",
        mechanism: "UPR",
        recommendingStates: ["Maldives", "Portugal"],
        position: "supported",
        themes: ["Ratification", "Migrants"],
        sdgGoals: [1, 2],
        publicationDate: "2025-01-20",
      },
    });
    expect(parsed.rows[1]).toMatchObject({ ok: true, fields: { key: "CRC/C/SVN/CO/5-6#23", mechanism: "CRC" } });
    expect(parsed.rows[2]).toEqual({ ok: false, row: 4, reasons: ["the paragraph cell is empty"] });
  });

  it("takes the paragraph from the text, and the mechanism and symbol from defaults, when they are not mapped", () => {
    const withDefaults = parseMappedTable(
      { headers: ["Text"], rows: [{ row: 2, values: ["12. Ensure access to justice (Chile)"] }] },
      parseColumnMapping({ columns: { text: "Text" }, defaults: { mechanism: "UPR", documentSymbol: "A/HRC/59/15" } }),
    );
    expect(withDefaults.rows[0]).toMatchObject({ ok: true, fields: { key: "A/HRC/59/15#12", text: "Ensure access to justice", recommendingStates: ["Chile"] } });
  });

  it("refuses a mapping to an unknown field or without the text", () => {
    expect(() => parseColumnMapping({ text: "A", colour: "B" })).toThrow(ValidationError);
    expect(() => parseColumnMapping({ text: "A", colour: "B" })).toThrow(/the fields are text, documentSymbol, paragraph/);
    expect(() => parseColumnMapping({ documentSymbol: "Symbol" })).toThrow('map the "text" field');
  });

  it("refuses columns the file does not have, naming those it has", () => {
    expect(() => parseMappedTable(sheet, parseColumnMapping({ text: "Recommendation text", documentSymbol: "Symbol" }), { mechanism: "UPR" })).toThrow(
      'The file has no column "Recommendation text" (for text). Found "Ref", "Recommendation"',
    );
  });

  it("needs to know the mechanism and the document", () => {
    expect(() => parseMappedTable(sheet, parseColumnMapping({ text: "Recommendation", documentSymbol: "Symbol" }))).toThrow("Say which mechanism");
    expect(() => parseMappedTable(sheet, parseColumnMapping({ text: "Recommendation" }), { mechanism: "UPR" })).toThrow("Say which document");
  });

  it("reads the CLI's --map argument", () => {
    expect(parseMapArgument("text=Recommendation, documentSymbol = Symbol")).toEqual({ text: "Recommendation", documentSymbol: "Symbol" });
    expect(() => parseMapArgument("text")).toThrow("is not field=column");
  });
});

describe("a secretariat's own tracker: one row per recommending State, its own words for positions", () => {
  const tracker: Table = {
    headers: ["text", "to", "decision", "From", "year"],
    rows: [
      { row: 2, values: ["121.1 Ratify the Optional Protocol (Ethiopia);", "A/HRC/27/15", "support", "Ethiopia", "2014"] },
      { row: 3, values: ["121.1 Ratify the Optional Protocol (Ethiopia);", "A/HRC/27/15", "support", "Chile", "2014"] },
      { row: 4, values: ["121.2 Abolish the death penalty", "A/HRC/27/15", "Aceptada", "Spain", "2014"] },
      { row: 5, values: ["150.10000 Adopt a children's act", "A/HRC/27/15", "Podprto", "Slovenia", ""] },
      { row: 6, values: ["121.3 Report on progress", "A/HRC/27/15", "implemented", "Peru", ""] },
      { row: 7, values: ["121.4 Consider joining the convention", "A/HRC/27/15", "", "Peru", ""] },
    ],
  };
  const trackerMapping = parseColumnMapping({
    columns: { text: "text", documentSymbol: "to", position: "decision", recommendingStates: "From", session: "year" },
    defaults: { mechanism: "UPR" },
    values: { position: { podprto: "supported", implemented: "" } },
    oneRowPerState: true,
  });

  it("merges the rows of one recommendation, with the union of their States, and cleans the text as the OHCHR reader does", () => {
    const parsed = parseMappedTable(tracker, trackerMapping);
    expect(parsed.rows[0]).toMatchObject({
      ok: true,
      row: 2,
      mergedRows: [3],
      fields: { key: "A/HRC/27/15#121.1", text: "Ratify the Optional Protocol", recommendingStates: ["Ethiopia", "Chile"], position: "supported" },
    });
    expect(parsed.rows.map((row) => row.row)).toEqual([2, 4, 5, 6, 7]);
    expect(parsed.warnings).toEqual(["rows merged into the recommendation they repeat (one row per recommending State): 1"]);
  });

  it("translates positions the mapping gives, suggests the common words in several languages, and says what it leaves out", () => {
    const parsed = parseMappedTable(tracker, trackerMapping);
    const byRow = new Map(parsed.rows.map((row) => [row.row, row]));
    expect(byRow.get(4)).toMatchObject({ ok: true, fields: { position: "supported" } });
    expect(byRow.get(5)).toMatchObject({ ok: true, fields: { paragraph: "150.10000", position: "supported" } });
    expect(byRow.get(6)).toMatchObject({ ok: true, warnings: ['the position "implemented" is mapped to nothing; the row has no position'] });
    expect(byRow.get(7)).toMatchObject({ ok: true, warnings: ["the row gives no position"] });
    expect(byRow.get(2)).toMatchObject({ ok: true, warnings: ['the session "2014" is not a session number (a year is not a session); it is left out'] });
    expect((byRow.get(2) as { fields: object }).fields).not.toHaveProperty("session");
  });

  it("refuses a position it cannot read, telling where to translate it", () => {
    const parsed = parseMappedTable(tracker, parseColumnMapping({ ...trackerMapping, values: undefined }));
    expect(parsed.rows.find((row) => row.row === 6)).toEqual({ ok: false, row: 6, ref: "121.3", reasons: ['the position "implemented" is not Supported, Supported in part or Noted: translate it in the mapping\'s "values"'] });
  });

  it("suggests a translation for each distinct value of the position column", () => {
    expect(suggestValueTranslations(tracker, trackerMapping.columns).position).toEqual([
      { value: "support", rows: 2, suggestion: "supported" },
      { value: "Aceptada", rows: 1, suggestion: "supported" },
      { value: "Podprto", rows: 1, suggestion: "supported" },
      { value: "implemented", rows: 1 },
    ]);
    expect(suggestPosition("Acceptée")).toBe("supported");
    expect(suggestPosition("rechazada")).toBe("noted");
    expect(suggestPosition("consider")).toBeUndefined();
  });

  it("refuses a translation to a value the product does not have", () => {
    expect(() => parseColumnMapping({ columns: { text: "text" }, values: { position: { support: "yes" } } })).toThrow(ValidationError);
  });
});
