import { createInMemoryRepositories } from "../core/in-memory/in-memory-repositories";
import { result, timed, type Benchmark } from "./harness";

/** The harness itself: bulk creating 1,000 ministries in memory, against one-by-one creation. */
export const benchmarks: Benchmark[] = [
  {
    name: "in-memory-bulk-create",
    async run() {
      const inputs = Array.from({ length: 1000 }, (_, i) => ({ name: `Ministry ${i}` }));
      const oneByOne = await timed(async () => {
        const repos = createInMemoryRepositories();
        for (const input of inputs) await repos.ministries.create(input);
      });
      const bulk = await timed(async () => {
        const repos = createInMemoryRepositories();
        await repos.ministries.createMany(inputs);
      });
      return [result("in-memory-bulk-create-1000", bulk.ms, "ms", { ideal: oneByOne.ms, baseline: "one create at a time" })];
    },
  },
];
