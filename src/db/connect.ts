import { Worker } from 'node:worker_threads';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { CamelCaseRowsPlugin } from './camel-case-rows.ts';
import { lockDataDir } from './data-dir-lock.ts';
import type { DB } from './schema.ts';

export type Mode = 'pglite' | 'postgres';

export type Database = {
  db: Kysely<DB>;
  pool: pg.Pool;
  mode: Mode;
  /** Writes the embedded database to a tarball (PGlite only; used to give each test file a copy). */
  dump(): Promise<Uint8Array>;
  close(): Promise<void>;
};

export type OpenOptions =
  | { mode: 'postgres'; url: string; maxConnections?: number }
  // dataDir undefined = in-memory (tests only); loadDumpFrom = start from a dumped tarball
  // lock false: the caller already holds the data folder's lock (a restore, from check to load)
  | { mode: 'pglite'; dataDir?: string; loadDumpFrom?: string; lock?: boolean };

// numeric → number (money has 2 decimals, well inside double precision), int8 → number (counts),
// date stays 'YYYY-MM-DD' so no time zone can shift it.
const { NUMERIC, INT8, DATE } = pg.types.builtins;
type Parser = (value: string) => unknown;
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: Parameters<typeof pg.types.getTypeParser>[0], format?: 'text' | 'binary'): Parser => {
    if (oid === NUMERIC || oid === INT8) return (value: string) => Number(value);
    if (oid === DATE) return (value: string) => value;
    return pg.types.getTypeParser(oid, format) as Parser;
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** Opens the database: a PostgreSQL server, or embedded PGlite running in a worker thread. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.mode === 'postgres') {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      types: typeParsers,
    });
    pool.on('error', () => {}); // an idle client dropped by the server is replaced on next use
    return {
      db: kysely(pool),
      pool,
      mode: 'postgres',
      dump: () => Promise.reject(new Error('dump is only available for the embedded database')),
      close: () => pool.end(),
    };
  }
  return openPglite(options);
}

async function openPglite(options: { dataDir?: string; loadDumpFrom?: string; lock?: boolean }): Promise<Database> {
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // before PGlite touches the files: a second process on them loses the first one's writes
  const unlock = options.dataDir && dataDir && options.lock !== false ? lockDataDir(dataDir, shownFolder(options.dataDir)) : () => {};
  try {
    return await startPglite(dataDir, options.loadDumpFrom, unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

/** The folder as the user knows it: TRAKT_DATA_DIR (./data), not its pglite subfolder. */
function shownFolder(given: string): string {
  const folder = basename(given) === 'pglite' ? dirname(given) : given;
  return isAbsolute(folder) || folder.startsWith('.') ? folder : `./${folder}`;
}

async function startPglite(dataDir: string | undefined, loadDumpFrom: string | undefined, unlock: () => void): Promise<Database> {
  // Unix socket in a private temp folder: short path (sockets are limited to ~100 bytes), not reachable from the network
  const socketDir = mkdtempSync(join(tmpdir(), 'trakt-pg-'));
  const port = 5432;
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir, loadDumpFrom, socketPath: join(socketDir, `.s.PGSQL.${port}`) },
    execArgv: [],
  });
  await new Promise<void>((ready, fail) => {
    const onMessage = (message: { type: string }) => {
      if (message.type === 'ready') {
        worker.off('error', fail);
        ready();
      }
    };
    worker.on('message', onMessage);
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`embedded database stopped during start-up (exit ${code})`)));
  });
  worker.unref();

  // PGlite is one session: one connection, so transactions of different requests never interleave
  const pool = new pg.Pool({ host: socketDir, port, user: 'postgres', database: 'postgres', max: 1, types: typeParsers });
  pool.on('error', () => {});

  const request = <T>(type: string, answer: string) =>
    new Promise<T>((done) => {
      const onMessage = (message: { type: string } & T) => {
        if (message.type !== answer) return;
        worker.off('message', onMessage);
        worker.unref();
        done(message);
      };
      worker.on('message', onMessage);
      worker.ref(); // keep the process alive until the worker answers
      worker.postMessage({ type });
    });

  let closed = false;
  return {
    db: kysely(pool),
    pool,
    mode: 'pglite',
    dump: async () => (await request<{ bytes: Uint8Array }>('dump', 'dumped')).bytes,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
      await request('close', 'closed');
      await worker.terminate();
      rmSync(socketDir, { recursive: true, force: true });
      unlock();
    },
  };
}

function kysely(pool: pg.Pool): Kysely<DB> {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCaseRowsPlugin()] });
}
