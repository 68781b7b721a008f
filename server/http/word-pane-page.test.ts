import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import express from "express";
import { OFFICE_JS_URL, securityHeaders } from "./security";
import { tabRouter } from "./static-tab";

const PANE = `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><script type="module" crossorigin src="/assets/pane-Aa11Bb22.js"></script></head><body><div id="root"></div></body></html>`;

describe("the Word task pane's page", () => {
  const dist = mkdtempSync(path.join(tmpdir(), "nmirf-pane-"));
  const servers: ReturnType<express.Express["listen"]>[] = [];
  const start = async (mode: "local" | "tenant") => {
    const word = mode === "local" ? { officeScript: "/word/office-standin.js", localStandIn: true } : { officeScript: OFFICE_JS_URL, localStandIn: false };
    const app = express().use(securityHeaders({ https: false })).use(tabRouter(dist, { word }));
    const server = app.listen(0, "127.0.0.1");
    servers.push(server);
    await new Promise((resolve) => server.once("listening", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  beforeAll(() => {
    mkdirSync(path.join(dist, "word"));
    writeFileSync(path.join(dist, "index.html"), "<!doctype html><html><head></head><body>tab</body></html>");
    writeFileSync(path.join(dist, "word", "pane.html"), PANE);
    writeFileSync(path.join(dist, "word", "local.html"), "<!doctype html><html><head></head><body>local</body></html>");
    writeFileSync(path.join(dist, "word", "office-standin.js"), "window.Office = {};");
  });
  afterAll(() => {
    for (const server of servers) server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("in a tenant, loads Microsoft's Office.js before the pane's code, which its Content Security Policy allows, framed by Word on the web", async () => {
    const base = await start("tenant");
    const response = await fetch(`${base}/word/pane.html`);
    const page = await response.text();
    expect(page.indexOf(`<script src="${OFFICE_JS_URL}"></script>`)).toBeGreaterThan(0);
    expect(page.indexOf(OFFICE_JS_URL)).toBeLessThan(page.indexOf("/assets/pane-"));
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
    expect(csp).toMatch(/frame-ancestors [^;]*https:\/\/\*\.officeapps\.live\.com/);
    // The tab's own pages allow no script from elsewhere.
    const tab = await fetch(`${base}/`, { headers: { accept: "text/html" } });
    expect(tab.headers.get("content-security-policy")).toMatch(/script-src 'self';/);
    // The local stand-in for Word is not served in a tenant.
    expect((await fetch(`${base}/word/local.html`)).status).toBe(404);
    expect((await fetch(`${base}/word/office-standin.js`)).status).toBe(404);
  });

  it("in local mode, loads the stand-in for Office.js instead (no internet), and serves the stand-in for Word", async () => {
    const base = await start("local");
    const page = await (await fetch(`${base}/word/pane.html`)).text();
    expect(page).toContain('<script src="/word/office-standin.js"></script>');
    expect(page).not.toContain("appsforoffice");
    expect(await (await fetch(`${base}/word/local.html`)).text()).toContain("local");
  });
});
