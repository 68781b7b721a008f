import { RECORD_KINDS, type RecordKind, type RecordName } from "../records/kinds";
import type { Repositories } from "../ports/repository";
import { InMemoryRepository } from "./in-memory-repository";

/** One in-memory repository per record kind. */
export function createInMemoryRepositories(): Repositories {
  return Object.fromEntries((Object.keys(RECORD_KINDS) as RecordName[]).map((name) => [name, new InMemoryRepository(RECORD_KINDS[name] as RecordKind)])) as unknown as Repositories;
}
