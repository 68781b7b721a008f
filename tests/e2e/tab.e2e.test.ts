/**
 * (Code run in the page is written as strings: this project type-checks tests without the DOM library.)
 *
 * The tab end to end, in Debian's Chromium against the real server in local mode (Graph
 * emulator, demo seed): the secretariat creates a report and a request; the focal point's
 * answer arrives through the API; the request shows answered; the secretariat compiles the
 * draft and sends it for approval; the chair approves it in the tab. Each view is scanned with
 * axe-core (no serious or critical violation) and photographed in light and dark themes
 * (tests/e2e/screenshots/, ignored by git). Keyboard-only use of the grid and Arabic's
 * right-to-left layout are checked on the way.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { queryAll } from "../../core/ports/repository";
import { makeTemplate } from "../../drafts/testing/templates";
import type { RunningServer } from "../../server/main";
import { seriousViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { PERSONAS, startTabServer, tokenOf } from "./support/tab-server";

const SHOTS = path.join(__dirname, "screenshots");
const REPORT_TITLE = "National report, fifth cycle (end-to-end test)";

jest.setTimeout(180_000);

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!chromiumAvailable()) throw new Error("Chromium is not installed at /usr/bin/chromium (.ci/run installs it with apt)");
  mkdirSync(SHOTS, { recursive: true });
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

async function go(path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
}

async function expectAccessible(view: string): Promise<void> {
  // Colours are measured once transitions have settled (a dialog fading in is not what people read).
  await page.waitForFunction(`document.getAnimations().every((animation) => animation.playState !== "running")`);
  const findings = await seriousViolations(page);
  expect({ view, findings }).toEqual({ view, findings: [] });
}

/** The same view in the light and the dark theme (the preference is the browser's own menu). */
async function photograph(name: string): Promise<void> {
  await page.evaluate("document.fonts.ready");
  await page.screenshot({ path: path.join(SHOTS, `${name}-light.png`), fullPage: true });
  await setTheme("Dark");
  await page.screenshot({ path: path.join(SHOTS, `${name}-dark.png`), fullPage: true });
  await expectAccessible(`${name} (dark)`);
  await setTheme("Light");
}

async function setTheme(label: "Light" | "Dark" | "High contrast"): Promise<void> {
  await page.getByRole("button", { name: "Language and theme" }).click();
  await page.getByRole("menuitemradio", { name: label }).click();
  await page.keyboard.press("Escape").catch(() => undefined);
}

async function switchPersona(name: RegExp): Promise<void> {
  await page.getByRole("button", { name: /switch person/ }).click();
  await page.getByRole("menuitemradio", { name }).click();
  await page.getByRole("button", { name: /switch person/ }).waitFor();
}

async function navigateTo(label: string): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label }).click();
  await page.getByRole("heading", { level: 1 }).waitFor();
}

test("the secretariat signs in as a persona and sees the overview", async () => {
  await go("/");
  await page.getByRole("button", { name: "Sign in as Maja Novak" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" }).textContent()).resolves.toBe("Overview");
  await page.getByText("Requests needing attention").waitFor();
  // The demo has requests escalated five days ago: the dashboard lists them with what they are about.
  await page.getByRole("region", { name: /^Overdue \(\d+\)$/ }).getByRole("link", { name: /^A\/HRC\/43\/15 para\. 148\.\d+$/ }).first().waitFor();
  await page.getByRole("heading", { name: "Upcoming report deadlines" }).waitFor();
  await page.locator("svg").first().waitFor();
  await expectAccessible("overview");
  await photograph("overview");
});

test("the recommendations grid works with the keyboard alone and filters as one types", async () => {
  await navigateTo("Recommendations");
  const count = page.getByTestId("grid-count");
  await count.getByText("36 of 36 recommendations", { exact: true }).waitFor();
  await page.getByRole("searchbox").fill("ombudsman");
  await count.getByText(/^[1-9] of 36 recommendations$/).waitFor();
  await page.getByRole("searchbox").fill("");
  await count.getByText("36 of 36 recommendations", { exact: true }).waitFor();
  // Into the grid with Tab, down two rows with the arrow keys, open with Enter.
  await page.getByRole("row").nth(1).focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.evaluate(`document.activeElement?.getAttribute("aria-rowindex")`)).resolves.toBe("4");
  await page.keyboard.press("Enter");
  const panel = page.getByRole("dialog");
  await panel.getByRole("heading", { name: "Status history" }).waitFor();
  await expect(panel.getByText("¶ 148.3 · A/HRC/43/15").count()).resolves.toBeGreaterThan(0);
  await expectAccessible("recommendation detail");
  await page.keyboard.press("Escape");
  await panel.waitFor({ state: "detached" });
  await page.waitForFunction(`!document.getElementById("root")?.hasAttribute("aria-hidden")`);
  await expectAccessible("recommendations");
  await photograph("recommendations");
});

let reportId = "";

test("the secretariat creates a report, its workplan and a request to the lead ministry", async () => {
  await navigateTo("Reports");
  await page.getByRole("button", { name: "New report" }).click();
  const dialog = page.getByRole("dialog");
  // The type decides the word limit: 10,700 words for a UPR national report.
  await expect(dialog.getByRole("spinbutton", { name: "Word limit" }).inputValue()).resolves.toBe("10700");
  await dialog.getByRole("textbox", { name: "Title" }).fill(REPORT_TITLE);
  await expectAccessible("new report dialog");
  await dialog.getByRole("button", { name: "Create report" }).click();
  await page.getByRole("heading", { level: 1, name: REPORT_TITLE }).waitFor();
  reportId = /\/reports\/([^/?]+)/.exec(page.url())?.[1] ?? "";
  expect(reportId).not.toBe("");
  await page.getByRole("button", { name: "Add the usual workplan" }).click();
  await page.getByText("Submission to the mechanism", { exact: false }).waitFor();
  await expectAccessible("report");
  await photograph("report");

  await page.getByRole("button", { name: "Requests" }).click();
  await page.getByRole("heading", { level: 1, name: "Requests for input" }).waitFor();
  await page.getByRole("button", { name: "New requests" }).click();
  const requests = page.getByRole("dialog");
  await requests.getByRole("searchbox").fill("national action plan on human rights");
  await requests.getByRole("checkbox", { name: /^148\.7 / }).check();
  await requests.getByText("Each recommendation's lead ministry (MoJ)").waitFor();
  await expectAccessible("new requests dialog");
  await requests.getByRole("button", { name: "Send 1 request" }).click();
  await page.getByText("1 request made: its card is on its way to Teams.").waitFor();
  const row = page.getByRole("row", { name: /Ministry of Justice/ });
  // The server's outbox is off in this test: the request says its card has not gone out yet, rather than "Sent".
  await row.getByText("Queued", { exact: true }).waitFor();
  await row.getByRole("button", { name: "A/HRC/43/15 para. 148.7" }).waitFor();
  await expectAccessible("requests");
  await photograph("requests");
});

test("the focal point's answer arrives and the request shows answered, with its text", async () => {
  const token = await tokenOf(server, PERSONAS.justiceFocalPoint.id);
  const list = (await (await fetch(`${server.url}/api/requests?reportId=${reportId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { id: string }[] };
  expect(list.items).toHaveLength(1);
  const answer = await fetch(`${server.url}/api/requests/${list.items[0]!.id}/contributions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ text: "The Government adopted the National Action Plan on Human Rights 2025–2029 in March; its first progress report is due in December.", reportedStatus: "in-progress", submissionId: "e2e-answer-1" }),
  });
  expect(answer.status).toBe(201);

  await page.reload();
  const row = page.getByRole("row", { name: /Ministry of Justice/ });
  await row.getByText("Answered").waitFor();
  await row.getByRole("button").click();
  const panel = page.getByRole("dialog");
  await panel.getByText("National Action Plan on Human Rights 2025–2029", { exact: false }).waitFor();
  await expect(panel.getByText(/^Version 1, by Petra Kovač/).count()).resolves.toBe(1);
  await expectAccessible("request panel");
  await page.keyboard.press("Escape");
  await panel.waitFor({ state: "detached" });
  await page.waitForFunction(`!document.getElementById("root")?.hasAttribute("aria-hidden")`);
});

test("the secretariat uploads a Word template, compiles the draft into it and sends it for approval; the chair approves it in the tab", async () => {
  await navigateTo("Drafts");
  await page.getByRole("combobox", { name: "Report" }).click();
  await page.getByRole("option", { name: REPORT_TITLE }).click();
  await page.getByLabel(/Template file/).setInputFiles({ name: "Letterhead.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: Buffer.from(await makeTemplate()) });
  await page.getByRole("button", { name: "Upload template" }).click();
  await page.getByText("Letterhead.docx was checked and uploaded", { exact: false }).waitFor();
  await page.getByText("Placeholders found: {{title}}, {{date}}, {{version}}, {{body}}, {{annex}}").waitFor();
  await page.getByRole("table", { name: "Templates uploaded" }).getByRole("link", { name: "Letterhead.docx" }).waitFor();
  await expect(page.getByRole("combobox", { name: "Template" }).textContent()).resolves.toContain("Letterhead.docx");
  await page.getByRole("button", { name: "Compile draft" }).click();
  await page.getByText(/^Draft version 1 was compiled into the template Letterhead\.docx \(version [\d.]+\)\.$/).waitFor();
  await page.getByRole("heading", { name: "Draft version 1" }).waitFor();
  await page.getByRole("progressbar", { name: /^[\d,]+ of 10,700 words/ }).waitFor();
  // Local mode has no SharePoint: Open in Word opens the local stand-in for Word, not the emulator's address.
  await expect(page.getByRole("link", { name: "Open in Word" }).getAttribute("href")).resolves.toMatch(/^\/word\/local\.html\?draftId=\w+/);
  await page.getByRole("textbox", { name: "Message to the chair" }).fill("Ready for your review.");
  await page.getByRole("button", { name: "Send for approval" }).click();
  await page.getByText("With the chair").first().waitFor();
  await expectAccessible("drafts");
  await photograph("drafts");

  await switchPersona(/Irena Kralj/);
  await go(`/drafts?report=${reportId}`);
  await page.getByRole("heading", { name: "Your decision" }).waitFor();
  await expect(page.getByRole("button", { name: "Compile draft" }).count()).resolves.toBe(0);
  await expectAccessible("drafts (chair)");
  await page.getByRole("button", { name: "Approve" }).click();
  await page.getByText("The chair approved this draft. It can be submitted.").waitFor();
  await page.getByText(/^Approved by Minister Irena Kralj/).waitFor();
});

test("each role sees only what it may use", async () => {
  // The chair: no import, no bulk assignment, the audit log.
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Import" }).count()).resolves.toBe(0);
  await expect(nav.getByRole("link", { name: "Audit log" }).count()).resolves.toBe(1);
  await navigateTo("Audit log");
  await page.getByRole("table").waitFor();
  await expectAccessible("audit");
  await photograph("audit");

  await switchPersona(/Petra Kovač/);
  await navigateTo("Recommendations");
  await expect(page.getByRole("button", { name: /Assign lead ministry/ }).count()).resolves.toBe(0);
  await expect(page.getByRole("switch", { name: "My ministry only" }).isChecked()).resolves.toBe(true);
  await expect(nav.getByRole("link", { name: "Audit log" }).count()).resolves.toBe(0);

  await switchPersona(/Ana Zupan/);
  await navigateTo("Reports");
  await expect(page.getByRole("button", { name: "New report" }).count()).resolves.toBe(0);
});

test("a row a person broke in Microsoft Lists is listed under Data needing attention and fixed there by picking a word", async () => {
  await switchPersona(/Maja Novak/);
  const target = (await queryAll(server.repos.recommendations)).find((r) => r.status !== "partially-implemented")!;
  server.emulator!.editItemAsPerson(server.emulator!.siteId(), "Recommendations", target.id, { ImplementationStatus: "Partly done" });
  await navigateTo("Data needing attention");
  const card = page.getByRole("group", { name: new RegExp(`^Recommendations ${target.id} `) });
  await card.getByText("Implementation status: “Partly done” is not one of its choices.").waitFor();
  await expectAccessible("data needing attention");
  await card.getByRole("combobox", { name: /Implementation status/ }).selectOption({ label: "Partially implemented" });
  await card.getByRole("button", { name: "Fix" }).click();
  await page.getByText(`Recommendations ${target.id} is fixed and back in the lists.`).waitFor();
  await page.getByText("No row needs attention: every list can be used as it is.").waitFor();
  await expect(server.repos.recommendations.get(target.id)).resolves.toMatchObject({ status: "partially-implemented", text: target.text });
});

test("the other views pass the accessibility scan and are photographed", async () => {
  await switchPersona(/Maja Novak/);
  await navigateTo("Ministries and focal points");
  await page.getByRole("table").waitFor();
  await expectAccessible("ministries");
  await photograph("ministries");
  await navigateTo("Consultations");
  await page.getByRole("table").waitFor();
  await expectAccessible("consultations");
  await page.getByRole("table").getByRole("link").first().click();
  await page.getByRole("heading", { level: 2, name: "The consultation" }).waitFor();
  await expectAccessible("consultation");
  await navigateTo("Import");
  await expectAccessible("import");
  await photograph("import");
});

test("Arabic lays the tab out right to left; French translates it", async () => {
  await page.getByRole("button", { name: "Language and theme" }).click();
  await page.getByRole("menuitemradio", { name: "العربية" }).click();
  await expect(page.evaluate("document.documentElement.dir")).resolves.toBe("rtl");
  await page.screenshot({ path: path.join(SHOTS, "import-arabic-rtl.png"), fullPage: true });
  await page.getByRole("button", { name: /./ }).first().waitFor();
  await page.keyboard.press("Escape").catch(() => undefined);
  await page.evaluate(`window.localStorage.setItem("nmirf.locale", "fr-FR")`);
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Importer des recommandations" }).waitFor();
  await expect(page.evaluate("document.documentElement.dir")).resolves.toBe("ltr");
  await page.evaluate(`window.localStorage.setItem("nmirf.locale", "en-GB")`);
  expect(pageErrors).toEqual([]);
});
