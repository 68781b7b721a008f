import { ValidationError } from "../errors";
import type { ValidRow } from "./import-types";
import type { Cell, Table } from "./table";
import { isUhriHeader, parseUhriExport, UHRI_COLUMNS } from "./uhri-export";

type UhriRow = Partial<Record<(typeof UHRI_COLUMNS)[number], Cell>>;

function uhriTable(rows: UhriRow[]): Table {
  return { headers: [...UHRI_COLUMNS], rows: rows.map((row, index) => ({ row: index + 2, values: UHRI_COLUMNS.map((column) => row[column] ?? null) })) };
}

const uprRow: UhriRow = {
  Text: "140.7 Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights (Maldives) (Portugal);",
  "Countries Concerned": "- Slovenia",
  "Reccomending Body": "UPR",
  "Document Symbol": "A/HRC/59/15",
  Themes: "- Ratification of & accession to international instruments\n- Economic, social & cultural rights - general measures of implementation",
  "Affected Persons": "- Public officials",
  Sdgs: "- 1 - NO POVERTY\n- 2 - ZERO HUNGER",
  "Document Publication Date": 45758,
  "UPR Reccomending States": "- Maldives\n- Portugal",
  "UPR Position": "Supported",
  Type: "Recommendation",
  "OHCHR Annotation Id": "b2f7a8c4-1",
  "UPR Session": 48,
  "Regions Concerned": "- Eastern European States",
  "Recommending Regions": "- Asia-Pacific States\n- Western European and other States",
  "Date of publication on UHRI": 45800,
};

describe("a UHRI export", () => {
  it("is recognized by its header row, 'Reccomending' spelling and all", () => {
    expect(isUhriHeader([...UHRI_COLUMNS])).toBe(true);
    expect(isUhriHeader(["Text", "Document Symbol", "Recommending Body"])).toBe(true);
    expect(isUhriHeader(["Text", "Symbol of something"])).toBe(false);
  });

  it("gives a UPR recommendation with the States out of its text, the session's cycle and the serial date as a date", () => {
    const parsed = parseUhriExport(uhriTable([uprRow]), { format: "uhri-xlsx", fileName: "uhri.xlsx" });
    expect(parsed).toMatchObject({ format: "uhri-xlsx", fileName: "uhri.xlsx", source: { country: "Slovenia", session: 48, cycle: 4 }, warnings: [] });
    expect(parsed.rows[0]).toEqual({
      ok: true,
      row: 2,
      ref: "140.7",
      warnings: [],
      fields: {
        key: "A/HRC/59/15#140.7",
        text: "Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights",
        documentSymbol: "A/HRC/59/15",
        paragraph: "140.7",
        mechanism: "UPR",
        uhriAnnotationId: "b2f7a8c4-1",
        recommendingStates: ["Maldives", "Portugal"],
        position: "supported",
        session: 48,
        cycle: 4,
        themes: ["Ratification of & accession to international instruments", "Economic, social & cultural rights - general measures of implementation"],
        affectedGroups: ["Public officials"],
        sdgGoals: [1, 2],
        sdgTargets: [],
        publicationDate: "2025-04-11",
      },
    });
  });

  it("gives treaty-body and special-procedure recommendations their mechanism", () => {
    const parsed = parseUhriExport(
      uhriTable([
        { Text: "23. The Committee recommends that the State party adopt a comprehensive children's act.", "Reccomending Body": "Committee on the Rights of the Child", "Document Symbol": "CRC/C/SVN/CO/5-6", "OHCHR Annotation Id": "a-2" },
        { Text: "81 (b) Ensure access to safe water.", "Reccomending Body": "Special Rapporteur on the human rights to safe drinking water and sanitation", "Document Symbol": "A/HRC/45/10/Add.1", "OHCHR Annotation Id": "a-3" },
      ]),
      { format: "uhri-csv" },
    );
    expect(parsed.rows.map((row) => (row as ValidRow).fields)).toEqual([
      expect.objectContaining({ key: "CRC/C/SVN/CO/5-6#23", mechanism: "CRC", text: "The Committee recommends that the State party adopt a comprehensive children's act." }),
      expect.objectContaining({ key: "A/HRC/45/10/ADD.1#81(b)", mechanism: "SPECIAL_PROCEDURES", body: "Special Rapporteur on the human rights to safe drinking water and sanitation" }),
    ]);
    expect(parsed.rows[0]).not.toHaveProperty("fields.recommendingStates");
  });

  it("reports rows it cannot key or place, with their row number", () => {
    const parsed = parseUhriExport(
      uhriTable([
        { ...uprRow, Text: "Ratify the Optional Protocol (Maldives)" },
        { ...uprRow, "Reccomending Body": "Somebody", "UPR Session": null, "UPR Position": null, Text: "12. Do this." },
        { ...uprRow, "UPR Position": "Maybe" },
        { ...uprRow, "Document Publication Date": "soon", Sdgs: "- 42 - NOT AN SDG" },
      ]),
      { format: "uhri-csv" },
    );
    expect(parsed.rows.slice(0, 3)).toEqual([
      { ok: false, row: 2, ref: "b2f7a8c4-1", reasons: [expect.stringContaining("does not start with its paragraph number")] },
      { ok: false, row: 3, ref: "12", reasons: [expect.stringContaining('the recommending body "Somebody" is not a mechanism the product knows')] },
      { ok: false, row: 4, ref: "140.7", reasons: [expect.stringContaining('the UPR position "Maybe"')] },
    ]);
    expect(parsed.rows[3]).toMatchObject({ ok: true, warnings: ['"42 - NOT AN SDG" is not an SDG', expect.stringContaining('the publication date "soon" is not a date')] });
    expect(parsed.rows[3]).not.toHaveProperty("fields.publicationDate");
  });

  it("takes the mechanism given with the import for rows whose body does not say", () => {
    const parsed = parseUhriExport(uhriTable([{ Text: "12. Do this.", "Document Symbol": "XYZ/1", "OHCHR Annotation Id": "x" }]), { format: "uhri-csv", mechanism: "REGIONAL" });
    expect(parsed.rows[0]).toMatchObject({ ok: true, fields: { mechanism: "REGIONAL" } });
  });

  it("is refused without its Text and Document Symbol columns, naming what was found", () => {
    expect(() => parseUhriExport({ headers: ["Recommendation", "Symbol code"], rows: [] }, { format: "uhri-csv" })).toThrow(ValidationError);
    expect(() => parseUhriExport({ headers: ["Recommendation", "Symbol code"], rows: [] }, { format: "uhri-csv" })).toThrow(
      'This is not a UHRI export: it has no "Text" or "Document Symbol" column. Found "Recommendation", "Symbol code".',
    );
  });

  it("warns when the export concerns several countries", () => {
    const parsed = parseUhriExport(uhriTable([uprRow, { ...uprRow, Text: "140.8 x (Chile)", "Countries Concerned": "- Croatia" }]), { format: "uhri-csv" });
    expect(parsed.warnings).toEqual(["the export concerns more than one country: Slovenia, Croatia"]);
  });
});
