// L-7: an import plans its foreign-key checks afresh (planKeyChecksAfresh in db/bulk-load.ts). A
// connection keeps the plans of the key checks it has run; made when the tables held a few rows, they
// scan the table. Nothing replans them inside one transaction, so an import on such a connection
// scanned the opportunities written so far once for each step it wrote: quadratic in the file.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/helpers/database.ts';
import { openDatabase, type Database } from '../../db/connect.ts';
import { createUser } from '../users/users.ts';
import { importFile } from './import-file.ts';

let database: Database;
/** One connection (PGlite has one anyway): the key checks' plans are made where the import runs. */
let single: Database;
let actor: { id: number; role: 'admin' };

beforeAll(async () => {
  database = await freshDatabase();
  const url = database.pool.options.connectionString;
  single = database.mode === 'postgres' && url ? await openDatabase({ mode: 'postgres', url, maxConnections: 1 }) : database;
  const admin = await createUser({
    db: single.db,
    actor: null,
    input: { name: 'Pia Plan', email: 'pia@plan.dk', password: 'a-long-password-1', role: 'admin' },
  });
  actor = { id: admin.id, role: 'admin' };
  await sql`INSERT INTO companies (account_number, name, owner_id, created_by, updated_by)
            SELECT (70000 + g)::text, 'Plan firma ' || g, ${actor.id}, ${actor.id}, ${actor.id} FROM generate_series(1, 3) g`.execute(
    single.db,
  );
});
afterAll(async () => {
  if (single !== database) await single.close();
  await database.close();
});

const file = (from: number, rows: number) =>
  Buffer.from(
    ['External id;Titel;Kontonr', ...Array.from({ length: rows }, (_, i) => `PLAN-${from + i};Plan ${from + i};${70001 + (i % 3)}`)].join(
      '\n',
    ),
  );

const load = (data: Buffer) =>
  importFile({
    db: single.db,
    copyPool: single.mode === 'postgres' ? single.pool : null,
    actor,
    resource: 'opportunities',
    data,
    dryRun: false,
    baseCurrency: 'DKK',
    today: '2026-12-07',
  });

/** Rows read by scanning the opportunities table, this connection's included. */
async function scannedRows(): Promise<number> {
  await sql`SELECT pg_stat_force_next_flush()`.execute(single.db);
  const { rows } = await sql<{ n: number }>`SELECT seq_tup_read::int AS n FROM pg_stat_user_tables WHERE relname = 'opportunities'`.execute(
    single.db,
  );
  return Number(rows[0]?.n);
}

describe('an import on a connection that checked keys on small tables (L-7)', () => {
  it('checks its steps by the key, not by scanning the opportunities written so far', async () => {
    // a few opportunities, analysed as autovacuum does after the first rows (and the benchmark's bulk
    // import does): the next dozen steps' key checks get a plan for a one-page table, and keep it
    expect(await load(file(1, 3))).toMatchObject({ created: 3, errors: [] });
    await sql`ANALYZE opportunities`.execute(single.db);
    expect(await load(file(10, 3))).toMatchObject({ created: 3, errors: [] });
    const before = await scannedRows();
    expect(await load(file(100, 3000))).toMatchObject({ created: 3000, errors: [] });
    // scanning once per step would read ~12 000 × 1 500 rows
    expect((await scannedRows()) - before).toBeLessThan(100_000);
  });
});
