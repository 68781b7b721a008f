import { ConcurrencyError, ConflictError } from "../../core/errors";
import { startEmulatedSite, type EmulatedSite } from "../../tests/support/emulated-site";

describe("SharePoint answers 409 resourceModified: a write raced another one", () => {
  let site: EmulatedSite;
  beforeAll(async () => {
    site = await startEmulatedSite();
  });
  afterAll(() => site?.stop());

  it("a bulk update that meets resourceModified inside the $batch reports a concurrent change, not a duplicate", async () => {
    const store = await site.open();
    const [created] = await store.repositories.ministries.createMany([{ name: "Ministry of Justice" }]);
    const justice = created!.ok ? created!.record : undefined;
    site.emulator.setFaults({ script: [{ status: 409, kind: "list-items.update" }] });

    const [result] = await store.repositories.ministries.updateMany([{ id: justice!.id, changes: { acronym: "MOJ" }, eTag: justice!.eTag }]);

    expect(result!.ok).toBe(false);
    const error = result!.ok ? undefined : result!.error;
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).not.toBeInstanceOf(ConflictError);
  });

  it("a single update that meets resourceModified asks the caller to reload, and a second try goes through", async () => {
    const store = await site.open();
    const health = await store.repositories.ministries.create({ name: "Ministry of Health" });
    site.emulator.setFaults({ script: [{ status: 409, kind: "list-items.update" }] });

    await expect(store.repositories.ministries.update(health.id, { acronym: "MOH" }, health.eTag)).rejects.toBeInstanceOf(ConcurrencyError);
    const again = await store.repositories.ministries.update(health.id, { acronym: "MOH" }, health.eTag);
    expect(again.acronym).toBe("MOH");
  });

  it("a bulk create of a name already taken is still a duplicate", async () => {
    const store = await site.open();
    site.emulator.setFaults({});
    await store.repositories.ministries.create({ name: "Ministry of Education" });
    const [result] = await store.repositories.ministries.createMany([{ name: "Ministry of Education" }]);
    expect(result!.ok ? undefined : result!.error).toBeInstanceOf(ConflictError);
  });
});
