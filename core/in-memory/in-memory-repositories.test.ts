import { describeRepositoryContract } from "../testing/repository-contract";
import { createInMemoryRepositories } from "./in-memory-repositories";

describeRepositoryContract("in memory", { setup: async () => createInMemoryRepositories() });
