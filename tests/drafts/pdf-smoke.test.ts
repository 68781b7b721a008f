import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { demoDraftContent } from "../../drafts/demo/demo-content";
import { DocxDraftRenderer } from "../../drafts/docx-draft-renderer";
import { findSoffice as findInstalledSoffice, runProgram as run } from "../../drafts/pdf/libreoffice-pdf-converter";
import { makeTemplate } from "../../drafts/testing/templates";

/**
 * A smoke test that LibreOffice opens our drafts and lays them out: each converts to a PDF with
 * pages. soffice exits 0 even when a conversion fails, so the PDF itself is checked. soffice is
 * found as the server finds it (drafts/pdf).
 */
async function findSoffice(): Promise<string> {
  const found = await findInstalledSoffice();
  if (found) return found;
  throw new Error(
    "LibreOffice (soffice) is not installed, so the drafts cannot be checked as PDF. Install it with `apt-get install -y --no-install-recommends libreoffice-writer-nogui` (.ci/run does so when it is missing).",
  );
}

function pageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
}

describe("drafts in LibreOffice", () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), "nmirf-pdf-"));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it("converts a draft in each language (Arabic right to left), and a draft patched into a template, to PDFs with pages", async () => {
    const soffice = await findSoffice();
    const renderer = new DocxDraftRenderer();
    const content = demoDraftContent("upr-national");
    const plain = path.join(work, "draft.docx");
    const patched = path.join(work, "patched.docx");
    await writeFile(plain, (await renderer.render(content)).content);
    await writeFile(patched, (await renderer.render(content, { template: await makeTemplate() })).content);
    const languages = ["fr", "es", "ar"] as const;
    const localized = languages.map((language) => path.join(work, `draft-${language}.docx`));
    for (const [index, language] of languages.entries()) await writeFile(localized[index]!, (await renderer.render(demoDraftContent("upr-national", 3, language))).content);

    // One LibreOffice start for every file: starting it is most of the cost.
    const profile = `file://${path.join(work, "profile")}`;
    const { code, output } = await run(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work, plain, patched, ...localized], 170_000);
    expect({ code, output }).toMatchObject({ code: 0 });

    for (const name of ["draft.pdf", "patched.pdf", ...languages.map((language) => `draft-${language}.pdf`)]) {
      const file = path.join(work, name);
      if (!existsSync(file)) throw new Error(`LibreOffice wrote no ${name}: ${output}`);
      const pdf = await readFile(file);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      // The demo draft fills more than a page, and its annex is a landscape section of its own.
      expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
    }
  }, 200_000);
});
