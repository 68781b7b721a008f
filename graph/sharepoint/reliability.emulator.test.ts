import { queryAll } from "../../core/ports/repository";
import { startEmulatedSite, type EmulatedSite } from "../../tests/support/emulated-site";

describe("writing through a throttling SharePoint", () => {
  let site: EmulatedSite;
  afterAll(() => site?.stop());

  it("provisions, bulk-creates 1,000 items and updates 100 with 20% 429s and 5% 503s: nothing lost, nothing duplicated", async () => {
    site = await startEmulatedSite({ faults: { throttleRate: 0.2, unavailableRate: 0.05, retryAfterSeconds: 0, seed: 7 } });
    const store = await site.open();

    const inputs = Array.from({ length: 1000 }, (_, i) => ({ name: `Institution ${String(i).padStart(4, "0")}` }));
    const created = await store.repositories.ministries.createMany(inputs);
    expect(created.filter((r) => !r.ok)).toEqual([]);
    expect(created.map((r) => (r.ok ? r.record.name : ""))).toEqual(inputs.map((i) => i.name));

    const records = created.map((r) => (r.ok ? r.record : undefined)!);
    const updates = records.slice(0, 100).map((r) => ({ id: r.id, changes: { acronym: `I${r.name.slice(-4)}` }, eTag: r.eTag }));
    const updated = await store.repositories.ministries.updateMany(updates);
    expect(updated.filter((r) => !r.ok)).toEqual([]);

    const counters = site.emulator.counters();
    expect(counters.throttled).toBeGreaterThan(50);
    expect(counters.unavailable).toBeGreaterThan(10);

    site.emulator.setFaults({});
    const all = await queryAll(store.repositories.ministries, { where: [{ field: "name", op: "startswith", value: "Institution " }] });
    expect(all).toHaveLength(1000);
    expect(new Set(all.map((m) => m.name)).size).toBe(1000);
    expect(all.filter((m) => m.acronym).map((m) => m.name).sort()).toEqual(records.slice(0, 100).map((r) => r.name).sort());
  });
});
