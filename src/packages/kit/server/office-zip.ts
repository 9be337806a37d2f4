import { open, type FileHandle } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';

/** Bounds on what is read of an untrusted upload: the directory and [Content_Types].xml are a few KB. */
const MAX_PART = 1024 * 1024;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Where [Content_Types].xml lies, from the central directory at the end of the archive. */
async function contentTypesEntry(file: FileHandle, size: number) {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readAt(file, size - tailLength, tailLength);
  const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > tail.length || tail.readUInt32LE(end) !== EOCD) return undefined;
  const dirSize = tail.readUInt32LE(end + 12);
  const dirOffset = tail.readUInt32LE(end + 16);
  // 0xFFFFFFFF means ZIP64: not an Office file staff upload, left to the byte signature.
  if (dirSize > MAX_PART || dirOffset + dirSize > size) return undefined;
  const dir = await readAt(file, dirOffset, dirSize);
  for (let at = 0; at + 46 <= dir.length && dir.readUInt32LE(at) === CENTRAL;) {
    const nameLength = dir.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
    if (dir.toString('utf8', at + 46, at + 46 + nameLength) === '[Content_Types].xml')
      return {
        method: dir.readUInt16LE(at + 10),
        compressed: dir.readUInt32LE(at + 20),
        local: dir.readUInt32LE(at + 42),
      };
    at = next;
  }
  return undefined;
}

/**
 * The Office Open XML type of a zip archive (e.g. `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`),
 * read from its central directory and the main part named in [Content_Types].xml, as file-type does from the
 * front. A workbook written by a streaming writer (exceljs' WorkbookWriter: our own exports) stores the sheet
 * before [Content_Types].xml, with its size after the data; file-type stops scanning such an entry past 1 MB
 * and calls a big export plain `application/zip`. Undefined when it is not such an archive.
 */
export async function officeTypeOfZip(path: string): Promise<string | undefined> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const entry = await contentTypesEntry(file, size);
    if (!entry || entry.compressed > MAX_PART || (entry.method !== 0 && entry.method !== 8)) return undefined;
    const header = await readAt(file, entry.local, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) return undefined;
    const start = entry.local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const data = await readAt(file, start, entry.compressed);
    const xml = (entry.method === 8 ? inflateRawSync(data, { maxOutputLength: MAX_PART }) : data).toString('utf8');
    // The main part's type, e.g. ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml".
    return /ContentType="([^"]+)\.main\+xml"/.exec(xml)?.[1];
  } catch {
    return undefined;
  } finally {
    await file.close();
  }
}
