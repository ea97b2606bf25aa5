// O-17 parity: each case of the single-seller owner rule through the one statement that applies it
// (replaceSoleSellers), which an owner change through the API and through an import both run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/helpers/database.ts';
import type { Database } from './connect.ts';
import { insertOpportunity, replaceSoleSellers } from './opportunities.ts';

let database: Database;
const users: Record<string, number> = {};
let companyId: number;
let processId: number;
let number = 0;

beforeAll(async () => {
  database = await freshDatabase();
  const { db } = database;
  for (const initials of ['AA', 'BB', 'CC', 'DD']) {
    const { id } = await db
      .insertInto('users')
      .values({ name: `Sælger ${initials}`, initials, email: `${initials}@sellers.dk`, passwordHash: 'x', role: 'seller' })
      .returning('id')
      .executeTakeFirstOrThrow();
    users[initials] = id;
  }
  ({ id: companyId } = await db
    .insertInto('companies')
    .values({ accountNumber: '40001', name: 'Andel ApS' })
    .returning('id')
    .executeTakeFirstOrThrow());
  ({ id: processId } = await db.selectFrom('salesProcesses').select('id').where('isDefault', '=', true).executeTakeFirstOrThrow());
});
afterAll(() => database.close());

const user = (initials: string) => users[initials] ?? 0;

type Sellers = readonly (readonly [string, number])[];

async function sellersOf(id: number): Promise<Sellers> {
  const rows = await database.db
    .selectFrom('opportunitySellers')
    .select(['userId', 'share'])
    .where('opportunityId', '=', id)
    .orderBy('position')
    .execute();
  const byId = new Map(Object.entries(users).map(([initials, userId]) => [userId, initials]));
  return rows.map((r) => [byId.get(r.userId) ?? '?', r.share] as const);
}

describe('an owner change and the sellers (O-17)', () => {
  it.each([
    ['the owner selling alone: the new owner takes over at 100 %', 'AA', [['AA', 100]], 'BB', [['BB', 100]]],
    ['a lone seller whose share was changed: the new owner at 100 %', 'AA', [['AA', 50]], 'BB', [['BB', 100]]],
    ['a lone seller who is not the owner: replaced by the new owner', 'AA', [['CC', 100]], 'BB', [['BB', 100]]],
    ['back to the lone seller: at 100 %', 'AA', [['BB', 80]], 'BB', [['BB', 100]]],
    [
      'several sellers: no share changes',
      'AA',
      [
        ['AA', 60],
        ['BB', 30],
        ['CC', 10],
      ],
      'DD',
      [
        ['AA', 60],
        ['BB', 30],
        ['CC', 10],
      ],
    ],
    [
      'several sellers summing to 75 %: still none',
      'AA',
      [
        ['AA', 50],
        ['BB', 25],
      ],
      'BB',
      [
        ['AA', 50],
        ['BB', 25],
      ],
    ],
  ] as const)('%s', async (_name, owner, before, newOwner, expected) => {
    const { db } = database;
    number += 1;
    const id = await insertOpportunity(db, { number, title: `Ejer ${number}`, companyId, ownerId: user(owner), processId });
    await db
      .insertInto('opportunitySellers')
      .values(before.map(([initials, share], i) => ({ opportunityId: id, userId: user(initials), share, position: i + 1 })))
      .execute();
    await db
      .updateTable('opportunities')
      .set({ ownerId: user(newOwner) })
      .where('id', '=', id)
      .execute();
    await replaceSoleSellers(db, [{ opportunityId: id, ownerId: user(newOwner) }]);
    expect(await sellersOf(id)).toEqual(expected);
  });

  it('changes only the opportunities it is given', async () => {
    const { db } = database;
    const ids: number[] = [];
    for (const initials of ['AA', 'CC']) {
      number += 1;
      const id = await insertOpportunity(db, { number, title: `Ejer ${number}`, companyId, ownerId: user(initials), processId });
      await db
        .insertInto('opportunitySellers')
        .values({ opportunityId: id, userId: user(initials), share: 100, position: 1 })
        .execute();
      ids.push(id);
    }
    await replaceSoleSellers(db, [{ opportunityId: ids[0] ?? 0, ownerId: user('DD') }]);
    expect(await sellersOf(ids[0] ?? 0)).toEqual([['DD', 100]]);
    expect(await sellersOf(ids[1] ?? 0)).toEqual([['CC', 100]]);
  });
});
