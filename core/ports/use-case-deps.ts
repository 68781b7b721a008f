import type { Clock } from "./clock";
import type { Directory } from "./directory";
import type { DocumentStore } from "./document-store";
import type { Repositories } from "./repository";
import type { DraftRenderer } from "../drafts/draft-content";

/** The ports a use case may need; each use case names the ones it uses. */
export interface UseCaseDeps {
  repos: Repositories;
  clock: Clock;
  directory: Directory;
  documents: DocumentStore;
  renderer: DraftRenderer;
}
