// L-7 on a PostgreSQL server: new opportunities are written by COPY (db/copy-rows.ts). What COPY
// writes must be exactly what the INSERT path writes (PGlite's): the same opportunities, steps,
// sellers and history, text with tabs, line breaks and backslashes kept, ids from the sequence.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDatabases, freshDatabase } from '../../../test/helpers/database.ts';
import type { Database } from '../../db/connect.ts';
import { copyLine } from '../../db/copy-rows.ts';
import { createUser } from '../users/users.ts';
import { importFile } from './import-file.ts';

describe('COPY text (L-7)', () => {
  it.each([
    [[1, 'Aftale', null, undefined], '1\tAftale\t\\N\t\\N\n'],
    [['tab\there', 'linje 1\nlinje 2\r'], 'tab\\there\tlinje 1\\nlinje 2\\r\n'],
    [['C:\\sti', '\\N'], 'C:\\\\sti\t\\\\N\n'],
    [[1250.5, Number.NaN, 0, -3], '1250.5\t\\N\t0\t-3\n'],
    [['Blåbær ÆØÅ äö', '2026-12-06'], 'Blåbær ÆØÅ äö\t2026-12-06\n'],
  ])('writes %j as %j', (values, line) => {
    expect(copyLine(values)).toBe(line);
  });
});

const onServer = Boolean(inject('serverUrl'));

describe.runIf(onServer)('COPY import on a PostgreSQL server (L-7)', () => {
  const FIELDS = [
    'externalId',
    'title',
    'description',
    'companyAccountNumber',
    'owner',
    'stage',
    'status',
    'probability',
    'amount',
    'currency',
    'decisionDate',
    'priority',
    'rating',
  ];
  const mapping = Object.fromEntries(FIELDS.map((f) => [f, f]));
  const csv = (rows: string[][]) =>
    Buffer.from([FIELDS.join(';'), ...rows.map((r) => r.map((v) => `"${v.replaceAll('"', '""')}"`).join(';'))].join('\n'));

  const first = csv([
    ['C-1', 'Tab\there', 'Linje 1\nlinje 2', '60001', 'siv@copy.no', 'Qualified', '', '', '1000,50', 'NOK', '2027-01-15', 'high', '3'],
    ['C-2', 'Sti C:\\data\\N', '\\N', '60002', '', '', 'won', '', '2500', '', '2026-11-30', '', ''],
    ['C-3', 'Blåbær ÆØÅ "citat"', '', '60003', 'siv@copy.no', '', 'open', '40', '', 'SEK', '', 'low', '5'],
    ['C-4', 'Tom', '', '60001', '', '', '', '', '', '', '', '', ''],
  ]);
  // two matched (one moves stage, so its steps follow), two new
  const second = csv([
    ['C-1', 'Tab\there igen', '', '60001', '', 'Negotiation', '', '', '1200', '', '', '', ''],
    ['C-5', 'Ny\\aftale', 'ny', '60002', 'siv@copy.no', 'Quote sent', '', '', '99', '', '2027-03-01', '', ''],
    ['C-3', 'Blåbær', 'opdateret', '60003', '', '', '', '', '', '', '', '', ''],
    ['C-6', 'Sidste', '', '60003', '', '', 'lost', '', '5', '', '', '', ''],
  ]);

  let byCopy: Database;
  let byInsert: Database;
  const actors = new Map<Database, { id: number; role: 'admin' }>();

  async function prepare(database: Database) {
    const admin = await createUser({
      db: database.db,
      actor: null,
      input: { name: 'Ada Admin', email: 'ada@copy.no', password: 'a-long-password-1', role: 'admin' },
    });
    await createUser({
      db: database.db,
      actor: null,
      input: { name: 'Siv Selger', email: 'siv@copy.no', password: 'a-long-password-1', role: 'seller' },
    });
    await sql`INSERT INTO companies (account_number, name, owner_id, created_by, updated_by)
              SELECT (60000 + g)::text, 'Copy firma ' || g, ${admin.id}, ${admin.id}, ${admin.id} FROM generate_series(1, 3) g`.execute(
      database.db,
    );
    actors.set(database, { id: admin.id, role: 'admin' });
  }

  beforeAll(async () => {
    [byCopy, byInsert] = await Promise.all([freshDatabase(), freshDatabase()]);
    await prepare(byCopy);
    await prepare(byInsert);
  });
  afterAll(async () => {
    await closeDatabases(byCopy, byInsert);
  });

  const load = (database: Database, data: Buffer, copy: boolean, bulkFrom?: number, onProgress?: (done: number) => void) =>
    importFile({
      db: database.db,
      copyPool: copy ? database.pool : null,
      actor: actors.get(database)!,
      resource: 'opportunities',
      data,
      mapping,
      dryRun: false,
      baseCurrency: 'DKK',
      today: '2026-12-06',
      bulkFrom,
      onProgress,
    });

  /** Everything an import writes, keyed by opportunity number instead of id, without the write times. */
  async function written(database: Database) {
    const { rows } = await sql<{ part: string }>`
      SELECT 'opportunity ' || (to_jsonb(o) - 'id' - 'created_at' - 'updated_at')::text AS part FROM opportunities o
      UNION ALL
      SELECT format('step %s %s %s', o.number, s.stage_id, s.state) FROM opportunity_steps s JOIN opportunities o ON o.id = s.opportunity_id
      UNION ALL
      SELECT format('seller %s %s %s %s', o.number, x.user_id, x.share, x.position) FROM opportunity_sellers x JOIN opportunities o ON o.id = x.opportunity_id
      UNION ALL
      SELECT format('history %s %s %s %s %s', o.number, h.field, coalesce(h.old_value, '-'), coalesce(h.new_value, '-'), h.changed_by)
      FROM change_history h JOIN opportunities o ON o.id = h.entity_id WHERE h.entity = 'opportunity'
      ORDER BY 1`.execute(database.db);
    return rows.map((r) => r.part);
  }

  it('writes a first, large import (indexes set aside) exactly as the INSERT path does', async () => {
    const copied = await load(byCopy, first, true, 1);
    const inserted = await load(byInsert, first, false, 1);
    expect(copied).toMatchObject({ rows: 4, created: 4, updated: 0, errors: [] });
    expect(copied).toEqual(inserted);
    const parts = await written(byCopy);
    expect(parts).toEqual(await written(byInsert));
    expect(parts.filter((p) => p.startsWith('opportunity '))).toHaveLength(4);
    expect(parts.filter((p) => p.startsWith('seller '))).toHaveLength(4);
    expect(parts.filter((p) => p.includes(' created '))).toHaveLength(4);

    const { rows } = await sql<{ title: string; description: string | null; amount: number | null }>`
      SELECT title, description, amount FROM opportunities ORDER BY external_ref`.execute(byCopy.db);
    expect(rows).toEqual([
      { title: 'Tab\there', description: 'Linje 1\nlinje 2', amount: 1000.5 },
      { title: 'Sti C:\\data\\N', description: '\\N', amount: 2500 },
      { title: 'Blåbær ÆØÅ "citat"', description: null, amount: null },
      { title: 'Tom', description: null, amount: null },
    ]);
  });

  it('re-imports matched and new rows alike on both paths, with ids the sequence goes on from', async () => {
    const copied = await load(byCopy, second, true);
    expect(copied).toMatchObject({ rows: 4, created: 2, updated: 2, errors: [] });
    expect(copied).toEqual(await load(byInsert, second, false));
    expect(await written(byCopy)).toEqual(await written(byInsert));

    // an opportunity created after the import gets a free id: the COPY took its ids from the sequence
    const {
      rows: [ids],
    } = await sql<{ distinct: number; rows: number; next: number; max: number }>`
      SELECT count(DISTINCT id)::int AS distinct, count(*)::int AS rows, max(id) AS max,
             nextval(pg_get_serial_sequence('opportunities', 'id'))::int AS next FROM opportunities`.execute(byCopy.db);
    expect(ids?.distinct).toBe(6);
    expect(ids?.rows).toBe(6);
    expect(ids!.next).toBeGreaterThan(ids!.max);
  });

  it('writes a file of several batches alike, in batches of 10 000 by COPY and of 2 000 otherwise', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => [
      `B-${i + 1}`,
      `Parti ${i + 1}`,
      i % 3 ? '' : 'med\ttab',
      String(60001 + (i % 3)),
      i % 2 ? 'siv@copy.no' : '',
      i % 4 ? 'Qualified' : '',
      '',
      '',
      `${i},25`,
      '',
      '',
      '',
      '',
    ]);
    const progress = { copy: [] as number[], insert: [] as number[] };
    expect(await load(byCopy, csv(rows), true, undefined, (done) => progress.copy.push(done))).toMatchObject({
      rows: 12_000,
      created: 12_000,
      errors: [],
    });
    expect(await load(byInsert, csv(rows), false, undefined, (done) => progress.insert.push(done))).toMatchObject({
      rows: 12_000,
      created: 12_000,
      errors: [],
    });
    expect(progress).toEqual({ copy: [10_000, 12_000], insert: [2000, 4000, 6000, 8000, 10_000, 12_000] });
    expect(await written(byCopy)).toEqual(await written(byInsert));
  }, 120_000); // two imports of 12 000 rows each: tens of seconds on a busy machine

  it('refuses a file with a bad row and writes nothing by COPY either', async () => {
    const before = await written(byCopy);
    const bad = csv([
      ['C-7', 'God', '', '60001', '', '', '', '', '', '', '', '', ''],
      ['C-8', 'Dårlig', '', '99999', '', '', '', '', '', '', '', '', ''],
    ]);
    const result = await load(byCopy, bad, true);
    expect(result.errors).toEqual([{ row: 3, field: 'companyAccountNumber', message: 'no company has account number "99999"' }]);
    expect(await written(byCopy)).toEqual(before);
  });
});
