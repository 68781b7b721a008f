/**
 * The stores the bot's end-to-end tests run on, built in one place: SharePoint lists and
 * libraries on the local Graph emulator, through the production Graph repositories.
 */
import type { FakeClock } from "../../../core/in-memory/fakes";
import type { DocumentStore } from "../../../core/ports/document-store";
import type { Repositories } from "../../../core/ports/repository";
import { startEmulatedSite } from "../../support/emulated-site";

export interface E2eBackend {
  repos: Repositories;
  documents: DocumentStore;
  close(): Promise<void>;
}

export async function createE2eBackend(_clock: FakeClock): Promise<E2eBackend> {
  const site = await startEmulatedSite();
  const store = await site.open();
  return { repos: store.repositories, documents: store.documents, close: () => site.stop() };
}
