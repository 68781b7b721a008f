import { queryAll, type Repository } from "../../core/ports/repository";
import type { RecordName } from "../../core/records/kinds";
import { SAMPLE_INPUTS } from "../../core/testing/samples";
import { startEmulatedSite, type EmulatedSite } from "../../tests/support/emulated-site";
import { provisionSite } from "./provision";
import { fieldKeyOf, SITE_SCHEMA, type ColumnSpec } from "./schema";
import { loadSiteLists } from "./site";

type Column = { id: string; name: string; choice?: { choices: string[]; displayAs?: string } };
type Item = { id: string; fields: Record<string, unknown> };

const isChoice = (column: ColumnSpec): column is ColumnSpec & { kind: { type: "choice"; words: Record<string, string> } } => column.kind.type === "choice";

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
    expect(second).toEqual({ createdLists: [], createdColumns: [], indexedColumns: [], extendedChoices: [], differences: [], upgradedChoices: [], hiddenColumns: [] });
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
    await site.client.api(`/sites/${site.siteId}/lists/${requests}/columns/${status.id}`).patch({ choice: { ...status.choice, choices: status.choice!.choices.filter((c) => c !== "Declined") } });

    const report = await provisionSite(site.client, site.siteId);
    expect(report.indexedColumns).toEqual(["Requests.DueDate"]);
    expect(report.extendedChoices).toEqual(["Requests.RequestStatus: Declined"]);
    const items = (await site.client.api(`/sites/${site.siteId}/lists/${ministries}/items?$expand=fields`).get()) as { value: { fields: { Title: string } }[] };
    expect(items.value.map((i) => i.fields.Title)).toEqual(["Keep me"]);
  });

  it("hides the app's own columns (JSON, internal keys) from Microsoft Lists, and still reads them", async () => {
    const store = await site.open();
    const lists = await loadSiteLists(site.client, site.siteId);
    const path = `/sites/${site.siteId}/lists/${lists.lists.get("Recommendations")!.id}`;
    const shown = ((await site.client.api(`${path}/columns`).get()) as { value: Column[] }).value.map((c) => c.name);
    expect(shown).toEqual(expect.arrayContaining(["RecommendationText", "ImplementationStatus", "Themes", "LeadMinistry"]));
    expect(shown).not.toContain("StatusHistory");
    const created = await store.repositories.recommendations.create(SAMPLE_INPUTS.recommendations("h1"));
    const item = (await site.client.api(`${path}/items/${created.id}?$expand=fields`).get()) as Item;
    expect(item.fields.StatusHistory).toBeUndefined();
    expect((await store.repositories.recommendations.get(created.id)).statusHistory).toEqual(SAMPLE_INPUTS.recommendations("h1").statusHistory);
  });

  it("reports, and leaves alone, a column whose type differs from the schema", async () => {
    const other = site.emulator.createSite();
    await site.client.api(`/sites/${other.id}/lists`).post({ displayName: "Ministries", list: { template: "genericList" }, columns: [{ name: "Active", text: {} }] });
    const report = await provisionSite(site.client, other.id);
    expect(report.differences).toEqual(["Ministries.Active is text, the schema says boolean"]);
  });

  it("upgrades a site provisioned with codes in its choice columns (the previous schema) to words, and keeps every record", async () => {
    const old = await startEmulatedSite();
    try {
      const store = await old.open();
      const repos = store.repositories as unknown as Record<RecordName, Repository<Record<string, unknown>>>;
      const withChoices = SITE_SCHEMA.filter((list) => list.kind && list.columns.some(isChoice));
      for (const list of withChoices) for (const tag of ["1", "2", "3"]) await repos[list.kind!].create(SAMPLE_INPUTS[list.kind!](tag) as Record<string, unknown>);
      const before = Object.fromEntries(await Promise.all(withChoices.map(async (list) => [list.kind!, await queryAll(repos[list.kind!])] as const)));

      // The site as the previous version provisioned it: core's codes as the choices and in the items.
      const site = await loadSiteLists(old.client, old.siteId);
      for (const list of withChoices) {
        const path = `/sites/${old.siteId}/lists/${site.lists.get(list.title)!.id}`;
        const columns = ((await old.client.api(`${path}/columns`).get()) as { value: Column[] }).value;
        for (const column of list.columns.filter(isChoice)) {
          const existing = columns.find((c) => c.name === column.name)!;
          await old.client.api(`${path}/columns/${existing.id}`).patch({ choice: { ...existing.choice, choices: Object.keys(column.kind.words) } });
        }
        // ... and every column shown in Lists, the app's JSON and keys included.
        const hidden = ((await old.client.api(`${path}/columns?$select=id,name,hidden`).get()) as { value: (Column & { hidden: boolean })[] }).value;
        for (const column of hidden.filter((c) => c.hidden && list.columns.some((spec) => spec.name === c.name))) await old.client.api(`${path}/columns/${column.id}`).patch({ hidden: false });
        const items = ((await old.client.api(`${path}/items?$expand=fields`).get()) as { value: Item[] }).value;
        for (const item of items) {
          const codes: Record<string, string> = {};
          for (const column of list.columns.filter(isChoice)) {
            const word = item.fields[fieldKeyOf(column)];
            const code = Object.entries(column.kind.words).find(([, w]) => w === word)?.[0];
            if (code) codes[fieldKeyOf(column)] = code;
          }
          await old.client.api(`${path}/items/${item.id}/fields`).patch(codes);
        }
      }
      const recommendationsPath = `/sites/${old.siteId}/lists/${site.lists.get("Recommendations")!.id}`;
      const raw = async () => ((await old.client.api(`${recommendationsPath}/items?$expand=fields`).get()) as { value: Item[] }).value.map((i) => i.fields.ImplementationStatus);
      expect(await raw()).toEqual(["in-progress", "in-progress", "in-progress"]);

      const report = await provisionSite(old.client, old.siteId);
      expect(report.differences).toEqual([]);
      expect(report.extendedChoices).toEqual([]);
      expect(report.upgradedChoices).toContain("Recommendations.ImplementationStatus: 6 codes replaced by words, 3 items rewritten");
      expect(report.upgradedChoices).toContain("Requests.RequestStatus: 10 codes replaced by words, 3 items rewritten");

      expect(report.hiddenColumns).toEqual(expect.arrayContaining(["Recommendations.StatusHistory", "Requests.Notices", "Requests.OperationKey", "Contributions.SubmissionId"]));

      // SharePoint now holds the words a person picks, and only them.
      expect(await raw()).toEqual(["In progress", "In progress", "In progress"]);
      const columns = ((await old.client.api(`${recommendationsPath}/columns`).get()) as { value: Column[] }).value;
      expect(columns.find((c) => c.name === "ImplementationStatus")!.choice!.choices).toEqual(["Not assessed", "Not started", "In progress", "Partially implemented", "Implemented", "No longer relevant"]);

      // Every record reads back as it was (the eTags aside: the items were rewritten).
      const reopened = (await old.open()).repositories as unknown as Record<RecordName, Repository<Record<string, unknown>>>;
      const withoutETag = (records: Record<string, unknown>[]) => records.map(({ eTag: _eTag, ...rest }) => rest);
      for (const list of withChoices) {
        const after = await queryAll(reopened[list.kind!]);
        expect(withoutETag(after)).toEqual(withoutETag(before[list.kind!]!));
      }
      expect(await queryAll(reopened.recommendations, { where: [{ field: "status", op: "eq", value: "in-progress" }] })).toHaveLength(3);

      // The upgrade is done once: a second run changes nothing.
      old.emulator.resetCounters();
      const again = await provisionSite(old.client, old.siteId);
      expect(again).toEqual({ createdLists: [], createdColumns: [], indexedColumns: [], extendedChoices: [], differences: [], upgradedChoices: [], hiddenColumns: [] });
      expect(Object.keys(old.emulator.counters().byKind).filter((kind) => /create|update/.test(kind))).toEqual([]);
    } finally {
      await old.stop();
    }
  });
});
