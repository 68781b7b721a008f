/** What an import accepts; the server and the CLI use these, tests make them smaller. */
export interface ImportLimits {
  /** The largest file accepted (the upload limit). */
  maxFileBytes: number;
  /** The most entries a .docx/.xlsx (a ZIP package) may have. */
  maxZipEntries: number;
  /** The most bytes a .docx/.xlsx may expand to, all entries together: checked before anything is inflated. */
  maxUncompressedBytes: number;
  /** The most data rows a file may have. */
  maxRows: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxZipEntries: 5_000,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxRows: 50_000,
};

/** A size as people read it: "91 KB", "2.5 MB", "20 MB". */
export function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}
