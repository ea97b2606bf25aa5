// I-3, N-3: putting a backup back, and proving a backup can be put back (verify restores it into a
// scratch database and compares what it holds with what the backup recorded).
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openDatabase, type Database } from '../../db/connect.ts';
import { lockDataDir } from '../../db/data-dir-lock.ts';
import { knownMigrations } from '../../db/migrate.ts';
import { holdsData, restoreServer, summarizeContent, withScratchDatabase, type ContentSummary, type Progress } from '../../db/snapshot.ts';
import { compareContent, type OpenedBackup } from './backup-file.ts';
import { pgToolFor } from './pg-tools.ts';

export type Target = { mode: 'postgres'; url: string } | { mode: 'pglite'; dataDir: string; shown: string };

/** Refuses a backup this version cannot restore there. */
function assertRestorable(backup: OpenedBackup, mode: Target['mode']) {
  const { manifest } = backup;
  if (manifest.mode !== mode) {
    throw new Error(
      manifest.mode === 'pglite'
        ? 'this is a backup of the embedded database: restore it without DATABASE_URL (into TRAKT_DATA_DIR)'
        : 'this is a backup of a PostgreSQL server: restore it with DATABASE_URL set to the server',
    );
  }
  const known = new Set(knownMigrations());
  const newer = manifest.migrations.filter((name) => !known.has(name));
  if (newer.length)
    throw new Error(`this backup was made by a newer Trakt (migrations ${newer.join(', ')}); restore it with that version or newer`);
}

const summarize = (database: Database, onProgress?: Progress) =>
  database.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => summarizeContent(trx, onProgress));

/**
 * Restores a backup into the configured database. A database holding users or companies is replaced
 * only when `force`; an embedded data folder replaced is kept beside it (`<folder>.before-restore-…`).
 * Answers how the restored database differs from what the backup recorded (nothing, normally).
 */
export async function restoreBackup({
  backup,
  target,
  force,
  onProgress,
}: {
  backup: OpenedBackup;
  target: Target;
  force: boolean;
  onProgress?: Progress;
}): Promise<{ differences: string[]; setAside: string | null }> {
  assertRestorable(backup, target.mode);
  const refuse = () => new Error('the database is not empty; restoring replaces everything in it: add --force to do so');
  if (target.mode === 'postgres') {
    const database = await openDatabase({ mode: 'postgres', url: target.url, maxConnections: 2 });
    try {
      if ((await holdsData(database.db)) && !force) throw refuse();
      await restoreServer(database, backup.databaseFile, true, await pgToolFor('pg_restore', database));
      return { differences: compareContent(backup.manifest, await summarize(database, onProgress)), setAside: null };
    } finally {
      await database.close();
    }
  }
  const dataDir = resolve(target.dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  const unlock = lockDataDir(dataDir, target.shown); // held from the check to the load: no server starts in between
  try {
    let setAside: string | null = null;
    if (existsSync(join(dataDir, 'PG_VERSION'))) {
      const existing = await openDatabase({ mode: 'pglite', dataDir, lock: false });
      const full = await holdsData(existing.db).finally(() => existing.close());
      if (full && !force) throw refuse();
      setAside = `${dataDir}.before-restore-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}`;
      renameSync(dataDir, setAside);
    }
    const restored = await openDatabase({ mode: 'pglite', dataDir, loadDumpFrom: backup.databaseFile, lock: false });
    try {
      return { differences: compareContent(backup.manifest, await summarize(restored, onProgress)), setAside };
    } finally {
      await restored.close();
    }
  } finally {
    unlock();
  }
}

/**
 * Restores a backup into a scratch database (an in-memory PGlite, or a new database on the server at
 * `serverUrl`, dropped afterwards) and answers how it differs from what the backup recorded.
 */
export async function verifyBackup({
  backup,
  serverUrl,
  onProgress,
}: {
  backup: OpenedBackup;
  serverUrl?: string | undefined;
  onProgress?: Progress;
}): Promise<{ differences: string[]; found: ContentSummary }> {
  if (backup.manifest.mode === 'pglite') {
    const scratch = await openDatabase({ mode: 'pglite', loadDumpFrom: backup.databaseFile });
    try {
      const found = await summarize(scratch, onProgress);
      return { differences: compareContent(backup.manifest, found), found };
    } finally {
      await scratch.close();
    }
  }
  if (!serverUrl)
    throw new Error(
      'this is a backup of a PostgreSQL server: set DATABASE_URL to a server to verify it on (a scratch database is made and dropped there)',
    );
  return withScratchDatabase(serverUrl, async (url) => {
    const scratch = await openDatabase({ mode: 'postgres', url, maxConnections: 2 });
    try {
      await restoreServer(scratch, backup.databaseFile, false, await pgToolFor('pg_restore', scratch));
      const found = await summarize(scratch, onProgress);
      return { differences: compareContent(backup.manifest, found), found };
    } finally {
      await scratch.close();
    }
  });
}
