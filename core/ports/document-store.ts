/** The document libraries of the mechanism's site. */
export const LIBRARIES = ["Drafts", "Evidence"] as const;
export type Library = (typeof LIBRARIES)[number];

export interface StoredFile {
  id: string;
  name: string;
  /** Folder path inside the library, e.g. `Report 12`. Empty for the library's root. */
  folder: string;
  size: number;
  /** Opens the file in the browser (Word for the web for a .docx). */
  webUrl: string;
  /** SharePoint's version label, e.g. `3.0`. */
  version: string;
  eTag: string;
  lastModifiedAt: string;
}

export interface FileVersion {
  /** The version label, e.g. `2.0`. */
  id: string;
  lastModifiedAt: string;
  size: number;
}

export interface PutFileOptions {
  contentType?: string;
  /** What to do when a file of that name exists: replace it with a new version (default), or fail. */
  onConflict?: "replace" | "fail";
}

/** Files in a SharePoint document library, versioned by SharePoint. */
export interface DocumentStore {
  /** The site the libraries are on (its Graph id, or its address): stamped into each draft as `NMIRF.Site`. */
  readonly siteId?: string;
  put(library: Library, folder: string, name: string, content: Uint8Array, options?: PutFileOptions): Promise<StoredFile>;
  get(library: Library, fileId: string): Promise<{ file: StoredFile; content: Uint8Array }>;
  versions(library: Library, fileId: string): Promise<FileVersion[]>;
  /** The files directly in a folder (not its subfolders), by name; none when the folder does not exist. */
  list(library: Library, folder: string): Promise<StoredFile[]>;
}
