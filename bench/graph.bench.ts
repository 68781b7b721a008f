/**
 * Graph adapters against the local emulator: how many requests reading, bulk-creating and
 * polling cost, against the fewest possible, and how long each takes.
 */
import { queryAll } from "../core/ports/repository";
import { type RECORD_KINDS } from "../core/records/kinds";
import { SAMPLE_INPUTS } from "../core/testing/samples";
import { MAX_BATCH_SIZE } from "../graph/client/graph-client";
import { ListDeltaView } from "../graph/sharepoint/delta-view";
import { DEFAULT_PAGE_SIZE, type SharePointListRepository } from "../graph/sharepoint/list-repository";
import { startEmulatedSite } from "../tests/support/emulated-site";
import { result, timed, type Benchmark } from "./harness";

export const benchmarks: Benchmark[] = [
  {
    name: "graph",
    async run() {
      const site = await startEmulatedSite();
      try {
        const store = await site.open();
        const repos = store.repositories;

        site.emulator.resetCounters();
        const create = await timed(() => repos.recommendations.createMany(Array.from({ length: 1000 }, (_, i) => SAMPLE_INPUTS.recommendations(`b${i}`))));
        const createRequests = site.emulator.counters().requests;
        if (create.value.some((r) => !r.ok)) throw new Error("bulk create failed");

        // 4,000 more, so that the list holds 5,000 items.
        await repos.recommendations.createMany(Array.from({ length: 4000 }, (_, i) => SAMPLE_INPUTS.recommendations(`c${i}`)));
        site.emulator.resetCounters();
        const read = await timed(() => queryAll(repos.recommendations));
        const readRequests = site.emulator.counters().requests;
        if (read.value.length !== 5000) throw new Error(`read ${read.value.length} items`);

        const view = new ListDeltaView(site.client, repos.recommendations as unknown as SharePointListRepository<typeof RECORD_KINDS.recommendations.schema>);
        await view.refresh();
        site.emulator.resetCounters();
        const poll = await timed(() => view.refresh());
        const pollRequests = site.emulator.counters().requests;

        return [
          result("graph-read-5000-items-requests", readRequests, "requests", { ideal: Math.ceil(5000 / DEFAULT_PAGE_SIZE), target: 1.05, pageSize: DEFAULT_PAGE_SIZE }),
          result("graph-read-5000-items-time", read.ms, "ms"),
          result("graph-create-1000-items-requests", createRequests, "requests", { ideal: Math.ceil(1000 / MAX_BATCH_SIZE), target: 1.05 }),
          result("graph-create-1000-items-time", create.ms, "ms"),
          result("graph-unchanged-delta-poll-requests", pollRequests, "requests", { ideal: 1, target: 1.05 }),
          result("graph-unchanged-delta-poll-time", poll.ms, "ms"),
        ];
      } finally {
        await site.stop();
      }
    },
  },
];
