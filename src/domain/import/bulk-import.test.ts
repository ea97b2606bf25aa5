// L-7 at scale: a large import into a smaller table sets indexes and foreign keys aside and rebuilds
// them (db/bulk-load.ts). The schema must come out exactly as it went in, the rows must be complete
// (steps, sellers, history, totals), and a refused file must leave rows, indexes and keys untouched.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/helpers/database.ts';
import type { Database } from '../../db/connect.ts';
import { createUser } from '../users/users.ts';
import { setIndexesAside } from '../../db/bulk-load.ts';
import { importFile } from './import-file.ts';
import { importOpportunities } from './import-opportunities.ts';

let database: Database;
let actor: { id: number; role: 'admin' };

beforeAll(async () => {
  database = await freshDatabase();
  const admin = await createUser({
    db: database.db,
    actor: null,
    input: { name: 'Bo Bulk', email: 'bo@bulk.dk', password: 'a-long-password-1', role: 'admin' },
  });
  actor = { id: admin.id, role: 'admin' };
  await sql`INSERT INTO companies (account_number, name, owner_id, created_by, updated_by)
            SELECT (50000 + g)::text, 'Bulk firma ' || g, ${actor.id}, ${actor.id}, ${actor.id} FROM generate_series(1, 20) g`.execute(
    database.db,
  );
});
afterAll(() => database.close());

/** Every index and foreign key of the tables a bulk import touches, with its definition. */
async function schemaOf() {
  const { rows } = await sql<{ item: string }>`
    SELECT 'index ' || indexname || ': ' || indexdef AS item FROM pg_indexes
    WHERE schemaname = current_schema() AND tablename IN ('opportunities', 'opportunity_steps', 'opportunity_sellers', 'change_history')
    UNION ALL
    SELECT 'constraint ' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint
    WHERE conrelid IN ('opportunities'::regclass, 'opportunity_steps'::regclass, 'opportunity_sellers'::regclass, 'change_history'::regclass)
    ORDER BY 1`.execute(database.db);
  return rows.map((r) => r.item);
}

/** The planner's statistics of a column (none until the table is analysed). */
const statisticsOf = async (table: string, column: string) =>
  (
    await sql<{
      nDistinct: number;
    }>`SELECT n_distinct::float AS "nDistinct" FROM pg_stats WHERE schemaname = current_schema() AND tablename = ${table} AND attname = ${column}`.execute(
      database.db,
    )
  ).rows;

const count = async (table: string) =>
  Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(database.db)).rows[0]?.n);

function file(rows: number, badLine?: number) {
  const lines = ['External id;Titel;Kontonr;Fase;Beløb'];
  for (let i = 1; i <= rows; i++)
    lines.push(`BULK-${i};Bulkaftale ${i};${i + 1 === badLine ? '99999' : 50000 + ((i % 20) + 1)};Qualified;${i * 1000},50`);
  return Buffer.from(lines.join('\n'));
}

async function run(data: Buffer, bulkFrom: number) {
  const steps: string[] = [];
  const result = await importFile({
    db: database.db,
    copyPool: database.mode === 'postgres' ? database.pool : null,
    actor,
    resource: 'opportunities',
    data,
    dryRun: false,
    baseCurrency: 'DKK',
    today: '2026-11-23',
    bulkFrom,
    onProgress: (_done, _total, step) => steps.push(step ?? 'rows'),
  });
  return { result, setAside: steps.includes('indexes') };
}

describe('bulk import (L-7 at a million rows)', () => {
  it('refuses a file with a bad row: no rows, and every index and key back as it was', async () => {
    const before = await schemaOf();
    const { result } = await run(file(4500, 4321), 10);
    expect(result.errors).toEqual([{ row: 4321, field: 'companyAccountNumber', message: 'no company has account number "99999"' }]);
    expect(await count('opportunities')).toBe(0);
    expect(await count('opportunity_steps')).toBe(0);
    expect(await schemaOf()).toEqual(before);
  });

  it('loads a large file into an empty table with indexes set aside, and rebuilds them exactly', async () => {
    const before = await schemaOf();
    expect(before.some((item) => item.startsWith('index opportunities_owner_idx'))).toBe(true);
    expect(before.some((item) => item.startsWith('constraint opportunities_company_id_fkey'))).toBe(true);

    expect(await statisticsOf('opportunities', 'owner_id')).toEqual([]);
    const { result, setAside } = await run(file(4500), 10);
    expect(result).toMatchObject({ rows: 4500, created: 4500, updated: 0, errors: [] });
    expect(setAside).toBe(true);
    // analysed: lists right after the first import are planned for the rows it loaded
    expect(await statisticsOf('opportunities', 'owner_id')).toEqual([{ nDistinct: 1 }]);
    expect(await statisticsOf('opportunity_steps', 'stage_id')).toHaveLength(1);
    expect(await schemaOf()).toEqual(before);

    expect(await count('opportunities')).toBe(4500);
    // O-7: one step per stage of the default process, O-16: the owner as sole seller, O-24: a created entry each
    const {
      rows: [stats],
    } = await sql<{ steps: number; sellers: number; created: number; amount: number; n: number }>`
      SELECT (SELECT count(*)::int FROM opportunity_steps) AS steps,
             (SELECT count(*)::int FROM opportunity_sellers WHERE share = 100) AS sellers,
             (SELECT count(*)::int FROM change_history WHERE entity = 'opportunity' AND field = 'created') AS created,
             (SELECT sum(amount)::float FROM opportunity_totals) AS amount,
             (SELECT sum(n)::int FROM opportunity_totals) AS n`.execute(database.db);
    const stages = Number(
      (
        await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM stages s JOIN sales_processes p ON p.id = s.process_id WHERE p.is_default`.execute(database.db)
      ).rows[0]?.n,
    );
    expect(stats).toEqual({ steps: 4500 * stages, sellers: 4500, created: 4500, amount: ((4500 * 4501) / 2) * 1000 + 4500 * 0.5, n: 4500 });
    // the rebuilt indexes answer: a look-up by owner and a title search find the rows
    const owned = await sql<{ n: number }>`SELECT count(*)::int AS n FROM opportunities WHERE owner_id = ${actor.id}`.execute(database.db);
    expect(owned.rows[0]?.n).toBe(4500);
  });

  it('sets the primary keys of steps and sellers aside too, but only when the table was empty', async () => {
    const tables = importOpportunities.bulk?.tables;
    if (!tables) throw new Error('opportunities have a bulk load');
    const keysAside = async (empty: boolean) => {
      let statements: string[] = [];
      await database.db
        .transaction()
        .execute(async (trx) => {
          statements = await setIndexesAside(trx, tables, { empty });
          throw new Error('roll back');
        })
        .catch((error: unknown) => {
          if (!(error instanceof Error && error.message === 'roll back')) throw error;
        });
      return statements
        .filter((statement) => statement.includes('PRIMARY KEY'))
        .map((statement) => statement.replace(/^ALTER TABLE \S+?\./, 'ALTER TABLE '));
    };
    expect(await keysAside(true)).toEqual([
      'ALTER TABLE opportunity_sellers ADD CONSTRAINT opportunity_sellers_pkey PRIMARY KEY (opportunity_id, user_id)',
      'ALTER TABLE opportunity_steps ADD CONSTRAINT opportunity_steps_pkey PRIMARY KEY (opportunity_id, stage_id)',
    ]);
    // matched opportunities realign their steps and seller by these keys while the import runs
    expect(await keysAside(false)).toEqual([]);
  });

  it('re-imports the same file into the now larger table row by row (no indexes set aside) and changes nothing twice', async () => {
    const before = await schemaOf();
    const { result, setAside } = await run(file(3000), 10);
    expect(setAside).toBe(false);
    expect(result).toMatchObject({ rows: 3000, created: 0, updated: 3000, errors: [] });
    expect(await count('opportunities')).toBe(4500);
    expect(await schemaOf()).toEqual(before);
  });
});
