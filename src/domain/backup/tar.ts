// The backup file is a plain POSIX tar (`tar tvf backup.trakt` lists it), of a few entries written
// one after the other. Small on purpose: regular files only, names under 100 bytes, sizes past
// 8 GiB in the GNU base-256 form.
import { open } from 'node:fs/promises';

const BLOCK = 512;
const OCTAL_LIMIT = 8 ** 11;

function field(header: Buffer, offset: number, length: number, value: string) {
  header.write(value, offset, length, 'ascii');
}

/** The 512-byte header of a regular file. */
export function tarHeader(name: string, size: number, modifiedAt = new Date()): Buffer {
  if (Buffer.byteLength(name) >= 100) throw new Error(`tar entry name too long: ${name}`);
  const header = Buffer.alloc(BLOCK);
  field(header, 0, 100, name);
  field(header, 100, 8, '0000644\0');
  field(header, 108, 8, '0000000\0');
  field(header, 116, 8, '0000000\0');
  if (size < OCTAL_LIMIT) field(header, 124, 12, `${size.toString(8).padStart(11, '0')}\0`);
  else {
    header[124] = 0x80;
    let rest = BigInt(size);
    for (let i = 135; i > 124; i--, rest >>= 8n) header[i] = Number(rest & 0xffn);
  }
  field(
    header,
    136,
    12,
    `${Math.floor(modifiedAt.getTime() / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
  );
  field(header, 148, 8, '        ');
  header[156] = 0x30; // '0': a regular file
  field(header, 257, 8, 'ustar\u000000');
  let sum = 0;
  for (const byte of header) sum += byte;
  field(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return header;
}

/** Zeros that fill an entry of `size` bytes up to a whole block. */
export const tarPadding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** Two zero blocks end the archive. */
export const tarEnd = () => Buffer.alloc(2 * BLOCK);

function readSize(header: Buffer): number {
  if ((header[124] ?? 0) & 0x80) {
    let size = 0n;
    for (let i = 125; i < 136; i++) size = (size << 8n) | BigInt(header[i] ?? 0);
    return Number(size);
  }
  return parseInt(header.toString('ascii', 124, 136).replace(/\0.*$/, '').trim() || '0', 8);
}

export type TarEntry = { name: string; offset: number; size: number };

/** The entries of a tar file with where their bytes are; throws when it is not a tar. */
export async function tarEntries(path: string): Promise<TarEntry[]> {
  const file = await open(path, 'r');
  try {
    const { size: fileSize } = await file.stat();
    const entries: TarEntry[] = [];
    const header = Buffer.alloc(BLOCK);
    let offset = 0;
    while (offset + BLOCK <= fileSize) {
      await file.read(header, 0, BLOCK, offset);
      if (header.every((byte) => byte === 0)) return entries;
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
      if (sum !== parseInt(header.toString('ascii', 148, 156).replace(/\0.*$/, '').trim(), 8))
        throw new Error('not a Trakt backup (not a tar file)');
      const size = readSize(header);
      entries.push({ name: header.toString('utf8', 0, 100).replace(/\0.*$/s, ''), offset: offset + BLOCK, size });
      offset += BLOCK + size + ((BLOCK - (size % BLOCK)) % BLOCK);
    }
    throw new Error('the backup file is cut short');
  } finally {
    await file.close();
  }
}
