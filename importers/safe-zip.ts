/**
 * Reading a .docx or .xlsx (a ZIP package) without trusting it. The central directory is read
 * first and the entry count and the total declared size are checked against the limits before
 * a single byte is inflated; each entry is then inflated with its declared size as a hard cap,
 * so an archive that lies about its sizes (a zip bomb) stops at the cap instead of filling memory.
 */
import { inflateRawSync } from "node:zlib";
import { ValidationError } from "../core/errors";
import { megabytes, type ImportLimits } from "./limits";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

export interface SafeZip {
  entries: ZipEntry[];
  has(name: string): boolean;
  /** The entry's bytes, or undefined when there is no such entry. */
  read(name: string): Buffer | undefined;
  /** Inflates every entry once (and discards it): proves the declared sizes before another library unzips the file. */
  verifyAll(): void;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7) && (bytes[3] === 4 || bytes[3] === 6 || bytes[3] === 8);
}

function damaged(detail: string, what: string): ValidationError {
  return new ValidationError(`The ${what} is damaged and cannot be read (${detail}). Open it in its program, save it again and import the new copy.`, [
    { path: "file", message: `damaged archive: ${detail}` },
  ]);
}

function readBigSize(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

/** `what` names the file in messages ("Word document", "Excel workbook"). */
export function openZip(bytes: Uint8Array, limits: ImportLimits, what = "file"): SafeZip {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let offset = buffer.length - 22; offset >= Math.max(0, buffer.length - 22 - 0xffff); offset -= 1) {
    if (buffer.readUInt32LE(offset) === EOCD) {
      eocd = offset;
      break;
    }
  }
  if (eocd < 0) throw damaged("its table of contents is missing: the file is incomplete", what);

  let entryCount = buffer.readUInt16LE(eocd + 10);
  let directorySize = buffer.readUInt32LE(eocd + 12);
  let directoryOffset = buffer.readUInt32LE(eocd + 16);
  if (entryCount === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || buffer.readUInt32LE(locator) !== ZIP64_LOCATOR) throw damaged("its ZIP64 table of contents is missing", what);
    const zip64 = readBigSize(buffer, locator + 8);
    if (zip64 + 56 > buffer.length || buffer.readUInt32LE(zip64) !== ZIP64_EOCD) throw damaged("its ZIP64 table of contents is damaged", what);
    entryCount = readBigSize(buffer, zip64 + 32);
    directorySize = readBigSize(buffer, zip64 + 40);
    directoryOffset = readBigSize(buffer, zip64 + 48);
  }
  if (entryCount > limits.maxZipEntries) {
    throw new ValidationError(`The ${what} holds ${entryCount} parts, more than the ${limits.maxZipEntries} an import accepts.`, [{ path: "file", message: "too many archive entries" }]);
  }
  if (directoryOffset + directorySize > buffer.length) throw damaged("its table of contents points past the end of the file", what);

  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  let total = 0;
  for (let index = 0; index < entryCount; index += 1) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL_HEADER) throw damaged("an entry of its table of contents is damaged", what);
    const flags = buffer.readUInt16LE(offset + 8);
    const method = buffer.readUInt16LE(offset + 10);
    let compressedSize = buffer.readUInt32LE(offset + 20);
    let uncompressedSize = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    let localHeaderOffset = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString("utf8", offset + 46, offset + 46 + nameLength);
    // ZIP64: the sizes that do not fit 32 bits are in extra field 0x0001, in this order.
    let extra = offset + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = buffer.readUInt16LE(extra);
      const size = buffer.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        const fieldsEnd = extra + 4 + size;
        const next = (): number => {
          const value = field + 8 <= fieldsEnd ? readBigSize(buffer, field) : Number.MAX_SAFE_INTEGER;
          field += 8;
          return value;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      extra += 4 + size;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset, encrypted: (flags & 1) === 1 });
    total += uncompressedSize;
    if (total > limits.maxUncompressedBytes) {
      throw new ValidationError(
        `The ${what} would expand to more than ${megabytes(limits.maxUncompressedBytes)}, more than an import accepts: it is not a thematic list or an export, or it is built to exhaust the server.`,
        [{ path: "file", message: "expands past the size limit" }],
      );
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }

  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const inflate = (entry: ZipEntry): Buffer => {
    if (entry.encrypted) {
      throw new ValidationError(`The ${what} is protected by a password; remove the protection and import it again.`, [{ path: "file", message: "encrypted" }]);
    }
    const local = entry.localHeaderOffset;
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== LOCAL_HEADER) throw damaged(`the part ${entry.name} is damaged`, what);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const end = start + entry.compressedSize;
    if (end > buffer.length) throw damaged(`the part ${entry.name} is cut short`, what);
    const data = buffer.subarray(start, end);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw damaged(`the part ${entry.name} has inconsistent sizes`, what);
      return Buffer.from(data);
    }
    if (entry.method !== 8) throw damaged(`the part ${entry.name} uses a compression method (${entry.method}) Office does not use`, what);
    let inflated: Buffer;
    try {
      inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      const tooLarge = (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError;
      throw tooLarge
        ? new ValidationError(`The ${what} expands past the size it declares (part ${entry.name}): it is damaged or built to exhaust the server.`, [
            { path: "file", message: "expands past its declared size" },
          ])
        : damaged(`the part ${entry.name} cannot be decompressed`, what);
    }
    if (inflated.length !== entry.uncompressedSize) throw damaged(`the part ${entry.name} is shorter than it declares`, what);
    return inflated;
  };

  return {
    entries,
    has: (name) => byName.has(name),
    read: (name) => {
      const entry = byName.get(name);
      return entry ? inflate(entry) : undefined;
    },
    verifyAll: () => {
      for (const entry of entries) if (!entry.name.endsWith("/")) inflate(entry);
    },
  };
}
