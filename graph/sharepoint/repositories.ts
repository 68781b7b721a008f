import { RECORD_KINDS, type RecordKind, type RecordName } from "../../core/records/kinds";
import type { Repositories } from "../../core/ports/repository";
import type { GraphClient } from "../client/graph-client";
import { SharePointListRepository } from "./list-repository";
import { listOfKind } from "./schema";
import { listIdOf, type SiteLists } from "./site";

/** Every core repository over the site's lists (run provisioning first). */
export function createSharePointRepositories(client: GraphClient, site: SiteLists): Repositories {
  const build = (name: RecordName) => {
    const list = listOfKind(name);
    const location = { siteId: site.siteId, listId: listIdOf(site, list.title) };
    const kind = RECORD_KINDS[name] as RecordKind;
    return new SharePointListRepository(client, location, list, kind);
  };
  // One per record kind, so that a kind added to core gets its list's repository here too.
  return Object.fromEntries((Object.keys(RECORD_KINDS) as RecordName[]).map((name) => [name, build(name)])) as unknown as Repositories;
}
