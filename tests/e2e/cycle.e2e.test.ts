/**
 * (Code run in the page is written as strings: this project type-checks tests without the DOM library.)
 *
 * The secretariat's work at the size of a real cycle, in Debian's Chromium against the real server
 * in local mode (Graph emulator, demo seed, 250 more recommendations): ask the lead ministries
 * about a filtered set of 250 in one go; decide on what comes back (grant more time, move a
 * decline to another ministry, send an answer back for revision), the focal point's chat getting
 * each outcome; export the filtered grid and read the .xlsx back; at 400 px wide, in English and
 * in Arabic, no view overflows the page sideways and the grid's first row is in sight.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { queryAll } from "../../core/ports/repository";
import { recommendationKey } from "../../core/recommendations/recommendation";
import type { RunningServer } from "../../server/main";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { PERSONAS, startTabServer, tokenOf } from "./support/tab-server";

jest.setTimeout(240_000);

const REPORT_TITLE = "UPR mid-term report, fourth cycle (cycle test)";
const MARK = "cyclefour";

let server: RunningServer;
let browser: Browser;
let page: Page;
let reportId: string;
let justice: string;
let health: string;
const pageErrors: string[] = [];

async function api<T>(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });
  return { status: response.status, body: (await response.json()) as T };
}

beforeAll(async () => {
  if (!chromiumAvailable()) throw new Error("Chromium is not installed at /usr/bin/chromium (.ci/run installs it with apt)");
  server = await startTabServer();
  const ministries = await queryAll(server.repos.ministries);
  justice = ministries.find((m) => m.name === "Ministry of Justice")!.id;
  health = ministries.find((m) => m.name === "Ministry of Health")!.id;
  const created = await server.repos.recommendations.createMany(
    Array.from({ length: 250 }, (_, i) => ({
      key: recommendationKey("A/HRC/59/7", `121.${i + 1}`),
      text: `Recommendation ${i + 1} of the fourth cycle (${MARK}): strengthen the protection of human rights defenders`,
      mechanism: "UPR" as const,
      documentSymbol: "A/HRC/59/7",
      paragraph: `121.${i + 1}`,
      cycle: 4,
      position: "supported" as const,
      leadMinistryId: i % 5 === 0 ? health : justice,
    })),
  );
  expect(created.every((r) => r.ok)).toBe(true);
  const secretariat = await tokenOf(server, PERSONAS.secretariat.id);
  const report = await api<{ id: string }>("POST", "/api/reports", secretariat, { title: REPORT_TITLE, mechanism: "UPR", type: "upr-midterm", dueDate: "2099-09-30", timeZone: "Europe/Ljubljana" });
  reportId = report.body.id;
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "en-GB", colorScheme: "light", bypassCSP: true, reducedMotion: "reduce", acceptDownloads: true });
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/`);
  await page.getByRole("button", { name: `Sign in as ${PERSONAS.secretariat.displayName}` }).click();
  await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function navigateTo(label: string): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label }).click();
  await page.getByRole("heading", { level: 1 }).waitFor();
}

test("the secretariat asks the lead ministries about a filtered set of 250 recommendations in one go", async () => {
  await navigateTo("Recommendations");
  const count = page.getByTestId("grid-count");
  await count.getByText(/^\d+ of \d+ recommendations$/).waitFor();
  await page.getByRole("searchbox").fill(MARK);
  await count.getByText(/^250 of \d+ recommendations$/).waitFor();
  await page.getByRole("button", { name: "Ask the lead ministries about these 250" }).click();
  const dialog = page.getByRole("dialog", { name: "Ask about 250 recommendations" });
  await dialog.getByRole("combobox", { name: "For the report" }).click();
  await page.getByRole("option", { name: REPORT_TITLE }).click();
  const preview = dialog.getByRole("table", { name: "Who will be asked" });
  await preview.getByRole("row", { name: /Ministry of Justice/ }).getByText("200", { exact: true }).waitFor();
  await preview.getByRole("row", { name: /Ministry of Health/ }).getByText("50", { exact: true }).waitFor();
  await dialog.getByRole("button", { name: "Ask about 250 recommendations" }).click();
  await page.getByText(/^250 requests made/).waitFor({ timeout: 120_000 });
  const requests = await queryAll(server.repos.requests, { where: [{ field: "reportId", op: "eq", value: reportId }] });
  expect(requests).toHaveLength(250);
  const cards = (await queryAll(server.repos.outbox, { top: 5000 })).filter((e) => e.notification.kind === "request" && requests.some((r) => r.id === (e.notification as { requestId: string }).requestId));
  expect(cards.length).toBeGreaterThanOrEqual(250);
});

test("grant, move and return for revision from 'Waiting for you', the focal point hearing each outcome", async () => {
  const focalPoint = await tokenOf(server, PERSONAS.justiceFocalPoint.id);
  const mine = (await queryAll(server.repos.requests, { where: [{ field: "reportId", op: "eq", value: reportId }] })).filter((r) => r.ministryId === justice).sort((a, b) => Number(a.id) - Number(b.id));
  const [forTime, forDecline, forAnswer] = mine;
  expect((await api("POST", `/api/requests/${forTime!.id}/ask-more-time`, focalPoint, { eTag: forTime!.eTag, until: "2099-08-31", reason: "The survey ends in August" })).status).toBe(200);
  expect((await api("POST", `/api/requests/${forDecline!.id}/decline`, focalPoint, { eTag: forDecline!.eTag, reason: "Health leads on defenders" })).status).toBe(200);
  expect((await api("POST", `/api/requests/${forAnswer!.id}/contributions`, focalPoint, { text: "A law was adopted.", submissionId: `e2e-${Date.now()}` })).status).toBe(201);

  await navigateTo("Overview");
  const inbox = page.getByRole("list", { name: "Waiting for you" });
  const label = async (id: string) => {
    const r = await server.repos.requests.get(id);
    const rec = await server.repos.recommendations.get(r.recommendationId!);
    return `A/HRC/59/7 para. ${rec.paragraph} · Ministry of Justice`;
  };
  const timeItem = inbox.getByRole("listitem", { name: await label(forTime!.id) });
  await expect(timeItem.getByLabel("New due date").inputValue()).resolves.toBe("2099-08-31");
  await timeItem.getByRole("button", { name: "Grant" }).click();
  await page.getByText(/More time granted, until/).waitFor();

  const declineItem = inbox.getByRole("listitem", { name: await label(forDecline!.id) });
  await declineItem.getByRole("combobox", { name: "Move to" }).click();
  await page.getByRole("option", { name: "Ministry of Health", exact: true }).click();
  await declineItem.getByRole("button", { name: "Move" }).click();
  await page.getByText(/Moved to the Ministry of Health/).waitFor();

  const answerItem = inbox.getByRole("listitem", { name: await label(forAnswer!.id) });
  await answerItem.getByRole("button", { name: "Return for revision…" }).click();
  await answerItem.getByLabel("What to revise").fill("Name the law and its date");
  await answerItem.getByRole("button", { name: "Send back" }).click();
  await page.getByText(/Answer sent back for revision/).waitFor();

  expect((await server.repos.requests.get(forTime!.id)).dueDate).toBe("2099-08-31");
  const moved = await server.repos.requests.get(forDecline!.id);
  expect(moved.status).toBe("closed");
  expect((await server.repos.requests.get(moved.reassignedToRequestId!)).ministryId).toBe(health);
  expect((await server.repos.requests.get(forAnswer!.id)).revisionComment).toBe("Name the law and its date");
  const notices = (await queryAll(server.repos.outbox, { top: 5000 })).flatMap((e) => (e.recipientId === PERSONAS.justiceFocalPoint.id && e.notification.kind === "notice" ? [e.notification.topic] : []));
  expect(notices).toEqual(expect.arrayContaining(["more-time-granted", "reassigned", "answer-returned"]));
});

test("the filtered grid exported to Excel and read back", async () => {
  await navigateTo("Recommendations");
  await page.getByRole("searchbox").fill(MARK);
  await page.getByTestId("grid-count").getByText(/^250 of \d+ recommendations$/).waitFor();
  await page.getByRole("button", { name: "Export" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "Excel workbook (.xlsx)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Recommendations .*\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount).toBe(251);
  expect(String(sheet.getRow(2).getCell(1).value)).toBe("A/HRC/59/7");
});

async function expectHolds(view: string): Promise<void> {
  const widths = (await page.evaluate(`({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })`)) as { scroll: number; client: number };
  // What sticks out, to name it when it fails.
  const outside = widths.scroll > widths.client
    ? await page.evaluate(`[...document.querySelectorAll("body *")].filter((e) => {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || (r.right <= ${widths.client} + 1 && r.left >= -1)) return false;
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== "visible") return false;
        return true;
      }).slice(0, 5).map((e) => e.tagName + "[" + (e.getAttribute("role") || e.getAttribute("aria-label") || e.textContent.slice(0, 30)) + "] " + Math.round(e.getBoundingClientRect().left) + "-" + Math.round(e.getBoundingClientRect().right))`)
    : [];
  expect({ view, overflow: widths.scroll - widths.client, outside }).toEqual({ view, overflow: 0, outside: [] });
}

test("at 400 px, in English and in Arabic, no view overflows the page and the grid's first row is in sight", async () => {
  await page.setViewportSize({ width: 400, height: 800 });
  for (const locale of ["en-GB", "ar"]) {
    await page.evaluate(`window.localStorage.setItem("nmirf.locale", "${locale}")`);
    await page.goto(`${server.url}/recommendations`);
    await page.getByRole("grid").waitFor();
    await page.getByRole("row").nth(1).waitFor();
    await expect(page.evaluate("document.documentElement.dir")).resolves.toBe(locale === "ar" ? "rtl" : "ltr");
    await expectHolds(`recommendations (${locale})`);
    const navRows = (await page.evaluate(`new Set([...document.querySelectorAll('nav a')].map((a) => Math.round(a.getBoundingClientRect().top))).size`)) as number;
    expect({ locale, navRows }).toEqual({ locale, navRows: 1 });
    const firstRowTop = (await page.evaluate(`document.querySelector('[role=row][aria-rowindex="2"]')?.getBoundingClientRect().top ?? 99999`)) as number;
    expect({ locale, firstRowInSight: firstRowTop < 800 }).toEqual({ locale, firstRowInSight: true });
    for (const path of ["/", `/requests?report=${reportId}`, "/audit"]) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.waitForLoadState("networkidle");
      await expectHolds(`${path} (${locale})`);
    }
  }
  await page.evaluate(`window.localStorage.setItem("nmirf.locale", "en-GB")`);
  expect(pageErrors).toEqual([]);
});
