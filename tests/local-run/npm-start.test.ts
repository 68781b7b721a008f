/**
 * `npm start` on this machine: its entry point starts the Graph emulator, the server with the
 * demo data, the built tab and the Agents Playground; a request goes to the focal point's chat
 * and comes back answered through the Playground; Ctrl-C stops everything; a second start keeps
 * the data of the first.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEMO_PERSONAS } from "../../demo/personas";
import { cardOf, Playground } from "../bot/support/playground";

const ROOT = path.resolve(__dirname, "..", "..");
const focalPoint = DEMO_PERSONAS.find((p) => p.focalPoint?.ministry === "Ministry of Justice" && p.focalPoint.role === "technical")!;
const secretariat = DEMO_PERSONAS.find((p) => p.roles.includes("Secretariat"))!;

interface Started {
  child: ChildProcess;
  output: () => string;
  tabUrl: string;
  playgroundPort: number;
}

/** Runs `npm start`'s entry point (bin/nmirf.js start) on free ports, and waits until it says what to open. */
async function start(dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, [path.join(ROOT, "bin", "nmirf.js"), "start", "--port", "0", "--playground-port", "0"], {
    cwd: ROOT,
    env: { ...process.env, NMIRF_DATA_DIR: dataDir, NODE_ENV: "production", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 240_000);
    const check = setInterval(() => {
      if (output.includes("Press Ctrl-C to stop.")) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 100);
    child.once("exit", (code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}):\n${output}`));
    });
  });
  const tabUrl = /The tab:\s+(http:\/\/\S+?)\/\s/.exec(output)?.[1];
  const playgroundPort = new RegExp(`${focalPoint.displayName}\\s+http://localhost:(\\d+)`).exec(output)?.[1];
  if (!tabUrl || !playgroundPort) throw new Error(`npm start did not print the addresses:\n${output}`);
  return { child, output: () => output, tabUrl, playgroundPort: Number(playgroundPort) };
}

/** Ctrl-C: everything stops, and the process exits cleanly. */
async function stop(started: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => started.child.once("exit", (code) => resolve(code)));
  started.child.kill("SIGINT");
  return exited;
}

async function api<T>(tabUrl: string, method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> {
  const token = await fetch(`${tabUrl}/local-auth/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ persona: secretariat.id }) });
  const { accessToken } = (await token.json()) as { accessToken: string };
  const response = await fetch(`${tabUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${accessToken}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function isClosed(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/`).then(
    () => false,
    () => true,
  );
}

describe("npm start", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "nmirf-npm-start-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("runs the whole product, takes an answer through the Playground, stops on Ctrl-C and keeps the data", async () => {
    const first = await start(dataDir);
    let requestId: string;
    try {
      // The tab, the API and the Playground answer.
      const tab = await fetch(`${first.tabUrl}/`);
      expect(tab.status).toBe(200);
      expect(await tab.text()).toContain('id="root"');
      expect(await (await fetch(`${first.tabUrl}/healthz`)).json()).toMatchObject({ status: "ok", mode: "local" });
      expect((await fetch(`http://127.0.0.1:${first.playgroundPort}/`)).status).toBe(200);

      // The secretariat asks the Ministry of Justice about a recommendation it leads…
      const playground = await Playground.attach({ id: focalPoint.id, name: focalPoint.displayName, email: focalPoint.email }, first.playgroundPort);
      try {
        const ministries = await api<{ items: { id: string; name: string }[] }>(first.tabUrl, "GET", "/api/ministries");
        const justice = ministries.body.items.find((m) => m.name === "Ministry of Justice")!;
        const recommendations = await api<{ items: { id: string }[] }>(first.tabUrl, "GET", `/api/recommendations?leadMinistryId=${justice.id}`);
        const report = await api<{ id: string }>(first.tabUrl, "POST", "/api/reports", { title: "Mid-term report", mechanism: "UPR", type: "upr-midterm", dueDate: "2027-06-01", timeZone: "Europe/Ljubljana" });
        expect(report.status).toBe(201);
        const asked = await api<{ created: { id: string }[] }>(first.tabUrl, "POST", `/api/reports/${report.body.id}/requests`, {
          subjects: [{ kind: "recommendation", recommendationId: recommendations.body.items[0]!.id }],
          ask: "What has been done since the review?",
          dueDate: "2027-03-01",
        });
        expect(asked.status).toBe(201);
        requestId = asked.body.created[0]!.id;

        // …the card reaches the focal point's chat, who answers in it.
        const card = await playground.waitFor((m) => JSON.stringify(cardOf(m) ?? {}).includes("What has been done since the review?"), "the request card", 30_000);
        const answered = await playground.execute(card.messageId, "submitAnswer", { requestId, answer: "A new law on legal aid was adopted in 2026.", status: "in-progress" });
        expect(answered.status).toBe(200);
        expect(JSON.stringify(answered.body.value)).toContain("version 1");
      } finally {
        await playground.stop();
      }
      const contributions = await api<{ items: { text: string; version: number }[] }>(first.tabUrl, "GET", `/api/requests/${requestId}/contributions`);
      expect(contributions.body.items.map((c) => [c.version, c.text])).toEqual([[1, "A new law on legal aid was adopted in 2026."]]);
    } finally {
      expect(await stop(first)).toBe(0);
    }
    expect(first.output()).toContain("Stopping…");
    expect(await isClosed(first.playgroundPort)).toBe(true);
    expect(await isClosed(Number(new URL(first.tabUrl).port))).toBe(true);

    // A second start keeps the data of the first, and seeds nothing twice.
    const second = await start(dataDir);
    try {
      const request = await api<{ status: string }>(second.tabUrl, "GET", `/api/requests/${requestId}`);
      expect(request.body.status).toBe("answered");
      const recommendations = await api<{ items: unknown[]; nextPageToken?: string }>(second.tabUrl, "GET", "/api/recommendations?pageSize=200");
      expect(recommendations.body.items).toHaveLength(36);
      expect(recommendations.body.nextPageToken).toBeUndefined();
    } finally {
      expect(await stop(second)).toBe(0);
    }
  }, 600_000);
});
