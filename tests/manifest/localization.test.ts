import { readFileSync } from "node:fs";
import path from "node:path";
import { defaultCatalogue } from "../../i18n/catalogue";
import { localizationTexts, manifestDifferences, manifestLanguages } from "../../manifest/localization";
import { MANIFEST_DIR } from "../../manifest/package";

describe("the manifest's words come from the catalogue", () => {
  it("manifest.json's English and its languages are the catalogue's", () => {
    expect(manifestDifferences(MANIFEST_DIR)).toEqual([]);
  });

  it("every localization file is the catalogue's (npx nmirf package --localize rewrites them)", () => {
    const texts = localizationTexts();
    expect([...texts.keys()].sort()).toEqual(manifestLanguages().map((language) => `${language}.json`).sort());
    for (const [file, text] of texts) expect({ file, inSync: readFileSync(path.join(MANIFEST_DIR, file), "utf8") === text }).toEqual({ file, inSync: true });
  });

  it("the manifest speaks every language the tab and the bot speak", () => {
    const catalogue = defaultCatalogue();
    expect(manifestLanguages().sort()).toEqual(catalogue.languagesFor("tab").filter((language) => language !== "en").sort());
  });
});
