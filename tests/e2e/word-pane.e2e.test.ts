/**
 * (Code run in the page is written as strings: this project type-checks tests without the DOM library.)
 *
 * The chair approves inside Word, end to end in Debian's Chromium against the real server in
 * local mode (Graph emulator, demo seed): the secretariat compiles a draft in the tab, whose
 * "Open in Word" opens local mode's stand-in for Word (not a dead SharePoint host) and whose
 * download is the draft's own .docx; the Review draft pane, fed with that file's document
 * properties, shows the figures and sends it for approval; the chair returns it with a comment,
 * then approves the next version, refused first on a file changed since it was opened; the tab
 * and the card's record show the same decision and file version; an observer cannot decide.
 */
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, FrameLocator, Page } from "playwright-core";
import { queryAll } from "../../core/ports/repository";
import { UPR_REPORT_TITLE } from "../../demo/seed";
import { decisionLine } from "../../bot/cards/approval-card";
import { createTranslator } from "../../bot/i18n/translate";
import type { ReviewView } from "../../core/drafts/read-drafts";
import { readCustomProperties } from "../../drafts";
import { seriousViolations } from "./support/axe";
import type { RunningServer } from "../../server/main";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { PERSONAS, startTabServer, tokenOf } from "./support/tab-server";

jest.setTimeout(240_000);

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let upr: string;
const pageErrors: string[] = [];

async function api<T>(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });
  return { status: response.status, body: (await response.json()) as T };
}

beforeAll(async () => {
  if (!chromiumAvailable()) throw new Error("Chromium is not installed at /usr/bin/chromium (.ci/run installs it with apt)");
  server = await startTabServer();
  upr = (await queryAll(server.repos.reports)).find((r) => r.title === UPR_REPORT_TITLE)!.id;
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "en-GB", colorScheme: "light", reducedMotion: "reduce", acceptDownloads: true });
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

function pane(): FrameLocator {
  return page.frameLocator("iframe");
}

async function openInWord(draftId: string, personaId: string, extra = ""): Promise<FrameLocator> {
  await page.goto(`${server.url}/word/local.html?draftId=${draftId}&persona=${personaId}${extra}`);
  await page.locator("iframe").waitFor();
  return pane();
}

/** The outcome line every copy of the chair's approval card in Teams shows, as the bot renders it from the records. */
async function cardLine(reviewId: string): Promise<string | undefined> {
  const review = await server.repos.reviews.get(reviewId);
  return decisionLine(createTranslator("en-GB"), { review, draft: await server.repos.drafts.get(review.draftId) } as unknown as ReviewView);
}

async function latestDraft() {
  const drafts = await queryAll(server.repos.drafts, { where: [{ field: "reportId", op: "eq", value: upr }] });
  return drafts.sort((a, b) => b.version - a.version)[0]!;
}

let first: { id: string; version: number };
let second: { id: string; version: number };

test("the secretariat compiles in the tab: Open in Word opens the local stand-in, the download is the draft's own .docx, and the pane sends it for approval", async () => {
  await page.goto(`${server.url}/drafts?report=${upr}&persona=${PERSONAS.secretariat.id}`);
  await page.getByRole("button", { name: "Compile draft" }).click();
  await page.getByText(/was compiled with the built-in layout/).waitFor();
  const compiled = await latestDraft();
  first = { id: compiled.id, version: compiled.version };

  const open = page.getByRole("link", { name: "Open in Word" });
  const href = (await open.getAttribute("href"))!;
  expect(href).toBe(`/word/local.html?draftId=${first.id}&persona=${PERSONAS.secretariat.id}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download (.docx)", exact: true }).click()]);
  expect(download.suggestedFilename()).toBe(compiled.fileName);
  const properties = await readCustomProperties(readFileSync((await download.path())!));
  expect(properties).toMatchObject({ "NMIRF.DraftId": first.id, "NMIRF.ReportId": upr, "NMIRF.DraftVersion": String(first.version) });

  await page.goto(`${server.url}${href}`);
  await page.getByRole("heading", { level: 1, name: "Word (local stand-in)" }).waitFor();
  await page.getByRole("row", { name: `NMIRF.DraftId ${first.id}`, exact: true }).waitFor();
  const word = pane();
  await word.getByRole("heading", { level: 1, name: UPR_REPORT_TITLE }).waitFor();
  await word.getByText(/^Universal Periodic Review · due /).waitFor();
  await word.getByRole("heading", { name: `Draft version ${first.version}` }).waitFor();
  await word.getByText("File version 1.0 open").waitFor();
  await word.getByText(/ of 10,700 words/).waitFor();
  await word.getByText("The annex and the footnotes do not count against the limit.", { exact: false }).waitFor();
  await word.getByRole("heading", { name: "Requests still unanswered" }).waitFor();
  await word.getByRole("heading", { name: "Ministries that contributed" }).waitFor();
  expect(await word.getByRole("button", { name: "Approve" }).count()).toBe(0);

  await word.getByLabel("Message to the chair").fill("Ready for your reading this weekend");
  await word.getByRole("button", { name: "Send for approval" }).click();
  await word.getByText(`Draft version ${first.version} was sent to the chair.`).waitFor();
  expect((await server.repos.drafts.get(first.id)).reviewState).toBe("in-review");
});

test("the chair returns the draft from the pane with a comment; the tab and the card's record show the same decision and file version", async () => {
  const word = await openInWord(first.id, PERSONAS.chair.id);
  await word.getByText(/^This version was sent for approval /).waitFor();
  await word.getByText("The secretariat wrote: Ready for your reading this weekend").first().waitFor();
  const returnButton = word.getByRole("button", { name: "Return with comment" });
  expect(await returnButton.isDisabled()).toBe(true);
  await word.getByLabel("Comment").fill("Shorten section II and add the 2025 figures");
  await returnButton.click();
  await word.getByText(`You returned draft version ${first.version} (file version 1.0) with your comment.`).waitFor();
  await word.getByText("The chair's comment: Shorten section II and add the 2025 figures").waitFor();

  const review = (await queryAll(server.repos.reviews, { where: [{ field: "draftId", op: "eq", value: first.id }] }))[0]!;
  expect(review).toMatchObject({ decision: "returned", decidedFileVersion: "1.0", comment: "Shorten section II and add the 2025 figures" });
  // Every copy of the approval card is updated with the decision (the card reads this review).
  const cards = await queryAll(server.repos.outbox, { where: [{ field: "key", op: "startswith", value: `decision:${review.id}:` }] });
  expect(cards.length).toBeGreaterThan(0);
  expect(await cardLine(review.id)).toMatch(new RegExp(`^Returned by ${PERSONAS.chair.displayName} on .* \\(file version 1\\.0\\)$`));

  await page.goto(`${server.url}/drafts?report=${upr}&persona=${PERSONAS.chair.id}`);
  await page.getByText(new RegExp(`^Returned by ${PERSONAS.chair.displayName}, .* \\(file version 1\\.0\\)\\.$`)).waitFor();
});

test("the chair approves the next version; a file changed since the pane opened is refused with what to do, and nothing changes", async () => {
  const secretariat = await tokenOf(server, PERSONAS.secretariat.id);
  const compiled = await api<{ draft: { id: string; version: number; eTag: string } }>("POST", `/api/reports/${upr}/drafts`, secretariat, {});
  second = compiled.body.draft;
  expect((await api("POST", `/api/drafts/${second.id}/send-for-approval`, secretariat, { eTag: compiled.body.draft.eTag, message: "Section II shortened" })).status).toBe(201);

  // The old version, opened by the chair, says which one waits and offers it.
  const old = await openInWord(first.id, PERSONAS.chair.id);
  await old.getByText(`Draft version ${second.version} is the one sent for approval, not this one.`).waitFor();
  expect(await old.getByRole("link", { name: `Open draft version ${second.version}` }).getAttribute("href")).toBe(`/word/local.html?draftId=${second.id}`);
  expect(await old.getByRole("button", { name: "Approve" }).count()).toBe(0);

  const word = await openInWord(second.id, PERSONAS.chair.id);
  await word.getByText("File version 1.0 open").waitFor();
  // Someone edits the file in Word meanwhile: SharePoint keeps it as version 2.0.
  const draft = await server.repos.drafts.get(second.id);
  const { file, content } = await server.documents.get("Drafts", draft.fileId!);
  expect((await server.documents.put("Drafts", file.folder, file.name, content, { onConflict: "replace" })).version).toBe("2.0");

  await word.getByRole("button", { name: "Approve" }).click();
  await word.getByText(/you have file version 1\.0 of draft v\d+ open, but the file is now at version 2\.0: reopen the draft to read the latest text, then decide/).waitFor();
  expect((await server.repos.reviews.get((await queryAll(server.repos.reviews, { where: [{ field: "draftId", op: "eq", value: second.id }] }))[0]!.id)).decision).toBeUndefined();

  await word.getByRole("button", { name: "Reload" }).click();
  await word.getByText("File version 2.0 open").waitFor();
  await word.getByRole("button", { name: "Approve" }).click();
  await word.getByText(`You approved draft version ${second.version} (file version 2.0).`).waitFor();
  const review = (await queryAll(server.repos.reviews, { where: [{ field: "draftId", op: "eq", value: second.id }] }))[0]!;
  expect(review).toMatchObject({ decision: "approved", decidedFileVersion: "2.0" });
  expect(await cardLine(review.id)).toMatch(new RegExp(`^Approved by ${PERSONAS.chair.displayName} on .* \\(file version 2\\.0\\)$`));

  await page.goto(`${server.url}/drafts?report=${upr}&persona=${PERSONAS.chair.id}`);
  await page.getByText(new RegExp(`^Approved by ${PERSONAS.chair.displayName}, .* \\(file version 2\\.0\\)\\.$`)).waitFor();
});

test("an observer reads the pane without any action, and the server refuses their decision", async () => {
  const word = await openInWord(second.id, PERSONAS.observer.id);
  await word.getByText("You can read this draft here. Only the chair approves or returns it, and only the secretariat sends it for approval.").waitFor();
  expect(await word.getByRole("button", { name: "Approve" }).count()).toBe(0);
  expect(await word.getByRole("button", { name: "Send for approval" }).count()).toBe(0);
  const review = (await queryAll(server.repos.reviews, { where: [{ field: "draftId", op: "eq", value: second.id }] }))[0]!;
  const refused = await api<{ error: { code: string } }>("POST", `/api/reviews/${review.id}/decision`, await tokenOf(server, PERSONAS.observer.id), { decision: "returned", comment: "No" });
  expect(refused.status).toBe(403);
});

test("the pane speaks Word's language, right to left in Arabic, and says plainly when the document is not one of our drafts", async () => {
  await openInWord(second.id, PERSONAS.chair.id, "&lang=ar");
  await pane().getByText("نسخة الملف المفتوحة: 2.0").waitFor();
  const frame = page.frame({ url: /\/word\/pane\.html/ })!;
  expect(await frame.evaluate("document.documentElement.dir")).toBe("rtl");

  // The pane on its own, as Word's task pane shows it, in Word's dark theme: no serious accessibility fault.
  // (A context of its own that lets the test put axe-core in the page: the others keep the pane's Content Security Policy.)
  const axeContext = await browser.newContext({ viewport: { width: 360, height: 900 }, locale: "en-GB", bypassCSP: true, reducedMotion: "reduce" });
  const alone = await axeContext.newPage();
  await alone.goto(`${server.url}/word/pane.html?draftId=${second.id}&persona=${PERSONAS.chair.id}&theme=dark`);
  await alone.getByText("File version 2.0 open").waitFor();
  expect(await alone.evaluate("document.documentElement.style.colorScheme")).toBe("dark");
  expect(await seriousViolations(alone)).toEqual([]);
  await axeContext.close();

  const unknown = await openInWord("999999", PERSONAS.chair.id);
  await unknown.getByText("This document is not one of the mechanism's drafts").waitFor();
});
