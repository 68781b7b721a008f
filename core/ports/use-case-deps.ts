import type { Clock } from "./clock";
import type { Directory } from "./directory";
import type { DocumentStore } from "./document-store";
import type { Repositories } from "./repository";
import type { DraftRenderer } from "../drafts/draft-content";
import { DEFAULT_RULES, type MechanismRules } from "../auth/policy";
import { queryReadModels, type ReadModels } from "./read-models";

/** The ports a use case may need; each use case names the ones it uses. */
export interface UseCaseDeps {
  repos: Repositories;
  clock: Clock;
  directory: Directory;
  documents: DocumentStore;
  renderer: DraftRenderer;
  /** The mechanism's choices the policy applies; the defaults when absent. */
  rules?: MechanismRules;
  /** Whole lists kept by delta (the server's); read page by page when absent. */
  views?: ReadModels;
}

export function rulesOf(deps: { rules?: MechanismRules }): MechanismRules {
  return deps.rules ?? DEFAULT_RULES;
}

export function viewsOf(deps: { repos: Repositories; views?: ReadModels }): ReadModels {
  return deps.views ?? queryReadModels(deps.repos);
}
