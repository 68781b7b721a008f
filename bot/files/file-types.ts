/**
 * The files the Evidence library accepts from the chat: office documents, PDFs, plain data and
 * images. A file is accepted by its extension and its first bytes must agree (a `.pdf` that is
 * not a PDF is refused).
 */
export interface FileType {
  extension: string;
  contentType: string;
  /** Whether the first bytes look like this type. */
  looksRight(head: Uint8Array): boolean;
}

const startsWith = (head: Uint8Array, bytes: number[]) => bytes.every((byte, index) => head[index] === byte);
const zip = (head: Uint8Array) => startsWith(head, [0x50, 0x4b, 0x03, 0x04]);
/** Text: no NUL byte in what we saw (UTF-8 and the usual single-byte encodings have none). */
const text = (head: Uint8Array) => !head.includes(0);

export const FILE_TYPES: readonly FileType[] = [
  { extension: "pdf", contentType: "application/pdf", looksRight: (h) => startsWith(h, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  { extension: "docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", looksRight: zip },
  { extension: "xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", looksRight: zip },
  { extension: "pptx", contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", looksRight: zip },
  { extension: "odt", contentType: "application/vnd.oasis.opendocument.text", looksRight: zip },
  { extension: "ods", contentType: "application/vnd.oasis.opendocument.spreadsheet", looksRight: zip },
  { extension: "csv", contentType: "text/csv", looksRight: text },
  { extension: "txt", contentType: "text/plain", looksRight: text },
  { extension: "png", contentType: "image/png", looksRight: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { extension: "jpg", contentType: "image/jpeg", looksRight: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  { extension: "jpeg", contentType: "image/jpeg", looksRight: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
];

export const ALLOWED_EXTENSIONS = [...new Set(FILE_TYPES.map((type) => type.extension))];

export function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name.trim());
  return match ? match[1]!.toLowerCase() : "";
}

export function fileTypeOf(name: string, declaredExtension?: string): FileType | undefined {
  const extension = extensionOf(name) || (declaredExtension ?? "").toLowerCase().replace(/^\./, "");
  return FILE_TYPES.find((type) => type.extension === extension);
}

/**
 * A name that is safe in a SharePoint library: no path, none of the characters SharePoint
 * refuses (" * : < > ? / \ |), no leading dot or trailing dot/space, at most 120 characters.
 */
export function safeFileName(name: string, fallbackExtension: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  let cleaned = base.replace(/[\u0000-\u001f"*:<>?/\\|#%]/g, "_").replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
  if (!cleaned) cleaned = `file.${fallbackExtension}`;
  if (cleaned.length > 120) {
    const extension = extensionOf(cleaned);
    cleaned = `${cleaned.slice(0, 110 - extension.length)}.${extension}`;
  }
  return cleaned;
}
