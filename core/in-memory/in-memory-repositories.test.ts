import { describeRepositoryContract } from "../testing/repository-contract";
import type { Repositories } from "../ports/repository";
import { createInMemoryRepositories } from "./in-memory-repositories";
import type { InMemoryRepository } from "./in-memory-repository";

let repos: Repositories;
describeRepositoryContract("in memory", {
  setup: async () => (repos = createInMemoryRepositories()),
  editAsPerson: async (name, id, values) => {
    const changes = Object.fromEntries(Object.entries(values).map(([field, value]) => [field, value === null ? undefined : value]));
    (repos[name] as unknown as InMemoryRepository<never>).editRow(id, changes);
  },
});
