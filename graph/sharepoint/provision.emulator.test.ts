import { startEmulatedSite, type EmulatedSite } from "../../tests/support/emulated-site";
import { provisionSite } from "./provision";
import { SITE_SCHEMA } from "./schema";
import { loadSiteLists } from "./site";

describe("provisioning the site", () => {
  let site: EmulatedSite;
  beforeAll(async () => {
    site = await startEmulatedSite();
  });
  afterAll(() => site.stop());

  it("creates every list and library, then changes nothing the second time", async () => {
    const first = await provisionSite(site.client, site.siteId);
    expect(first.createdLists.sort()).toEqual(SITE_SCHEMA.map((l) => l.title).sort());
    expect(first.differences).toEqual([]);

    site.emulator.resetCounters();
    const second = await provisionSite(site.client, site.siteId);
    expect(second).toEqual({ createdLists: [], createdColumns: [], indexedColumns: [], extendedChoices: [], differences: [] });
    const writes = Object.entries(site.emulator.counters().byKind).filter(([kind]) => /create|update/.test(kind));
    expect(writes).toEqual([]);
  });

  it("restores a lost index and missing choices, and keeps the data", async () => {
    const lists = await loadSiteLists(site.client, site.siteId);
    const ministries = lists.lists.get("Ministries")!.id;
    const requests = lists.lists.get("Requests")!.id;
    await site.client.api(`/sites/${site.siteId}/lists/${ministries}/items`).post({ fields: { Title: "Keep me", MinistryName: "Keep me", Active: true } });

    // Someone changed the site by hand: a column lost its index, a choice column lost a choice.
    const columns = (await site.client.api(`/sites/${site.siteId}/lists/${requests}/columns`).get()) as { value: { id: string; name: string; choice?: { choices: string[] } }[] };
    const dueDate = columns.value.find((c) => c.name === "DueDate")!;
    const status = columns.value.find((c) => c.name === "RequestStatus")!;
    await site.client.api(`/sites/${site.siteId}/lists/${requests}/columns/${dueDate.id}`).patch({ indexed: false });
    await site.client.api(`/sites/${site.siteId}/lists/${requests}/columns/${status.id}`).patch({ choice: { ...status.choice, choices: status.choice!.choices.filter((c) => c !== "declined") } });

    const report = await provisionSite(site.client, site.siteId);
    expect(report.indexedColumns).toEqual(["Requests.DueDate"]);
    expect(report.extendedChoices).toEqual(["Requests.RequestStatus: declined"]);
    const items = (await site.client.api(`/sites/${site.siteId}/lists/${ministries}/items?$expand=fields`).get()) as { value: { fields: { Title: string } }[] };
    expect(items.value.map((i) => i.fields.Title)).toEqual(["Keep me"]);
  });

  it("reports, and leaves alone, a column whose type differs from the schema", async () => {
    const other = site.emulator.createSite();
    await site.client.api(`/sites/${other.id}/lists`).post({ displayName: "Ministries", list: { template: "genericList" }, columns: [{ name: "Active", text: {} }] });
    const report = await provisionSite(site.client, other.id);
    expect(report.differences).toEqual(["Ministries.Active is text, the schema says boolean"]);
  });
});
