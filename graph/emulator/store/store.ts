/**
 * The emulator's SQLite storage: schema and the queries on it, nothing about HTTP.
 * One process owns the database; statements are prepared once and column definitions are
 * cached per list (invalidated on every column write).
 *
 * Items keep their column values in one JSON document (`fields`); every indexed column gets an
 * expression index on `json_extract(fields, '$."Name"')`, so the equality lookups that unique
 * checks and indexed filters do stay fast on large lists.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { ColumnDefinition } from "../model/columns";

export interface SiteRow {
  id: string;
  hostname: string;
  path: string;
  site_guid: string;
  web_guid: string;
  display_name: string;
  name: string;
  created: string;
  modified: string;
}

export interface ListRow {
  id: string;
  site_id: string;
  display_name: string;
  url_name: string;
  description: string;
  template: string;
  hidden: number;
  system: number;
  created: string;
  modified: string;
  next_item_id: number;
  /** Bumped to expire every delta token issued so far (they carry the epoch they were issued in). */
  delta_epoch: number;
  drive_id: string | null;
}

export interface ItemRow {
  list_id: string;
  id: number;
  guid: string;
  version: number;
  content_type: string;
  created: string;
  modified: string;
  author: number;
  editor: number;
  /** JSON object: column values by internal name (lookups as ids). */
  fields: string;
  seq: number;
}

export interface ItemVersionRow {
  list_id: string;
  item_id: number;
  version: number;
  modified: string;
  editor: number;
  fields: string;
  blob_id: number | null;
  size: number | null;
}

export interface TombstoneRow {
  list_id: string;
  item_id: number;
  seq: number;
  content_type: string;
}

export interface DriveItemRow {
  id: string;
  drive_id: string;
  parent_id: string | null;
  name: string;
  is_folder: number;
  /** The library list item behind it (null for the root folder). */
  list_item_id: number | null;
  size: number;
  blob_id: number | null;
  mime: string | null;
  /** Bumped only when the content changes (drives the cTag). */
  content_version: number;
  created: string;
  modified: string;
}

export interface BlobRow {
  id: number;
  data: Buffer;
  size: number;
  quick_xor_hash: string;
}

export interface UploadSessionRow {
  id: string;
  secret: string;
  drive_id: string;
  parent_id: string;
  name: string;
  /** The existing driveItem whose content it replaces (item form), if any. */
  item_id: string | null;
  conflict: string;
  total: number | null;
  received: number;
  expires: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sites (
  id TEXT PRIMARY KEY, hostname TEXT NOT NULL, path TEXT NOT NULL COLLATE NOCASE, site_guid TEXT NOT NULL,
  web_guid TEXT NOT NULL, display_name TEXT NOT NULL, name TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
  UNIQUE (hostname, path)
);
CREATE TABLE IF NOT EXISTS lists (
  id TEXT PRIMARY KEY, site_id TEXT NOT NULL, display_name TEXT NOT NULL, url_name TEXT NOT NULL, description TEXT NOT NULL,
  template TEXT NOT NULL, hidden INTEGER NOT NULL, system INTEGER NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
  next_item_id INTEGER NOT NULL, delta_epoch INTEGER NOT NULL DEFAULT 0, drive_id TEXT
);
CREATE INDEX IF NOT EXISTS lists_by_title ON lists (site_id, display_name COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS columns (
  id TEXT PRIMARY KEY, list_id TEXT NOT NULL, name TEXT NOT NULL, position INTEGER NOT NULL, definition TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS columns_by_name ON columns (list_id, name COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS items (
  list_id TEXT NOT NULL, id INTEGER NOT NULL, guid TEXT NOT NULL, version INTEGER NOT NULL, content_type TEXT NOT NULL,
  created TEXT NOT NULL, modified TEXT NOT NULL, author INTEGER NOT NULL, editor INTEGER NOT NULL, fields TEXT NOT NULL,
  seq INTEGER NOT NULL, PRIMARY KEY (list_id, id)
);
CREATE INDEX IF NOT EXISTS items_by_seq ON items (list_id, seq);
CREATE TABLE IF NOT EXISTS item_versions (
  list_id TEXT NOT NULL, item_id INTEGER NOT NULL, version INTEGER NOT NULL, modified TEXT NOT NULL, editor INTEGER NOT NULL,
  fields TEXT NOT NULL, blob_id INTEGER, size INTEGER, PRIMARY KEY (list_id, item_id, version)
);
CREATE TABLE IF NOT EXISTS tombstones (
  list_id TEXT NOT NULL, item_id INTEGER NOT NULL, seq INTEGER NOT NULL, content_type TEXT NOT NULL, PRIMARY KEY (list_id, seq)
);
CREATE TABLE IF NOT EXISTS drive_items (
  id TEXT PRIMARY KEY, drive_id TEXT NOT NULL, parent_id TEXT, name TEXT NOT NULL, is_folder INTEGER NOT NULL,
  list_item_id INTEGER, size INTEGER NOT NULL, blob_id INTEGER, mime TEXT, content_version INTEGER NOT NULL,
  created TEXT NOT NULL, modified TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS drive_items_by_name ON drive_items (drive_id, parent_id, name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS drive_items_by_list_item ON drive_items (drive_id, list_item_id);
CREATE TABLE IF NOT EXISTS blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL, size INTEGER NOT NULL, quick_xor_hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS upload_sessions (
  id TEXT PRIMARY KEY, secret TEXT NOT NULL, drive_id TEXT NOT NULL, parent_id TEXT NOT NULL, name TEXT NOT NULL,
  item_id TEXT, conflict TEXT NOT NULL, total INTEGER, received INTEGER NOT NULL, expires INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS upload_chunks (session_id TEXT NOT NULL, start INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (session_id, start));
`;

/** SQL of a column value inside the `fields` JSON of an item row aliased `i`. */
export function fieldSql(name: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Unsafe column name '${name}'.`);
  return `json_extract(i.fields, '$."${name}"')`;
}

export class Store {
  readonly db: Database.Database;
  private sequence: number;
  private readonly columnCache = new Map<string, ColumnDefinition[]>();
  private readonly statements = new Map<string, Database.Statement>();
  /** Item inserts so far, and when to refresh the planner's statistics next (they pick the field indexes). */
  private inserts = 0;
  private nextAnalyze = 512;

  constructor(file: string) {
    if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    if (file !== ":memory:") this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(SCHEMA);
    const row = this.db
      .prepare("SELECT max(s) AS s FROM (SELECT max(seq) AS s FROM items UNION ALL SELECT max(seq) FROM tombstones)")
      .get() as { s: number | null };
    this.sequence = row.s ?? 0;
  }

  close(): void {
    this.db.close();
  }

  /** A prepared statement, cached by its SQL text. */
  sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  transaction<T>(work: () => T): T {
    if (this.db.inTransaction) return work();
    return this.db.transaction(work)();
  }

  /** The next change number (delta tokens compare them). */
  nextSeq(): number {
    this.sequence += 1;
    return this.sequence;
  }

  currentSeq(): number {
    return this.sequence;
  }

  getMeta(key: string): string | undefined {
    return (this.sql("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.sql("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
  }

  // Sites

  insertSite(site: SiteRow): void {
    this.sql(
      "INSERT INTO sites (id, hostname, path, site_guid, web_guid, display_name, name, created, modified) VALUES (@id, @hostname, @path, @site_guid, @web_guid, @display_name, @name, @created, @modified)",
    ).run(site);
  }

  siteById(id: string): SiteRow | undefined {
    return this.sql("SELECT * FROM sites WHERE id = ? COLLATE NOCASE").get(id) as SiteRow | undefined;
  }

  siteByPath(hostname: string, sitePath: string): SiteRow | undefined {
    return this.sql("SELECT * FROM sites WHERE hostname = ? COLLATE NOCASE AND path = ?").get(hostname, sitePath) as SiteRow | undefined;
  }

  sites(): SiteRow[] {
    return this.sql("SELECT * FROM sites ORDER BY created, path").all() as SiteRow[];
  }

  // Lists

  insertList(list: ListRow): void {
    this.sql(
      `INSERT INTO lists (id, site_id, display_name, url_name, description, template, hidden, system, created, modified, next_item_id, delta_epoch, drive_id)
       VALUES (@id, @site_id, @display_name, @url_name, @description, @template, @hidden, @system, @created, @modified, @next_item_id, @delta_epoch, @drive_id)`,
    ).run(list);
  }

  listById(id: string): ListRow | undefined {
    return this.sql("SELECT * FROM lists WHERE id = ? COLLATE NOCASE").get(id) as ListRow | undefined;
  }

  listByTitle(siteId: string, title: string): ListRow | undefined {
    return this.sql("SELECT * FROM lists WHERE site_id = ? AND (display_name = ? COLLATE NOCASE OR url_name = ? COLLATE NOCASE) ORDER BY display_name = ? COLLATE NOCASE DESC")
      .get(siteId, title, title, title) as ListRow | undefined;
  }

  listByDrive(driveId: string): ListRow | undefined {
    return this.sql("SELECT * FROM lists WHERE drive_id = ?").get(driveId) as ListRow | undefined;
  }

  listsOfSite(siteId: string): ListRow[] {
    return this.sql("SELECT * FROM lists WHERE site_id = ? ORDER BY created, display_name").all(siteId) as ListRow[];
  }

  /** Called with a list's id after its items changed (change notifications). */
  onListTouched?: (listId: string) => void;

  touchList(id: string, modified: string): void {
    this.sql("UPDATE lists SET modified = ? WHERE id = ?").run(modified, id);
    this.onListTouched?.(id);
  }

  takeItemId(listId: string): number {
    const row = this.sql("UPDATE lists SET next_item_id = next_item_id + 1 WHERE id = ? RETURNING next_item_id - 1 AS id").get(listId) as { id: number };
    return row.id;
  }

  bumpDeltaEpoch(listId: string): void {
    this.sql("UPDATE lists SET delta_epoch = delta_epoch + 1 WHERE id = ?").run(listId);
  }

  // Columns

  columnsOf(listId: string): ColumnDefinition[] {
    let columns = this.columnCache.get(listId);
    if (!columns) {
      const rows = this.sql("SELECT definition FROM columns WHERE list_id = ? ORDER BY position").all(listId) as { definition: string }[];
      columns = rows.map((row) => JSON.parse(row.definition) as ColumnDefinition);
      this.columnCache.set(listId, columns);
    }
    return columns;
  }

  insertColumn(listId: string, column: ColumnDefinition): void {
    const position = (this.sql("SELECT count(*) AS n FROM columns WHERE list_id = ?").get(listId) as { n: number }).n;
    this.sql("INSERT INTO columns (id, list_id, name, position, definition) VALUES (?, ?, ?, ?, ?)").run(
      column.id,
      listId,
      column.name,
      position,
      JSON.stringify(column),
    );
    this.columnCache.delete(listId);
  }

  updateColumn(listId: string, column: ColumnDefinition): void {
    this.sql("UPDATE columns SET definition = ? WHERE id = ? AND list_id = ?").run(JSON.stringify(column), column.id, listId);
    this.columnCache.delete(listId);
  }

  /** An expression index on a column's value, so indexed lookups do not scan the list. */
  ensureFieldIndex(name: string, caseInsensitive: boolean): void {
    const indexName = `items_field_${Buffer.from(name).toString("hex")}_${caseInsensitive ? "nocase" : "binary"}`;
    const expression = fieldSql(name).replace("i.fields", "fields");
    this.db.exec(`CREATE INDEX IF NOT EXISTS ${indexName} ON items (list_id, ${expression}${caseInsensitive ? " COLLATE NOCASE" : ""})`);
  }

  // Items

  insertItem(item: ItemRow): void {
    this.sql(
      `INSERT INTO items (list_id, id, guid, version, content_type, created, modified, author, editor, fields, seq)
       VALUES (@list_id, @id, @guid, @version, @content_type, @created, @modified, @author, @editor, @fields, @seq)`,
    ).run(item);
    if (++this.inserts === this.nextAnalyze) {
      this.db.exec("ANALYZE");
      this.nextAnalyze *= 4;
    }
  }

  updateItem(item: ItemRow): void {
    this.sql("UPDATE items SET version = @version, modified = @modified, editor = @editor, fields = @fields, seq = @seq WHERE list_id = @list_id AND id = @id").run(
      item,
    );
  }

  itemById(listId: string, id: number): ItemRow | undefined {
    return this.sql("SELECT * FROM items WHERE list_id = ? AND id = ?").get(listId, id) as ItemRow | undefined;
  }

  itemsByIds(listId: string, ids: number[]): ItemRow[] {
    if (ids.length === 0) return [];
    return this.sql("SELECT i.* FROM items i JOIN json_each(?) j ON i.id = j.value WHERE i.list_id = ?").all(JSON.stringify(ids), listId) as ItemRow[];
  }

  itemCount(listId: string): number {
    return (this.sql("SELECT count(*) AS n FROM items WHERE list_id = ?").get(listId) as { n: number }).n;
  }

  deleteItem(listId: string, id: number, contentType: string): void {
    this.sql("DELETE FROM items WHERE list_id = ? AND id = ?").run(listId, id);
    this.sql("DELETE FROM item_versions WHERE list_id = ? AND item_id = ?").run(listId, id);
    this.sql("INSERT INTO tombstones (list_id, item_id, seq, content_type) VALUES (?, ?, ?, ?)").run(listId, id, this.nextSeq(), contentType);
  }

  insertVersion(version: ItemVersionRow): void {
    this.sql(
      `INSERT INTO item_versions (list_id, item_id, version, modified, editor, fields, blob_id, size)
       VALUES (@list_id, @item_id, @version, @modified, @editor, @fields, @blob_id, @size)`,
    ).run(version);
  }

  versionsOf(listId: string, itemId: number): ItemVersionRow[] {
    return this.sql("SELECT * FROM item_versions WHERE list_id = ? AND item_id = ? ORDER BY version DESC").all(listId, itemId) as ItemVersionRow[];
  }

  versionOf(listId: string, itemId: number, version: number): ItemVersionRow | undefined {
    return this.sql("SELECT * FROM item_versions WHERE list_id = ? AND item_id = ? AND version = ?").get(listId, itemId, version) as
      | ItemVersionRow
      | undefined;
  }

  /** Changes after `afterSeq` (items and deletions), oldest first. */
  changesSince(listId: string, afterSeq: number, limit: number, includeDeletions: boolean): (ItemRow | (TombstoneRow & { deleted: 1 }))[] {
    const items = this.sql("SELECT * FROM items WHERE list_id = ? AND seq > ? ORDER BY seq LIMIT ?").all(listId, afterSeq, limit) as ItemRow[];
    if (!includeDeletions) return items;
    const tombstones = (this.sql("SELECT *, 1 AS deleted FROM tombstones WHERE list_id = ? AND seq > ? ORDER BY seq LIMIT ?").all(
      listId,
      afterSeq,
      limit,
    ) as (TombstoneRow & { deleted: 1 })[]);
    return [...items, ...tombstones].sort((a, b) => a.seq - b.seq).slice(0, limit);
  }

  maxSeqOfList(listId: string): number {
    const row = this.sql(
      "SELECT max(s) AS s FROM (SELECT max(seq) AS s FROM items WHERE list_id = ? UNION ALL SELECT max(seq) FROM tombstones WHERE list_id = ?)",
    ).get(listId, listId) as { s: number | null };
    return row.s ?? 0;
  }

  // Drives and files

  insertDriveItem(item: DriveItemRow): void {
    this.sql(
      `INSERT INTO drive_items (id, drive_id, parent_id, name, is_folder, list_item_id, size, blob_id, mime, content_version, created, modified)
       VALUES (@id, @drive_id, @parent_id, @name, @is_folder, @list_item_id, @size, @blob_id, @mime, @content_version, @created, @modified)`,
    ).run(item);
  }

  updateDriveItem(item: DriveItemRow): void {
    this.sql(
      "UPDATE drive_items SET name = @name, parent_id = @parent_id, size = @size, blob_id = @blob_id, mime = @mime, content_version = @content_version, modified = @modified WHERE id = @id",
    ).run(item);
  }

  driveItemById(driveId: string, id: string): DriveItemRow | undefined {
    return this.sql("SELECT * FROM drive_items WHERE drive_id = ? AND id = ?").get(driveId, id) as DriveItemRow | undefined;
  }

  driveItemByListItem(driveId: string, listItemId: number): DriveItemRow | undefined {
    return this.sql("SELECT * FROM drive_items WHERE drive_id = ? AND list_item_id = ?").get(driveId, listItemId) as DriveItemRow | undefined;
  }

  driveRoot(driveId: string): DriveItemRow | undefined {
    return this.sql("SELECT * FROM drive_items WHERE drive_id = ? AND parent_id IS NULL").get(driveId) as DriveItemRow | undefined;
  }

  childByName(driveId: string, parentId: string, name: string): DriveItemRow | undefined {
    return this.sql("SELECT * FROM drive_items WHERE drive_id = ? AND parent_id = ? AND name = ? COLLATE NOCASE").get(driveId, parentId, name) as
      | DriveItemRow
      | undefined;
  }

  children(driveId: string, parentId: string, afterName: string | undefined, limit: number): DriveItemRow[] {
    return this.sql(
      "SELECT * FROM drive_items WHERE drive_id = ? AND parent_id = ? AND name > ? COLLATE NOCASE ORDER BY name COLLATE NOCASE LIMIT ?",
    ).all(driveId, parentId, afterName ?? "", limit) as DriveItemRow[];
  }

  childCount(driveId: string, parentId: string): number {
    return (this.sql("SELECT count(*) AS n FROM drive_items WHERE drive_id = ? AND parent_id = ?").get(driveId, parentId) as { n: number }).n;
  }

  deleteDriveItem(id: string): void {
    this.sql("DELETE FROM drive_items WHERE id = ?").run(id);
  }

  insertBlob(data: Buffer, quickXorHash: string): number {
    const info = this.sql("INSERT INTO blobs (data, size, quick_xor_hash) VALUES (?, ?, ?)").run(data, data.length, quickXorHash);
    return Number(info.lastInsertRowid);
  }

  blob(id: number): BlobRow | undefined {
    return this.sql("SELECT * FROM blobs WHERE id = ?").get(id) as BlobRow | undefined;
  }

  blobHash(id: number): string | undefined {
    return (this.sql("SELECT quick_xor_hash FROM blobs WHERE id = ?").get(id) as { quick_xor_hash: string } | undefined)?.quick_xor_hash;
  }

  // Upload sessions

  insertUploadSession(session: UploadSessionRow): void {
    this.sql(
      `INSERT INTO upload_sessions (id, secret, drive_id, parent_id, name, item_id, conflict, total, received, expires)
       VALUES (@id, @secret, @drive_id, @parent_id, @name, @item_id, @conflict, @total, @received, @expires)`,
    ).run(session);
  }

  uploadSession(id: string): UploadSessionRow | undefined {
    return this.sql("SELECT * FROM upload_sessions WHERE id = ?").get(id) as UploadSessionRow | undefined;
  }

  pendingSessionFor(driveId: string, parentId: string, name: string, now: number): UploadSessionRow | undefined {
    return this.sql("SELECT * FROM upload_sessions WHERE drive_id = ? AND parent_id = ? AND name = ? COLLATE NOCASE AND expires > ?").get(
      driveId,
      parentId,
      name,
      now,
    ) as UploadSessionRow | undefined;
  }

  updateUploadSession(id: string, received: number, total: number | null, expires: number): void {
    this.sql("UPDATE upload_sessions SET received = ?, total = ?, expires = ? WHERE id = ?").run(received, total, expires, id);
  }

  insertChunk(sessionId: string, start: number, data: Buffer): void {
    this.sql("INSERT INTO upload_chunks (session_id, start, data) VALUES (?, ?, ?)").run(sessionId, start, data);
  }

  chunks(sessionId: string): Buffer[] {
    return (this.sql("SELECT data FROM upload_chunks WHERE session_id = ? ORDER BY start").all(sessionId) as { data: Buffer }[]).map((row) => row.data);
  }

  deleteUploadSession(id: string): void {
    this.sql("DELETE FROM upload_chunks WHERE session_id = ?").run(id);
    this.sql("DELETE FROM upload_sessions WHERE id = ?").run(id);
  }
}
