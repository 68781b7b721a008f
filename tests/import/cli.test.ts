/** `npx nmirf import`: the preview summary, --json, --dry-run, writing to a store, bad files. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Actor } from "../../core/auth/policy";
import { FakeClock } from "../../core/in-memory/fakes";
import { createInMemoryRepositories } from "../../core/in-memory/in-memory-repositories";
import { queryAll, type Repositories } from "../../core/ports/repository";
import { runImport } from "../../cli/commands/import";
import { StoreNotConfiguredError, type OpenedStore } from "../../cli/store";
import { FIXTURE_PATH, uhriCsv, uhriUprRecord, uhriUprRecords } from "./support/files";

const secretariat: Actor = { userId: "sec-1", displayName: "Sara Secretariat", roles: ["Secretariat"], ministryIds: [] };

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), "nmirf-import-"));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function file(name: string, content: Uint8Array | string): string {
  const target = path.join(directory, name);
  writeFileSync(target, content);
  return target;
}

async function run(args: string[], store?: { repos: Repositories; closed?: { count: number } }) {
  const out: string[] = [];
  const err: string[] = [];
  const openStore = async (): Promise<OpenedStore> => {
    if (!store) throw new StoreNotConfiguredError();
    return {
      repositories: store.repos,
      actor: secretariat,
      clock: new FakeClock(),
      description: "the test store",
      close: async () => {
        if (store.closed) store.closed.count += 1;
      },
    };
  };
  const code = await runImport(args, { out: (line) => out.push(line), err: (line) => err.push(line) }, { openStore });
  return { code, out: out.join("\n"), err: err.join("\n"), json: () => JSON.parse(out.join("\n")) as Record<string, unknown> };
}

describe("npx nmirf import --dry-run", () => {
  it("--json prints one object with the counts, positions, clusters and invalid rows, against an empty list when no store is configured", async () => {
    const result = await run([FIXTURE_PATH, "--dry-run", "--json"]);
    expect(result.code).toBe(0);
    const { rows, ...summary } = result.json() as { rows: { row: number; ref?: string; key?: string; outcome: string }[] };
    // Every row read, with what the import does with it, not only the rows with something to say.
    expect(rows).toHaveLength(254);
    expect(rows.every((row) => row.outcome === "new" && row.key && row.ref)).toBe(true);
    expect(rows[0]).toMatchObject({ row: expect.any(Number), outcome: "new" });
    expect(summary).toEqual({
      file: "ohchr-upr-thematic-list-slovenia-cycle4.docx",
      rowWarnings: [],
      format: "ohchr-docx",
      layout: "cycle-4",
      source: { country: "Slovenia", cycle: 4, session: 48 },
      dryRun: true,
      store: null,
      written: false,
      total: 254,
      new: 254,
      changed: 0,
      unchanged: 0,
      duplicates: 0,
      invalid: 0,
      position: { supported: 217, "supported-in-part": 0, noted: 37, none: 0 },
      clusters: 43,
      invalidRows: [],
      changedRows: [],
      duplicateRows: [],
      warnings: [],
    });
  });

  it("prints the summary for people, and says nothing was written", async () => {
    const result = await run([FIXTURE_PATH, "--dry-run"]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("ohchr-upr-thematic-list-slovenia-cycle4.docx: OHCHR thematic list of recommendations (Word), cycle 4 layout — Slovenia, UPR cycle 4, session 48");
    expect(result.out).toContain("254 recommendations read: 254 new, 0 changed, 0 unchanged, 0 duplicates, 0 invalid");
    expect(result.out).toContain("Positions: 217 supported, 0 supported in part, 37 noted");
    expect(result.out).toContain("Clusters: 43");
    expect(result.out).toContain("Dry run: nothing was written. No store is configured yet, so the file was compared against an empty list.");
  });

  it("lists invalid rows with their row numbers and reasons, and duplicates", async () => {
    const csv = file("export.csv", uhriCsv([...uhriUprRecords(2), uhriUprRecord("140.9", { Text: "Ratify the Convention (Chile)" }), uhriUprRecord("140.1")]));
    const result = await run([csv, "--dry-run", "--json"]);
    expect(result.json()).toMatchObject({
      format: "uhri-csv",
      total: 4,
      new: 2,
      duplicates: 1,
      invalid: 1,
      invalidRows: [{ row: 4, ref: "annotation-140.9", reasons: [expect.stringContaining("does not start with its paragraph number")] }],
      duplicateRows: [{ row: 5, ref: "140.1", duplicateOf: 2 }],
    });
    const text = await run([csv, "--dry-run"]);
    expect(text.out).toContain("Invalid (not imported):\n  row 4 (annotation-140.9): the text does not start with its paragraph number");
    expect(text.out).toContain("Duplicates within the file (the first one is imported):\n  row 5 (140.1): same recommendation as row 2");
  });

  it("compares against the store when there is one, and writes nothing to it", async () => {
    const repos = createInMemoryRepositories();
    await run([FIXTURE_PATH], { repos });
    const result = await run([FIXTURE_PATH, "--dry-run", "--json"], { repos });
    expect(result.json()).toMatchObject({ store: "the test store", new: 0, unchanged: 254, written: false });
    expect(await queryAll(repos.audit, { top: 5000 })).toHaveLength(1);
  });
});

describe("npx nmirf import (writing)", () => {
  it("writes to the configured store and closes it; a second run finds everything unchanged", async () => {
    const repos = createInMemoryRepositories();
    const closed = { count: 0 };
    const first = await run([FIXTURE_PATH, "--json"], { repos, closed });
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({ written: true, new: 254, committed: { created: 254, updated: 0, unchanged: 0, failed: 0, auditEntries: 1 } });
    expect(await queryAll(repos.recommendations, { top: 5000 })).toHaveLength(254);
    expect(closed.count).toBe(1);

    const second = await run([FIXTURE_PATH], { repos, closed });
    expect(second.out).toContain("Written to the test store: 0 created, 0 updated, 254 unchanged; 0 audit entries.");
    expect(await queryAll(repos.recommendations, { top: 5000 })).toHaveLength(254);
  });

  it("interrupted, says so and that running it again completes it; the second run does", async () => {
    const repos = createInMemoryRepositories();
    const realCreateMany = repos.recommendations.createMany.bind(repos.recommendations);
    const cut = jest.spyOn(repos.recommendations, "createMany").mockImplementation(async (inputs) => {
      await realCreateMany(inputs.slice(0, 100));
      throw new Error("The connection to SharePoint was lost.");
    });
    const first = await run([FIXTURE_PATH, "--json"], { repos });
    expect(first.code).toBe(1);
    expect(first.json()).toMatchObject({ error: { message: expect.stringContaining("The import stopped part way: run it again to complete it") }, written: "partly" });
    cut.mockRestore();

    const second = await run([FIXTURE_PATH, "--json"], { repos });
    expect(second.json()).toMatchObject({ new: 154, unchanged: 100, committed: { created: 154, unchanged: 100, failed: 0 } });
    expect(await queryAll(repos.recommendations, { top: 5000 })).toHaveLength(254);
  });

  it("refuses to run without a store (nothing to write to) and says to use --dry-run", async () => {
    const result = await run([FIXTURE_PATH]);
    expect(result.code).toBe(1);
    expect(result.err).toContain("No store is configured");
    expect(result.err).toContain("Nothing was written. Run with --dry-run to preview the import.");
  });

  it("refuses a bad file with a clear error and writes nothing", async () => {
    const repos = createInMemoryRepositories();
    const closed = { count: 0 };
    const notes = file("notes.docx", "These are my notes, not a Word document.");
    const result = await run([notes, "--json"], { repos, closed });
    expect(result.code).toBe(1);
    expect(result.json()).toEqual({
      file: "notes.docx",
      error: { code: "validation", message: "The file is named .docx but is not a Word document (it is not a ZIP package). Open it in its program and save it again. Nothing was written." },
      written: false,
    });
    expect(await queryAll(repos.recommendations)).toHaveLength(0);
    expect(await queryAll(repos.audit)).toHaveLength(0);

    const missing = await run([path.join(directory, "nowhere.csv")], { repos });
    expect(missing).toMatchObject({ code: 1, err: expect.stringContaining("there is no such file") });
  });

  it("imports a generic CSV through --map and --mapping", async () => {
    const csv = file("tracker.csv", "Ref;Recommendation;Symbol;Topics\r\n23;Adopt a children's act;CRC/C/SVN/CO/5-6;Children|Education\r\n");
    const mapping = file("mapping.json", JSON.stringify({ columns: { text: "Recommendation", documentSymbol: "Symbol" }, listSeparator: "|" }));
    const repos = createInMemoryRepositories();
    const result = await run([csv, "--mapping", mapping, "--map", "paragraph=Ref,themes=Topics", "--mechanism", "crc", "--json"], { repos });
    expect(result.json()).toMatchObject({ format: "csv", new: 1, committed: { created: 1 } });
    expect(await queryAll(repos.recommendations)).toEqual([expect.objectContaining({ key: "CRC/C/SVN/CO/5-6#23", mechanism: "CRC", themes: ["Children", "Education"] })]);
  });
});

describe("a secretariat's own tracker from the CLI (--mapping)", () => {
  /** One row per recommending State, positions as verbs in English and Spanish, Windows-1252, bare CR line ends. */
  const trackerLines = [
    "text,to,decision,From,year",
    '"121.1 Ratify the Optional Protocol (Ethiopia);",A/HRC/27/15,support,Ethiopia,2014',
    '"121.1 Ratify the Optional Protocol (Ethiopia);",A/HRC/27/15,support,Côte d\'Ivoire,2014',
    '"121.2 Garantizar la educación",A/HRC/27/15,Aceptada,Spain,',
    '"121.3 Report on progress",A/HRC/27/15,implemented,Peru,',
    '"121.4 Consider joining the convention",A/HRC/27/15,,Peru,',
  ];
  const windows1252 = Uint8Array.from([...trackerLines.join("\r") + "\r"].map((char) => (char === "ó" ? 0xf3 : char === "ô" ? 0xf4 : char.charCodeAt(0))));
  const mapping = {
    columns: { text: "text", documentSymbol: "to", position: "decision", recommendingStates: "From", session: "year" },
    defaults: { mechanism: "UPR" },
    values: { position: { implemented: "" } },
    oneRowPerState: true,
  };

  it("merges the States' rows, translates the positions, names the guessed encoding and lists each row's warnings in --json", async () => {
    const csv = file("tracker-1252.csv", windows1252);
    const mappingFile = file("tracker-mapping.json", JSON.stringify(mapping));
    const result = await run([csv, "--mapping", mappingFile, "--dry-run", "--json"]);
    expect(result.code).toBe(0);
    const json = result.json();
    expect(json).toMatchObject({ format: "csv", total: 4, new: 4, invalid: 0, position: { supported: 2, noted: 0, "supported-in-part": 0, none: 2 } });
    expect(json.warnings).toEqual([
      "The file is not UTF-8: it was read as Windows-1252 (older Excel). Check the accented letters in the preview, or save the file as CSV UTF-8.",
      "rows merged into the recommendation they repeat (one row per recommending State): 1",
    ]);
    expect(json.rowWarnings).toEqual([
      { row: 2, ref: "121.1", warnings: ['the session "2014" is not a session number (a year is not a session); it is left out'] },
      { row: 5, ref: "121.3", warnings: ['the position "implemented" is mapped to nothing; the row has no position'] },
      { row: 6, ref: "121.4", warnings: ["the row gives no position"] },
    ]);
  });

  it("stores the merged recommendation with every State and the clean text, and says the warnings in the text output", async () => {
    const repos = createInMemoryRepositories();
    const result = await run([file("tracker-1252b.csv", windows1252), "--mapping", file("tracker-mapping-b.json", JSON.stringify(mapping))], { repos });
    expect(result.code).toBe(0);
    expect(result.out).toContain("Warnings:");
    expect(result.out).toContain("read as Windows-1252");
    expect(result.out).toContain("the row gives no position");
    const stored = await queryAll(repos.recommendations);
    expect(stored.find((r) => r.paragraph === "121.1")).toMatchObject({ text: "Ratify the Optional Protocol", recommendingStates: ["Ethiopia", "Côte d'Ivoire"], position: "supported" });
    expect(stored.find((r) => r.paragraph === "121.2")).toMatchObject({ text: "Garantizar la educación", position: "supported" });
  });

  it("shows old → new for a changed field when the tracker is imported again", async () => {
    const repos = createInMemoryRepositories();
    const mappingFile = file("tracker-mapping-c.json", JSON.stringify(mapping));
    await run([file("tracker-c1.csv", windows1252), "--mapping", mappingFile], { repos });
    const edited = file("tracker-c2.csv", trackerLines.join("\r").replace("Aceptada", "rechazada"));
    const result = await run([edited, "--mapping", mappingFile, "--dry-run"], { repos });
    expect(result.out).toContain('position "supported" → "noted"');
  });

  it("reads a UTF-16 file without a byte-order mark, and says so", async () => {
    const text = trackerLines.join("\n");
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i += 1) bytes[i * 2] = text.charCodeAt(i);
    const result = await run([file("tracker-utf16.csv", bytes), "--mapping", file("tracker-mapping-d.json", JSON.stringify(mapping)), "--dry-run", "--json"]);
    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({ total: 4, warnings: [expect.stringContaining("read as UTF-16 little-endian"), expect.any(String)] });
  });
});

describe("an Excel tracker with two sheets (--mapping with sheet and headerRow)", () => {
  async function trackerWorkbook(): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Notes").addRows([["text", "Read me first"], ["This sheet is not the tracker", ""]]);
    const sheet = workbook.addWorksheet("Tracker 2014");
    sheet.addRows([
      ["Follow-up of the second cycle", "", "", ""],
      ["text", "to", "decision", "From"],
      ["121.1 Ratify the Optional Protocol (Ethiopia);", "A/HRC/27/15", "support", "Ethiopia"],
      ["121.1 Ratify the Optional Protocol (Ethiopia);", "A/HRC/27/15", "support", "Chile"],
      ["121.2 Abolish the death penalty", "A/HRC/27/15", "Podprto", "Spain"],
    ]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  const mapping = { columns: { text: "text", documentSymbol: "to", position: "decision", recommendingStates: "From" }, defaults: { mechanism: "UPR" }, oneRowPerState: true };

  it("reads the sheet and header row the mapping names, merging the States' rows", async () => {
    const repos = createInMemoryRepositories();
    const result = await run([file("tracker.xlsx", await trackerWorkbook()), "--mapping", file("xlsx-mapping.json", JSON.stringify({ ...mapping, sheet: "Tracker 2014", headerRow: 2 })), "--json"], { repos });
    expect(result.json()).toMatchObject({ total: 2, new: 2, invalid: 0, committed: { created: 2 } });
    const stored = await queryAll(repos.recommendations);
    expect(stored.find((r) => r.paragraph === "121.1")).toMatchObject({ text: "Ratify the Optional Protocol", recommendingStates: ["Ethiopia", "Chile"], position: "supported" });
    expect(stored.find((r) => r.paragraph === "121.2")).toMatchObject({ position: "supported", recommendingStates: ["Spain"] });
  });

  it("names the sheets when the mapping's sheet is not there, and writes nothing", async () => {
    const repos = createInMemoryRepositories();
    const result = await run([file("tracker-b.xlsx", await trackerWorkbook()), "--mapping", file("xlsx-mapping-b.json", JSON.stringify({ ...mapping, sheet: "2015" }))], { repos });
    expect(result.code).toBe(1);
    expect(result.err).toContain('The workbook has no sheet "2015"; its sheets are "Notes", "Tracker 2014".');
    expect(await queryAll(repos.recommendations)).toEqual([]);
  });
});

describe("wrong usage", () => {
  it.each([
    [[], "Give one file to import."],
    [["a.docx", "b.docx"], "Give one file to import."],
    [["a.docx", "--format", "pdf"], "--format must be one of ohchr-docx, uhri-xlsx, uhri-csv, uhri-json, csv."],
    [["a.docx", "--mechanism", "UNESCO"], "--mechanism must be one of UPR, CCPR"],
    [["a.docx", "--session", "forty"], "--session must be a UPR session number"],
    [["a.docx", "--colour"], "Unknown option '--colour'"],
  ])("%j", async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });
});
