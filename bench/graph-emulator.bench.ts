/**
 * The Graph emulator at the sizes the product's benchmarks use: 1,000 items written through
 * $batch against one request per item, a 5,000-item list read page by page, an indexed filter
 * against a non-indexed one on that list, and an unchanged delta poll.
 */
import { startGraphEmulator, type RunningGraphEmulator } from "../graph/emulator";
import { testClient, type EmulatorTestClient } from "../graph/emulator/test-client";
import { result, timed, type Benchmark, type BenchResult } from "./harness";

const PREFER = { prefer: "HonorNonIndexedQueriesWarningMayFailRandomly" };

async function withEmulator<T>(work: (emulator: RunningGraphEmulator, client: EmulatorTestClient) => Promise<T>): Promise<T> {
  const emulator = await startGraphEmulator();
  const client = testClient(emulator);
  try {
    return await work(emulator, client);
  } finally {
    await client.close();
    await emulator.stop();
  }
}

async function newList(emulator: RunningGraphEmulator, client: EmulatorTestClient): Promise<string> {
  const site = emulator.createSite();
  const list = await client.call("POST", `/sites/${site.id}/lists`, {
    body: {
      displayName: "Recommendations",
      columns: [
        { name: "Key", text: {}, indexed: true, enforceUniqueValues: true },
        { name: "Status", choice: { choices: ["open", "closed"] }, indexed: true },
        { name: "Body", text: { allowMultipleLines: true } },
        { name: "Cycle", number: {} },
      ],
    },
  });
  return `sites/${site.id}/lists/${list.json.id}`;
}

function fields(i: number) {
  return { Title: `Recommendation ${i}`, Key: `A/HRC/54/${i}`, Status: i % 10 === 0 ? "closed" : "open", Body: "Ensure access to justice. ".repeat(8), Cycle: i % 4 };
}

async function batchCreate(client: EmulatorTestClient, list: string, from: number, count: number): Promise<void> {
  for (let start = from; start < from + count; start += 20) {
    const requests = Array.from({ length: Math.min(20, from + count - start) }, (_, k) => ({
      id: String(k + 1),
      method: "POST",
      url: `/${list}/items`,
      headers: { "content-type": "application/json" },
      body: { fields: fields(start + k) },
    }));
    const reply = await client.call("POST", "/$batch", { body: { requests } });
    if (reply.status !== 200 || reply.json.responses.some((r: { status: number }) => r.status !== 201)) throw new Error("A batch write failed.");
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: "graph-emulator-bulk-create",
    async run() {
      return withEmulator(async (emulator, client) => {
        const oneByOneList = await newList(emulator, client);
        const oneByOne = await timed(async () => {
          for (let i = 0; i < 1000; i++) {
            const reply = await client.call("POST", `/${oneByOneList}/items`, { body: { fields: fields(i) } });
            if (reply.status !== 201) throw new Error("A write failed.");
          }
        });
        const batchList = await newList(emulator, client);
        emulator.resetCounters();
        const batched = await timed(() => batchCreate(client, batchList, 0, 1000));
        const counters = emulator.counters();
        return [
          result("graph-emulator-batch-create-1000", batched.ms, "ms", { ideal: oneByOne.ms, baseline: "1,000 single POSTs" }),
          result("graph-emulator-batch-create-1000-requests", counters.requests, "requests", { ideal: 50 }),
        ];
      });
    },
  },
  {
    name: "graph-emulator-large-list",
    async run() {
      return withEmulator(async (emulator, client) => {
        const list = await newList(emulator, client);
        await batchCreate(client, list, 0, 5000);
        emulator.resetCounters();
        let count = 0;
        const paged = await timed(async () => {
          let url: string | undefined = `/${list}/items?$expand=fields&$top=200`;
          while (url) {
            const page: Awaited<ReturnType<EmulatorTestClient["call"]>> = await client.call("GET", url);
            count += page.json.value.length;
            url = page.json["@odata.nextLink"];
          }
        });
        if (count !== 5000) throw new Error(`Paging returned ${count} items.`);
        const pages = emulator.counters().requests;
        const onePage = await timed(() => client.call("GET", `/${list}/items?$expand=fields&$top=5000`));
        const indexed = await timed(async () => {
          for (let i = 0; i < 50; i++) await client.call("GET", `/${list}/items?$expand=fields&$filter=fields/Key eq 'A/HRC/54/${i * 97}'`);
        });
        const scanned = await timed(async () => {
          for (let i = 0; i < 50; i++) await client.call("GET", `/${list}/items?$expand=fields&$filter=fields/Title eq 'Recommendation ${i * 97}'`, { headers: PREFER });
        });
        const sync = await client.call("GET", `/${list}/items/delta?$top=5000`);
        let deltaLink: string | undefined = sync.json["@odata.deltaLink"];
        let next: string | undefined = sync.json["@odata.nextLink"];
        while (next) {
          const page: Awaited<ReturnType<EmulatorTestClient["call"]>> = await client.call("GET", next);
          deltaLink = page.json["@odata.deltaLink"];
          next = page.json["@odata.nextLink"];
        }
        emulator.resetCounters();
        const poll = await timed(() => client.call("GET", deltaLink!));
        const results: BenchResult[] = [
          result("graph-emulator-read-5000-paged", paged.ms, "ms", { ideal: onePage.ms, baseline: "one $top=5000 page" }),
          result("graph-emulator-read-5000-requests", pages, "requests", { ideal: 25 }),
          result("graph-emulator-indexed-filter-5000", indexed.ms / 50, "ms", { ideal: scanned.ms / 50, baseline: "non-indexed filter (full scan)" }),
          result("graph-emulator-unchanged-delta-poll", emulator.counters().requests, "requests", { ideal: 1, ms: Math.round(poll.ms * 1000) / 1000 }),
        ];
        return results;
      });
    },
  },
];
