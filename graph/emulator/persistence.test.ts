/** A data file keeps sites, lists, items, files and delta positions across restarts. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startGraphEmulator } from "./index";
import { testClient } from "./test-client";

let directory: string;

beforeEach(() => {
  directory = mkdtempSync(path.join(tmpdir(), "graph-emulator-"));
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe("persistence", () => {
  it("keeps what was written when the emulator restarts on the same data file", async () => {
    const dataFile = path.join(directory, "nested", "graph.sqlite");
    const first = await startGraphEmulator({ dataFile });
    const client = testClient(first);
    const siteId = first.siteId();
    const list = await client.call("POST", `/sites/${siteId}/lists`, { body: { displayName: "Ministries" } });
    const item = await client.call("POST", `/sites/${siteId}/lists/${list.json.id}/items`, { body: { fields: { Title: "Justice" } } });
    const file = await client.call("PUT", `/sites/${siteId}/drive/root:/Notes/a.txt:/content`, { bytes: Buffer.from("kept") });
    const sync = await client.call("GET", `/sites/${siteId}/lists/${list.json.id}/items/delta`);
    const deltaLink = new URL(sync.json["@odata.deltaLink"] as string);
    await client.close();
    await first.stop();

    const second = await startGraphEmulator({ dataFile });
    const again = testClient(second);
    try {
      expect(second.siteId()).toBe(siteId);
      const read = await again.call("GET", `/sites/${siteId}/lists/Ministries/items/${item.json.id}?$expand=fields`);
      expect(read.status).toBe(200);
      expect(read.json.fields.Title).toBe("Justice");
      expect(read.json.eTag).toBe(item.json.eTag);
      const next = await again.call("POST", `/sites/${siteId}/lists/${list.json.id}/items`, { body: { fields: { Title: "Health" } } });
      expect(next.json.id).toBe("2");
      const content = await again.call("GET", `/sites/${siteId}/drive/items/${file.json.id}/content`, { redirect: "follow" });
      expect(content.bytes.toString()).toBe("kept");
      // The old deltaLink still works after the restart (only the port may change).
      const changes = await again.call("GET", `${second.baseUrl}${deltaLink.pathname.replace(/^\/v1\.0/, "")}${deltaLink.search}`);
      expect(changes.status).toBe(200);
      expect(changes.json.value.map((i: { id: string }) => i.id)).toEqual(["2"]);
    } finally {
      await again.close();
      await second.stop();
    }
  });
});
