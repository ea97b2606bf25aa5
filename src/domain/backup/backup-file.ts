// I-3, N-3: the backup file. A tar of `manifest.json` (what the database held: rows and a checksum a
// table, each attachment's hash) and the database itself: `database.tar` (PGlite's dump of the data
// folder) or `database.pgdump` (pg_dump's custom format). Attachments are rows of the database, so the
// dump holds their bytes. See docs/decisions/0011-backup.md.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database, Mode } from '../../db/connect.ts';
import { snapshotEmbedded, snapshotServer, type ContentSummary, type Progress } from '../../db/snapshot.ts';
import { pgToolFor } from './pg-tools.ts';
import { tarEnd, tarEntries, tarHeader, tarPadding } from './tar.ts';

export const MANIFEST = 'manifest.json';
const DATABASE_ENTRY: Record<Mode, string> = { pglite: 'database.tar', postgres: 'database.pgdump' };

export type Manifest = ContentSummary & {
  format: 'trakt-backup';
  version: 1;
  createdAt: string;
  mode: Mode;
  /** The tar entry holding the database, and its size. */
  database: { entry: string; bytes: number };
};

/** A snapshot ready to be written: its manifest and the database's bytes (in memory or a temp file). */
export type Snapshot = { manifest: Manifest; data: Uint8Array | { file: string }; dispose: () => Promise<void> };

/** Takes a consistent snapshot of the running database. */
export async function takeSnapshot(database: Database, onProgress?: Progress): Promise<Snapshot> {
  const createdAt = new Date().toISOString();
  const entry = DATABASE_ENTRY[database.mode];
  if (database.mode === 'pglite') {
    const { summary, data } = await snapshotEmbedded(database, onProgress);
    const manifest: Manifest = {
      format: 'trakt-backup',
      version: 1,
      createdAt,
      mode: 'pglite',
      database: { entry, bytes: data.byteLength },
      ...summary,
    };
    return { manifest, data, dispose: async () => {} };
  }
  const dir = await mkdtemp(join(tmpdir(), 'trakt-backup-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const file = join(dir, entry);
    const summary = await snapshotServer(database, file, await pgToolFor('pg_dump', database), onProgress);
    const manifest: Manifest = {
      format: 'trakt-backup',
      version: 1,
      createdAt,
      mode: 'postgres',
      database: { entry, bytes: (await stat(file)).size },
      ...summary,
    };
    return { manifest, data: { file }, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** The backup file's bytes as a stream: the manifest, then the database. */
export function backupStream(snapshot: Snapshot): Readable {
  const manifest = Buffer.from(`${JSON.stringify(snapshot.manifest, null, 2)}\n`);
  const { entry, bytes } = snapshot.manifest.database;
  const modifiedAt = new Date(snapshot.manifest.createdAt);
  async function* parts() {
    yield tarHeader(MANIFEST, manifest.length, modifiedAt);
    yield manifest;
    yield tarPadding(manifest.length);
    yield tarHeader(entry, bytes, modifiedAt);
    if (snapshot.data instanceof Uint8Array) yield Buffer.from(snapshot.data.buffer, snapshot.data.byteOffset, snapshot.data.byteLength);
    else yield* createReadStream(snapshot.data.file, { highWaterMark: 1024 * 1024 });
    yield tarPadding(bytes);
    yield tarEnd();
  }
  return Readable.from(parts(), { objectMode: false });
}

/** Writes a snapshot of the database to `path`; answers its manifest. */
export async function writeBackup(database: Database, path: string, onProgress?: Progress): Promise<Manifest> {
  const snapshot = await takeSnapshot(database, onProgress);
  try {
    await pipeline(backupStream(snapshot), createWriteStream(path));
    return snapshot.manifest;
  } finally {
    await snapshot.dispose();
  }
}

/** A backup file opened for reading: its manifest, and the database entry copied to a temp file. */
export type OpenedBackup = { manifest: Manifest; databaseFile: string; dispose: () => Promise<void> };

export async function openBackup(path: string): Promise<OpenedBackup> {
  const entries = await tarEntries(path);
  const manifestEntry = entries.find((e) => e.name === MANIFEST);
  if (!manifestEntry) throw new Error(`${path} is not a Trakt backup (no ${MANIFEST})`);
  const bytes = Buffer.alloc(manifestEntry.size);
  const handle = await open(path, 'r');
  await handle.read(bytes, 0, bytes.length, manifestEntry.offset).finally(() => handle.close());
  // Any file may be handed in: the manifest is whatever JSON it holds until its format and version are checked.
  const parsed = JSON.parse(bytes.toString('utf8')) as { format?: unknown; version?: unknown } | null;
  if (parsed?.format !== 'trakt-backup' || parsed.version !== 1) throw new Error(`${path} is not a Trakt backup this version reads`);
  const manifest = parsed as Manifest;
  const databaseEntry = entries.find((e) => e.name === manifest.database.entry);
  if (!databaseEntry || databaseEntry.size !== manifest.database.bytes)
    throw new Error(`${path} is incomplete: ${manifest.database.entry} is missing or cut short`);
  const dir = await mkdtemp(join(tmpdir(), 'trakt-restore-'));
  const databaseFile = join(dir, manifest.database.entry);
  if (databaseEntry.size > 0) {
    await pipeline(
      createReadStream(path, { start: databaseEntry.offset, end: databaseEntry.offset + databaseEntry.size - 1 }),
      createWriteStream(databaseFile),
    );
  }
  return { manifest, databaseFile, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** What differs between what a backup recorded and what a restored database holds; empty when they agree. */
export function compareContent(recorded: ContentSummary, found: ContentSummary): string[] {
  const differences: string[] = [];
  for (const name of new Set([...Object.keys(recorded.tables), ...Object.keys(found.tables)])) {
    const [was, is] = [recorded.tables[name], found.tables[name]];
    if (!was) differences.push(`table ${name} is not in the backup`);
    else if (!is) differences.push(`table ${name} is missing`);
    else if (was.rows !== is.rows) differences.push(`table ${name}: ${is.rows} rows, the backup recorded ${was.rows}`);
    else if (was.checksum !== is.checksum)
      differences.push(`table ${name}: the rows differ from the backup's (checksum ${is.checksum}, recorded ${was.checksum})`);
  }
  const files = new Map(found.attachments.map((a) => [a.id, a]));
  for (const attachment of recorded.attachments) {
    const is = files.get(attachment.id);
    if (!is) differences.push(`attachment ${attachment.id} is missing`);
    else if (is.sha256 !== attachment.sha256 || is.sizeBytes !== attachment.sizeBytes)
      differences.push(`attachment ${attachment.id}: its bytes differ from the backup's`);
  }
  return differences;
}

/** Trakt's file name for a backup taken now. */
export const backupFileName = (now = new Date()) => `trakt-backup-${now.toISOString().slice(0, 16).replace(':', '-')}.tar`;
