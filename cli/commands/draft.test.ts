import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { demoDraftContent } from "../../drafts";
import { readDocx } from "../../drafts/testing/read-docx";
import { makeTemplate } from "../../drafts/testing/templates";
import { draftCommand } from "./draft";

describe("nmirf draft", () => {
  let work: string;
  let log: jest.SpyInstance;
  let error: jest.SpyInstance;
  beforeEach(async () => {
    work = await mkdtemp(path.join(tmpdir(), "nmirf-draft-cli-"));
    log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    error = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(async () => {
    log.mockRestore();
    error.mockRestore();
    await rm(work, { recursive: true, force: true });
  });

  it("writes a demo draft without any server and prints its word count", async () => {
    const out = path.join(work, "demo.docx");
    expect(await draftCommand.run(["--demo", "--out", out])).toBe(0);
    const draft = await readDocx(await readFile(out));
    expect(draft.paragraphs[0]?.text).toBe(demoDraftContent().report.title);
    expect(draft.comments.length).toBeGreaterThan(0);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^Wrote .*demo\.docx \(\d+ KB\): \d+ words of 10,700; \d+ more not counted \(the annex and the footnotes\)\.$/));
  });

  it.each([
    ["fr", "I. Méthode et processus de consultation", "Projet v3 — 29 novembre 2026", false],
    ["es", "I. Metodología y proceso de consulta", "Borrador v3 — 29 de noviembre de 2026", false],
    ["ar", "أولاً- منهجية إعداد التقرير وعملية التشاور", "المسودة 3 — 29 تشرين الثاني/نوفمبر 2026", true],
  ])("writes the demo draft in %s (--language)", async (language, chapter, header, rightToLeft) => {
    const out = path.join(work, `demo-${language}.docx`);
    expect(await draftCommand.run(["--demo", "--language", language, "--out", out])).toBe(0);
    const draft = await readDocx(await readFile(out));
    expect(draft.paragraphs.find((p) => p.style === "Heading1")).toMatchObject({ text: chapter, rightToLeft });
    expect(draft.headers.join(" ")).toContain(header);
  });

  it("renders a draft's content from JSON into a template", async () => {
    const contentFile = path.join(work, "content.json");
    const templateFile = path.join(work, "letterhead.docx");
    const out = path.join(work, "draft.docx");
    await writeFile(contentFile, JSON.stringify(demoDraftContent("loipr-replies")));
    await writeFile(templateFile, await makeTemplate());
    expect(await draftCommand.run(["--content", contentFile, "--template", templateFile, "--out", out])).toBe(0);
    const draft = await readDocx(await readFile(out));
    expect(draft.headers.join(" ")).toContain("Draft v3, 29 November 2026");
  });

  it("checks a template and says what it holds", async () => {
    const templateFile = path.join(work, "letterhead.docx");
    await writeFile(templateFile, await makeTemplate({ body: ["{{body}}"] }));
    expect(await draftCommand.run(["--check-template", templateFile])).toBe(0);
    expect(log).toHaveBeenCalledWith("The template can be used. Placeholders: {{title}}, {{date}}, {{version}}, {{body}}.");
    expect(log).toHaveBeenCalledWith("There is no {{annex}}: the annexed matrix of recommendations follows the body.");
  });

  it.each([
    ["a template that is not a Word document", async (dir: string) => ["--demo", "--template", await file(dir, "bad.docx", "not a zip")], /not a Word document/],
    ["content that is not JSON", async (dir: string) => ["--content", await file(dir, "c.json", "{")], /not valid JSON/],
    ["content of the wrong shape", async (dir: string) => ["--content", await file(dir, "c.json", '{"version": 0}')], /The draft's content is not valid/],
    ["an unknown report type", async () => ["--demo", "--type", "novel"], /The report type is not valid/],
    ["a language drafts are not written in", async () => ["--demo", "--language", "xx"], /The report's language is not valid/],
    ["a missing file", async (dir: string) => ["--content", path.join(dir, "nowhere.json")], /Cannot open .*nowhere\.json: no such file or folder/],
  ])("refuses %s and writes nothing", async (_name, argsOf, message) => {
    const out = path.join(work, "out.docx");
    expect(await draftCommand.run([...(await argsOf(work)), "--out", out])).toBe(1);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(message));
    expect(existsSync(out)).toBe(false);
    expect((await readdir(work)).filter((name) => name.startsWith("out"))).toEqual([]);
  });

  it("writes nothing when the output's folder does not exist", async () => {
    const out = path.join(work, "missing-folder", "out.docx");
    expect(await draftCommand.run(["--demo", "--out", out])).toBe(1);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/Cannot open .*missing-folder.*: no such file or folder/));
    expect(await readdir(work)).toEqual([]);
  });

  it("explains its usage when the mode is missing or an option is unknown", async () => {
    expect(await draftCommand.run([])).toBe(2);
    expect(await draftCommand.run(["--demo", "--colour", "red"])).toBe(2);
    expect(error).toHaveBeenCalledWith(expect.stringContaining("Usage: nmirf draft --demo"));
  });
});

async function file(dir: string, name: string, text: string): Promise<string> {
  const target = path.join(dir, name);
  await writeFile(target, text);
  return target;
}
