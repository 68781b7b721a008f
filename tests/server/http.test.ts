/**
 * What every answer carries and what the server does at its edges: security headers and the
 * CSP that lets Teams, Outlook and the Microsoft 365 app (and nothing else) frame the tab,
 * /healthz, the OpenAPI description, size limits (413), the per-person rate limit (429), the
 * built tab with its SPA fallback, unknown routes, and no stack traces.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { API_ROUTES } from "../../core/api/routes";
import { startApiServer, type ApiClient } from "./support/api-server";

let api: ApiClient;
let tabDir: string;

beforeAll(async () => {
  tabDir = mkdtempSync(path.join(os.tmpdir(), "nmirf-tab-"));
  mkdirSync(path.join(tabDir, "assets"));
  writeFileSync(path.join(tabDir, "index.html"), "<!doctype html><title>NMIRF</title><div id=root></div>");
  writeFileSync(path.join(tabDir, "assets", "index-AbCdEf12.js"), "console.log('tab')");
  api = await startApiServer({
    tabDistDir: tabDir,
    limits: { ratePerMinute: 60, rateBurst: 25, bodyBytes: 8 * 1024, uploadBytes: 64 * 1024 },
  });
}, 120_000);

afterAll(async () => {
  await api?.server.stop();
  rmSync(tabDir, { recursive: true, force: true });
});

describe("security headers", () => {
  test("the CSP lets only Teams, Outlook and the Microsoft 365 app frame the tab", async () => {
    const response = await api.call("GET", "/");
    const csp = response.headers.get("content-security-policy") ?? "";
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(" ") ?? [];
    expect(ancestors.sort()).toEqual(
      [
        "https://teams.microsoft.com",
        "https://*.teams.microsoft.com",
        "https://*.cloud.microsoft",
        "https://*.microsoft365.com",
        "https://*.office.com",
        "https://outlook.office.com",
        "https://outlook.office365.com",
        "https://outlook-sdf.office.com",
        "https://outlook-sdf.office365.com",
      ].sort(),
    );
    expect(ancestors).not.toContain("*");
    expect(ancestors).not.toContain("'self'");
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/object-src 'none'/);
    // X-Frame-Options cannot name several hosts: it would forbid what frame-ancestors allows.
    expect(response.headers.get("x-frame-options")).toBeNull();
  });

  test("every answer, API or error, carries the headers and a request id; no X-Powered-By", async () => {
    for (const response of [await api.call("GET", "/api/config"), await api.call("GET", "/api/recommendations"), await api.call("GET", "/api/nothing-here")]) {
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors/);
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get("x-powered-by")).toBeNull();
    }
  });

  test("a caller's request id is kept and quoted in errors", async () => {
    const response = await api.call<{ error: { requestId: string } }>("GET", "/api/recommendations", { headers: { "x-request-id": "tab-1234" } });
    expect(response.headers.get("x-request-id")).toBe("tab-1234");
    expect(response.body.error.requestId).toBe("tab-1234");
  });
});

test("/healthz answers 200 while the server serves", async () => {
  const response = await api.call<{ status: string; mode: string }>("GET", "/healthz");
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({ status: "ok", mode: "local" });
});

test("a stopping server with a drain keeps answering calls, its /readyz at 503, before it closes its port", async () => {
  const draining = await startApiServer({ shutdownDrainMs: 1_500 });
  const stopped = draining.server.stop();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const ready = await draining.call<{ status: string }>("GET", "/readyz");
  expect(ready.status).toBe(503);
  expect((await draining.call("GET", "/healthz")).status).toBe(503);
  // A load balancer that has not yet seen the 503 still gets its call answered.
  expect((await draining.call("GET", "/api/openapi.json")).status).toBe(200);
  await stopped;
  await expect(fetch(`${draining.server.url}/healthz`)).rejects.toThrow();
}, 60_000);

test("a stopping server waits, after its drain, until calls stop arriving (probes aside), then closes", async () => {
  const draining = await startApiServer({ shutdownDrainMs: 400 });
  const begun = Date.now();
  let stoppedAt = 0;
  const stopped = draining.server.stop().then(() => (stoppedAt = Date.now()));
  // A balancer slow to notice keeps sending calls for 1.2 s: each is answered, and the port stays open.
  let lastCall = 0;
  while (Date.now() - begun < 1_200) {
    expect((await draining.call("GET", "/api/openapi.json")).status).toBe(200);
    lastCall = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Its probes go on, but no call: the instance closes half a drain later.
  const probing = setInterval(() => void fetch(`${draining.server.url}/readyz`).catch(() => undefined), 50);
  await stopped;
  clearInterval(probing);
  expect(stoppedAt - lastCall).toBeGreaterThanOrEqual(150);
  expect(stoppedAt - begun).toBeLessThan(4_000 + 10_000);
  await expect(fetch(`${draining.server.url}/healthz`)).rejects.toThrow();
}, 60_000);

test("/api/openapi.json is an OpenAPI 3.1 document listing every route with its schemas", async () => {
  const response = await api.call<{ openapi: string; paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown>; requestBody?: unknown }>> }>("GET", "/api/openapi.json");
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  expect(response.body.openapi).toBe("3.1.0");
  const operations = Object.values(response.body.paths).flatMap((methods) => Object.values(methods));
  expect(operations.map((o) => o.operationId).sort()).toEqual(Object.keys(API_ROUTES).sort());
  for (const route of Object.values(API_ROUTES)) {
    const operation = response.body.paths[route.path]?.[route.method];
    expect(operation?.responses[String(route.status ?? 200)]).toBeDefined();
    if (route.body) expect(operation?.requestBody).toBeDefined();
  }
  const create = response.body.paths["/api/recommendations"]!.post as unknown as { requestBody: { content: Record<string, { schema: { required: string[] } }> } };
  expect(create.requestBody.content["application/json"]!.schema.required).toEqual(expect.arrayContaining(["text", "mechanism", "documentSymbol", "paragraph"]));
});

describe("size limits", () => {
  test("a JSON body over the limit is 413 and writes nothing", async () => {
    const token = await api.tokenFor("secretariat");
    const before = (await api.call<{ total: number }>("GET", "/api/recommendations?pageSize=1", { token })).body.total;
    const response = await api.call<{ error: { code: string } }>("POST", "/api/recommendations", {
      token,
      body: { text: "x".repeat(10 * 1024), mechanism: "UPR", documentSymbol: "A/HRC/59/15", paragraph: "160.1" },
    });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("too_large");
    expect((await api.call<{ total: number }>("GET", "/api/recommendations?pageSize=1", { token })).body.total).toBe(before);
  });

  test("an upload over the limit is 413", async () => {
    const response = await api.call<{ error: { code: string } }>("POST", "/api/imports?fileName=big.csv", { token: await api.tokenFor("secretariat"), raw: new Uint8Array(100 * 1024), contentType: "text/csv" });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("too_large");
  });

  test("an anonymous upload is refused before its body is read", async () => {
    const response = await api.call("POST", "/api/imports?fileName=big.csv", { raw: new Uint8Array(100 * 1024), contentType: "text/csv" });
    expect(response.status).toBe(401);
  });
});

test("a person calling too often is answered 429 with Retry-After; others are not slowed", async () => {
  const token = await api.tokenFor("admin");
  const statuses: number[] = [];
  let retryAfter: string | null = null;
  for (let i = 0; i < 30; i += 1) {
    const response = await api.call("GET", "/api/me", { token });
    statuses.push(response.status);
    if (response.status === 429) retryAfter = response.headers.get("retry-after");
  }
  expect(statuses.slice(0, 25).every((s) => s === 200)).toBe(true);
  expect(statuses.slice(25)).toContain(429);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect((await api.call("GET", "/api/me", { token: await api.tokenFor("chair") })).status).toBe(200);
});

describe("the built tab", () => {
  test("/ serves index.html, never cached", async () => {
    const response = await api.call("GET", "/", { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(response.text).toContain("<div id=root>");
    expect(response.headers.get("cache-control")).toBe("no-cache");
  });

  test("a tab route falls back to index.html (SPA)", async () => {
    const response = await api.call("GET", "/reports/12/drafts", { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(response.text).toContain("<div id=root>");
  });

  test("hashed assets are cached for a year", async () => {
    const response = await api.call("GET", "/assets/index-AbCdEf12.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/max-age=31536000/);
  });

  test("an unknown API route is a JSON 404, not the tab", async () => {
    const response = await api.call<{ error: { code: string } }>("GET", "/api/no-such-thing", { headers: { accept: "text/html" } });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("not_found");
  });
});

test("an error answer never carries a stack trace", async () => {
  const token = await api.tokenFor("secretariat");
  const responses = [
    await api.call("POST", "/api/recommendations", { token, raw: "{not json", contentType: "application/json" }),
    await api.call("GET", "/api/recommendations/999999", { token }),
    await api.call("POST", "/api/reports/1/drafts", { token, raw: "[]", contentType: "application/json" }),
  ];
  for (const response of responses) {
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
    expect(response.text).not.toMatch(/node_modules|\/work\//);
  }
});
