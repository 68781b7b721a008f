import { ResponseType } from "@microsoft/microsoft-graph-client";
import type { DocumentStore, FileVersion, Library, PutFileOptions, StoredFile } from "../../core/ports/document-store";
import { ConflictError } from "../../core/errors";
import type { GraphClient } from "../client/graph-client";
import { failureOf, translate } from "../client/errors";
import { driveIdOf, type SiteLists } from "../sharepoint/site";

/** Files up to this size go in one PUT; larger ones through an upload session (graph-contract.md 5.2). */
export const SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;

interface DriveItem {
  id: string;
  name: string;
  size?: number;
  webUrl: string;
  eTag?: string;
  lastModifiedDateTime?: string;
  parentReference?: { path?: string };
  /** Present on files; folders carry `folder` instead. */
  file?: object;
  folder?: object;
}

function encodePath(folder: string, name: string): string {
  return [...folder.split("/").filter(Boolean), name].map(encodeURIComponent).join("/");
}

function folderOf(item: DriveItem): string {
  const path = item.parentReference?.path ?? "";
  const index = path.indexOf("root:");
  return index < 0 ? "" : decodeURIComponent(path.slice(index + 5).replace(/^\//, ""));
}

/** The site's document libraries (Drafts, Evidence) through Microsoft Graph's drive API. */
export class SharePointDocumentStore implements DocumentStore {
  constructor(
    private readonly client: GraphClient,
    private readonly site: SiteLists,
    private readonly simpleUploadLimit = SIMPLE_UPLOAD_LIMIT,
  ) {}

  get siteId(): string {
    return this.site.siteId;
  }

  async put(library: Library, folder: string, name: string, content: Uint8Array, options: PutFileOptions = {}): Promise<StoredFile> {
    const driveId = driveIdOf(this.site, library);
    const path = encodePath(folder, name);
    const conflict = options.onConflict ?? "replace";
    let item: DriveItem;
    try {
      if (content.byteLength <= this.simpleUploadLimit) {
        item = (await this.client
          .api(`/drives/${driveId}/root:/${path}:/content?@microsoft.graph.conflictBehavior=${conflict}`)
          .header("Content-Type", options.contentType ?? "application/octet-stream")
          // A Buffer over exactly the view's bytes: the client would send a view's whole underlying buffer.
          .put(Buffer.from(content.buffer, content.byteOffset, content.byteLength))) as DriveItem;
      } else {
        const session = (await this.client
          .api(`/drives/${driveId}/root:/${path}:/createUploadSession`)
          .post({ item: { "@microsoft.graph.conflictBehavior": conflict } })) as { uploadUrl: string };
        item = (await this.client.uploadInChunks(session.uploadUrl, content)) as DriveItem;
      }
    } catch (error) {
      if (failureOf(error)?.status === 409) throw new ConflictError(`a file named '${name}' already exists in ${library}/${folder}`, "File", name);
      return translate(error, { entity: "File", id: `${library}/${folder}/${name}` });
    }
    return this.storedFile(driveId, item);
  }

  async get(library: Library, fileId: string): Promise<{ file: StoredFile; content: Uint8Array }> {
    const driveId = driveIdOf(this.site, library);
    try {
      const item = (await this.client.api(`/drives/${driveId}/items/${encodeURIComponent(fileId)}`).get()) as DriveItem;
      const bytes = (await this.client.api(`/drives/${driveId}/items/${encodeURIComponent(fileId)}/content`).responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer;
      return { file: await this.storedFile(driveId, item), content: new Uint8Array(bytes) };
    } catch (error) {
      return translate(error, { entity: "File", id: fileId });
    }
  }

  async versions(library: Library, fileId: string): Promise<FileVersion[]> {
    const driveId = driveIdOf(this.site, library);
    try {
      const versions: FileVersion[] = [];
      for await (const page of this.client.pages<{ id: string; lastModifiedDateTime: string; size?: number }>(`/drives/${driveId}/items/${encodeURIComponent(fileId)}/versions`)) {
        versions.push(...page.value.map((v) => ({ id: v.id, lastModifiedAt: v.lastModifiedDateTime, size: v.size ?? 0 })));
      }
      return versions;
    } catch (error) {
      return translate(error, { entity: "File", id: fileId });
    }
  }

  async list(library: Library, folder: string): Promise<StoredFile[]> {
    const driveId = driveIdOf(this.site, library);
    const path = folder.split("/").filter(Boolean).map(encodeURIComponent).join("/");
    const children = path ? `/drives/${driveId}/root:/${path}:/children` : `/drives/${driveId}/root/children`;
    const items: DriveItem[] = [];
    try {
      for await (const page of this.client.pages<DriveItem>(children)) items.push(...page.value.filter((item) => !item.folder));
    } catch (error) {
      if (failureOf(error)?.status === 404) return [];
      return translate(error, { entity: "Folder", id: `${library}/${folder}` });
    }
    // A file's version label is not in its drive item: one versions call per file (folders here hold a few templates).
    const files = await Promise.all(items.map((item) => this.storedFile(driveId, item)));
    return files.sort((a, b) => a.name.localeCompare(b.name));
  }

  private async storedFile(driveId: string, item: DriveItem): Promise<StoredFile> {
    const [latest] = await this.versions(this.libraryOfDrive(driveId), item.id);
    return {
      id: item.id,
      name: item.name,
      folder: folderOf(item),
      size: item.size ?? 0,
      webUrl: item.webUrl,
      version: latest?.id ?? "1.0",
      eTag: item.eTag ?? "",
      lastModifiedAt: item.lastModifiedDateTime ?? new Date(0).toISOString(),
    };
  }

  private libraryOfDrive(driveId: string): Library {
    for (const [title, entry] of this.site.lists) if (entry.driveId === driveId) return title as Library;
    throw new Error(`no library has drive ${driveId}`);
  }
}
