/**
 * The shared test suite of the repository port. Every implementation runs it: the in-memory
 * one (core/in-memory) and the SharePoint one on the Graph emulator (graph/), and on a real
 * tenant with `npm run test:live`. So the fake cannot drift from the real thing.
 */
import { ConcurrencyError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { NeedsAttentionError } from "../records/needs-attention";
import { RECORD_KINDS, type RecordName } from "../records/kinds";
import type { Repositories } from "../ports/repository";
import { queryAll, readAll } from "../ports/repository";
import { SAMPLE_INPUTS } from "./samples";

export interface RepositoryContractSetup {
  /** Repositories over an empty or shared store; tests scope their data by unique tags. */
  setup(): Promise<Repositories>;
  teardown?(): Promise<void>;
  /**
   * Edits a stored row as a person in SharePoint would, unchecked (values by record field, as
   * typed; null clears). Where the store can do it, the suite checks what a bad row does.
   */
  editAsPerson?(name: RecordName, id: string, values: Record<string, string | number | null>): Promise<void>;
  /**
   * Makes the store answer its next write to an item as a write that raced another one
   * (`concurrent-change`: SharePoint's 409 `resourceModified`), or its next request as refused
   * (`access-denied`: 403 `accessDenied`, the app holds no grant on the site). Where the store
   * can, the suite checks what the repositories make of it; a tenant cannot, so `test:live`
   * leaves these out.
   */
  injectFault?(fault: "concurrent-change" | "access-denied"): Promise<void>;
}

let counter = 0;
/** A tag unique to this run, so that tests sharing one store do not see each other's records. */
function uniqueTag(): string {
  counter += 1;
  return `${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 1e4)}n${counter}`;
}

export function describeRepositoryContract(label: string, { setup, teardown, editAsPerson, injectFault }: RepositoryContractSetup): void {
  describe(`${label}: repository contract`, () => {
    let repos: Repositories;
    beforeAll(async () => {
      repos = await setup();
    });
    afterAll(async () => {
      await teardown?.();
    });

    describe("every kind of record survives a round trip, every field intact", () => {
      const names = Object.keys(RECORD_KINDS) as RecordName[];
      it.each(names)("%s", async (name) => {
        const kind = RECORD_KINDS[name];
        const input = SAMPLE_INPUTS[name](uniqueTag());
        const repository = repos[name] as Repositories["ministries"];
        const created = await repository.create(input as never);
        const expected = kind.schema.parse(input) as Record<string, unknown>;

        expect(created).toEqual({ ...expected, id: created.id, eTag: created.eTag });
        expect(typeof created.id).toBe("string");
        expect(created.eTag).toBeTruthy();
        await expect(repository.get(created.id)).resolves.toEqual(created);
        if (kind.uniqueKey) {
          const found = await repository.query({ where: [{ field: kind.uniqueKey as never, op: "eq", value: expected[kind.uniqueKey] as string }] });
          expect(found.items.map((item) => item.id)).toEqual([created.id]);
        }
      });
    });

    describe("create", () => {
      it("fills the schema's defaults", async () => {
        const created = await repos.ministries.create({ name: `Ministry of Justice ${uniqueTag()}` });
        expect(created.active).toBe(true);
        expect(created.acronym).toBeUndefined();
      });

      it("refuses an invalid record with the failing fields, and writes nothing", async () => {
        const tag = uniqueTag();
        const error = await repos.ministries.create({ name: `Bad ${tag}`, email: "not an e-mail" }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues.map((issue) => issue.path)).toContain("email");
        const page = await repos.ministries.query({ where: [{ field: "name", op: "eq", value: `Bad ${tag}` }] });
        expect(page.items).toEqual([]);
      });

      it("refuses a second record with the same unique key", async () => {
        const input = SAMPLE_INPUTS.recommendations(uniqueTag());
        await repos.recommendations.create(input);
        await expect(repos.recommendations.create({ ...input, text: "A different text" })).rejects.toBeInstanceOf(ConflictError);
        const page = await repos.recommendations.query({ where: [{ field: "key", op: "eq", value: input.key }] });
        expect(page.items).toHaveLength(1);
        expect(page.items[0]!.text).toBe(input.text);
      });
    });

    describe("get", () => {
      it("says a missing record is not found", async () => {
        await expect(repos.ministries.get("987654321")).rejects.toBeInstanceOf(NotFoundError);
      });
    });

    describe("update", () => {
      it("changes the given fields, keeps the others and issues a new eTag", async () => {
        const created = await repos.ministries.create({ name: `Ministry of Health ${uniqueTag()}`, acronym: "MOH" });
        const updated = await repos.ministries.update(created.id, { active: false }, created.eTag);
        expect(updated).toMatchObject({ id: created.id, name: created.name, acronym: "MOH", active: false });
        expect(updated.eTag).not.toBe(created.eTag);
        await expect(repos.ministries.get(created.id)).resolves.toEqual(updated);
      });

      it("refuses a stale eTag and leaves the record as the other writer left it", async () => {
        const created = await repos.ministries.create({ name: `Ministry of Education ${uniqueTag()}` });
        const first = await repos.ministries.update(created.id, { acronym: "MOE" }, created.eTag);
        await expect(repos.ministries.update(created.id, { acronym: "STALE" }, created.eTag)).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(repos.ministries.get(created.id)).resolves.toEqual(first);
      });

      it("refuses an invalid change and leaves the record unchanged", async () => {
        const created = await repos.ministries.create({ name: `Ministry of Labour ${uniqueTag()}` });
        await expect(repos.ministries.update(created.id, { email: "nope" }, created.eTag)).rejects.toBeInstanceOf(ValidationError);
        await expect(repos.ministries.get(created.id)).resolves.toEqual(created);
      });

      it("clears an optional field given as undefined", async () => {
        const created = await repos.ministries.create({ name: `Ministry of Culture ${uniqueTag()}`, acronym: "MOC" });
        const updated = await repos.ministries.update(created.id, { acronym: undefined }, created.eTag);
        expect(updated.acronym).toBeUndefined();
        expect((await repos.ministries.get(created.id)).acronym).toBeUndefined();
      });

      it("updates nested values (a status history) whole", async () => {
        const created = await repos.recommendations.create(SAMPLE_INPUTS.recommendations(uniqueTag()));
        const history = [...created.statusHistory, { status: "implemented" as const, at: "2026-11-01T10:00:00.000Z", byUserId: "u2", byName: "Marko Kranjc" }];
        const updated = await repos.recommendations.update(created.id, { status: "implemented", statusHistory: history }, created.eTag);
        expect(updated.statusHistory).toEqual(history);
        expect((await repos.recommendations.get(created.id)).statusHistory).toEqual(history);
      });

      it("says a missing record is not found", async () => {
        await expect(repos.ministries.update("987654321", { active: false }, '"x,1"')).rejects.toBeInstanceOf(NotFoundError);
      });
    });

    describe("query", () => {
      async function seedMinistries(tag: string, names: string[]) {
        const created = [];
        for (const name of names) created.push(await repos.ministries.create({ name: `${tag} ${name}` }));
        return created;
      }

      it("filters with eq, ne and startswith, and finds names with quotes exactly", async () => {
        const tag = uniqueTag();
        const [womens, , justice] = await seedMinistries(tag, ["Women's Affairs", "Health", "Justice"]);
        const byName = await repos.ministries.query({ where: [{ field: "name", op: "eq", value: `${tag} Women's Affairs` }] });
        expect(byName.items.map((m) => m.id)).toEqual([womens!.id]);

        const prefixed = await queryAll(repos.ministries, { where: [{ field: "name", op: "startswith", value: `${tag} ` }] });
        expect(prefixed).toHaveLength(3);

        await repos.ministries.update(justice!.id, { active: false }, justice!.eTag);
        const inactive = await queryAll(repos.ministries, { where: [{ field: "name", op: "startswith", value: `${tag} ` }, { field: "active", op: "ne", value: true }] });
        expect(inactive.map((m) => m.name)).toEqual([`${tag} Justice`]);
      });

      it("treats a value that looks like OData as a plain value", async () => {
        const tag = uniqueTag();
        await seedMinistries(tag, ["A"]);
        for (const value of [`${tag} A' or name ne '`, `${tag}') or (1 eq 1`, `${tag} A%27`]) {
          const page = await repos.ministries.query({ where: [{ field: "name", op: "eq", value }] });
          expect(page.items).toEqual([]);
        }
      });

      it("compares numbers and dates with lt, le, gt and ge", async () => {
        const tag = uniqueTag();
        for (const cycle of [1, 2, 3, 4]) {
          const input = SAMPLE_INPUTS.recommendations(`${tag}c${cycle}`);
          await repos.recommendations.create({ ...input, documentSymbol: `A/HRC/${tag}/1`, cycle });
        }
        const scope = { field: "documentSymbol" as const, op: "eq" as const, value: `A/HRC/${tag}/1` };
        const cycles = async (op: "lt" | "le" | "gt" | "ge") =>
          (await queryAll(repos.recommendations, { where: [scope, { field: "cycle", op, value: 3 }] })).map((r) => r.cycle).sort();
        await expect(cycles("lt")).resolves.toEqual([1, 2]);
        await expect(cycles("le")).resolves.toEqual([1, 2, 3]);
        await expect(cycles("gt")).resolves.toEqual([4]);
        await expect(cycles("ge")).resolves.toEqual([3, 4]);

        const report = await repos.reports.create({ ...SAMPLE_INPUTS.reports(tag), dueDate: "2031-05-17" });
        const later = await queryAll(repos.reports, { where: [{ field: "dueDate", op: "ge", value: "2031-05-17" }] });
        expect(later.map((r) => r.id)).toContain(report.id);
        const earlier = await queryAll(repos.reports, { where: [{ field: "dueDate", op: "lt", value: "2031-05-17" }] });
        expect(earlier.map((r) => r.id)).not.toContain(report.id);
      });

      it("sorts ascending and descending", async () => {
        const tag = uniqueTag();
        await seedMinistries(tag, ["Beta", "Alpha", "Gamma"]);
        const where = [{ field: "name" as const, op: "startswith" as const, value: `${tag} ` }];
        const ascending = await queryAll(repos.ministries, { where, orderBy: { field: "name" } });
        expect(ascending.map((m) => m.name)).toEqual([`${tag} Alpha`, `${tag} Beta`, `${tag} Gamma`]);
        const descending = await queryAll(repos.ministries, { where, orderBy: { field: "name", direction: "desc" } });
        expect(descending.map((m) => m.name)).toEqual([`${tag} Gamma`, `${tag} Beta`, `${tag} Alpha`]);
      });

      it("pages through every match exactly once", async () => {
        const tag = uniqueTag();
        const created = await seedMinistries(tag, ["1", "2", "3", "4", "5"]);
        const seen: string[] = [];
        let pageToken: string | undefined;
        let pages = 0;
        do {
          const page = await repos.ministries.query({ where: [{ field: "name", op: "startswith", value: `${tag} ` }], top: 2, pageToken });
          expect(page.items.length).toBeLessThanOrEqual(2);
          seen.push(...page.items.map((m) => m.id));
          pageToken = page.nextPageToken;
          pages += 1;
        } while (pageToken);
        expect(pages).toBe(3);
        expect(seen.sort()).toEqual(created.map((m) => m.id).sort());
      });

      it("refuses to filter or sort on a field that is not queryable", async () => {
        await expect(repos.ministries.query({ where: [{ field: "acronym", op: "eq", value: "X" }] })).rejects.toBeInstanceOf(ValidationError);
        await expect(repos.ministries.query({ orderBy: { field: "email" } })).rejects.toBeInstanceOf(ValidationError);
      });
    });

    describe("bulk writes", () => {
      it("creates many records in input order, across batches", async () => {
        const tag = uniqueTag();
        const inputs = Array.from({ length: 45 }, (_, i) => ({ name: `${tag} bulk ${String(i).padStart(2, "0")}` }));
        const results = await repos.ministries.createMany(inputs);
        expect(results.map((r) => (r.ok ? r.record.name : "failed"))).toEqual(inputs.map((i) => i.name));
        expect(new Set(results.map((r) => (r.ok ? r.record.id : ""))).size).toBe(45);
      });

      it("reports each failure in its place and writes the rest", async () => {
        const tag = uniqueTag();
        const existing = await repos.ministries.create({ name: `${tag} taken` });
        const results = await repos.ministries.createMany([{ name: `${tag} one` }, { name: `${tag} bad`, email: "x" }, { name: existing.name }, { name: `${tag} two` }]);
        expect(results.map((r) => r.ok)).toEqual([true, false, false, true]);
        expect(results[1]).toMatchObject({ ok: false, error: expect.any(ValidationError) });
        expect(results[2]).toMatchObject({ ok: false, error: expect.any(ConflictError) });
        const all = await queryAll(repos.ministries, { where: [{ field: "name", op: "startswith", value: `${tag} ` }] });
        expect(all.map((m) => m.name).sort()).toEqual([`${tag} one`, `${tag} taken`, `${tag} two`]);
      });

      it("updates many, refusing the stale ones", async () => {
        const tag = uniqueTag();
        const [a, b, c] = await Promise.all([1, 2, 3].map((n) => repos.ministries.create({ name: `${tag} m${n}` })));
        const bNow = await repos.ministries.update(b!.id, { acronym: "B" }, b!.eTag);
        const results = await repos.ministries.updateMany([
          { id: a!.id, changes: { active: false }, eTag: a!.eTag },
          { id: b!.id, changes: { active: false }, eTag: b!.eTag },
          { id: c!.id, changes: { active: false }, eTag: c!.eTag },
        ]);
        expect(results.map((r) => r.ok)).toEqual([true, false, true]);
        expect(results[1]).toMatchObject({ ok: false, error: expect.any(ConcurrencyError) });
        await expect(repos.ministries.get(b!.id)).resolves.toEqual(bNow);
        expect((await repos.ministries.get(a!.id)).active).toBe(false);
      });

      it("takes the record the caller holds as the one to change, and still refuses it once another write moved it on", async () => {
        const tag = uniqueTag();
        const [a, b] = await Promise.all([1, 2].map((n) => repos.ministries.create({ name: `${tag} m${n}`, acronym: `H${n}` })));
        const bNow = await repos.ministries.update(b!.id, { acronym: "moved on" }, b!.eTag);
        const results = await repos.ministries.updateMany([
          { id: a!.id, changes: { active: false }, eTag: a!.eTag, current: a! },
          { id: b!.id, changes: { active: false }, eTag: b!.eTag, current: b! },
        ]);
        expect(results[0]).toMatchObject({ ok: true, record: { id: a!.id, name: `${tag} m1`, acronym: "H1", active: false } });
        expect(results[1]).toMatchObject({ ok: false, error: expect.any(ConcurrencyError) });
        await expect(repos.ministries.get(b!.id)).resolves.toEqual(bNow);
        await expect(repos.ministries.get(a!.id)).resolves.toEqual((results[0] as { record: unknown }).record);
      });
    });

    (editAsPerson ? describe : describe.skip)("a row a person broke in SharePoint", () => {
      const edit = (name: RecordName, id: string, values: Record<string, string | number | null>) => editAsPerson!(name, id, values);
      async function seedRecommendations(count: number) {
        const symbol = `A/HRC/${uniqueTag().replace(/\D/g, "").slice(0, 6)}/7`;
        const created = [];
        for (let i = 1; i <= count; i += 1) created.push(await repos.recommendations.create({ ...SAMPLE_INPUTS.recommendations(uniqueTag()), documentSymbol: symbol, key: `${symbol}#${i}`, paragraph: String(i) }));
        return { symbol, created };
      }
      const bySymbol = (symbol: string) => ({ where: [{ field: "documentSymbol" as const, op: "eq" as const, value: symbol }] });

      it("is kept out of a query with its problems in words, and the other rows are served", async () => {
        const { symbol, created } = await seedRecommendations(3);
        await edit("recommendations", created[1]!.id, { status: "Maybe later" });
        const { items, needsAttention } = await readAll(repos.recommendations, bySymbol(symbol));
        expect(items.map((r) => r.id)).toEqual([created[0]!.id, created[2]!.id]);
        expect(needsAttention).toHaveLength(1);
        const row = needsAttention[0]!;
        expect(row).toMatchObject({ kind: "recommendations", id: created[1]!.id, eTag: expect.any(String) });
        expect(row.problems).toEqual([expect.objectContaining({ field: "status", kind: "not_a_choice", value: "Maybe later", column: expect.stringMatching(/status/i) })]);
        expect(row.problems[0]!.message).toMatch(/'Maybe later' is not one of its choices/);
      });

      it("names each broken column: an emptied required text, text in a number column", async () => {
        const { symbol, created } = await seedRecommendations(1);
        await edit("recommendations", created[0]!.id, { text: null, cycle: "four" });
        const { items, needsAttention } = await readAll(repos.recommendations, bySymbol(symbol));
        expect(items).toEqual([]);
        const problems = needsAttention[0]!.problems;
        expect(problems).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ field: "text", kind: "required" }),
            expect.objectContaining({ field: "cycle", kind: "not_a_number", value: "four", message: "'four' is not a number" }),
          ]),
        );
        expect(needsAttention[0]!.fields.cycle).toBe("four");
      });

      it("is not the caller's fault when read by id: the record needs attention, with its problems", async () => {
        const { created } = await seedRecommendations(1);
        await edit("recommendations", created[0]!.id, { status: "Maybe later" });
        const error = await repos.recommendations.get(created[0]!.id).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(NeedsAttentionError);
        expect(error).not.toBeInstanceOf(ValidationError);
        expect((error as NeedsAttentionError).row.problems.map((p) => p.field)).toEqual(["status"]);
      });

      it("comes back by itself once a person puts it right", async () => {
        const { symbol, created } = await seedRecommendations(1);
        await edit("recommendations", created[0]!.id, { status: "Maybe later" });
        await edit("recommendations", created[0]!.id, { status: "implemented" });
        const { items, needsAttention } = await readAll(repos.recommendations, bySymbol(symbol));
        expect(needsAttention).toEqual([]);
        expect(items.map((r) => [r.id, r.status])).toEqual([[created[0]!.id, "implemented"]]);
      });

      it("is fixed by an update with its eTag; a fix that leaves it invalid or a stale eTag writes nothing", async () => {
        const { symbol, created } = await seedRecommendations(1);
        const id = created[0]!.id;
        await edit("recommendations", id, { status: "Maybe later", cycle: "four" });
        const [row] = (await readAll(repos.recommendations, bySymbol(symbol))).needsAttention;
        await expect(repos.recommendations.update(id, { status: "in-progress" }, row!.eTag!)).rejects.toBeInstanceOf(ValidationError);
        await expect(repos.recommendations.update(id, { status: "in-progress", cycle: 4 }, created[0]!.eTag)).rejects.toBeInstanceOf(ConcurrencyError);
        expect((await readAll(repos.recommendations, bySymbol(symbol))).needsAttention.map((r) => r.eTag)).toEqual([row!.eTag]);
        const fixed = await repos.recommendations.update(id, { status: "in-progress", cycle: 4 }, row!.eTag!);
        expect(fixed).toMatchObject({ id, status: "in-progress", cycle: 4, text: created[0]!.text });
        const after = await readAll(repos.recommendations, bySymbol(symbol));
        expect(after.needsAttention).toEqual([]);
        expect(after.items).toEqual([fixed]);
      });
    });

    // Only a store that can be made to answer them has these (the in-memory one has no such faults).
    if (injectFault) describe("when the store answers with a fault", () => {
      const fault = (kind: "concurrent-change" | "access-denied") => injectFault(kind);

      it("an update that raced another write asks the caller to reload, and changes nothing", async () => {
        const created = await repos.ministries.create({ name: `Ministry of Labour ${uniqueTag()}`, acronym: "MOL" });
        await fault("concurrent-change");
        const error = await repos.ministries.update(created.id, { acronym: "LAB" }, created.eTag).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).not.toBeInstanceOf(ConflictError);
        await expect(repos.ministries.get(created.id)).resolves.toEqual(created);
        await expect(repos.ministries.update(created.id, { acronym: "LAB" }, created.eTag)).resolves.toMatchObject({ acronym: "LAB" });
      });

      it("a bulk update that raced another write fails that record alone, as a concurrent change, not a duplicate", async () => {
        const tag = uniqueTag();
        const [first, second] = await Promise.all([repos.ministries.create({ name: `Ministry of Energy ${tag}` }), repos.ministries.create({ name: `Ministry of Mines ${tag}` })]);
        await fault("concurrent-change");
        const results = await repos.ministries.updateMany([
          { id: first.id, changes: { acronym: "ME" }, eTag: first.eTag },
          { id: second.id, changes: { acronym: "MM" }, eTag: second.eTag },
        ]);
        const failed = results.filter((r) => !r.ok);
        expect(failed).toHaveLength(1);
        expect(failed[0]!.ok ? undefined : failed[0]!.error).toBeInstanceOf(ConcurrencyError);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
      });

      it("a store that refuses the app is forbidden, not missing, and nothing is written", async () => {
        const name = `Ministry of Culture ${uniqueTag()}`;
        await fault("access-denied");
        await expect(repos.ministries.create({ name })).rejects.toBeInstanceOf(ForbiddenError);
        const page = await repos.ministries.query({ where: [{ field: "name", op: "eq", value: name }] });
        expect(page.items).toEqual([]);
      });
    });
  });
}
