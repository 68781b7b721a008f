import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FileChangeTokenStore } from "../../storage/file-change-token-store";

describe("the change feeds' places in a local folder", () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), "nmirf-tokens-"));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it("keeps a token across instances of the store (a restart), and forgets it when asked", async () => {
    const token = { deltaLink: "https://localhost:1/v1.0/sites/s/lists/l/items/delta?token=abc", syncedAt: "2026-12-03T10:00:00.000Z" };
    await new FileChangeTokenStore(folder).write("audit.list-1", token);
    expect(await new FileChangeTokenStore(folder).read("audit.list-1")).toEqual(token);
    await new FileChangeTokenStore(folder).remove("audit.list-1");
    expect(await new FileChangeTokenStore(folder).read("audit.list-1")).toBeUndefined();
  });

  it("reads a file that is not a token (torn, edited by hand) as none, and refuses a key that is not a name", async () => {
    writeFileSync(path.join(folder, "audit.list-2.json"), "{ not json");
    writeFileSync(path.join(folder, "audit.list-3.json"), JSON.stringify({ deltaLink: "", syncedAt: "yesterday" }));
    const store = new FileChangeTokenStore(folder);
    expect(await store.read("audit.list-2")).toBeUndefined();
    expect(await store.read("audit.list-3")).toBeUndefined();
    await expect(store.read("../outside")).rejects.toThrow(/letters, digits/);
  });
});
