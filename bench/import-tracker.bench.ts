/**
 * Reading and importing a secretariat's own sources, in their own process (peak memory is this
 * file's own):
 * - the OHCHR thematic list of the fixture (254 recommendations) read in process, against a bare
 *   jszip + DOM parse of the same document.xml (the floor of any reader of that file);
 * - a 50,000-row tracker (CSV, one row per recommending State for a fifth of them, positions as
 *   words to translate): read + preview and commit times, the Graph requests commit makes
 *   against the ideal (ceil(rows/20) $batch requests for the recommendations), peak memory.
 * The store is the in-memory repositories counting the requests the Graph repositories make
 * (see import.bench.ts); the emulator's own figures for 5,000 rows are in import.bench.ts.
 */
import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import type { Actor } from "../core/auth/policy";
import { FakeClock } from "../core/in-memory/fakes";
import { commitImport, previewImport } from "../core/import/import-recommendations";
import { readImportFile } from "../importers";
import { thematicListFixture } from "../tests/import/support/files";
import { median, peakMemoryMB, result, timed, type Benchmark, type BenchResult } from "./harness";
import { inMemoryGraphModel } from "./import.bench";

const secretariat: Actor = { userId: "bench", displayName: "Benchmark", roles: ["Secretariat"], ministryIds: [] };
const GRAPH_BATCH = 20;
/** 50,000 by default (the figure); NMIRF_BENCH_TRACKER_ROWS for a quicker run on a busy machine. */
const TRACKER_ROWS = Number(process.env.NMIRF_BENCH_TRACKER_ROWS ?? 50_000);
const RUNS = 5;

const ohchrList: Benchmark = {
  name: "import-ohchr-list-in-process",
  async run(): Promise<BenchResult[]> {
    const bytes = thematicListFixture();
    // Warm once (module loading, JIT), then the median of a few runs of each.
    await readImportFile(bytes, { fileName: "list.docx" });
    const product: number[] = [];
    const bare: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const read = await timed(() => readImportFile(bytes, { fileName: "list.docx" }));
      if (read.value.rows.length !== 254) throw new Error(`read ${read.value.rows.length} rows, not 254`);
      product.push(read.ms);
      const floor = await timed(async () => {
        const zip = await JSZip.loadAsync(bytes);
        const xml = await zip.file("word/document.xml")!.async("string");
        return new DOMParser().parseFromString(xml, "text/xml").getElementsByTagName("w:tr").length;
      });
      bare.push(floor.ms);
    }
    return [result("import-ohchr-list-254-read", median(product), "ms", { ideal: median(bare), baseline: "jszip + @xmldom parse of word/document.xml alone (no rows read)", runs: RUNS })];
  },
};

/** A tracker of `rows` data rows: text,document,decision,From,year; every fifth recommendation repeated for a second State. */
function trackerCsv(rows: number, variant = 0): Buffer {
  const words = ["support", "Aceptada", "Acceptée", "consider", "reject", "noted", "implemented"];
  const states = ["Chile", "Portugal", "Maldives", "Kenya", "Viet Nam", "France", "Iceland", "Spain"];
  const lines = ["text,document,decision,From,year"];
  let recommendation = 0;
  while (lines.length <= rows) {
    const paragraph = `${100 + Math.floor(recommendation / 1000)}.${(recommendation % 1000) + 1}`;
    const symbol = `A/HRC/${20 + Math.floor(recommendation / 5000)}/15`;
    const word = variant && recommendation % 10 === 0 ? "reject" : words[recommendation % words.length]!;
    const text = `"${paragraph} Continue efforts to ensure equal access to services for everyone, number ${recommendation} (${states[recommendation % states.length]});"`;
    lines.push(`${text},${symbol},${word},${states[recommendation % states.length]},2014`);
    if (recommendation % 5 === 0 && lines.length <= rows) lines.push(`${text},${symbol},${word},${states[(recommendation + 3) % states.length]},2014`);
    recommendation += 1;
  }
  return Buffer.from(lines.join("\r"), "latin1");
}

const MAPPING = {
  columns: { text: "text", documentSymbol: "document", position: "decision", recommendingStates: "From", session: "year" },
  values: { position: { consider: "noted", implemented: "" } },
  defaults: { mechanism: "UPR" },
  oneRowPerState: true,
};

const tracker50k: Benchmark = {
  name: `import-tracker-${TRACKER_ROWS}`,
  async run(): Promise<BenchResult[]> {
    const name = (what: string) => `import-tracker-${TRACKER_ROWS}-${what}-in-memory`;
    const file = trackerCsv(TRACKER_ROWS);
    const store = await inMemoryGraphModel();
    const deps = { repos: store.repositories, clock: new FakeClock() };

    const read = await timed(() => readImportFile(file, { fileName: "tracker.csv", mapping: MAPPING }));
    const preview = await timed(() => previewImport(deps, secretariat, read.value));
    const recommendations = preview.value.new;
    const results: BenchResult[] = [
      result(name("read"), read.ms, "ms", { rows: TRACKER_ROWS, recommendations }),
      result(name("preview"), read.ms + preview.ms, "ms", { ideal: read.ms, baseline: "reading the file alone", rows: TRACKER_ROWS }),
    ];

    const before = store.requests();
    const commit = await timed(() => commitImport(deps, secretariat, read.value));
    const after = store.requests();
    if (commit.value.created !== recommendations) throw new Error(`the commit created ${commit.value.created}, not ${recommendations}`);
    results.push(
      result(name("commit"), commit.ms, "ms", { created: commit.value.created }),
      result(name("commit-requests"), after.total - before.total, "requests", {
        ideal: Math.ceil(recommendations / GRAPH_BATCH),
        note: "the read of the stored list, the recommendations ($batch of 20), one audit entry per bulk write of 500; ideal = the recommendations' batches alone",
      }),
    );

    // The same tracker again, a tenth of its positions changed, a tenth of those unticked.
    const revised = await readImportFile(trackerCsv(TRACKER_ROWS, 1), { fileName: "tracker.csv", mapping: MAPPING });
    const plan = await previewImport(deps, secretariat, revised);
    const changedRows = plan.rows.filter((row) => row.outcome === "changed");
    const skip = changedRows.filter((_, index) => index % 10 === 0).map((row) => ({ row: row.row, fields: ["position"] }));
    const beforeRevision = store.requests();
    const reimport = await timed(() => commitImport(deps, secretariat, revised, { skip }));
    const afterRevision = store.requests();
    results.push(
      result(name("reimport-unticked"), reimport.ms, "ms", { ideal: commit.ms, baseline: "the first commit", updated: reimport.value.updated, skipped: reimport.value.skipped }),
      result(name("reimport-unticked-requests"), afterRevision.total - beforeRevision.total, "requests", { ideal: Math.ceil(reimport.value.updated / GRAPH_BATCH) }),
      result(name("peak-memory"), peakMemoryMB(), "MB"),
    );
    return results;
  },
};

export const benchmarks: Benchmark[] = process.env.NMIRF_BENCH_ONLY === "tracker" ? [tracker50k] : [ohchrList, tracker50k];
