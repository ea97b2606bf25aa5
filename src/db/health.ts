// I-1: whether the database answers, for /api/health.
import pg from 'pg';
import { sql } from 'kysely';
import type { Database } from './connect.ts';

// one probe at a time per database: health checks that come while one is waiting share its answer,
// so a database that hangs does not collect a queue of them
const probes = new WeakMap<object, Promise<boolean>>();

/** A connection of its own, for a server whose pool is all in use: `SELECT 1`, then closed. */
async function probeAlone(pool: pg.Pool, timeoutMs: number): Promise<boolean> {
  const client = new pg.Client({ ...pool.options, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    void client.end().catch(() => {});
  }
}

function probe(database: Pick<Database, 'db' | 'pool' | 'mode'>, timeoutMs: number): Promise<boolean> {
  const { pool } = database;
  const busy = pool.idleCount === 0 && pool.totalCount >= ((pool.options.max as number | undefined) ?? 10);
  if (!busy)
    return sql`SELECT 1`.execute(database.db).then(
      () => true,
      () => false,
    );
  // Every connection is at work (a long query, an import). A health check must not wait behind them
  // (the HTTP thread stays free, test/api/database-off-thread.test.ts): on a server, ask on a
  // connection of its own; PGlite has its one connection, held by a live worker (a worker that dies
  // closes the socket, and the pool drops the connection), so the database is working.
  return database.mode === 'pglite' ? Promise.resolve(true) : probeAlone(pool, timeoutMs);
}

/** True when the database answers `SELECT 1` within `timeoutMs` (or is busy answering others); false when it fails or takes longer. */
export async function databaseAnswers(database: Pick<Database, 'db' | 'pool' | 'mode'>, timeoutMs: number): Promise<boolean> {
  let running = probes.get(database.db);
  if (!running) {
    const started = probe(database, timeoutMs);
    running = started;
    probes.set(database.db, started);
    void started.finally(() => probes.get(database.db) === started && probes.delete(database.db));
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([running, late]);
  } finally {
    clearTimeout(timer);
  }
}
