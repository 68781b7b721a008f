import type { DocumentStore } from "../../core/ports/document-store";
import type { Repositories } from "../../core/ports/repository";
import type { GraphClient } from "../client/graph-client";
import { SharePointDocumentStore } from "../drive/document-store";
import { provisionSite, type ProvisionReport } from "./provision";
import { createSharePointRepositories } from "./repositories";
import { loadSiteLists, resolveSiteId, type SiteAddress, type SiteLists } from "./site";

export interface SharePointStore {
  siteId: string;
  site: SiteLists;
  repositories: Repositories;
  documents: DocumentStore;
  /** Present when the store was opened with `provision: true`. */
  provisioned?: ProvisionReport;
}

/** The mechanism's site, its lists as core repositories and its libraries as a document store. */
export async function openSharePointStore(client: GraphClient, address: SiteAddress | { id: string }, options: { provision?: boolean } = {}): Promise<SharePointStore> {
  const siteId = await resolveSiteId(client, address);
  const provisioned = options.provision ? await provisionSite(client, siteId) : undefined;
  const site = await loadSiteLists(client, siteId);
  return {
    siteId,
    site,
    repositories: createSharePointRepositories(client, site),
    documents: new SharePointDocumentStore(client, site),
    provisioned,
  };
}
