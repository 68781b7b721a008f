import { ValidationError } from "../errors";
import { parseColumnMapping, parseMapArgument, parseMappedTable } from "./mapped-table";
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
