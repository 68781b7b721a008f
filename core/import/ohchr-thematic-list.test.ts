import { ValidationError } from "../errors";
import type { ParsedRow, ValidRow } from "./import-types";
import { KNOWN_HEADER_ROWS, parseOhchrThematicList, parsePositionSource, type WordBlock, type WordDocumentContent } from "./ohchr-thematic-list";

/** A table as the reader hands it over: each cell a string (lines separated by \n) or an array of lines. */
function table(rows: (string | string[])[][], number = 1): WordBlock[] {
  return rows.map((cells, index) => ({ kind: "row", table: number, row: index + 1, cells: cells.map((cell) => (Array.isArray(cell) ? cell : cell.split("\n"))) }));
}

function valid(rows: ParsedRow[]): ValidRow[] {
  return rows.filter((row): row is ValidRow => row.ok);
}

const CYCLE_4_HEADER = [...KNOWN_HEADER_ROWS["cycle-4"]];
const CYCLE_2_3_HEADER = [...KNOWN_HEADER_ROWS["cycle-2-3"]];

const cycle4: WordDocumentContent = {
  headers: ["UPR of Slovenia (4th Cycle - 48th Session) Thematic list of recommendations* Page 1 of 2"],
  blocks: table([
    CYCLE_4_HEADER,
    ["Theme: Ratification of & accession to international instruments"],
    [
      "140.7 Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights (Maldives) (Portugal);\nSource of Position: A/HRC/59/15/Add.1 - Para.3",
      "Supported",
      "- Ratification of & accession to international instruments\nGroups of Persons: \n- Public officials",
      "- 1 - NO POVERTY\n- 2 - ZERO HUNGER",
    ],
    ["Theme: Migrants"],
    [
      "140.1 Ratify the International Convention on the Protection of the Rights of All Migrant Workers (Algeria) (Venezuela (Bolivarian Republic of));\nSource of Position: A/HRC/59/15/Add.1 - Para.5",
      "Noted",
      "- Migrants\nGroups of Persons: \n- Migrants",
      "- 8 - DECENT WORK AND ECONOMIC GROWTH\n- 10 - REDUCED INEQUALITIES",
    ],
    ["140.2 Consider ratifying the Convention (Rwanda);\nSource of Position: A/HRC/59/15/Add.1 - Para.4", "Supported in part", "- Migrants", ""],
  ]),
};

describe("the cycle 4 layout", () => {
  const parsed = parseOhchrThematicList(cycle4, { fileName: "svn.docx" });

  it("is recognized from its header row, with the State, cycle and session of the page header", () => {
    expect(parsed).toMatchObject({ format: "ohchr-docx", layout: "cycle-4", fileName: "svn.docx", source: { country: "Slovenia", cycle: 4, session: 48 }, warnings: [] });
    expect(parsed.clusters).toEqual(["Ratification of & accession to international instruments", "Migrants"]);
  });

  it("reads each recommendation under its cluster heading, keyed by the Working Group report and its paragraph", () => {
    const [first, second, third] = valid(parsed.rows);
    expect(first).toMatchObject({
      row: 3,
      ref: "140.7",
      fields: {
        key: "A/HRC/59/15#140.7",
        documentSymbol: "A/HRC/59/15",
        paragraph: "140.7",
        mechanism: "UPR",
        text: "Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights",
        recommendingStates: ["Maldives", "Portugal"],
        position: "supported",
        positionSource: "A/HRC/59/15/Add.1, para. 3",
        cluster: "Ratification of & accession to international instruments",
        themes: ["Ratification of & accession to international instruments"],
        affectedGroups: ["Public officials"],
        sdgGoals: [1, 2],
        session: 48,
        cycle: 4,
      },
    });
    expect(second!.fields).toMatchObject({ recommendingStates: ["Algeria", "Bolivarian Republic of Venezuela"], position: "noted", cluster: "Migrants", sdgGoals: [8, 10] });
    expect(third!.fields).toMatchObject({ position: "supported-in-part", sdgGoals: [], affectedGroups: [] });
  });
});

describe("the cycle 3 layout", () => {
  const parsed = parseOhchrThematicList({
    headers: ["UPR of Slovenia (3rd Cycle – 34th session)"],
    blocks: table([
      CYCLE_2_3_HEADER,
      ["Theme: Acceptance of international norms", "", "", ""],
      [
        "121.2 Complete the process of ratification of the Convention (Ukraine); Increase efforts towards ratification of the Convention (Slovakia);\nSource of Position: A/HRC/43/15 - Para 121",
        "Supported",
        "- Acceptance of international norms\n- Enforced disappearances\nSDGs: \n- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS\nAffected persons: \n- Disappeared persons",
        "",
      ],
      [
        "122.1 Complete the process of ratification of the Optional Protocol (Senegal);\nSource of Position: A/HRC/43/15/Add.1 - Para.3",
        "Supported",
        "- Acceptance of international norms\n- Economic, social & cultural rights - general measures of implementation",
        "Ratification under way in parliament",
      ],
    ]),
  });

  it("takes SDGs and affected persons from the themes cell, and the report from either source", () => {
    expect(parsed.layout).toBe("cycle-3");
    expect(parsed.source).toEqual({ country: "Slovenia", cycle: 3, session: 34 });
    const [merged, single] = valid(parsed.rows);
    expect(merged!.fields).toMatchObject({
      key: "A/HRC/43/15#121.2",
      recommendingStates: ["Ukraine", "Slovakia"],
      themes: ["Acceptance of international norms", "Enforced disappearances"],
      affectedGroups: ["Disappeared persons"],
      sdgGoals: [16],
      positionSource: "A/HRC/43/15, para. 121",
      cluster: "Acceptance of international norms",
    });
    expect(single!.fields).toMatchObject({ key: "A/HRC/43/15#122.1", sdgGoals: [], affectedGroups: [] });
  });

  it("says that the assessment column's text is not kept", () => {
    expect(valid(parsed.rows)[1]!.warnings).toEqual([expect.stringContaining('the assessment column has text, which the import does not keep: "Ratification under way')]);
  });
});

describe("the cycle 2 layout", () => {
  const parsed = parseOhchrThematicList({
    headers: [],
    blocks: table([
      CYCLE_2_3_HEADER,
      ["Theme: A12 Acceptance of international norms"],
      [
        "115.8 Ratify ICRMW (Senegal, Sierra Leone, Venezuela (Bolivarian Republic of),Peru, Uruguay);\nSource of position: A/HRC/28/15/Add.1 - Para. 5",
        "Noted",
        "A12 Acceptance of international norms\nG4 Migrants\nAffected persons:\n- migrants",
        "",
      ],
      ["Theme: A45 National Human Rights Institution (NHRI) "],
      ["115.32 Strengthen the mandate of the Human Rights Ombudsman (Ireland); \nSource of position: A/HRC/28/15/Add.1 - Para. 3", "Supported", "A45 National Human Rights Institution (NHRI)\nAffected persons:\n- general", ""],
    ]),
  }, { session: 20 });

  it("drops the theme codes, reads comma-separated States, and gives no SDGs (the layout has none)", () => {
    expect(parsed.layout).toBe("cycle-2");
    expect(parsed.clusters).toEqual(["Acceptance of international norms", "National Human Rights Institution (NHRI)"]);
    const [icrmw, nhri] = valid(parsed.rows);
    expect(icrmw!.fields).toMatchObject({
      key: "A/HRC/28/15#115.8",
      text: "Ratify ICRMW",
      recommendingStates: ["Senegal", "Sierra Leone", "Bolivarian Republic of Venezuela", "Peru", "Uruguay"],
      position: "noted",
      positionSource: "A/HRC/28/15/Add.1, para. 5",
      themes: ["Acceptance of international norms", "Migrants"],
      affectedGroups: ["Migrants"],
      session: 20,
      cycle: 2,
    });
    expect(icrmw!.fields).not.toHaveProperty("sdgGoals");
    expect(nhri!.fields.affectedGroups).toEqual([]);
  });
});

describe("cluster headings as paragraphs between tables", () => {
  it("are read, and every table's header row is recognized", () => {
    const parsed = parseOhchrThematicList({
      headers: [],
      blocks: [
        { kind: "paragraph", text: "Theme: Right to health" },
        ...table([CYCLE_4_HEADER, ["140.9 Improve access to health care (Chile);\nSource of Position: A/HRC/59/15/Add.1 - Para.3", "Supported", "- Right to health", "- 3 - GOOD HEALTH AND WELL-BEING"]], 1),
        { kind: "paragraph", text: "Theme: Right to education" },
        ...table([CYCLE_4_HEADER, ["140.10 Ensure inclusive education (Peru);\nSource of Position: A/HRC/59/15/Add.1 - Para.3", "Supported", "- Right to education", "- 4 - QUALITY EDUCATION"]], 2),
      ],
    }, { session: 48 });
    expect(valid(parsed.rows).map((row) => [row.table, row.row, row.fields.cluster])).toEqual([
      [1, 2, "Right to health"],
      [2, 2, "Right to education"],
    ]);
  });
});

describe("rows that cannot be imported", () => {
  const parsed = parseOhchrThematicList({
    headers: ["UPR of Slovenia (4th Cycle - 48th Session)"],
    blocks: table([
      CYCLE_4_HEADER,
      ["Ratify the Convention (Chile);\nSource of Position: A/HRC/59/15/Add.1 - Para.3", "Supported", "", ""],
      ["140.20 Ratify the Convention (Chile);\nSource of Position: A/HRC/59/15/Add.1 - Para.3", "Pending", "", ""],
      ["140.21 Ratify the Convention (Chile);\nSource of Position: A/HRC/59/15/Add.1 - Para.3", "", "", "- 19 - SOMETHING"],
    ]),
  });

  it("are invalid with the reason and their row number", () => {
    expect(parsed.rows.filter((row) => !row.ok)).toEqual([
      { ok: false, row: 2, reasons: [expect.stringContaining("does not start with its paragraph number")] },
      { ok: false, row: 3, ref: "140.20", reasons: [expect.stringContaining('the position "Pending" is not Supported')] },
    ]);
  });

  it("or valid with warnings when something is only missing", () => {
    expect(valid(parsed.rows)[0]!.warnings).toEqual(["no position given", '"19 - SOMETHING" is not an SDG']);
  });
});

describe("the document symbol", () => {
  const withoutSource: WordDocumentContent = {
    headers: ["UPR of Slovenia (4th Cycle - 48th Session)"],
    blocks: table([CYCLE_4_HEADER, ["140.7 Ratify the Convention (Chile);", "Supported", "", ""]]),
  };

  it("is required when the list gives no source of position", () => {
    const parsed = parseOhchrThematicList(withoutSource);
    expect(parsed.rows[0]).toMatchObject({ ok: false, reasons: [expect.stringContaining("no document symbol")] });
    expect(parsed.warnings).toEqual([expect.stringContaining("give the symbol")]);
  });

  it("can be given", () => {
    expect(parseOhchrThematicList(withoutSource, { documentSymbol: "A/HRC/59/15" }).rows[0]).toMatchObject({ ok: true, fields: { key: "A/HRC/59/15#140.7" } });
  });

  it("is read from sources as OHCHR wrote them across cycles", () => {
    expect(parsePositionSource("A/HRC/59/15/Add.1 - Para.3vv")).toEqual({ label: "A/HRC/59/15/Add.1, para. 3", reportSymbol: "A/HRC/59/15" });
    expect(parsePositionSource("A/HRC/28/15/Add.1 - Para. 3")).toEqual({ label: "A/HRC/28/15/Add.1, para. 3", reportSymbol: "A/HRC/28/15" });
    expect(parsePositionSource("A/HRC/43/15 - Para 121")).toEqual({ label: "A/HRC/43/15, para. 121", reportSymbol: "A/HRC/43/15" });
  });
});

describe("files that are not a thematic list", () => {
  it("are refused naming the header cells found", () => {
    let error: unknown;
    try {
      parseOhchrThematicList({ headers: [], blocks: table([["No.", "Recommendation", "Status"], ["1", "Do this", "Done"]]) });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain('Found table 1: "No." | "Recommendation" | "Status"');
    expect((error as Error).message).toContain("Recommendation and recommending State");
  });

  it("are refused when there is no table at all, or no recommendation under the header", () => {
    expect(() => parseOhchrThematicList({ headers: [], blocks: [{ kind: "paragraph", text: "Hello" }] })).toThrow("This Word document has no table");
    expect(() => parseOhchrThematicList({ headers: [], blocks: table([CYCLE_4_HEADER, ["Theme: Migrants"]]) })).toThrow("no recommendation under it");
  });
});
