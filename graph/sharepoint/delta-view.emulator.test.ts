import { type RECORD_KINDS } from "../../core/records/kinds";
import { SAMPLE_INPUTS } from "../../core/testing/samples";
import { startEmulatedSite, type EmulatedSite } from "../../tests/support/emulated-site";
import { ListDeltaView } from "./delta-view";
import { type SharePointListRepository } from "./list-repository";
import type { SharePointStore } from "./open-store";

describe("a list kept fresh through delta", () => {
  let site: EmulatedSite;
  let store: SharePointStore;
  beforeAll(async () => {
    site = await startEmulatedSite();
    store = await site.open();
  });
  afterAll(() => site.stop());

  it("reads everything once, then only changes; an unchanged poll costs one request", async () => {
    const repository = store.repositories.recommendations as unknown as SharePointListRepository<typeof RECORD_KINDS.recommendations.schema>;
    await store.repositories.recommendations.createMany(Array.from({ length: 30 }, (_, i) => SAMPLE_INPUTS.recommendations(`d${i}`)));
    const view = new ListDeltaView(site.client, repository);

    expect(await view.refresh()).toEqual({ changed: 30 });
    expect(view.all()).toHaveLength(30);

    site.emulator.resetCounters();
    expect(await view.refresh()).toEqual({ changed: 0 });
    expect(site.emulator.counters().requests).toBe(1);

    const [first] = view.all();
    await store.repositories.recommendations.update(first!.id, { status: "implemented" }, first!.eTag);
    site.emulator.resetCounters();
    expect(await view.refresh()).toEqual({ changed: 1 });
    expect(site.emulator.counters().requests).toBe(1);
    expect(view.get(first!.id)?.status).toBe("implemented");
  });

  it("starts again from a full read when the service forgets its token", async () => {
    const repository = store.repositories.ministries as unknown as SharePointListRepository<typeof RECORD_KINDS.ministries.schema>;
    await store.repositories.ministries.create({ name: "Ministry of Finance" });
    const view = new ListDeltaView(site.client, repository);
    await view.refresh();
    site.emulator.expireDeltaTokens(store.site.lists.get("Ministries")!.id);
    await store.repositories.ministries.create({ name: "Ministry of Health" });
    await view.refresh();
    expect(view.all().map((m) => m.name)).toEqual(["Ministry of Finance", "Ministry of Health"]);
  });
});

describe("a list kept through delta, when a person breaks a row in SharePoint", () => {
  let site: EmulatedSite;
  let store: SharePointStore;
  beforeAll(async () => {
    site = await startEmulatedSite();
    store = await site.open();
  });
  afterAll(() => site.stop());

  it("keeps serving the other rows, names the broken one, and takes it back once it is put right", async () => {
    const repository = store.repositories.ministries as unknown as SharePointListRepository<typeof RECORD_KINDS.ministries.schema>;
    const finance = await store.repositories.ministries.create({ name: "Ministry of Finance" });
    await store.repositories.ministries.create({ name: "Ministry of Health" });
    const view = new ListDeltaView(site.client, repository);
    await view.refresh();

    site.emulator.editItemAsPerson(site.siteId, "Ministries", finance.id, { MinistryName: "" });
    await view.refresh();
    expect(view.all().map((m) => m.name)).toEqual(["Ministry of Health"]);
    expect(view.needingAttention()).toEqual([expect.objectContaining({ id: finance.id, list: "Ministries", problems: [expect.objectContaining({ field: "name", column: "Name", kind: "required" })] })]);

    site.emulator.editItemAsPerson(site.siteId, "Ministries", finance.id, { MinistryName: "Ministry of Finance and Planning" });
    await view.refresh();
    expect(view.all().map((m) => m.name)).toEqual(["Ministry of Finance and Planning", "Ministry of Health"]);
    expect(view.needingAttention()).toEqual([]);
  });
});
