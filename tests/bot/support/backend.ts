/**
 * The stores the bot's end-to-end tests run on, built in ONE place. Today: core's in-memory
 * repositories and document store. When the Graph repositories are wired (server/), this is the
 * function to change so that the same tests run against SharePoint lists on the Graph emulator:
 * return `{ repos, documents }` built on the emulator, and `close` stopping it.
 */
import { type FakeClock, InMemoryDocumentStore } from "../../../core/in-memory/fakes";
import { createInMemoryRepositories } from "../../../core/in-memory/in-memory-repositories";
import type { DocumentStore } from "../../../core/ports/document-store";
import type { Repositories } from "../../../core/ports/repository";

export interface E2eBackend {
  repos: Repositories;
  documents: DocumentStore;
  close(): Promise<void>;
}

export async function createE2eBackend(clock: FakeClock): Promise<E2eBackend> {
  return { repos: createInMemoryRepositories(), documents: new InMemoryDocumentStore(clock), close: async () => undefined };
}
