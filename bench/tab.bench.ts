/**
 * The tab in headless Chromium against the real server in local mode, with 5,000
 * recommendations (the demo's and generated ones):
 * - navigation → the grid's first rows (cold browser cache), against the 1.5 s target, beside
 *   the API's own time for the first page (the same-run baseline);
 * - a keystroke in the search box → the grid's rows re-rendered and painted (each keystroke of a word), against
 *   the 100 ms target;
 * - the JavaScript the tab loads first (gzip), against the 400 KB target: the shell (what every
 *   view needs) and the whole first view (the Overview, with its charts).
 */
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import type { RecommendationInput } from "../core/recommendations/recommendation";
import { recommendationKey } from "../core/recommendations/recommendation";
import { queryAll } from "../core/ports/repository";
import { launchChromium } from "../tests/e2e/support/browser";
import { PERSONAS, startTabServer, tokenOf } from "../tests/e2e/support/tab-server";
import { result, timed, type Benchmark, type BenchResult } from "./harness";

const TOTAL = 5000;
const THEMES = ["Right to education", "Rights of the child", "Women's rights", "Roma", "Persons with disabilities", "Asylum-seekers and refugees", "Hate speech", "Prison conditions", "Access to justice", "Right to health"];
const WORDS = ["strengthen", "ensure", "adopt", "ratify", "continue", "consider", "implement", "guarantee", "combat", "promote"];

function generated(n: number): RecommendationInput {
  const paragraph = `${100 + Math.floor(n / 300)}.${(n % 300) + 1}`;
  const symbol = `A/HRC/${40 + (n % 9)}/${10 + (n % 7)}`;
  return {
    key: recommendationKey(symbol, paragraph),
    text: `${WORDS[n % WORDS.length]} the measures on ${THEMES[n % THEMES.length]!.toLowerCase()} so that national law and practice comply with the State's obligations (recommendation ${n}).`,
    mechanism: n % 5 === 0 ? "CRC" : "UPR",
    documentSymbol: symbol,
    paragraph,
    cycle: 1 + (n % 4),
    recommendingStates: ["Portugal", "Chile"].slice(0, 1 + (n % 2)),
    position: n % 5 === 0 ? undefined : n % 3 === 0 ? "noted" : "supported",
    themes: [THEMES[n % THEMES.length]!],
    sdgGoals: [1 + (n % 17)],
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** performance.now() when the first grid row appears, recorded by the page itself (0 = navigation start). */
const FIRST_ROW_PROBE = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]')) {
      window.__firstRowAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true });
`;

async function firstRows(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction("window.__firstRowAt !== undefined", undefined, { timeout: 60_000 });
  return (await page.evaluate("window.__firstRowAt")) as number;
}

/** Types a word into the search box and measures, per keystroke, keydown → rows re-rendered and painted. */
async function filterKeystrokes(page: Page, word: string): Promise<number[]> {
  const search = page.getByRole("searchbox");
  await search.click();
  const timings: number[] = [];
  for (const letter of word) {
    // The grid's wrapper carries the search its rows were rendered for: it changes in the same commit as the rows.
    await page.evaluate(`(() => {
      window.__t0 = undefined;
      window.__t1 = undefined;
      const wrapper = document.querySelector("[data-query]");
      document.addEventListener("keydown", () => (window.__t0 = performance.now()), { once: true, capture: true });
      new MutationObserver((_, observer) => {
        observer.disconnect();
        requestAnimationFrame(() => (window.__t1 = performance.now()));
      }).observe(wrapper, { attributes: true, attributeFilter: ["data-query"] });
    })()`);
    await page.keyboard.press(letter);
    await page.waitForFunction("window.__t1 !== undefined", undefined, { timeout: 10_000 });
    timings.push((await page.evaluate("window.__t1 - window.__t0")) as number);
    await page.waitForTimeout(120);
  }
  return timings;
}

export const benchmarks: Benchmark[] = [
  {
    name: "tab",
    async run(): Promise<BenchResult[]> {
      const server = await startTabServer();
      const browser = await launchChromium();
      try {
        const existing = (await queryAll(server.repos.recommendations, { top: 5000 })).length;
        const seeding = await timed(() => server.repos.recommendations.createMany(Array.from({ length: TOTAL - existing }, (_, i) => generated(i))));
        const failed = seeding.value.filter((r) => !r.ok).length;
        if (failed) throw new Error(`${failed} generated recommendations were not created`);
        const persona = PERSONAS.secretariat.id;
        const url = `${server.url}/recommendations?persona=${persona}`;

        // Warm the server's read model once (its first read loads the list from the emulator).
        const token = await tokenOf(server, persona);
        const api = async () => {
          const response = await fetch(`${server.url}/api/recommendations?pageSize=200`, { headers: { authorization: `Bearer ${token}` } });
          return ((await response.json()) as { total: number }).total;
        };
        const total = await api();
        if (total !== TOTAL) throw new Error(`the API lists ${total} recommendations, not ${TOTAL}`);
        const apiPage = median(await Promise.all([0, 1, 2].map(async () => (await timed(api)).ms)).then((a) => a));

        // First rows, each time in a fresh context (cold cache, new sign-in).
        const coldRuns: number[] = [];
        const jsFirstView: { shell: number; view: number; files: number }[] = [];
        for (let run = 0; run < 5; run += 1) {
          const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
          const page = await context.newPage();
          await page.addInitScript(FIRST_ROW_PROBE);
          coldRuns.push(await firstRows(page, url));
          await context.close();
        }

        // What the first load costs in JavaScript: the Overview, cold.
        {
          const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
          const page = await context.newPage();
          const scripts: { url: string; gzip: number; entry: boolean }[] = [];
          const entryNames = new Set<string>();
          page.on("response", async (response) => {
            if (response.request().resourceType() !== "script") return;
            try {
              const body = await response.body();
              scripts.push({ url: response.url(), gzip: gzipSync(body, { level: 9 }).length, entry: false });
            } catch {
              // a response without a body (redirect): nothing loaded
            }
          });
          await page.goto(`${server.url}/?persona=${persona}`);
          await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor({ timeout: 60_000 });
          await page.locator("svg").first().waitFor({ timeout: 60_000 });
          await page.waitForLoadState("networkidle");
          const html = await (await fetch(`${server.url}/`)).text();
          // The shell: the build's entry and its preloads; not the view's code the server lists for the address (data-view).
          for (const match of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
            const file = /(?:src|href)="(\/assets\/[^"]+\.js)"/.exec(match[0])?.[1];
            if (file && !match[0].includes("data-view")) entryNames.add(file);
          }
          const shell = scripts.filter((s) => [...entryNames].some((name) => s.url.endsWith(name)));
          jsFirstView.push({ shell: shell.reduce((sum, s) => sum + s.gzip, 0), view: scripts.reduce((sum, s) => sum + s.gzip, 0), files: scripts.length });
          await context.close();
        }

        // Filtering: the whole list loaded, then a word typed letter by letter.
        const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(url);
        await page.getByText(`${TOTAL.toLocaleString("en")} of ${TOTAL.toLocaleString("en")} recommendations`).waitFor({ timeout: 120_000 });
        const allLoaded = (await page.evaluate("performance.now()")) as number;
        const keystrokes = await filterKeystrokes(page, "education");
        const shown = await page.getByTestId("grid-count").textContent();
        await context.close();

        const js = jsFirstView[0]!;
        return [
          result("tab: navigation → grid's first rows, 5,000 recommendations, cold cache (median of 5)", median(coldRuns), "ms", { ideal: 1500, target: 1, runs: coldRuns.map(Math.round), apiFirstPageMs: Math.round(apiPage), note: "ideal = the 1.5 s target; apiFirstPageMs = the API's time for the first 200 rows (same run)" }),
          result("tab: whole list loaded in the browser (5,000 rows, 25 pages)", allLoaded, "ms", {}),
          result("tab: filter keystroke → rows updated (median over the keystrokes of 'education')", median(keystrokes), "ms", { ideal: 100, target: 1, max: Math.round(Math.max(...keystrokes)), perKeystroke: keystrokes.map((v) => Math.round(v)), shown }),
          result("tab: first-load JS, shell (entry chunk and its static imports), gzip", js.shell / 1024, "KB", { ideal: 400, target: 1 }),
          result("tab: first-load JS, the whole first view (Overview with charts), gzip", js.view / 1024, "KB", { ideal: 400, target: 1, files: js.files }),
          result("tab: seeding 5,000 recommendations into the emulator (setup)", seeding.ms, "ms", { created: TOTAL - existing }),
        ];
      } finally {
        await browser.close();
        await server.stop();
      }
    },
  },
];
