import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { PNG } from "pngjs";
import { buildAppPackage, PackageError } from "../../manifest/package";
import { RIBBON_ICON_DIR, ribbonIcons } from "../../manifest/icons/make-icons";
import { SAMPLE_VALUES } from "./sample-values";

const root = path.join(__dirname, "..", "..");
const DOMAIN = SAMPLE_VALUES.TAB_DOMAIN!;

interface Icon { size: number; url: string }
interface Control { id: string; type: string; label: string; icons: Icon[]; supertip: { title: string; description: string }; actionId: string }
interface WordExtension {
  requirements: { scopes: string[]; capabilities: { name: string; minVersion: string }[] };
  runtimes: { id: string; code: { page: string }; actions: { id: string; type: string; pinnable?: boolean }[] }[];
  ribbons: { contexts: string[]; tabs: { builtInTabId: string; groups: { label: string; icons: Icon[]; controls: Control[] }[] }[] }[];
}

/** The manifest and a localization file as the administrator uploads them: read back from the built .zip. */
async function packaged(): Promise<{ manifest: { manifestVersion: string; extensions: WordExtension[]; bots: unknown[]; staticTabs: unknown[] }; localized: (language: string) => Promise<Record<string, string>> }> {
  const built = await buildAppPackage({ values: SAMPLE_VALUES });
  const zip = await JSZip.loadAsync(built.zip);
  const manifest = JSON.parse(await zip.file("manifest.json")!.async("string")) as Awaited<ReturnType<typeof packaged>>["manifest"];
  return { manifest, localized: async (language) => JSON.parse(await zip.file(`${language}.json`)!.async("string")) as Record<string, string> };
}

describe("the Word task pane in the app package", () => {
  it("is one package with the tab and the bot, on a manifest version that declares Office add-ins (1.17 or later)", async () => {
    const { manifest } = await packaged();
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.17);
    expect(manifest.staticTabs.length).toBeGreaterThan(0);
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.extensions).toHaveLength(1);
  });

  it("installs in Word only, where the custom document properties (WordApi 1.3) and nested app sign-in are supported", async () => {
    const [word] = (await packaged()).manifest.extensions;
    expect(word!.requirements.scopes).toEqual(["document"]);
    expect(word!.requirements.capabilities).toEqual([
      { name: "WordApi", minVersion: "1.3" },
      { name: "NestedAppAuth", minVersion: "1.1" },
    ]);
  });

  it("puts a button on Word's Home tab that opens our server's pane page in a task pane", async () => {
    const [word] = (await packaged()).manifest.extensions;
    const tab = word!.ribbons[0]!.tabs[0]!;
    expect(tab.builtInTabId).toBe("TabHome");
    const button = tab.groups[0]!.controls[0]!;
    expect(button).toMatchObject({ type: "button", label: "Review draft" });
    const runtime = word!.runtimes.find((r) => r.actions.some((a) => a.id === button.actionId));
    expect(runtime?.actions.find((a) => a.id === button.actionId)).toMatchObject({ type: "openPage", pinnable: true });
    expect(runtime?.code.page).toBe(`https://${DOMAIN}/word/pane.html`);
    expect(button.icons.map((i) => i.url)).toEqual([16, 32, 80].map((size) => `https://${DOMAIN}/word/icon-${size}.png`));
  });

  it("labels the button in every language of the package, Arabic included", async () => {
    const { localized } = await packaged();
    const key = "extensions[0].ribbons[0].tabs[0].groups[0].controls[0].label";
    expect((await localized("fr"))[key]).toBe("Examiner le projet");
    expect((await localized("es"))[key]).toBe("Revisar borrador");
    expect((await localized("ar"))[key]).toBe("مراجعة المسودة");
    expect((await localized("pt"))[key]).toBe("Rever rascunho");
  });

  it("serves the ribbon icons it names, at their sizes, from the tab's public folder (what the server serves)", () => {
    for (const { size, png } of ribbonIcons()) {
      const file = readFileSync(path.join(RIBBON_ICON_DIR, `icon-${size}.png`));
      expect(file.equals(png)).toBe(true);
      const read = PNG.sync.read(file);
      expect([read.width, read.height]).toEqual([size, size]);
    }
  });

  it("refuses a pane page that is not an https address", async () => {
    const error = await buildAppPackage({ values: { ...SAMPLE_VALUES, TAB_DOMAIN: "bad domain" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageError);
    expect((error as PackageError).details.join("\n")).toMatch(/extensions\[0\]\.runtimes\[0\]\.code\.page/);
  });

  it("lets Word hosts sign in with nested app authentication: the Entra app has the broker's redirect and the pane's page", () => {
    const aad = JSON.parse(readFileSync(path.join(root, "aad.manifest.json"), "utf8")) as { spa: { redirectUris: string[] } };
    expect(aad.spa.redirectUris).toEqual(["brk-multihub://${{TAB_DOMAIN}}", "https://${{TAB_DOMAIN}}/word/pane.html"]);
  });
});
