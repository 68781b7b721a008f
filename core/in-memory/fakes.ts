import { NotFoundError } from "../errors";
import type { Clock } from "../ports/clock";
import type { AppRole, Directory, DirectoryUser } from "../ports/directory";
import type { DocumentStore, FileVersion, Library, PutFileOptions, StoredFile } from "../ports/document-store";
import { ConflictError } from "../errors";
import type { IdGenerator } from "../ports/id-generator";
import type { DeliveryReceipt, Messenger } from "../ports/messenger";
import type { Stored } from "../records/common";
import type { OutboxEntryFields } from "../outbox/outbox-entry";

/** A clock that only moves when told to. */
export class FakeClock implements Clock {
  private current: Date;
  constructor(start: Date | string = "2026-03-02T09:00:00.000Z") {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(instant: Date | string): void {
    this.current = new Date(instant);
  }
  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }
}

export class SequentialIds implements IdGenerator {
  private counter = 0;
  constructor(private readonly prefix = "id") {}
  next(): string {
    this.counter += 1;
    return `${this.prefix}-${this.counter}`;
  }
}

/** People and their roles, given in advance (tests; local mode's personas). */
export class StaticDirectory implements Directory {
  constructor(private readonly people: (DirectoryUser & { roles?: AppRole[] })[]) {}
  async getUser(userId: string): Promise<DirectoryUser | undefined> {
    const person = this.people.find((p) => p.id === userId);
    return person && { id: person.id, displayName: person.displayName, email: person.email, locale: person.locale };
  }
  async rolesOf(userId: string): Promise<AppRole[]> {
    return [...(this.people.find((p) => p.id === userId)?.roles ?? [])];
  }
  async usersWithRole(role: AppRole): Promise<DirectoryUser[]> {
    return this.people.filter((p) => p.roles?.includes(role)).map(({ id, displayName, email, locale }) => ({ id, displayName, email, locale }));
  }
}

interface MemoryFile {
  file: StoredFile;
  library: Library;
  versions: { version: FileVersion; content: Uint8Array }[];
}

export class InMemoryDocumentStore implements DocumentStore {
  private readonly files = new Map<string, MemoryFile>();
  private lastId = 0;
  constructor(
    private readonly clock: Clock = { now: () => new Date() },
    private readonly baseUrl = "https://contoso.sharepoint.com/sites/nmirf",
  ) {}

  /** The site's address without its scheme (`contoso.sharepoint.com/sites/nmirf`). */
  get siteId(): string {
    return this.baseUrl.replace(/^https?:\/\//, "");
  }

  async put(library: Library, folder: string, name: string, content: Uint8Array, options: PutFileOptions = {}): Promise<StoredFile> {
    const existing = [...this.files.values()].find((f) => f.library === library && f.file.folder === folder && f.file.name === name);
    const now = this.clock.now().toISOString();
    if (existing) {
      if (options.onConflict === "fail") throw new ConflictError(`a file named '${name}' already exists`, "File", name);
      const major = existing.versions.length + 1;
      const version = { id: `${major}.0`, lastModifiedAt: now, size: content.byteLength };
      existing.versions.push({ version, content: content.slice() });
      existing.file = { ...existing.file, size: content.byteLength, version: version.id, eTag: `"${existing.file.id},${major}"`, lastModifiedAt: now };
      return { ...existing.file };
    }
    const id = `file-${++this.lastId}`;
    const path = [library, folder, name].filter(Boolean).map(encodeURIComponent).join("/");
    const file: StoredFile = { id, name, folder, size: content.byteLength, webUrl: `${this.baseUrl}/${path}`, version: "1.0", eTag: `"${id},1"`, lastModifiedAt: now };
    this.files.set(id, { file, library, versions: [{ version: { id: "1.0", lastModifiedAt: now, size: content.byteLength }, content: content.slice() }] });
    return { ...file };
  }

  async get(library: Library, fileId: string): Promise<{ file: StoredFile; content: Uint8Array }> {
    const entry = this.entry(library, fileId);
    return { file: { ...entry.file }, content: entry.versions[entry.versions.length - 1]!.content.slice() };
  }

  async versions(library: Library, fileId: string): Promise<FileVersion[]> {
    return this.entry(library, fileId)
      .versions.map((v) => ({ ...v.version }))
      .reverse();
  }

  async list(library: Library, folder: string): Promise<StoredFile[]> {
    return [...this.files.values()]
      .filter((f) => f.library === library && f.file.folder === folder)
      .map((f) => ({ ...f.file }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Removes a file, as a person may in SharePoint (for tests). */
  remove(fileId: string): void {
    this.files.delete(fileId);
  }

  private entry(library: Library, fileId: string): MemoryFile {
    const entry = this.files.get(fileId);
    if (!entry || entry.library !== library) throw new NotFoundError("File", fileId);
    return entry;
  }
}

/** A messenger that records what it was asked to deliver. */
export class RecordingMessenger implements Messenger {
  readonly delivered: { entry: Stored<OutboxEntryFields>; previous?: DeliveryReceipt }[] = [];
  async deliver(entry: Stored<OutboxEntryFields>, previous?: DeliveryReceipt): Promise<DeliveryReceipt> {
    this.delivered.push({ entry, previous });
    return previous ?? { activityId: `activity-${this.delivered.length}`, conversationId: `conversation-${entry.recipientId}` };
  }
}
