import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { PNG } from "pngjs";
import { environmentValues, packageCommand } from "../../cli/commands/package";
import { buildAppPackage, fillPlaceholders, PackageError } from "../../manifest/package";
import { SAMPLE_VALUES } from "./sample-values";

const run = promisify(execFile);
const root = path.join(__dirname, "..", "..");
const manifestDir = path.join(root, "manifest");
const cli = path.join(root, "bin", "nmirf.js");

let work: string;

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "nmirf-package-"));
  mkdirSync(path.join(work, "env"));
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

function envFile(name: string, values: Record<string, string>): void {
  writeFileSync(path.join(work, "env", `.env.${name}`), Object.entries(values).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join("\n"));
}

/** `npx nmirf package …` in the work folder, with nothing from this process's environment. */
async function nmirf(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, "package", ...args], { cwd: work, env: { PATH: process.env.PATH, HOME: os.tmpdir() } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The same command in this process (faster than a new one), in the work folder. */
async function nmirfHere(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, "log").mockImplementation((...parts: unknown[]) => void out.push(parts.join(" ")));
  const error = jest.spyOn(console, "error").mockImplementation((...parts: unknown[]) => void err.push(parts.join(" ")));
  const previous = process.cwd();
  process.chdir(work);
  try {
    const code = await packageCommand.run(args);
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
  } finally {
    process.chdir(previous);
    log.mockRestore();
    error.mockRestore();
  }
}

describe("npx nmirf package --env <name>", () => {
  test("(the real command line) writes build/appPackage.<name>.zip with the filled manifest, the two icons and the localization files", async () => {
    envFile("dev", SAMPLE_VALUES);
    const result = await nmirf("--env", "dev");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Wrote build\/appPackage\.dev\.zip/);
    expect(result.stdout).toMatch(/TAB_DOMAIN\s+"nmirf-justice\.azurewebsites\.net"\s+\(env\/\.env\.dev\)/);

    const zip = await JSZip.loadAsync(readFileSync(path.join(work, "build", "appPackage.dev.zip")));
    expect(Object.keys(zip.files).sort()).toEqual(["ar.json", "color.png", "es.json", "fr.json", "manifest.json", "outline.png", "pt.json"]);
    const manifestText = await zip.file("manifest.json")!.async("string");
    expect(manifestText).not.toContain("${{");
    const manifest = JSON.parse(manifestText) as { id: string; name: { short: string }; bots: { botId: string }[] };
    expect(manifest.id).toBe(SAMPLE_VALUES.TEAMS_APP_ID);
    expect(manifest.name.short).toBe("NMIRF");
    expect(manifest.bots[0]!.botId).toBe(SAMPLE_VALUES.BOT_ID);
    expect(JSON.parse(await zip.file("fr.json")!.async("string"))["name.short"]).toBe("NMIRF");

    const color = PNG.sync.read(await zip.file("color.png")!.async("nodebuffer"));
    const outline = PNG.sync.read(await zip.file("outline.png")!.async("nodebuffer"));
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);
    expect((await zip.file("outline.png")!.async("nodebuffer")).equals(readFileSync(path.join(manifestDir, "outline.png")))).toBe(true);
  }, 60_000);

  test("refuses, naming every missing or empty value, and writes nothing", async () => {
    const { BOT_ID: _bot, ...withoutBot } = SAMPLE_VALUES;
    envFile("dev", { ...withoutBot, TAB_DOMAIN: "" });
    const result = await nmirfHere("--env", "dev");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No package was written/);
    expect(result.stderr).toMatch(/TAB_DOMAIN is empty/);
    expect(result.stderr).toMatch(/BOT_ID is not set/);
    expect(existsSync(path.join(work, "build"))).toBe(false);
  }, 60_000);

  test("refuses a filled manifest that is not valid (a URL where a host is expected) and writes nothing", async () => {
    envFile("dev", { ...SAMPLE_VALUES, TAB_DOMAIN: "https://nmirf.example.gov/", BOT_ID: "the bot" });
    const result = await nmirfHere("--env", "dev");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/validDomains\[0\]: 'https:\/\/nmirf\.example\.gov\/' must be a host name/);
    expect(result.stderr).toMatch(/\/bots\/0\/botId must match pattern/);
    expect(existsSync(path.join(work, "build"))).toBe(false);
  }, 60_000);

  test("asks for --env, and names the environments there are", async () => {
    envFile("dev", SAMPLE_VALUES);
    envFile("local", SAMPLE_VALUES);
    const none = await nmirfHere();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--env <name> \(dev, local\)/);
    const unknown = await nmirfHere("--env", "prod");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/env\/\.env\.prod does not exist; the environments are dev, local/);
    expect(existsSync(path.join(work, "build"))).toBe(false);
  }, 60_000);
});

describe("the package builder", () => {
  test("the .user file and then the process environment win over the environment's file", () => {
    envFile("dev", { TAB_DOMAIN: "from-file.example.gov", BOT_ID: "from-file" });
    writeFileSync(path.join(work, "env", ".env.dev.user"), "BOT_ID=from-user-file\nSECRET_BOT_PASSWORD=crypto_abc\n");
    const { values, sources } = environmentValues(work, "dev", { TAB_DOMAIN: "from-process.example.gov" });
    expect(values).toMatchObject({ TAB_DOMAIN: "from-process.example.gov", BOT_ID: "from-user-file" });
    expect(sources).toMatchObject({ TAB_DOMAIN: "the process environment", BOT_ID: "env/.env.dev.user" });
  });

  test("values are escaped into the JSON, so a quote in a name cannot break the manifest", async () => {
    const built = await buildAppPackage({ values: { ...SAMPLE_VALUES, PUBLISHER_NAME: 'Ministère "Justice" \\ Droits' } });
    expect((built.manifest.developer as { name: string }).name).toBe('Ministère "Justice" \\ Droits');
    expect(fillPlaceholders('{"a":"${{ X }}"}', { X: 'say "hi"' })).toEqual({ text: '{"a":"say \\"hi\\""}', missing: [] });
  });

  test("only APP_NAME_SUFFIX may be empty", () => {
    expect(fillPlaceholders('"${{APP_NAME_SUFFIX}}${{TAB_DOMAIN}}"', { APP_NAME_SUFFIX: "", TAB_DOMAIN: "  " }).missing).toEqual(["TAB_DOMAIN"]);
  });

  test("the same inputs give the same bytes", async () => {
    const [a, b] = [await buildAppPackage({ values: SAMPLE_VALUES }), await buildAppPackage({ values: SAMPLE_VALUES })];
    expect(a.zip.equals(b.zip)).toBe(true);
  });

  test("the schemas really are checked: a bad accent colour and a localized short name over 30 characters are refused", async () => {
    const copy = path.join(work, "manifest");
    cpSync(manifestDir, copy, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(copy, "manifest.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(path.join(copy, "manifest.json"), JSON.stringify({ ...manifest, accentColor: "blue" }));
    const badColour = buildAppPackage({ values: SAMPLE_VALUES, manifestDir: copy });
    await expect(badColour).rejects.toThrow(PackageError);
    await expect(badColour).rejects.toMatchObject({ code: "invalid_manifest", details: [expect.stringMatching(/^\/accentColor must match pattern/)] });

    writeFileSync(path.join(copy, "manifest.json"), JSON.stringify(manifest));
    const fr = JSON.parse(readFileSync(path.join(copy, "fr.json"), "utf8")) as Record<string, string>;
    writeFileSync(path.join(copy, "fr.json"), JSON.stringify({ ...fr, "name.short": "Mécanisme national de suivi des recommandations", "staticTabs[7].name": "Rien" }));
    const badFrench = buildAppPackage({ values: SAMPLE_VALUES, manifestDir: copy });
    await expect(badFrench).rejects.toMatchObject({
      code: "invalid_localization",
      details: expect.arrayContaining([expect.stringMatching(/^fr\.json: \/name\.short must NOT have more than 30 characters/), "fr.json: 'staticTabs[7].name' names nothing in manifest.json"]),
    });
  });

  test("a $schema that is not bundled is refused instead of fetched", async () => {
    const copy = path.join(work, "manifest");
    cpSync(manifestDir, copy, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(copy, "manifest.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(path.join(copy, "manifest.json"), JSON.stringify({ ...manifest, $schema: "https://example.org/teams.schema.json" }));
    const fetchSpy = jest.spyOn(globalThis, "fetch");
    try {
      await expect(buildAppPackage({ values: SAMPLE_VALUES, manifestDir: copy })).rejects.toMatchObject({ code: "invalid_manifest", details: [expect.stringMatching(/not one of the Teams schemas bundled/)] });
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });
});
