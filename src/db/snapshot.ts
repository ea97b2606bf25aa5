// I-3, N-3: a consistent snapshot of the whole database and what it holds, for backups. The content
// summary (rows and a checksum a table) is read in the same snapshot as the dump, so a restore can
// be checked against it. See docs/decisions/0011-backup.md.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from './connect.ts';
import type { DB, Db } from './schema.ts';

export type TableSummary = { rows: number; checksum: string };
export type ContentSummary = {
  serverVersion: string;
  migrations: string[];
  tables: Record<string, TableSummary>;
  /** Attachments live in the database (attachments.data); each file's hash, to compare bytes. */
  attachments: { id: number; sizeBytes: number; sha256: string }[];
};
export type Progress = (step: 'tables' | 'dump', done: number, total: number) => void;

/**
 * Rows and a checksum of every table: the md5 of the sorted md5s of its rows as text, so it does not
 * depend on the order rows lie on disk. Run inside a transaction; the settings fix how values print.
 */
export async function summarizeContent(trx: Kysely<DB>, onProgress: Progress = () => {}): Promise<ContentSummary> {
  for (const setting of [
    sql`SET LOCAL TimeZone = 'UTC'`,
    sql`SET LOCAL DateStyle = 'ISO, YMD'`,
    sql`SET LOCAL IntervalStyle = 'postgres'`,
    sql`SET LOCAL extra_float_digits = 1`,
    sql`SET LOCAL bytea_output = 'hex'`,
  ]) {
    await setting.execute(trx);
  }
  const { rows: version } = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(trx);
  const { rows: names } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname COLLATE "C"`.execute(trx);
  const tables: Record<string, TableSummary> = {};
  for (const [index, { name }] of names.entries()) {
    onProgress('tables', index, names.length);
    const { rows } = await sql<{ rows: number; checksum: string }>`
      SELECT count(*)::int8 AS rows, md5(coalesce(string_agg(h, '' ORDER BY h COLLATE "C"), '')) AS checksum
      FROM (SELECT md5(t::text) AS h FROM ${sql.table(name)} t) s`.execute(trx);
    tables[name] = rows[0] ?? { rows: 0, checksum: '' };
  }
  onProgress('tables', names.length, names.length);
  const hasMigrations = names.some((n) => n.name === 'kysely_migration');
  const migrations = hasMigrations
    ? (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(trx)).rows.map((r) => r.name)
    : [];
  const attachments = names.some((n) => n.name === 'attachments')
    ? (
        await sql<{ id: number; sizeBytes: number; sha256: string }>`
        SELECT id, size_bytes AS "sizeBytes", encode(sha256(data), 'hex') AS sha256 FROM attachments ORDER BY id`.execute(trx)
      ).rows
    : [];
  return { serverVersion: version[0]?.v ?? '', migrations, tables, attachments };
}

/** Whether the database holds anything of a user's: a user or a company (a restore would replace it). */
export async function holdsData(db: Db): Promise<boolean> {
  // a table that is not there cannot be named in the query, so look first
  const { rows: present } = await sql<{ users: boolean; companies: boolean }>`
    SELECT to_regclass('public.users') IS NOT NULL AS users, to_regclass('public.companies') IS NOT NULL AS companies`.execute(db);
  if (!present[0]?.users || !present[0].companies) return false;
  const { rows } = await sql<{ found: boolean }>`SELECT EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM companies) AS found`.execute(
    db,
  );
  return rows[0]?.found === true;
}

/** An embedded database's snapshot: its data folder as PGlite dumps it (a tar), and its summary. */
export async function snapshotEmbedded(database: Database, onProgress?: Progress): Promise<{ summary: ContentSummary; data: Uint8Array }> {
  // PGlite has one connection: holding it, nothing can write between the summary and the dump
  return database.db.connection().execute(async (connection) => {
    await sql`CHECKPOINT`.execute(connection);
    const summary = await connection
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute((trx) => summarizeContent(trx, onProgress));
    onProgress?.('dump', 0, 1);
    const data = await database.dump();
    onProgress?.('dump', 1, 1);
    return { summary, data };
  });
}

/**
 * A server database's snapshot: pg_dump's custom format into `file`, taken in the snapshot the summary
 * was read in (pg_export_snapshot), so both see the same committed transactions.
 */
export async function snapshotServer(database: Database, file: string, pgDump: string, onProgress?: Progress): Promise<ContentSummary> {
  const url = serverUrl(database);
  return database.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const { rows } = await sql<{ id: string }>`SELECT pg_export_snapshot() AS id`.execute(trx);
      const summary = await summarizeContent(trx, onProgress);
      onProgress?.('dump', 0, 1);
      await runTool(pgDump, [
        '--format=custom',
        `--snapshot=${rows[0]?.id}`,
        '--no-owner',
        '--no-privileges',
        `--file=${file}`,
        `--dbname=${url}`,
      ]);
      onProgress?.('dump', 1, 1);
      return summary;
    });
}

/** Loads a pg_dump file into the server database with `pgRestore`; `clean` drops what is there first. All or nothing. */
export async function restoreServer(database: Database, file: string, clean: boolean, pgRestore: string): Promise<void> {
  const args = ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${serverUrl(database)}`];
  if (clean) args.push('--clean', '--if-exists');
  await runTool(pgRestore, [...args, file]);
}

/** The server's version, as `server_version` reports it (`15.4 (Debian …)`). */
export async function serverVersion(db: Db): Promise<string> {
  const { rows } = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(db);
  return rows[0]?.v ?? '';
}

/** Makes a new, empty database on the server at `serverUrl`, hands its URL to `use`, and drops it afterwards. */
export async function withScratchDatabase<T>(serverUrl: string, use: (url: string) => Promise<T>): Promise<T> {
  const name = `trakt_verify_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await use(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

export function serverUrl(database: Database): string {
  const url = database.pool.options.connectionString;
  if (!url) throw new Error('the server database was opened without a connection URL');
  return url;
}

export const majorOf = (version: string) => Number(/^(\d+)/.exec(version)?.[1] ?? 0);

/**
 * pg_dump or pg_restore of the server's major version or newer (an older one refuses a newer server):
 * TRAKT_PG_BIN, then Debian's /usr/lib/postgresql/<major>/bin, then the PATH. Null when none is installed.
 */
export async function findTool(name: 'pg_dump' | 'pg_restore', version: string): Promise<string | null> {
  const major = majorOf(version);
  const candidates = [
    process.env.TRAKT_PG_BIN ? join(process.env.TRAKT_PG_BIN, name) : null,
    `/usr/lib/postgresql/${major}/bin/${name}`,
    name,
  ];
  for (const candidate of candidates) {
    if (!candidate || (candidate.includes('/') && !existsSync(candidate))) continue;
    const version = await runTool(candidate, ['--version']).catch(() => null);
    if (version !== null && majorOf(/\(PostgreSQL\)\s+(\d+)/.exec(version)?.[1] ?? '0') >= major) return candidate;
  }
  return null;
}

function runTool(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${command.split('/').pop()} failed: ${err.trim().split('\n').slice(-3).join(' ') || `exit ${code}`}`)),
    );
  });
}
