/**
 * Files that cannot be imported get a clear error, and nothing is written: each case runs the
 * whole path (read the file, then commit) against an empty store and checks it stays empty.
 */
import type { Actor } from "../../core/auth/policy";
import { ValidationError } from "../../core/errors";
import { FakeClock } from "../../core/in-memory/fakes";
import { createInMemoryRepositories } from "../../core/in-memory/in-memory-repositories";
import { queryAll } from "../../core/ports/repository";
import { commitImport } from "../../core/import/import-recommendations";
import { readImportFile, type ReadImportOptions } from "../../importers";
import { lyingZip, thematicListFixture, uhriWorkbook, uhriUprRecords, wordDocument, zipOfZeros } from "./support/files";

const secretariat: Actor = { userId: "sec-1", displayName: "Sara Secretariat", roles: ["Secretariat"], ministryIds: [] };

async function importing(bytes: Uint8Array, options: ReadImportOptions): Promise<{ error: unknown; written: number }> {
  const repos = createInMemoryRepositories();
  let error: unknown;
  try {
    await commitImport({ repos, clock: new FakeClock() }, secretariat, await readImportFile(bytes, options));
  } catch (caught) {
    error = caught;
  }
  const written = (await queryAll(repos.recommendations)).length + (await queryAll(repos.audit)).length;
  return { error, written };
}

async function expectRefused(bytes: Uint8Array, options: ReadImportOptions, message: string | RegExp): Promise<void> {
  const { error, written } = await importing(bytes, options);
  expect(error).toBeInstanceOf(ValidationError);
  if (typeof message === "string") expect((error as Error).message).toContain(message);
  else expect((error as Error).message).toMatch(message);
  expect(written).toBe(0);
}

describe("files that are not what an import takes", () => {
  it("a picture", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
    await expectRefused(png, { fileName: "scan.png" }, "This file is not an OHCHR thematic list (.docx), a UHRI export (.xlsx, .csv or .json) or a CSV with a column mapping.");
  });

  it("a PDF, and an older .doc", async () => {
    await expectRefused(Buffer.from("%PDF-1.7\n..."), { fileName: "list.pdf" }, "This is a PDF.");
    await expectRefused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), { fileName: "list.doc" }, "save it as .docx or .xlsx");
  });

  it("a password-protected .xlsx (Office keeps it in an OLE container)", async () => {
    await expectRefused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), { fileName: "export.xlsx" }, "This file is protected by a password");
  });

  it("a text file named .docx", async () => {
    await expectRefused(Buffer.from("Recommendation,Position\n"), { fileName: "list.docx" }, "The file is named .docx but is not a Word document (it is not a ZIP package).");
  });

  it("an empty file", async () => {
    await expectRefused(new Uint8Array(), { fileName: "list.csv" }, "The file is empty.");
  });

  it("a Word document when an Excel export was chosen", async () => {
    await expectRefused(thematicListFixture(), { fileName: "list.docx", format: "uhri-xlsx" }, 'You chose "Universal Human Rights Index export (Excel)", but the file is a Word document (.docx).');
  });

  it("a ZIP archive that is neither Word nor Excel", async () => {
    await expectRefused(await zipOfZeros("photo.jpg", 10), { fileName: "photos.zip" }, "This is a ZIP archive but neither a Word document nor an Excel workbook.");
  });
});

describe("damaged and hostile files", () => {
  it("a Word document cut short", async () => {
    const whole = thematicListFixture();
    await expectRefused(whole.subarray(0, Math.floor(whole.length / 2)), { fileName: "list.docx" }, "The Word document is damaged and cannot be read (its table of contents is missing: the file is incomplete).");
  });

  it("a Word document whose parts are scrambled", async () => {
    const scrambled = Buffer.from(thematicListFixture());
    for (let offset = 2000; offset < scrambled.length - 5000; offset += 97) scrambled[offset] = scrambled[offset]! ^ 0xff;
    await expectRefused(scrambled, { fileName: "list.docx" }, /damaged|expands past/);
  });

  it("an archive that would expand past the limit is refused before anything is inflated", async () => {
    await expectRefused(await zipOfZeros("word/document.xml", 3 * 1024 * 1024), { fileName: "bomb.docx", limits: { maxUncompressedBytes: 1024 * 1024 } }, "would expand to more than 1 MB");
  });

  it("an archive that lies about its sizes stops at the size it declared", async () => {
    await expectRefused(await lyingZip(5 * 1024 * 1024, 1000), { fileName: "bomb.docx" }, "expands past the size it declares (part word/document.xml)");
  });

  it("an Excel workbook that lies about its sizes is stopped before exceljs unzips it", async () => {
    const workbook = await uhriWorkbook(uhriUprRecords(3));
    const patched = Buffer.from(workbook);
    // Declare every part smaller than it is: a hostile workbook.
    for (let offset = 0; offset + 46 <= patched.length; offset += 1) {
      if (patched.readUInt32LE(offset) === 0x02014b50 && patched.readUInt32LE(offset + 24) > 100) patched.writeUInt32LE(10, offset + 24);
    }
    await expectRefused(patched, { fileName: "export.xlsx" }, "expands past the size it declares");
  });

  it("an archive with too many parts", async () => {
    await expectRefused(thematicListFixture(), { fileName: "list.docx", limits: { maxZipEntries: 10 } }, "holds 29 parts, more than the 10 an import accepts");
  });

  it("a file over the upload limit", async () => {
    await expectRefused(thematicListFixture(), { fileName: "list.docx", limits: { maxFileBytes: 50 * 1024 } }, "The file is 90 KB; an import accepts files up to 50 KB.");
  });

  it("a CSV with more rows than an import takes", async () => {
    const csv = Buffer.from(`Text,Document Symbol,OHCHR Annotation Id\n${Array.from({ length: 30 }, (_, i) => `140.${i} x,A/HRC/59/15,a${i}`).join("\n")}`);
    await expectRefused(csv, { fileName: "big.csv", limits: { maxRows: 20 } }, "more than 20 rows");
  });
});

describe("a Word document without a thematic list's table", () => {
  it("is refused naming the header cells it has", async () => {
    const document = await wordDocument([{ paragraph: "Workplan" }, { table: [["Step", "Who", "When"], ["Consult the NHRI", "Secretariat", "May"]] }]);
    await expectRefused(document, { fileName: "workplan.docx" }, 'no table has the header row of the cycle 2, 3 or 4 layout. Found table 1: "Step" | "Who" | "When".');
  });

  it("is refused when it has no table at all", async () => {
    await expectRefused(await wordDocument([{ paragraph: "Dear colleagues" }]), { fileName: "letter.docx" }, "This Word document has no table, so it is not an OHCHR thematic list of recommendations.");
  });
});
