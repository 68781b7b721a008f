import { NotFoundError } from "../../core/errors";
import type { GraphClient } from "../client/graph-client";
import { translate } from "../client/errors";
import type { ListName } from "./schema";

/** Where the mechanism's site is: its host name and server-relative path, e.g. contoso.sharepoint.com + /sites/nmirf. */
export interface SiteAddress {
  hostname: string;
  path: string;
}

export interface SiteLists {
  siteId: string;
  lists: Map<string, { id: string; driveId?: string }>;
}

/** The site's composite id (graph-contract.md 1.1, 1.2). */
export async function resolveSiteId(client: GraphClient, site: SiteAddress | { id: string }): Promise<string> {
  if ("id" in site) return site.id;
  const path = site.path.startsWith("/") ? site.path : `/${site.path}`;
  try {
    const found = (await client.api(`/sites/${site.hostname}:${path}`).select("id").get()) as { id: string };
    return found.id;
  } catch (error) {
    return translate(error, { entity: "Site", id: `${site.hostname}${path}` });
  }
}

/** The site's lists and libraries by title, with each library's drive id. */
export async function loadSiteLists(client: GraphClient, siteId: string): Promise<SiteLists> {
  const lists = new Map<string, { id: string; driveId?: string }>();
  try {
    for await (const page of client.pages<{ id: string; displayName: string; list?: { template?: string } }>(`/sites/${siteId}/lists?$select=id,displayName,list`)) {
      for (const list of page.value) {
        const entry: { id: string; driveId?: string } = { id: list.id };
        if (list.list?.template === "documentLibrary") {
          const drive = (await client.api(`/sites/${siteId}/lists/${list.id}/drive`).select("id").get()) as { id: string };
          entry.driveId = drive.id;
        }
        lists.set(list.displayName, entry);
      }
    }
  } catch (error) {
    return translate(error, { entity: "Site", id: siteId });
  }
  return { siteId, lists };
}

export function listIdOf(site: SiteLists, title: ListName): string {
  const list = site.lists.get(title);
  if (!list) throw new NotFoundError("List", `${title} (run npx nmirf provision)`);
  return list.id;
}

export function driveIdOf(site: SiteLists, title: ListName): string {
  const list = site.lists.get(title);
  if (!list?.driveId) throw new NotFoundError("Library", `${title} (run npx nmirf provision)`);
  return list.driveId;
}
