import type { Clock } from "../ports/clock";
import type { Directory } from "../ports/directory";
import type { DocumentStore } from "../ports/document-store";
import type { Repositories } from "../ports/repository";
import type { DraftRenderer } from "../drafting/draft-content";

/** The ports a use case may need; each use case names the ones it uses. */
export interface UseCaseDeps {
  repos: Repositories;
  clock: Clock;
  directory: Directory;
  documents: DocumentStore;
  renderer: DraftRenderer;
}
