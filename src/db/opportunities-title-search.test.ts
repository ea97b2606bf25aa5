import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from './connect.ts';
import { freshDatabase } from '../../test/helpers/database.ts';
import { createUser } from '../domain/users/users.ts';
import {
  allOf,
  listOpportunities,
  opportunityConditions,
  prefixRange,
  type OpportunityFilters,
  type TitleSearchTuning,
} from './opportunities.ts';
import { decodeCursor, type Sort } from './paging.ts';

// A text search sorted by title reads its page by walking the title index, and falls back to sorting
// the trigram matches when the walk finds less than a page. Whatever the walk's length, the pages
// must be exactly those of a plain ORDER BY over the matches.
let database: Database;
let owners: number[];

beforeAll(async () => {
  database = await freshDatabase();
  const db = database.db;
  owners = [];
  for (const name of ['Tove Titel', 'Sune Søg']) {
    owners.push(
      (
        await createUser({
          db,
          actor: null,
          input: { name, email: `${name.split(' ')[0]}@example.com`, password: 'long enough pw', role: 'seller' },
        })
      ).id,
    );
  }
  const { id: companyId } = await db
    .insertInto('companies')
    .values({ accountNumber: '10001', name: 'Fjordkraft AS' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: processId } = await db.selectFrom('salesProcesses').select('id').where('isDefault', '=', true).executeTakeFirstOrThrow();

  const rows: { title: string; description: string | null; deleted?: boolean }[] = [];
  const pad = (i: number) => String(i).padStart(3, '0');
  // long runs without a match, matches spread thinly through them, one dense cluster of equal titles
  for (let i = 0; i < 300; i++) rows.push({ title: i % 40 === 7 ? `Alfa ${pad(i)} fjord` : `Alfa ${pad(i)}`, description: null });
  for (let i = 0; i < 15; i++) rows.push({ title: `Fjordby ${pad(i)}`, description: null });
  for (let i = 0; i < 60; i++) rows.push({ title: 'M-service fjord', description: i % 2 ? 'Fjorden' : null, deleted: i % 12 === 5 });
  rows.push({ title: 'Ørsted FJORD', description: null });
  for (let i = 0; i < 300; i++) rows.push({ title: `Zulu ${pad(i)}`, description: i % 50 === 3 ? 'Kunden bor ved fjorden' : null });
  rows.push({ title: 'Zulu sjælden', description: null }, { title: 'Alfa sjælden', description: 'sjælden' });
  // insert in a scrambled order, so that ids do not follow titles
  const order = rows.map((_, i) => i).sort((a, b) => ((a * 7919) % rows.length) - ((b * 7919) % rows.length));
  await db
    .insertInto('opportunities')
    .values(
      order.map((i, n) => ({
        number: n + 1,
        title: rows[i]!.title,
        description: rows[i]!.description,
        companyId,
        ownerId: owners[n % 3 === 0 ? 1 : 0]!,
        processId,
        deletedAt: rows[i]!.deleted ? new Date() : null,
      })),
    )
    .execute();
  await sql`ANALYZE opportunities`.execute(db);
});
afterAll(() => database.close());

async function allPages(filters: OpportunityFilters, direction: Sort['direction'], tuning: TitleSearchTuning) {
  const sort: Sort = { field: 'title', direction };
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listOpportunities>> = await listOpportunities(
      database.db,
      { sort, cursor: decodeCursor(cursor ?? undefined, sort), limit: 10, filters },
      tuning,
    );
    ids.push(...page.items.map((row) => row.id));
    cursor = page.nextCursor;
  } while (cursor && ids.length < 1000);
  return ids;
}

async function plainOrder(filters: OpportunityFilters, direction: Sort['direction']) {
  const dir = direction === 'asc' ? sql`ASC` : sql`DESC`;
  const { rows } = await sql<{ id: number }>`
    SELECT o.id FROM opportunities o WHERE ${allOf(opportunityConditions(filters))} ORDER BY lower(o.title) ${dir}, o.id ${dir}`.execute(
    database.db,
  );
  return rows.map((row) => row.id);
}

describe('text search sorted by title', () => {
  const searches: [string, () => OpportunityFilters, number][] = [
    ['contains (q), matches by title and by description', () => ({ q: '%fjord%' }), 85],
    ['starts with (q=fjord%)', () => ({ q: 'fjord%' }), 40],
    ['ends with (q=%fjord)', () => ({ q: '%fjord' }), 64],
    ['title filter', () => ({ title: '%fjord%' }), 79],
    ['q with another filter (owner)', () => ({ q: '%fjord%', ownerId: [owners[1]!] }), 30],
    ['q and title together', () => ({ q: '%fjord%', title: '%m-service%' }), 55],
    ['few matches', () => ({ q: '%sjælden%' }), 2],
    ['no match', () => ({ q: '%zzqx%' }), 0],
  ];
  // walk: 1 falls back on nearly every page, 25 on some, 10 000 never; undefined = from PostgreSQL's estimate
  const walks = [1, 25, 10_000, undefined];

  for (const [name, filters, count] of searches) {
    it(`${name}: every page, both directions, the same rows in the same order as a plain ORDER BY`, async () => {
      for (const direction of ['asc', 'desc'] as const) {
        const expected = await plainOrder(filters(), direction);
        expect(expected).toHaveLength(count);
        for (const walk of walks) {
          expect({ direction, walk, ids: await allPages(filters(), direction, { walk }) }).toEqual({ direction, walk, ids: expected });
        }
      }
    });
  }

  it('the dense cluster of equal titles is paged by id, and deleted rows stay out', async () => {
    const ids = await allPages({ title: 'm-service%' }, 'asc', { walk: 3 });
    expect(ids).toHaveLength(55);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});

describe('prefixRange', () => {
  it('bounds a "starts with" pattern by the next code point, and nothing else', () => {
    expect(prefixRange('fjord%')).toEqual(['fjord', 'fjore']);
    expect(prefixRange('sø%')).toEqual(['sø', 'sù']);
    expect(prefixRange('100\\%%')).toEqual(['100%', '100&']);
    expect(prefixRange('a\\_b%')).toEqual(['a_b', 'a_c']);
    expect(prefixRange('%fjord%')).toBeNull();
    expect(prefixRange('%fjord')).toBeNull();
    expect(prefixRange('fj_rd%')).toBeNull();
    expect(prefixRange('fjord')).toBeNull();
  });
});
