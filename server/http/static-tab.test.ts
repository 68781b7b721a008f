import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import express from "express";
import { tabRouter } from "./static-tab";

describe("the built tab's files", () => {
  const dist = mkdtempSync(path.join(tmpdir(), "nmirf-tab-"));
  const script = "console.log('the tab');".repeat(100);
  let base: string;
  let server: ReturnType<express.Express["listen"]>;

  beforeAll(async () => {
    writeFileSync(path.join(dist, "index.html"), "<div id=\"root\"></div>");
    writeFileSync(path.join(dist, "app-Ab12Cd34.js"), script);
    writeFileSync(path.join(dist, "app-Ab12Cd34.js.gz"), gzipSync(script));
    const app = express().use(tabRouter(dist));
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
    expect(await route.text()).toContain('id="root"');
  });
});
