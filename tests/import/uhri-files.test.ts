/**
 * UHRI exports as files: the .xlsx and the .csv in the export's exact column layout, made by
 * the tests, read at the edge and parsed by core; and the two formats de-duplicating against
 * the OHCHR thematic list of the same review.
 */
import ExcelJS from "exceljs";
import type { Actor } from "../../core/auth/policy";
import { ValidationError } from "../../core/errors";
import type { ParsedImport, ValidRow } from "../../core/import";
import { FakeClock } from "../../core/in-memory/fakes";
import { createInMemoryRepositories } from "../../core/in-memory/in-memory-repositories";
import { queryAll } from "../../core/ports/repository";
import { commitImport, previewImport } from "../../core/import/import-recommendations";
import { readImportFile } from "../../importers";
import { thematicListFixture, uhriCsv, uhriUprRecord, uhriUprRecords, uhriWorkbook, type UhriRecord } from "./support/files";

const secretariat: Actor = { userId: "sec-1", displayName: "Sara Secretariat", roles: ["Secretariat"], ministryIds: [] };

const treatyBody: UhriRecord = {
  Text: "23. The Committee recommends that the State party adopt a comprehensive children's act.",
  "Countries Concerned": "- Slovenia",
  "Reccomending Body": "Committee on the Rights of the Child",
  "Document Symbol": "CRC/C/SVN/CO/5-6",
  Themes: "- Children: definition; general principles; protection",
  "Affected Persons": "- Children",
  Sdgs: "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
  "Document Publication Date": 44000,
  Type: "Recommendation",
  "OHCHR Annotation Id": "crc-23",
};

const records: UhriRecord[] = [...uhriUprRecords(2), uhriUprRecord("140.3", { "UPR Position": "Noted", "UPR Reccomending States": "- Côte d'Ivoire", Text: "140.3 Ratify ICRMW (Côte d'Ivoire);" }), treatyBody];

function fieldsOf(parsed: ParsedImport) {
  return parsed.rows.map((row) => (row.ok ? row.fields : row));
}

describe("a UHRI export in Excel", () => {
  it("gives each row with its Excel row number, multi-value cells split, serial dates as dates", async () => {
    const parsed = await readImportFile(await uhriWorkbook(records), { fileName: "uhri-export.xlsx" });
    expect(parsed).toMatchObject({ format: "uhri-xlsx", fileName: "uhri-export.xlsx", source: { country: "Slovenia" }, warnings: [] });
    expect(parsed.rows.map((row) => [row.row, row.ok, row.ref])).toEqual([
      [2, true, "140.1"],
      [3, true, "140.2"],
      [4, true, "140.3"],
      [5, true, "23"],
    ]);
    expect((parsed.rows[0] as ValidRow).fields).toEqual({
      key: "A/HRC/59/15#140.1",
      text: "Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights",
      documentSymbol: "A/HRC/59/15",
      paragraph: "140.1",
      mechanism: "UPR",
      uhriAnnotationId: "annotation-140.1",
      recommendingStates: ["Maldives", "Portugal"],
      position: "supported",
      session: 48,
      cycle: 4,
      themes: ["Ratification of & accession to international instruments", "Economic, social & cultural rights - general measures of implementation"],
      affectedGroups: ["Public officials"],
      sdgGoals: [1, 16],
      sdgTargets: [],
      publicationDate: "2025-04-11",
    });
    expect((parsed.rows[3] as ValidRow).fields).toMatchObject({ key: "CRC/C/SVN/CO/5-6#23", mechanism: "CRC", themes: ["Children: definition; general principles; protection"], publicationDate: "2020-06-18" });
  });

  it("finds the header below title rows, and reads date-formatted cells", async () => {
    const workbook = new ExcelJS.Workbook();
    const exported = await uhriWorkbook(uhriUprRecords(1), { titleRows: ["Universal Human Rights Index", "Exported 2025-05-01"] });
    await workbook.xlsx.load(exported as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    sheet.getCell("H4").value = new Date(Date.UTC(2025, 3, 11));
    const parsed = await readImportFile(Buffer.from(await workbook.xlsx.writeBuffer()), { fileName: "export.xlsx" });
    expect(parsed.rows).toEqual([expect.objectContaining({ ok: true, row: 4, fields: expect.objectContaining({ publicationDate: "2025-04-11" }) })]);
  });

  it("is refused when no sheet has the export's header row, naming what the first sheet starts with", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Tracker").addRow(["No.", "Recommendation", "Ministry"]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(readImportFile(bytes, { fileName: "tracker.xlsx" })).rejects.toThrow('No sheet of this workbook is a UHRI export: none has the export\'s header row (Text, Document Symbol, OHCHR Annotation Id, …). The first sheet starts with "No.", "Recommendation", "Ministry".');
  });
});

describe("a UHRI export in CSV", () => {
  it("reads the same as the Excel export", async () => {
    const fromExcel = await readImportFile(await uhriWorkbook(records));
    const fromCsv = await readImportFile(uhriCsv(records), { fileName: "uhri-export.csv" });
    expect(fromCsv.format).toBe("uhri-csv");
    expect(fieldsOf(fromCsv)).toEqual(fieldsOf(fromExcel));
    expect(fromCsv.rows.map((row) => row.row)).toEqual([2, 3, 4, 5]);
  });

  it.each([
    ["';' as the delimiter and a BOM (Excel in most of Europe)", { delimiter: ";", bom: true }],
    ["UTF-16 (Excel's Unicode text)", { delimiter: "\t", encoding: "utf16le" as const }],
    ["Windows-1252 (older Excel)", { encoding: "latin1" as const }],
  ])("reads %s", async (_, options) => {
    const parsed = await readImportFile(uhriCsv(records, options), { fileName: "uhri.csv" });
    expect(fieldsOf(parsed)).toEqual(fieldsOf(await readImportFile(uhriCsv(records))));
    expect((parsed.rows[2] as ValidRow).fields.recommendingStates).toEqual(["Côte d'Ivoire"]);
  });

  it("is refused when the header row is not the export's and no mapping is given", async () => {
    const bytes = Buffer.from("No.,Recommendation,Ministry\r\n1,Do this,Justice\r\n");
    await expect(readImportFile(bytes, { fileName: "tracker.csv" })).rejects.toThrow(ValidationError);
    await expect(readImportFile(bytes, { fileName: "tracker.csv" })).rejects.toThrow('This CSV is not a UHRI export: its header row has "No.", "Recommendation", "Ministry"');
  });
});

/** The same annotations as the UHRI's JSON export writes them: its keys, lists as arrays, dates as ISO instants. */
function uhriJson(list: UhriRecord[]): Buffer {
  const KEYS: Partial<Record<keyof UhriRecord, string>> = {
    Text: "Text",
    "Countries Concerned": "Countries",
    "Reccomending Body": "Body",
    "Document Symbol": "Symbol",
    Themes: "Themes",
    "Affected Persons": "AffectedPersons",
    Sdgs: "Sdgs",
    "Document Publication Date": "PublicationDate",
    "UPR Reccomending States": "UprRecommendingCountry",
    "UPR Position": "UprPositions",
    Type: "AnnotationType",
    "OHCHR Annotation Id": "AnnotationId",
    "UPR Session": "UprSession",
    "Regions Concerned": "Regions",
  };
  const serialToIso = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().replace(".000Z", "");
  const annotations = list.map((record) =>
    Object.fromEntries(
      Object.entries(record).flatMap(([column, value]): [string, unknown][] => {
        const key = KEYS[column as keyof UhriRecord];
        if (!key || value === null || value === undefined) return [];
        if (typeof value === "string" && value.startsWith("- ")) return [[key, value.split("\n").map((line) => line.replace(/^- /, ""))]];
        if (key === "PublicationDate" && typeof value === "number") return [[key, serialToIso(value)]];
        return [[key, value]];
      }),
    ),
  );
  return Buffer.from(JSON.stringify(annotations, null, 2), "utf8");
}

describe("a UHRI export in JSON", () => {
  it("reads the same as the Excel export, found by its content, its lists and dates as the export writes them", async () => {
    const fromExcel = await readImportFile(await uhriWorkbook(records));
    const fromJson = await readImportFile(uhriJson(records), { fileName: "uhri-export.json" });
    expect(fromJson.format).toBe("uhri-json");
    expect(fieldsOf(fromJson)).toEqual(fieldsOf(fromExcel));
    expect(fromJson.rows.map((row) => row.row)).toEqual([1, 2, 3, 4]);
  });

  it("takes the annotations inside an object too, and refuses JSON that is no export, naming what it holds, or that does not parse", async () => {
    const wrapped = Buffer.from(JSON.stringify({ value: JSON.parse(uhriJson(records).toString("utf8")) }));
    expect((await readImportFile(wrapped, { fileName: "export.json" })).rows).toHaveLength(records.length);
    const other = readImportFile(Buffer.from(JSON.stringify([{ name: "Ana", city: "Ljubljana" }])), { fileName: "people.json" });
    await expect(other).rejects.toThrow(/not a UHRI export: its annotations have "name", "city"/);
    await expect(readImportFile(Buffer.from('[{"Text": "Ratify'), { fileName: "cut.json" })).rejects.toBeInstanceOf(ValidationError);
    await expect(readImportFile(Buffer.from('{"count": 2}'), { fileName: "count.json" })).rejects.toThrow(/holds no list of annotations/);
  });
});

describe("a generic CSV with a column mapping", () => {
  it("is read through the mapping", async () => {
    const bytes = Buffer.from('Ref;Recommendation;Symbol;Response\r\n23(a);"Adopt a children\'s act;\nand fund it";CRC/C/SVN/CO/5-6;\r\n');
    const parsed = await readImportFile(bytes, {
      fileName: "tracker.csv",
      mechanism: "CRC",
      mapping: { paragraph: "Ref", text: "Recommendation", documentSymbol: "Symbol", position: "Response" },
    });
    expect(parsed.format).toBe("csv");
    expect(parsed.rows[0]).toMatchObject({ ok: true, row: 2, fields: { key: "CRC/C/SVN/CO/5-6#23(a)", text: "Adopt a children's act;\nand fund it", mechanism: "CRC" } });
  });
});

describe("the formats de-duplicate against each other", () => {
  it("the UHRI export of recommendations already imported from the thematic list updates them and creates nothing", async () => {
    const repos = createInMemoryRepositories();
    const deps = { repos, clock: new FakeClock() };
    await commitImport(deps, secretariat, await readImportFile(thematicListFixture(), { fileName: "svn.docx" }));
    const [before] = await queryAll(repos.recommendations, { where: [{ field: "key", op: "eq", value: "A/HRC/59/15#140.7" }] });

    const uhri = await readImportFile(
      uhriCsv([uhriUprRecord("140.7", { Sdgs: ["1", "2", "3", "4", "5", "6", "7", "8"].map((goal) => `- ${goal} - GOAL`).join("\n") })]),
      { fileName: "uhri.csv" },
    );
    const preview = await previewImport(deps, secretariat, uhri);
    expect(preview).toMatchObject({ total: 1, new: 0, changed: 1 });
    expect(preview.rows[0]!.changes!.map((change) => change.field)).toEqual(["uhriAnnotationId", "publicationDate"]);

    await commitImport(deps, secretariat, uhri);
    const after = await repos.recommendations.get(before!.id);
    expect(after).toMatchObject({ uhriAnnotationId: "annotation-140.7", publicationDate: "2025-04-11", cluster: before!.cluster, positionSource: "A/HRC/59/15/Add.1, para. 3" });
    expect(await queryAll(repos.recommendations, { top: 5000 })).toHaveLength(254);
  });
});
