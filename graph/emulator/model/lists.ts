/**
 * Sites and lists (graph-contract.md sections 1–2): creating them, with their template columns,
 * a document library's drive, and each site's default "Documents" library and hidden User
 * Information List; and the JSON Graph returns for them.
 */
import { APP_USER_ID, USER_INFORMATION_LIST, type EmulatorContext } from "../context";
import { GraphHttpError, invalidRequest } from "../errors";
import { driveId, driveItemId, guid, isoSeconds } from "../ids";
import type { ListRow, SiteRow } from "../store/store";
import { columnFromBody, templateColumns, type ColumnDefinition } from "./columns";
import { identitySet, listWebUrl, siteWebUrl } from "./items";

/** Templates POST /lists accepts (2.2); anything else is "not acceptable" (2.4). */
const TEMPLATES = new Set([
  "genericList",
  "documentLibrary",
  "announcements",
  "contacts",
  "events",
  "links",
  "tasks",
  "task",
  "survey",
  "issueTracking",
  "customList",
  "pictureLibrary",
]);

/** `/sites/nmirf/` → `/sites/nmirf`; `` → `/`. */
export function normalizeSitePath(sitePath: string): string {
  const trimmed = `/${sitePath.trim().replace(/^\/+|\/+$/g, "")}`;
  return trimmed;
}

export function siteJson(context: EmulatorContext, site: SiteRow): Record<string, unknown> {
  const json: Record<string, unknown> = {
    "@odata.context": `${context.baseUrl}/$metadata#sites/$entity`,
    createdDateTime: site.created,
    description: "",
    id: site.id,
    lastModifiedDateTime: site.modified,
    name: site.name,
    webUrl: siteWebUrl(context, site),
    displayName: site.display_name,
    siteCollection: { hostname: site.hostname },
  };
  if (site.path === "/") json.root = {};
  return json;
}

/** Creates a site at a server-relative path, with its Documents library and User Information List. */
export function createSite(context: EmulatorContext, sitePath: string): SiteRow {
  const { store } = context;
  const path = normalizeSitePath(sitePath);
  const existing = store.siteByPath(context.hostname, path);
  if (existing) throw new GraphHttpError(409, "nameAlreadyExists", `A site already exists at '${path}'.`);
  const now = isoSeconds(context.now());
  const siteGuid = guid();
  const webGuid = guid();
  const name = path === "/" ? "" : path.split("/").pop()!;
  const site: SiteRow = {
    id: `${context.hostname},${siteGuid},${webGuid}`,
    hostname: context.hostname,
    path,
    site_guid: siteGuid,
    web_guid: webGuid,
    display_name: path === "/" ? "Communication site" : name,
    name,
    created: now,
    modified: now,
  };
  store.transaction(() => {
    store.insertSite(site);
    createList(context, site, { displayName: "Documents", list: { template: "documentLibrary" } }, { urlName: "Shared Documents" });
    const users = createList(
      context,
      site,
      {
        displayName: USER_INFORMATION_LIST,
        list: { template: "genericList", hidden: true },
        columns: [
          { name: "EMail", text: {}, indexed: true },
          { name: "UserName", text: {}, indexed: true },
        ],
      },
      { system: true, urlName: "users" },
    );
    // The app-only caller, author of everything the app writes.
    store.insertItem({
      list_id: users.id,
      id: APP_USER_ID,
      guid: guid(),
      version: 1,
      content_type: "Person",
      created: now,
      modified: now,
      author: APP_USER_ID,
      editor: APP_USER_ID,
      fields: JSON.stringify({ Title: "SharePoint App", UserName: "app@sharepoint" }),
      seq: store.nextSeq(),
    });
  });
  return site;
}

/** Adds a person to a site's User Information List; returns their lookup id (4.2.5). */
export function addSiteUser(context: EmulatorContext, site: SiteRow, user: { displayName: string; email: string }): number {
  const { store } = context;
  const list = store.listByTitle(site.id, USER_INFORMATION_LIST);
  if (!list) throw new Error("The site has no User Information List.");
  const existing = store.db
    .prepare(`SELECT id FROM items WHERE list_id = ? AND json_extract(fields, '$."EMail"') = ? COLLATE NOCASE`)
    .get(list.id, user.email) as { id: number } | undefined;
  if (existing) return existing.id;
  const now = isoSeconds(context.now());
  const id = store.takeItemId(list.id);
  store.insertItem({
    list_id: list.id,
    id,
    guid: guid(),
    version: 1,
    content_type: "Person",
    created: now,
    modified: now,
    author: APP_USER_ID,
    editor: APP_USER_ID,
    fields: JSON.stringify({ Title: user.displayName, EMail: user.email, UserName: user.email }),
    seq: store.nextSeq(),
  });
  return id;
}

/** A list's URL segment: its title without the characters SharePoint refuses in URLs. */
function urlNameOf(displayName: string): string {
  return displayName.replace(/[~"#%&*:<>?/\\{|}]/g, "").trim() || "List";
}

export interface CreateListOptions {
  urlName?: string;
  system?: boolean;
}

/** POST /sites/{id}/lists (2.3, 2.4): a list with its template columns and the columns given. */
export function createList(context: EmulatorContext, site: SiteRow, body: Record<string, unknown>, options: CreateListOptions = {}): ListRow {
  const { store, behaviour } = context;
  if (body.name !== undefined) {
    throw invalidRequest("Cannot define a 'name' for a list as it is assigned by the server. Instead, provide 'displayName'");
  }
  const displayName = body.displayName;
  if (typeof displayName !== "string" || displayName.trim() === "") throw invalidRequest("A list needs a 'displayName'.");
  const facet = (body.list ?? {}) as Record<string, unknown>;
  if (typeof facet !== "object" || Array.isArray(facet)) throw invalidRequest("One of the provided arguments is not acceptable.");
  const template = facet.template === undefined ? "genericList" : facet.template;
  if (typeof template !== "string" || !TEMPLATES.has(template)) throw invalidRequest("One of the provided arguments is not acceptable.");
  if (store.listByTitle(site.id, displayName.trim())) {
    const { status, code } = behaviour.duplicateListTitle;
    throw new GraphHttpError(status, code, "A list, survey, discussion board, or document library with the specified title already exists in this Web site.");
  }
  const columnsBody = body.columns ?? [];
  if (!Array.isArray(columnsBody)) throw invalidRequest("'columns' must be an array of column definitions.");
  const now = isoSeconds(context.now());
  const list: ListRow = {
    id: guid(),
    site_id: site.id,
    display_name: displayName.trim(),
    url_name: options.urlName ?? urlNameOf(displayName),
    description: typeof body.description === "string" ? body.description : "",
    template,
    hidden: facet.hidden === true ? 1 : 0,
    system: options.system ? 1 : 0,
    created: now,
    modified: now,
    next_item_id: 1,
    delta_epoch: 0,
    drive_id: template === "documentLibrary" ? driveId() : null,
  };
  const columns: ColumnDefinition[] = templateColumns(template).map((column) => ({ ...column, id: guid() }));
  const check = { listExists: (id: string) => store.listById(id)?.site_id === site.id, uniqueRequiresIndex: behaviour.uniqueRequiresIndex };
  for (const raw of columnsBody) {
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw invalidRequest("'columns' must be an array of column definitions.");
    const column = columnFromBody(raw as Record<string, unknown>, guid(), check);
    columns.push(withFreeName(columns, column));
  }
  store.transaction(() => {
    store.insertList(list);
    for (const column of columns) addColumnRow(context, list, column);
    if (list.drive_id) {
      store.insertDriveItem({
        id: driveItemId(),
        drive_id: list.drive_id,
        parent_id: null,
        name: "root",
        is_folder: 1,
        list_item_id: null,
        size: 0,
        blob_id: null,
        mime: null,
        content_version: 0,
        created: now,
        modified: now,
      });
    }
  });
  return list;
}

export function duplicateColumn(name: string): GraphHttpError {
  return invalidRequest(`A duplicate field name "${name}" was found.`);
}

/**
 * A new column's internal name next to the list's columns: a clash with a built-in column
 * (Author, Created…) gets a numeric suffix as SharePoint does (3.7: `Demo_x0020_Type0`); a
 * clash with a column created through the API is refused.
 */
export function withFreeName(columns: ColumnDefinition[], column: ColumnDefinition): ColumnDefinition {
  const taken = (name: string) => columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
  const clash = taken(column.name);
  if (!clash) return column;
  if (!clash.system && clash.name !== "Title" && clash.name !== "FileLeafRef") throw duplicateColumn(column.name);
  let n = 0;
  while (taken(`${column.name}${n}`)) n++;
  return { ...column, name: `${column.name}${n}` };
}

/** Stores a column and, when it is indexed, the SQLite index behind it. */
export function addColumnRow(context: EmulatorContext, list: ListRow, column: ColumnDefinition): void {
  context.store.insertColumn(list.id, column);
  if (column.indexed && !column.system) ensureIndex(context, column);
}

export function ensureIndex(context: EmulatorContext, column: ColumnDefinition): void {
  if (column.system) return;
  const text = column.type === "text" || column.type === "choice";
  context.store.ensureFieldIndex(column.name, text && context.behaviour.textComparison === "caseInsensitive");
}

export function listJson(context: EmulatorContext, site: SiteRow, list: ListRow): Record<string, unknown> {
  const json: Record<string, unknown> = {
    "@odata.etag": `"${list.id},0"`,
    createdDateTime: list.created,
    description: list.description,
    eTag: `"${list.id},0"`,
    id: list.id,
    lastModifiedDateTime: list.modified,
    name: list.url_name,
    webUrl: listWebUrl(context, site, list),
    displayName: list.display_name,
    createdBy: identitySet(context, site, APP_USER_ID),
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: list.hidden === 1, template: list.template },
  };
  if (list.system === 1) json.system = {};
  return json;
}
