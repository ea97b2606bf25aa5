// Migration 0009: the filter-only references of opportunities are indexed only where they are set,
// and the list's filter and the foreign keys' look-ups still find their rows through those indexes.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/helpers/database.ts';
import type { Database } from '../connect.ts';
import { allOf, opportunityConditions } from '../opportunities.ts';

let database: Database;
let regionIds: number[];

beforeAll(async () => {
  database = await freshDatabase();
  const { db } = database;
  const { id: ownerId } = await db
    .insertInto('users')
    .values({ name: 'Rita Region', initials: 'RR', email: 'rita@example.dk', passwordHash: 'x', role: 'seller' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: companyId } = await db
    .insertInto('companies')
    .values({ accountNumber: '10001', name: 'Vestkyst ApS' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: processId } = await db.selectFrom('salesProcesses').select('id').where('isDefault', '=', true).executeTakeFirstOrThrow();
  regionIds = (
    await db
      .insertInto('regions')
      .values([{ name: 'Nord' }, { name: 'Syd' }])
      .returning('id')
      .execute()
  ).map((r) => r.id);
  // 400 without a region, three with one
  const rows = Array.from({ length: 403 }, (_, i) => ({
    number: i + 1,
    title: `Aftale ${i + 1}`,
    companyId,
    ownerId,
    processId,
    regionId: i < 3 ? regionIds[i % 2] : null,
  }));
  await db.insertInto('opportunities').values(rows).execute();
  await sql`ANALYZE opportunities`.execute(db);
});

afterAll(async () => {
  await database.close();
});

describe('reference indexes (migration 0009)', () => {
  it.each(['contact', 'campaign', 'region', 'department', 'type', 'source'])(
    '%s: indexed by (%s_id, id) only where it is set',
    async (name) => {
      const { rows } = await sql<{
        definition: string;
      }>`SELECT pg_get_indexdef(${`opportunities_${name}_idx`}::regclass) AS definition`.execute(database.db);
      expect(rows[0]?.definition).toBe(
        `CREATE INDEX opportunities_${name}_idx ON public.opportunities USING btree (${name}_id, id) WHERE (${name}_id IS NOT NULL)`,
      );
    },
  );

  it('the index holds only the rows that have a region', async () => {
    const { rows } = await sql<{ entries: number }>`
      SELECT reltuples::int AS entries FROM pg_class WHERE relname = 'opportunities_region_idx'`.execute(database.db);
    expect(rows[0]?.entries).toBe(3);
  });

  const planOf = async (query: ReturnType<typeof sql>) =>
    database.db.transaction().execute(async (tx) => {
      // as on a million rows, where reading the whole table is what the index saves
      await sql`SET LOCAL enable_seqscan = off`.execute(tx);
      await sql`SET LOCAL plan_cache_mode = force_generic_plan`.execute(tx);
      const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${query}`.execute(tx);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });

  it("the list's region filter reads the partial index and finds the rows", async () => {
    const where = allOf(opportunityConditions({ regionId: regionIds }));
    expect(await planOf(sql`SELECT o.id FROM opportunities o WHERE ${where}`)).toContain('opportunities_region_idx');
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM opportunities o WHERE ${where}`.execute(database.db);
    expect(rows[0]?.n).toBe(3);
  });

  it("a foreign key's look-up of a region (deleting it) reads the partial index", async () => {
    expect(await planOf(sql`SELECT 1 FROM ONLY opportunities x WHERE region_id = ${regionIds[0]} FOR KEY SHARE OF x`)).toContain(
      'opportunities_region_idx',
    );
    await expect(
      database.db
        .deleteFrom('regions')
        .where('id', '=', regionIds[0] as number)
        .execute(),
    ).rejects.toThrow(/foreign key/);
  });
});
