/**
 * (Code run in the page is written as strings: this project type-checks tests without the DOM library.)
 *
 * The import wizard end to end, in Debian's Chromium against the real server in local mode
 * (Graph emulator, demo seed): the secretariat picks a tracker of its own, maps its columns and
 * its position words, previews the rows as they will be stored, saves the mapping, unticks one
 * row and commits; the recommendations are read back from the store.
 */
import type { Browser, Page } from "playwright-core";
import { queryAll } from "../../core/ports/repository";
import type { RunningServer } from "../../server/main";
import { seriousViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { startTabServer } from "./support/tab-server";

jest.setTimeout(180_000);

const SYMBOL = "A/HRC/99/7";
const TRACKER = [
  "text,document,decision,From,notes",
  `"177.1 Ratify the Optional Protocol to the Convention against Torture (Ethiopia);",${SYMBOL},support,Ethiopia,`,
  `"177.1 Ratify the Optional Protocol to the Convention against Torture (Ethiopia);",${SYMBOL},support,France,`,
  `"177.2 Garantizar la independencia del Defensor del Pueblo",${SYMBOL},Aceptada,Spain,`,
  `"177.3 Consider joining the Convention on Migrant Workers",${SYMBOL},consider,Mexico,`,
  `"177.4 Abolish the death penalty",${SYMBOL},reject,Iran,not for now`,
].join("\r\n");

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!chromiumAvailable()) throw new Error("Chromium is not installed at /usr/bin/chromium (.ci/run installs it with apt)");
  server = await startTabServer();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "en-GB", colorScheme: "light", bypassCSP: true, reducedMotion: "reduce" });
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test("the secretariat maps a tracker's columns and values, previews the rows as stored, saves the mapping and commits", async () => {
  await page.goto(`${server.url}/`);
  await page.getByRole("button", { name: "Sign in as Maja Novak" }).click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
  await page.getByRole("heading", { level: 1, name: "Import recommendations" }).waitFor();
  await page.locator("#import-file").setInputFiles({ name: "national-tracker.csv", mimeType: "text/csv", buffer: Buffer.from(TRACKER, "utf8") });
  await page.getByRole("button", { name: "Preview", exact: true }).click();

  // The file's own columns, with the suggestions chosen.
  const columns = page.getByRole("table", { name: "Map the file's columns" });
  await columns.waitFor();
  await expect(columns.getByRole("combobox", { name: "Field for the column decision" }).textContent()).resolves.toContain("Position");
  await expect(columns.getByRole("combobox", { name: "Field for the column From" }).textContent()).resolves.toContain("Recommending States");
  await expect(columns.getByRole("combobox", { name: "Field for the column notes" }).textContent()).resolves.toContain("Not imported");
  const values = page.getByRole("table", { name: "Translate the positions" });
  await expect(values.getByRole("combobox", { name: "Position for Aceptada" }).textContent()).resolves.toContain("Supported");
  await expect(values.getByRole("combobox", { name: "Position for reject" }).textContent()).resolves.toContain("Noted");
  // "consider" is no position by itself: the officer says what it means here.
  await values.getByRole("combobox", { name: "Position for consider" }).click();
  await page.getByRole("option", { name: "Noted" }).click();
  // The mechanism, for a tracker whose rows do not say.
  await page.getByRole("combobox", { name: "Mechanism" }).click();
  await page.getByRole("option", { name: /Universal Periodic Review/ }).click();
  const findings = await seriousViolations(page);
  expect({ view: "import wizard: mapping", findings }).toEqual({ view: "import wizard: mapping", findings: [] });

  await page.getByRole("button", { name: "Preview with this mapping" }).click();
  const rows = page.getByRole("table", { name: "Rows of the file" });
  await rows.getByText(`Stored as ${SYMBOL} 177.1 · Supported · States: Ethiopia, France`).waitFor();
  await rows.getByText(`Stored as ${SYMBOL} 177.3 · Noted · States: Mexico`).waitFor();
  await page.getByText("rows merged into the recommendation they repeat (one row per recommending State): 1").waitFor();

  await page.getByRole("textbox", { name: /Name of the mapping/ }).fill("National tracker (e2e)");
  await page.getByRole("button", { name: "Save the mapping" }).click();
  await page.getByText("Saved as National tracker (e2e) in the Drafts library, folder Import mappings.").waitFor();

  // The abolition row is left out.
  await rows.getByRole("checkbox", { name: "Import row 6" }).click();
  await page.getByRole("button", { name: "Import 3 recommendations" }).click();
  await page.getByText("Import done.").waitFor();
  await page.getByText(/1 row left out as you unticked it/).waitFor();

  const stored = (await queryAll(server.repos.recommendations)).filter((r) => r.documentSymbol === SYMBOL);
  expect(stored.map((r) => [r.paragraph, r.text, r.position, r.recommendingStates]).sort()).toEqual([
    ["177.1", "Ratify the Optional Protocol to the Convention against Torture", "supported", ["Ethiopia", "France"]],
    ["177.2", "Garantizar la independencia del Defensor del Pueblo", "supported", ["Spain"]],
    ["177.3", "Consider joining the Convention on Migrant Workers", "noted", ["Mexico"]],
  ]);
  expect(pageErrors).toEqual([]);
});
