// `trakt backup <file>`, `trakt backup --verify <file>` and `trakt restore <file> [--force]` (I-3, N-3).
// The embedded data folder is locked by a running server, so a backup of it then comes through the
// server's API (--url, --token), the same file as Setup → Backup downloads.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { openDatabase, type Database } from '../db/connect.ts';
import { DataDirInUseError } from '../db/data-dir-lock.ts';
import type { Progress } from '../db/snapshot.ts';
import { openBackup, writeBackup, type Manifest } from '../domain/backup/backup-file.ts';
import { restoreBackup, verifyBackup, type Target } from '../domain/backup/restore.ts';
import { downloadBackup } from './through-api.ts';

const STEPS = { tables: 'summing tables', dump: 'dumping the database' };

/** A progress bar for the steps of a backup, verify or restore; `done()` clears it. */
function progressBar() {
  const bar = new cliProgress.SingleBar({ format: ' {step} {bar} {value}/{total}', hideCursor: true }, cliProgress.Presets.shades_classic);
  let current: string | null = null;
  const onProgress: Progress = (step, done, total) => {
    if (current !== step) {
      if (current) bar.stop();
      bar.start(total, done, { step: STEPS[step].padEnd(20) });
      current = step;
    }
    bar.update(done);
  };
  return { onProgress, done: () => bar.stop() };
}

const dataFolder = () => process.env.TRAKT_DATA_DIR ?? './data';
const embeddedDir = () => join(dataFolder(), 'pglite');

function describeContent(manifest: Manifest) {
  const tables = Object.values(manifest.tables);
  const rows = tables.reduce((sum, table) => sum + table.rows, 0);
  return `${tables.length} tables, ${rows} rows, ${manifest.attachments.length} attachments`;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The configured database for a backup, without migrating it (a backup takes what is there). */
async function openForBackup(): Promise<Database> {
  if (process.env.DATABASE_URL) return openDatabase({ mode: 'postgres', url: process.env.DATABASE_URL, maxConnections: 2 });
  if (!existsSync(join(embeddedDir(), 'PG_VERSION')))
    throw new Error(`there is no database in ${dataFolder()} (set TRAKT_DATA_DIR or DATABASE_URL)`);
  try {
    return await openDatabase({ mode: 'pglite', dataDir: embeddedDir() });
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    throw new Error(
      `${error.message}. A running server makes the backup itself: download it as an admin from Setup → Backup, or run \`trakt backup <file> --url http://localhost:3000 --token <API token of an admin>\``,
      { cause: error },
    );
  }
}

async function backup(file: string, options: { url?: string; token?: string }) {
  const to = resolve(file);
  if (options.url) {
    if (!options.token) throw new Error('--url needs --token <API token of an admin> (or TRAKT_TOKEN)');
    const bar = new cliProgress.SingleBar({ format: ' downloading {value} MB', hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(0, 0);
    const bytes = await downloadBackup({
      url: options.url,
      token: options.token,
      to,
      onProgress: (done) => bar.update(Math.round(done / 1024 / 1024)),
    }).finally(() => bar.stop());
    const { manifest, dispose } = await openBackup(to);
    await dispose();
    console.log(`Backup written to ${to} (${megabytes(bytes)}): ${describeContent(manifest)}.`);
    return;
  }
  const database = await openForBackup();
  const progress = progressBar();
  try {
    const manifest = await writeBackup(database, to, progress.onProgress);
    progress.done();
    console.log(`Backup written to ${to} (${megabytes((await stat(to)).size)}): ${describeContent(manifest)}.`);
    console.log(`Check it with: trakt backup --verify ${file}`);
  } finally {
    progress.done();
    await database.close();
  }
}

async function verify(file: string) {
  const opened = await openBackup(resolve(file));
  const progress = progressBar();
  try {
    const { differences } = await verifyBackup({ backup: opened, serverUrl: process.env.DATABASE_URL, onProgress: progress.onProgress });
    progress.done();
    if (differences.length) throw new Error(`the backup does not restore to what it recorded:\n  ${differences.join('\n  ')}`);
    console.log(
      `Verified ${file} (taken ${opened.manifest.createdAt}): restored into a scratch database, ${describeContent(opened.manifest)} match what the backup recorded.`,
    );
  } finally {
    progress.done();
    await opened.dispose();
  }
}

async function restore(file: string, options: { force?: boolean }) {
  const opened = await openBackup(resolve(file));
  const target: Target = process.env.DATABASE_URL
    ? { mode: 'postgres', url: process.env.DATABASE_URL }
    : { mode: 'pglite', dataDir: embeddedDir(), shown: dataFolder() };
  const progress = progressBar();
  try {
    const { differences, setAside } = await restoreBackup({
      backup: opened,
      target,
      force: options.force === true,
      onProgress: progress.onProgress,
    });
    progress.done();
    if (setAside) console.log(`The database that was there is kept in ${setAside}; delete it when you no longer need it.`);
    if (differences.length) throw new Error(`the restored database differs from what the backup recorded:\n  ${differences.join('\n  ')}`);
    console.log(
      `Restored ${file} (taken ${opened.manifest.createdAt}): ${describeContent(opened.manifest)}, checked against the backup's manifest.`,
    );
    console.log('Start Trakt (trakt serve) to bring the schema up to date if the backup came from an older version.');
  } finally {
    progress.done();
    await opened.dispose();
  }
}

export function registerBackupCommands(program: Command) {
  program
    .command('backup')
    .description('write a consistent backup of the database and its attachments to <file>, or check one with --verify')
    .argument('<file>', 'the backup file (a tar)')
    .option('--verify', 'restore <file> into a scratch database and compare it with what the backup recorded')
    .option('--url <url>', 'take the backup through a running Trakt server (the one holding the data folder)', process.env.TRAKT_URL)
    .option('--token <token>', 'an API token of an admin, for --url', process.env.TRAKT_TOKEN)
    .action((file: string, options: { verify?: boolean; url?: string; token?: string }) =>
      options.verify ? verify(file) : backup(file, options),
    );

  program
    .command('restore')
    .description('restore a backup into the configured database (refused when it holds data, unless --force)')
    .argument('<file>', 'a file written by trakt backup or downloaded from Setup → Backup')
    .option('--force', 'replace a database that holds data (an embedded one is kept beside it)')
    .action(restore);
}
