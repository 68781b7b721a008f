/**
 * A secretariat's own tracker mapped through the API as the tab's import wizard does it: the
 * upload answers the file's columns and values with suggestions, the mapping answers the first
 * rows as they will be stored, the mapping is saved on the site, downloaded, and the CLI imports
 * the same file with it; the stored recommendations are checked row by row. Then a re-import
 * whose changes the secretariat unticks in part.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { runImport } from "../../cli/commands/import";
import type { OpenedStore } from "../../cli/store";
import { FakeClock } from "../../core/in-memory/fakes";
import { queryAll } from "../../core/ports/repository";
import { PEOPLE, startApiServer, type ApiClient } from "../server/support/api-server";

interface ProfiledColumn {
  name: string;
  filled: number;
  distinct: number;
  values: { value: string; rows: number; position?: string; mechanism?: string }[];
  suggestedField?: string;
}
interface Upload {
  id: string;
  preview?: {
    total: number;
    new: number;
    changed: number;
    invalid: number;
    warnings: string[];
    rows: { row: number; ref?: string; outcome: string; fields?: Record<string, unknown>; warnings?: string[]; reasons?: string[]; changes?: { field: string; from: unknown; to: unknown }[] }[];
  };
  table?: { sheet?: string; sheets?: string[]; headerRow: number; rows: number; warnings: string[]; columns: ProfiledColumn[]; suggestedMapping: { columns: Record<string, string>; values?: Record<string, Record<string, string>>; oneRowPerState?: boolean } };
  mapping?: Record<string, unknown>;
}

/** One row per recommending State, positions as verbs in English, Spanish and French, Windows-1252, bare CR line ends. */
const TRACKER_LINES = [
  "text,document,decision,From,year,notes",
  '"150.1 Ratify the Optional Protocol to the Convention against Torture (Ethiopia);",A/HRC/59/15,support,Ethiopia,2014,',
  '"150.1 Ratify the Optional Protocol to the Convention against Torture (Ethiopia);",A/HRC/59/15,support,Côte d\'Ivoire,2014,',
  '"150.2 Garantizar la independencia del Defensor del Pueblo",A/HRC/59/15,Aceptada,Spain,2014,',
  '"150.3 Décriminaliser la diffamation",A/HRC/59/15,Acceptée,France,2014,',
  '"150.4 Consider joining the Convention on Migrant Workers",A/HRC/59/15,consider,Mexico,2014,',
  '"150.5 Abolish the death penalty in all circumstances",A/HRC/59/15,reject,Iran,2014,',
  '"150.6 Adopt the national action plan",A/HRC/59/15,implemented,Chile,2014,done in 2016',
  '"150.7 Report on the action plan",A/HRC/59/15,noted,Brazil,2014,',
  '"150.10000 Consult civil society",A/HRC/59/15,,Brazil,2014,',
];
const WINDOWS_1252: Record<string, number> = { ô: 0xf4, é: 0xe9, ó: 0xf3 };
const trackerCsv = () => Uint8Array.from([...TRACKER_LINES.join("\r") + "\r"].map((char) => WINDOWS_1252[char] ?? char.charCodeAt(0)));

async function trackerWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Notes").addRows([["text", "Read me first"], ["This sheet is not the tracker", ""]]);
  workbook.addWorksheet("Tracker 2019").addRows([
    ["Follow-up of the third cycle", "", "", ""],
    ["Recommendation", "Symbol", "Response", "Recommending State"],
    ["160.1 Establish a national preventive mechanism (Chile);", "A/HRC/43/15", "Podprto", "Chile"],
    ["160.1 Establish a national preventive mechanism (Chile);", "A/HRC/43/15", "Podprto", "Peru"],
    ["160.2 Ratify the ILO Convention No. 189", "A/HRC/43/15", "Noted", "Philippines"],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let api: ApiClient;
let token: string;
let directory: string;

beforeAll(async () => {
  api = await startApiServer();
  token = (await api.tokenFor("secretariat"))!;
  directory = mkdtempSync(path.join(tmpdir(), "nmirf-wizard-"));
}, 120_000);

afterAll(async () => {
  await api?.server.stop();
  rmSync(directory, { recursive: true, force: true });
});

function file(name: string, content: Uint8Array | string): string {
  const target = path.join(directory, name);
  writeFileSync(target, content);
  return target;
}

async function cli(args: string[]) {
  const out: string[] = [];
  const openStore = async (): Promise<OpenedStore> => ({
    repositories: api.repos,
    actor: { userId: PEOPLE.secretariat.id, displayName: PEOPLE.secretariat.displayName, roles: ["Secretariat"], ministryIds: [] },
    clock: new FakeClock(),
    description: "the test site",
    close: async () => undefined,
  });
  const code = await runImport(args, { out: (line) => out.push(line), err: (line) => out.push(line) }, { openStore });
  return { code, out: out.join("\n") };
}

async function stored(paragraph: string, symbol: string) {
  return (await queryAll(api.repos.recommendations)).find((r) => r.documentSymbol === symbol && r.paragraph === paragraph);
}

describe("a CSV tracker (one row per State, verbs as positions, Windows-1252, bare CR) mapped through the API", () => {
  let mapping: Record<string, unknown>;
  let mappingId: string;

  it("answers the file's own columns, the values found in each, suggested fields and value translations", async () => {
    const upload = await api.call<Upload>("POST", "/api/imports?fileName=national-tracker.csv", { token, raw: trackerCsv(), contentType: "text/csv" });
    expect(upload.status).toBe(201);
    expect(upload.body.preview).toBeUndefined();
    const table = upload.body.table!;
    expect(table.columns.map((c) => c.name)).toEqual(["text", "document", "decision", "From", "year", "notes"]);
    expect(table.rows).toBe(9);
    expect(table.warnings).toEqual([expect.stringContaining("read as Windows-1252")]);
    expect(Object.fromEntries(table.columns.map((c) => [c.name, c.suggestedField]))).toEqual({ text: "text", document: "documentSymbol", decision: "position", From: "recommendingStates", year: undefined, notes: undefined });
    const decision = table.columns.find((c) => c.name === "decision")!;
    expect(Object.fromEntries(decision.values.map((v) => [v.value, v.position]))).toEqual({
      support: "supported",
      Aceptada: "supported",
      Acceptée: "supported",
      consider: undefined,
      reject: "noted",
      implemented: undefined,
      noted: "noted",
    });
    expect(decision.values.find((v) => v.value === "support")!.rows).toBe(2);
    expect(table.columns.find((c) => c.name === "From")!.values.map((v) => v.value)).toContain("Côte d'Ivoire");
    expect(table.suggestedMapping).toEqual({
      columns: { text: "text", documentSymbol: "document", position: "decision", recommendingStates: "From" },
      values: { position: { support: "supported", Aceptada: "supported", Acceptée: "supported", reject: "noted", noted: "noted" } },
      oneRowPerState: true,
    });

    // The officer keeps the suggestions, translates the two words no position is guessed for, and says the mechanism.
    mapping = { ...table.suggestedMapping, values: { position: { ...table.suggestedMapping.values!.position, consider: "noted", implemented: "" } }, defaults: { mechanism: "UPR" } };
    const mapped = await api.call<Upload>("POST", `/api/imports/${upload.body.id}/mapping`, { token, body: { mapping } });
    expect(mapped.status).toBe(201);
    expect(mapped.body.id).not.toBe(upload.body.id);
    const preview = mapped.body.preview!;
    expect(preview).toMatchObject({ total: 8, new: 8, invalid: 0 });
    expect(preview.warnings).toEqual([
      expect.stringContaining("read as Windows-1252"),
      // Nothing dropped in silence: the tracker's columns no field takes are named.
      '2 columns the mapping leaves out, whose values are not imported: "year", "notes"',
      "rows merged into the recommendation they repeat (one row per recommending State): 1",
    ]);
    const byRef = Object.fromEntries(preview.rows.map((row) => [row.ref, row]));
    expect(byRef["150.1"]!.fields).toMatchObject({ text: "Ratify the Optional Protocol to the Convention against Torture", recommendingStates: ["Ethiopia", "Côte d'Ivoire"], position: "supported", mechanism: "UPR", documentSymbol: "A/HRC/59/15" });
    expect(byRef["150.3"]!.fields).toMatchObject({ text: "Décriminaliser la diffamation", position: "supported", recommendingStates: ["France"] });
    expect(byRef["150.4"]!.fields).toMatchObject({ position: "noted" });
    expect(byRef["150.6"]!.warnings).toEqual(['the position "implemented" is mapped to nothing; the row has no position']);
    expect(byRef["150.10000"]!.warnings).toEqual(["the row gives no position"]);
    // The upload replaced by its mapped preview is gone.
    expect((await api.call("GET", `/api/imports/${upload.body.id}`, { token })).status).toBe(404);
  });

  it("refuses a mapping that is not valid, naming what is wrong, and keeps the upload", async () => {
    const upload = await api.call<Upload>("POST", "/api/imports?fileName=national-tracker.csv", { token, raw: trackerCsv(), contentType: "text/csv" });
    const bad = await api.call<{ error: { message: string } }>("POST", `/api/imports/${upload.body.id}/mapping`, { token, body: { mapping: { columns: { text: "text" }, values: { position: { support: "yes" } } } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/mapping\.values\.position/);
    const missing = await api.call<{ error: { message: string } }>("POST", `/api/imports/${upload.body.id}/mapping`, { token, body: { mapping: { columns: { text: "Recommendation" }, defaults: { mechanism: "UPR", documentSymbol: "A/HRC/59/15" } } } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('The file has no column "Recommendation" (for text). Found "text", "document", "decision"');
    expect((await api.call("GET", `/api/imports/${upload.body.id}`, { token })).status).toBe(200);
    const unmapped = await api.call<{ error: { message: string } }>("POST", `/api/imports/${upload.body.id}/commit`, { token, body: {} });
    expect(unmapped.status).toBe(400);
    expect(unmapped.body.error.message).toContain("Map the file's columns first");
  });

  it("saves the mapping on the site, lists it checked, and downloads it as the JSON the CLI takes", async () => {
    const saved = await api.call<{ id: string; name: string; fileName: string; mapping: unknown }>("POST", "/api/import-mappings", { token, body: { name: "National tracker", mapping } });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: "National tracker", fileName: "National tracker.json", mapping });
    mappingId = saved.body.id;
    const list = await api.call<{ items: { id: string; name: string; mapping?: unknown }[] }>("GET", "/api/import-mappings", { token });
    expect(list.body.items.find((item) => item.id === mappingId)).toMatchObject({ name: "National tracker", mapping });
    const download = await api.call<unknown>("GET", `/api/import-mappings/${mappingId}`, { token });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toMatch(/application\/json/);
    expect(download.headers.get("content-disposition")).toContain("National%20tracker.json");
    expect(download.body).toEqual(mapping);
    const badName = await api.call<{ error: { message: string } }>("POST", "/api/import-mappings", { token, body: { name: "a/b", mapping } });
    expect(badName.status).toBe(400);
    expect(badName.body.error.message).toContain("body.name");
  });

  it("the CLI imports the same file with the downloaded mapping: every recommendation stored as the preview showed it", async () => {
    const download = await api.call<unknown>("GET", `/api/import-mappings/${mappingId}`, { token });
    const result = await cli([file("national-tracker.csv", trackerCsv()), "--mapping", file("National tracker.json", download.text)]);
    expect(result.code).toBe(0);
    const expected: Record<string, { text: string; position?: string; recommendingStates: string[] }> = {
      "150.1": { text: "Ratify the Optional Protocol to the Convention against Torture", position: "supported", recommendingStates: ["Ethiopia", "Côte d'Ivoire"] },
      "150.2": { text: "Garantizar la independencia del Defensor del Pueblo", position: "supported", recommendingStates: ["Spain"] },
      "150.3": { text: "Décriminaliser la diffamation", position: "supported", recommendingStates: ["France"] },
      "150.4": { text: "Consider joining the Convention on Migrant Workers", position: "noted", recommendingStates: ["Mexico"] },
      "150.5": { text: "Abolish the death penalty in all circumstances", position: "noted", recommendingStates: ["Iran"] },
      "150.6": { text: "Adopt the national action plan", position: undefined, recommendingStates: ["Chile"] },
      "150.7": { text: "Report on the action plan", position: "noted", recommendingStates: ["Brazil"] },
      "150.10000": { text: "Consult civil society", position: undefined, recommendingStates: ["Brazil"] },
    };
    for (const [paragraph, fields] of Object.entries(expected)) {
      const record = await stored(paragraph, "A/HRC/59/15");
      expect({ paragraph, text: record?.text, position: record?.position, states: record?.recommendingStates, mechanism: record?.mechanism }).toEqual({ paragraph, text: fields.text, position: fields.position, states: fields.recommendingStates, mechanism: "UPR" });
    }
  });
});

describe("an Excel tracker with two sheets mapped through the API", () => {
  it("shows the chosen sheet's columns under its title row, maps them, saves the mapping with the sheet and header row, and the CLI imports the workbook with it", async () => {
    const workbook = await trackerWorkbook();
    const upload = await api.call<Upload>("POST", `/api/imports?fileName=tracker.xlsx&sheet=${encodeURIComponent("Tracker 2019")}`, { token, raw: workbook, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    expect(upload.status).toBe(201);
    const table = upload.body.table!;
    expect(table).toMatchObject({ sheet: "Tracker 2019", sheets: ["Notes", "Tracker 2019"], headerRow: 2, rows: 3 });
    expect(table.suggestedMapping).toEqual({
      columns: { text: "Recommendation", documentSymbol: "Symbol", position: "Response", recommendingStates: "Recommending State" },
      values: { position: { Podprto: "supported", Noted: "noted" } },
      oneRowPerState: true,
    });
    const mapping = { ...table.suggestedMapping, defaults: { mechanism: "UPR" } };
    const mapped = await api.call<Upload>("POST", `/api/imports/${upload.body.id}/mapping`, { token, body: { mapping } });
    expect(mapped.status).toBe(201);
    expect(mapped.body.mapping).toMatchObject({ sheet: "Tracker 2019", headerRow: 2 });
    expect(mapped.body.preview).toMatchObject({ total: 2, new: 2, invalid: 0 });
    expect(mapped.body.preview!.rows[0]!.fields).toMatchObject({ text: "Establish a national preventive mechanism", recommendingStates: ["Chile", "Peru"], position: "supported" });

    const saved = await api.call<{ id: string }>("POST", "/api/import-mappings", { token, body: { name: "Tracker 2019 (Excel)", mapping: mapped.body.mapping } });
    expect(saved.status).toBe(201);
    const download = await api.call<unknown>("GET", `/api/import-mappings/${saved.body.id}`, { token });
    expect(download.body).toMatchObject({ sheet: "Tracker 2019", headerRow: 2 });
    const result = await cli([file("tracker.xlsx", workbook), "--mapping", file("excel-mapping.json", download.text)]);
    expect(result.code).toBe(0);
    expect(await stored("160.1", "A/HRC/43/15")).toMatchObject({ text: "Establish a national preventive mechanism", recommendingStates: ["Chile", "Peru"], position: "supported", mechanism: "UPR" });
    expect(await stored("160.2", "A/HRC/43/15")).toMatchObject({ text: "Ratify the ILO Convention No. 189", recommendingStates: ["Philippines"], position: "noted" });
  });

  it("refuses a header row the chosen sheet does not have, or that does not hold the columns' names, saying which", async () => {
    const workbook = await trackerWorkbook();
    const upload = (query: string) => api.call<Upload>("POST", `/api/imports?fileName=tracker.xlsx&sheet=${encodeURIComponent("Tracker 2019")}&${query}`, { token, raw: workbook, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    const refusals = await Promise.all(["headerRow=0", "headerRow=abc", "headerRow=40", "headerRow=1", "headerRow=5"].map(upload));
    expect(refusals.map((refusal) => refusal.status)).toEqual([400, 400, 400, 400, 400]);
    const messages = refusals.map((refusal) => (refusal.body as unknown as { error: { message: string } }).error.message);
    expect(messages[0]).toContain("query.headerRow: a header row's number, from 1 (the sheet's first row) to 1000");
    expect(messages[1]).toContain("query.headerRow: a header row's number, from 1 (the sheet's first row) to 1000");
    expect(messages[2]).toBe('The sheet "Tracker 2019" has 5 rows: there is no row 40 to read the columns\' names from.');
    expect(messages[3]).toBe('Row 1 of the sheet "Tracker 2019" does not hold the columns\' names: it has "Follow-up of the third cycle". Give the number of the row that does.');
    expect(messages[4]).toBe('The sheet "Tracker 2019" has nothing under row 5: choose the row with the columns\' names.');
  });
});
