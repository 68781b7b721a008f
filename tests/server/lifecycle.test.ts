/**
 * The local server over a data file on disk: the demo is seeded once and kept across restarts;
 * while a server owns the file, the command line's store talks to its emulator; a graceful stop
 * releases the file.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { queryAll } from "../../core/ports/repository";
import { openStore } from "../../cli/store";
import { configFromEnvironment } from "../../server/config/config";
import { startServer } from "../../server/main";

let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "nmirf-data-"));
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

function config() {
  return configFromEnvironment({ NMIRF_MODE: "local", PORT: "0", LOG_LEVEL: "silent", NMIRF_DATA_DIR: dataDir });
}

test("a second start keeps the data and does not seed again; the command line shares the running emulator", async () => {
  const first = await startServer(config(), { background: false });
  const ministries = (await queryAll(first.repos.ministries)).length;
  expect(ministries).toBe(8);
  await first.repos.ministries.create({ name: "Ministry added before the restart" });
  expect(existsSync(path.join(dataDir, "graph-emulator.json"))).toBe(true);

  // A command run meanwhile reaches the same data through the running server's emulator.
  const store = await openStore({ NMIRF_MODE: "local", NMIRF_DATA_DIR: dataDir, LOG_LEVEL: "silent", NMIRF_ENV: "none" });
  expect(store.description).toMatch(/run by process/);
  expect((await queryAll(store.repositories.ministries)).map((m) => m.name)).toContain("Ministry added before the restart");
  await store.close();

  // A graceful stop releases the file for the next owner.
  await first.stop();
  expect(existsSync(path.join(dataDir, "graph-emulator.json"))).toBe(false);
  expect(existsSync(path.join(dataDir, "graph.sqlite.lock"))).toBe(false);

  const second = await startServer(config(), { background: false });
  try {
    const names = (await queryAll(second.repos.ministries)).map((m) => m.name);
    expect(names).toHaveLength(9);
    expect(names).toContain("Ministry added before the restart");
    const seedMarkers = await queryAll(second.repos.audit, { where: [{ field: "action", op: "eq", value: "demo.seeded" }] });
    expect(seedMarkers).toHaveLength(1);
  } finally {
    await second.stop();
  }
}, 120_000);

test("with no server running, the command line opens the data file itself, under its lock", async () => {
  const store = await openStore({ NMIRF_MODE: "local", NMIRF_DATA_DIR: dataDir, LOG_LEVEL: "silent", NMIRF_ENV: "none" });
  try {
    expect(store.description).toMatch(/graph\.sqlite/);
    expect(existsSync(path.join(dataDir, "graph.sqlite.lock"))).toBe(true);
    expect((await queryAll(store.repositories.ministries)).length).toBe(9);
    expect(store.actor.roles).toEqual(["Secretariat", "Admin"]);
  } finally {
    await store.close();
  }
  expect(existsSync(path.join(dataDir, "graph.sqlite.lock"))).toBe(false);
}, 60_000);

test("a tenant mode that is not configured is StoreNotConfiguredError for the command line", async () => {
  await expect(openStore({ NMIRF_MODE: "tenant", NMIRF_ENV: "none" })).rejects.toMatchObject({ code: "store_not_configured", message: expect.stringMatching(/AAD_TENANT_ID/) });
});
