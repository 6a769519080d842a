import 'server-only';
import { inflateRawSync } from 'node:zlib';

// An XLSX is a zip archive. Before a spreadsheet library expands one, its entries are inflated here
// with a ceiling on the total output: the sizes an archive declares can lie, the inflated bytes cannot.

export type ZipVerdict = { ok: true } | { ok: false; reason: 'not_zip' | 'too_large' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Whether every entry of the archive inflates, and all of them together to at most `budget` bytes. */
export function checkZipBudget(buffer: Buffer, budget: number): ZipVerdict {
  try {
    const end = findEndOfCentralDirectory(buffer);
    if (end < 0) return { ok: false, reason: 'not_zip' };
    const count = buffer.readUInt16LE(end + 10);
    let at = buffer.readUInt32LE(end + 16);
    let left = budget;
    for (let i = 0; i < count; i += 1) {
      if (buffer.readUInt32LE(at) !== CENTRAL) return { ok: false, reason: 'not_zip' };
      const method = buffer.readUInt16LE(at + 10);
      const compressed = buffer.readUInt32LE(at + 20);
      const declared = buffer.readUInt32LE(at + 24);
      const nameLength = buffer.readUInt16LE(at + 28);
      const extraLength = buffer.readUInt16LE(at + 30);
      const commentLength = buffer.readUInt16LE(at + 32);
      const local = buffer.readUInt32LE(at + 42);
      at += 46 + nameLength + extraLength + commentLength;
      // Zip64 markers: no spreadsheet within the limits needs them.
      if (declared === 0xffffffff || compressed === 0xffffffff) return { ok: false, reason: 'too_large' };
      if (declared > left) return { ok: false, reason: 'too_large' };
      if (buffer.readUInt32LE(local) !== LOCAL) return { ok: false, reason: 'not_zip' };
      const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
      const data = buffer.subarray(start, start + compressed);
      let size: number;
      if (method === 0) size = data.length;
      else if (method === 8) size = inflateRawSync(data, { maxOutputLength: Math.max(left, 1) }).length;
      else return { ok: false, reason: 'not_zip' };
      left -= size;
      if (left < 0) return { ok: false, reason: 'too_large' };
    }
    return { ok: true };
  } catch (error) {
    // inflateRawSync refuses output past maxOutputLength with a RangeError.
    if (error instanceof RangeError && /maxOutputLength|Cannot create a Buffer/.test(error.message)) return { ok: false, reason: 'too_large' };
    return { ok: false, reason: 'not_zip' };
  }
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  for (let at = buffer.length - 22; at >= Math.max(0, buffer.length - 22 - 0xffff); at -= 1) {
    if (buffer.readUInt32LE(at) === EOCD) return at;
  }
  return -1;
}
