import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { LibreOfficePdfConverter, PdfUnavailableError } from "./libreoffice-pdf-converter";

/** Stand-ins for soffice: each answers --version, then converts as the script says. */
let dir: string;
async function fakeSoffice(name: string, convert: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "LibreOffice 7.0"; exit 0; fi\n${convert}\n`);
  await chmod(file, 0o755);
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "nmirf-fake-soffice-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const docx = new Uint8Array([80, 75, 3, 4]);

describe("drafts as PDF by LibreOffice", () => {
  it("is not offered, and says how to do without, when soffice is not installed", async () => {
    const converter = new LibreOfficePdfConverter({ soffice: path.join(dir, "nowhere", "soffice"), timeoutMs: 5_000 });
    expect(await converter.available()).toBe(false);
    const error = await converter.toPdf(docx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfUnavailableError);
    expect((error as PdfUnavailableError).reason).toBe("not-installed");
    expect((error as Error).message).toMatch(/not installed.*Download the \.docx/);
  });

  it("stops a conversion that takes longer than its timeout, and says so", async () => {
    const converter = new LibreOfficePdfConverter({ soffice: await fakeSoffice("slow", "sleep 20"), timeoutMs: 500 });
    expect(await converter.available()).toBe(true);
    const started = Date.now();
    const error = await converter.toPdf(docx).catch((e: unknown) => e);
    expect((error as PdfUnavailableError).reason).toBe("timeout");
    expect((error as Error).message).toMatch(/within 1 seconds and was stopped/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("checks the PDF itself: soffice exiting 0 without writing one is a failure, with what it said", async () => {
    const converter = new LibreOfficePdfConverter({ soffice: await fakeSoffice("silent", 'echo "Error: source file could not be loaded"; exit 0'), timeoutMs: 5_000 });
    const error = await converter.toPdf(docx).catch((e: unknown) => e);
    expect((error as PdfUnavailableError).reason).toBe("failed");
    expect((error as Error).message).toMatch(/source file could not be loaded/);
  });

  it("answers the PDF soffice wrote next to the draft", async () => {
    // The last two arguments are the output directory's flag value and the input: write <dir>/draft.pdf.
    const converter = new LibreOfficePdfConverter({ soffice: await fakeSoffice("good", 'for last; do :; done; printf "%%PDF-1.7 fake" > "$(dirname "$last")/draft.pdf"'), timeoutMs: 5_000 });
    const pdf = await converter.toPdf(docx);
    expect(Buffer.from(pdf).toString("latin1")).toBe("%PDF-1.7 fake");
  });
});
