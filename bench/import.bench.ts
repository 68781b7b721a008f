/**
 * Importing a 5,000-row UHRI export: preview and commit time, and the Graph requests commit
 * makes against the ideal (ceil(5000/20) = 250 $batch requests for the recommendations).
 *
 * The store is a factory, so the same benchmark runs against any `Repositories`:
 * - `in-memory`: the in-memory repositories with Graph's requests modelled (a query page is one
 *   request, createMany/updateMany of n items are ceil(n/20) $batch requests, get/create/update
 *   one each: what the Graph repositories are built to do);
 * - `emulator`: the Graph repositories against the local Graph emulator, counting the HTTP
 *   requests the emulator received (a $batch counts once).
 */
import ExcelJS from "exceljs";
import type { Actor } from "../core/auth/policy";
import { FakeClock } from "../core/in-memory/fakes";
import { StaticTokenProvider } from "../graph/client/auth";
import { createGraphClient } from "../graph/client/graph-client";
import { startGraphEmulator } from "../graph/emulator";
import { openSharePointStore } from "../graph/sharepoint/open-store";
import { createInMemoryRepositories } from "../core/in-memory/in-memory-repositories";
import type { Repositories } from "../core/ports/repository";
import { UHRI_COLUMNS, type ValidRow } from "../core/import";
import { commitImport, previewImport } from "../core/import/import-recommendations";
import { readImportFile } from "../importers";
import { peakMemoryMB, result, timed, type Benchmark, type BenchResult } from "./harness";

const ROWS = 5000;
const GRAPH_BATCH = 20;

export interface RequestCount {
  total: number;
  /** What the total is made of, as far as the store can tell (reads, $batch requests per list…). */
  detail: Record<string, number>;
}

export interface BenchStore {
  repositories: Repositories;
  /** Graph requests made so far. */
  requests(): RequestCount;
  close?(): Promise<void>;
}

function difference(after: RequestCount, before: RequestCount): RequestCount {
  const detail: Record<string, number> = {};
  for (const [key, value] of Object.entries(after.detail)) {
    const delta = value - (before.detail[key] ?? 0);
    if (delta) detail[key] = delta;
  }
  return { total: after.total - before.total, detail };
}

export type StoreFactory = () => Promise<BenchStore>;

/** In-memory repositories counting the requests the Graph repositories would make. */
export const inMemoryGraphModel: StoreFactory = async () => {
  const repositories = createInMemoryRepositories();
  const counts = { reads: 0, recommendationWrites: 0, auditWrites: 0 };
  const count = (name: keyof Repositories, writes: number) => {
    if (name === "recommendations") counts.recommendationWrites += writes;
    else if (name === "audit") counts.auditWrites += writes;
  };
  const counted = {} as Record<keyof Repositories, unknown>;
  for (const name of Object.keys(repositories) as (keyof Repositories)[]) {
    const repository = repositories[name] as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    counted[name] = new Proxy(repository, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== "function") return value;
        return async (...args: unknown[]) => {
          if (property === "query" || property === "get") counts.reads += 1;
          else if (property === "createMany" || property === "updateMany") count(name, Math.ceil((args[0] as unknown[]).length / GRAPH_BATCH));
          else if (property === "create" || property === "update") count(name, 1);
          return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        };
      },
    });
  }
  return {
    repositories: counted as unknown as Repositories,
    requests: () => ({
      total: counts.reads + counts.recommendationWrites + counts.auditWrites,
      detail: { reads: counts.reads, recommendationBatches: counts.recommendationWrites, auditBatches: counts.auditWrites },
    }),
  };
};

/** The Graph repositories on a fresh, provisioned site of the local Graph emulator. */
export const graphEmulatorStore: StoreFactory = async () => {
  const emulator = await startGraphEmulator();
  const client = createGraphClient({
    endpoint: emulator.origin,
    auth: new StaticTokenProvider(emulator.accessToken),
    trustedCa: emulator.caCertificate,
    retry: { baseDelayMs: 5, maxDelayMs: 50, maxRetries: 12 },
  });
  const site = emulator.createSite();
  const store = await openSharePointStore(client, { id: site.id }, { provision: true });
  emulator.resetCounters();
  return {
    repositories: store.repositories,
    requests: () => {
      const counters = emulator.counters();
      return { total: counters.requests, detail: { ...counters.byKind, batchInner: counters.batchInner } };
    },
    close: async () => {
      await client.close();
      await emulator.stop();
    },
  };
};

const secretariat: Actor = { userId: "bench", displayName: "Benchmark", roles: ["Secretariat"], ministryIds: [] };

/** A UHRI export of `rows` UPR recommendations in the export's column layout. */
async function uhriExport(rows: number, variant = 0): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Recommendations");
  sheet.addRow([...UHRI_COLUMNS]);
  const themes = ["Equality & non-discrimination", "Right to health", "Right to education", "Migrants", "Violence against women", "Children: definition; general principles; protection"];
  const states = ["Chile", "Portugal", "Maldives", "Kenya", "Viet Nam", "Bolivarian Republic of Venezuela", "Iceland"];
  for (let index = 0; index < rows; index += 1) {
    const paragraph = `${140 + Math.floor(index / 1000)}.${(index % 1000) + 1}`;
    const recommending = [states[index % states.length]!, states[(index * 3 + 1) % states.length]!];
    const changed = variant > 0 && index % 10 === 0;
    const record: Record<string, string | number> = {
      Text: `${paragraph} Continue efforts to ensure equal access to services for everyone, including persons in vulnerable situations, number ${index} (${recommending.join(") (")});`,
      "Countries Concerned": "- Slovenia",
      "Reccomending Body": "UPR",
      "Document Symbol": `A/HRC/${59 + Math.floor(index / 2000)}/15`,
      Themes: [themes[index % themes.length], themes[(index + 2) % themes.length]].map((t) => `- ${t}`).join("\n"),
      "Affected Persons": "- Public officials\n- Women & girls",
      Sdgs: changed ? "- 5 - GENDER EQUALITY\n- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS" : "- 10 - REDUCED INEQUALITIES\n- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
      "Document Publication Date": 45758,
      "UPR Reccomending States": recommending.map((s) => `- ${s}`).join("\n"),
      "UPR Position": changed ? "Noted" : index % 7 === 0 ? "Noted" : "Supported",
      Type: "Recommendation",
      "OHCHR Annotation Id": `ann-${index}`,
      "UPR Session": 48,
      "Regions Concerned": "- Eastern European States",
      "Recommending Regions": "- Western European and other States",
      "Date of publication on UHRI": 45800,
    };
    sheet.addRow(UHRI_COLUMNS.map((column) => record[column] ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The benchmark against one store factory (`label` names the store in the results). */
export function importBenchmark(label: string, factory: StoreFactory): Benchmark {
  return {
    name: `import-uhri-${ROWS}-${label}`,
    async run(): Promise<BenchResult[]> {
      const original = await uhriExport(ROWS);
      const revised = await uhriExport(ROWS, 1);
      const results: BenchResult[] = [];
      const name = (what: string) => `import-uhri-${ROWS}-${what}-${label}`;

      // Baseline for preview: reading the same workbook with exceljs alone, the floor of any preview.
      const excelOnly = await timed(async () => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(original as unknown as ExcelJS.Buffer);
        return workbook.worksheets[0]!.rowCount;
      });

      const store = await factory();
      const deps = { repos: store.repositories, clock: new FakeClock() };
      const preview = await timed(async () => previewImport(deps, secretariat, await readImportFile(original, { fileName: "uhri.xlsx" })));
      if (preview.value.new !== ROWS) throw new Error(`the preview found ${preview.value.new} new rows, not ${ROWS}`);
      results.push(result(name("preview"), preview.ms, "ms", { ideal: excelOnly.ms, baseline: "reading the workbook with exceljs alone" }));

      const parsed = await readImportFile(original, { fileName: "uhri.xlsx" });
      const before = store.requests();
      const commit = await timed(() => commitImport(deps, secretariat, parsed));
      const after = store.requests();
      if (commit.value.created !== ROWS) throw new Error(`the commit created ${commit.value.created}, not ${ROWS}`);

      // Baseline for commit: the bare bulk create of the same records into an empty store.
      const bare = await factory();
      const inputs = parsed.rows.filter((row): row is ValidRow => row.ok).map((row) => row.fields);
      const bareWrite = await timed(() => bare.repositories.recommendations.createMany(inputs));
      await bare.close?.();
      results.push(result(name("commit"), commit.ms, "ms", { ideal: bareWrite.ms, baseline: "one bare createMany of the 5,000 records (no read, no audit)" }));

      const ideal = Math.ceil(ROWS / GRAPH_BATCH);
      const committed = difference(after, before);
      results.push(
        result(name("commit-requests"), committed.total, "requests", {
          ideal,
          ...committed.detail,
          note: "everything commit sends: the read of the stored list, the recommendations ($batch of 20), one audit entry per bulk write of 500; ideal = ceil(5000/20) for the recommendations alone",
        }),
      );

      const revisedParsed = await readImportFile(revised, { fileName: "uhri-revised.xlsx" });
      const beforeRevision = store.requests();
      const reimport = await timed(() => commitImport(deps, secretariat, revisedParsed));
      const afterRevision = store.requests();
      const changed = reimport.value.updated;
      const revision = difference(afterRevision, beforeRevision);
      results.push(
        result(name("reimport-10pct-changed"), reimport.ms, "ms", { ideal: commit.ms, baseline: "the first commit", updated: changed, unchanged: reimport.value.unchanged }),
        result(name("reimport-10pct-changed-requests"), revision.total, "requests", { ideal: Math.ceil(changed / GRAPH_BATCH), ...revision.detail }),
        result(name("peak-memory"), peakMemoryMB(), "MB"),
      );
      await store.close?.();
      return results;
    },
  };
}

export const benchmarks: Benchmark[] = [importBenchmark("in-memory", inMemoryGraphModel), importBenchmark("emulator", graphEmulatorStore)];
