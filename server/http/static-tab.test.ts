import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import express from "express";
import { tabPage, tabRouter } from "./static-tab";

const PAGE = `<!doctype html><html><head><script src="/boot.js"></script><script type="module" src="/assets/index-Aa11Bb22.js"></script></head><body><div id="root"></div></body></html>`;
const VIEW_CHUNKS = {
  overview: ["/assets/OverviewView-Cc33Dd44.js", "/assets/index-Aa11Bb22.js"],
  recommendations: ["/assets/RecommendationsView-Ee55Ff66.js", "/assets/Grid-Gg77Hh88.js", "/assets/index-Aa11Bb22.js"],
};

describe("the tab's page", () => {
  it("carries the public configuration before boot.js, as data no text can break out of", () => {
    const page = tabPage(PAGE, "/", VIEW_CHUNKS, { publicConfig: { version: "</script><script>alert(1)</script>" } });
    const block = /<script id="nmirf-config" type="application\/json">(.*?)<\/script>/.exec(page);
    expect(block).not.toBeNull();
    expect(JSON.parse(block![1]!)).toEqual({ version: "</script><script>alert(1)</script>" });
    expect(page.indexOf("nmirf-config")).toBeLessThan(page.indexOf("/boot.js"));
    expect(page).not.toContain("<script>alert(1)");
  });

  it("preloads the code of the view the address opens on, and not the shell's twice", () => {
    const page = tabPage(PAGE, "/recommendations/abc", VIEW_CHUNKS, {});
    expect(page).toContain('<link rel="modulepreload" crossorigin href="/assets/RecommendationsView-Ee55Ff66.js" data-view="recommendations">');
    expect(page).toContain('href="/assets/Grid-Gg77Hh88.js"');
    expect(page.match(/index-Aa11Bb22\.js/g)).toHaveLength(1);
    expect(page).not.toContain("OverviewView");
  });

  it("never writes the visitor's address into the page: an unknown view gets the Overview's code", () => {
    const page = tabPage(PAGE, '/"><script>alert(1)</script>', VIEW_CHUNKS, {});
    expect(page).not.toContain("alert(1)");
    expect(page).toContain('data-view="overview"');
    expect(tabPage(PAGE, "/constructor", VIEW_CHUNKS, {})).toContain('data-view="overview"');
  });
});

describe("the built tab's files", () => {
  const dist = mkdtempSync(path.join(tmpdir(), "nmirf-tab-"));
  const script = "console.log('the tab');".repeat(100);
  let base: string;
  let server: ReturnType<express.Express["listen"]>;

  beforeAll(async () => {
    writeFileSync(path.join(dist, "index.html"), PAGE);
    writeFileSync(path.join(dist, "view-chunks.json"), JSON.stringify(VIEW_CHUNKS));
    writeFileSync(path.join(dist, "app-Ab12Cd34.js"), script);
    writeFileSync(path.join(dist, "app-Ab12Cd34.js.gz"), gzipSync(script));
    const app = express().use(tabRouter(dist, { publicConfig: { mode: "local", signIn: { kind: "local" } } }));
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("sends scripts gzip-compressed to browsers that take gzip, and cached for good", async () => {
    const response = await fetch(`${base}/app-Ab12Cd34.js`, { headers: { "accept-encoding": "gzip" } });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(response.headers.get("cache-control")).toContain("immutable");
    expect(await response.text()).toBe(script); // fetch inflates it
  });

  it("sends them plain to others", async () => {
    const response = await fetch(`${base}/app-Ab12Cd34.js`, { headers: { "accept-encoding": "identity" } });
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(await response.text()).toBe(script);
  });

  it("never serves a file outside the build, and falls back to the page for the tab's routes", async () => {
    const outside = await fetch(`${base}/..%2F..%2Fetc%2Fpasswd.js`, { headers: { "accept-encoding": "gzip" } });
    expect(outside.headers.get("content-encoding")).toBeNull();
    const route = await fetch(`${base}/recommendations`, { headers: { accept: "text/html" } });
    const page = await route.text();
    expect(page).toContain('id="root"');
    expect(page).toContain('"mode":"local"');
    expect(page).toContain('href="/assets/RecommendationsView-Ee55Ff66.js"');
    expect(route.headers.get("cache-control")).toBe("no-cache");
  });
});
