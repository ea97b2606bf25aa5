import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';
import { opportunityParties, readableActivities, readableOpportunities } from '../../db/visibility.ts';
import type { Actor } from './permissions.ts';
import { canAssignOwner, canChangeOwnerAndSellers, canEdit, canRead, canReadActivity, readScope } from './policy.ts';

const seller: Actor = { id: 7, role: 'seller' };
const manager: Actor = { id: 8, role: 'manager' };
const admin: Actor = { id: 9, role: 'admin' };
const on = { sellersSeeOnlyOwn: true };
const off = { sellersSeeOnlyOwn: false };

describe('canEdit (A-2)', () => {
  it.each([
    ['seller, own record', seller, { ownerId: 7 }, true],
    ['seller, unowned record', seller, { ownerId: null }, true],
    ['seller, someone else’s record', seller, { ownerId: 3 }, false],
    ['seller, sells on it', seller, { ownerId: 3, sellerIds: [3, 7] }, true],
    ['seller, others sell on it', seller, { ownerId: 3, sellerIds: [3, 4] }, false],
    ['manager, someone else’s record', manager, { ownerId: 3 }, true],
    ['admin, someone else’s record', admin, { ownerId: 3 }, true],
  ] as const)('%s → %s', (_name, actor, record, expected) => {
    expect(canEdit(actor, record)).toBe(expected);
  });
});

describe('canRead and readScope ("sellers see only their own")', () => {
  it.each([
    ['setting off: seller reads all', seller, { ownerId: 3, sellerIds: [3] }, off, true],
    ['setting on: seller reads own', seller, { ownerId: 7, sellerIds: [7] }, on, true],
    ['setting on: seller reads what he sells on', seller, { ownerId: 3, sellerIds: [3, 7] }, on, true],
    ['setting on: seller owns it but was taken off the sellers', seller, { ownerId: 7, sellerIds: [3] }, on, true],
    ['setting on: seller does not read others’', seller, { ownerId: 3, sellerIds: [3] }, on, false],
    ['setting on: manager reads all', manager, { ownerId: 3, sellerIds: [3] }, on, true],
    ['setting on: admin reads all', admin, { ownerId: 3, sellerIds: [3] }, on, true],
  ] as const)('%s', (_name, actor, opportunity, settings, expected) => {
    expect(canRead(actor, opportunity, settings)).toBe(expected);
    expect(canReadActivity(actor, { opportunity }, settings)).toBe(expected);
    expect(canReadActivity(actor, { opportunity: null }, settings)).toBe(true);
  });

  it('narrows lists only for a seller with the setting on', () => {
    expect(readScope(seller, on)).toBe(7);
    expect(readScope(seller, off)).toBeUndefined();
    expect(readScope(manager, on)).toBeUndefined();
    expect(readScope(admin, on)).toBeUndefined();
  });
});

describe('owners and sellers (O-16, O-17)', () => {
  it('only the owner, a manager or an admin hands over or changes the sellers', () => {
    expect(canChangeOwnerAndSellers(seller, { ownerId: 7 })).toBe(true);
    expect(canChangeOwnerAndSellers(seller, { ownerId: 3 })).toBe(false);
    expect(canChangeOwnerAndSellers(manager, { ownerId: 3 })).toBe(true);
    expect(canChangeOwnerAndSellers(admin, { ownerId: 3 })).toBe(true);
  });

  it('a seller writes only himself (or nobody) as the owner of a new record', () => {
    expect(canAssignOwner(seller, 7)).toBe(true);
    expect(canAssignOwner(seller, null)).toBe(true);
    expect(canAssignOwner(seller, 3)).toBe(false);
    expect(canAssignOwner(manager, 3)).toBe(true);
    expect(canAssignOwner(admin, 3)).toBe(true);
  });
});

describe('the SQL of the read rule agrees with canRead on a table of cases', () => {
  let api: TestApi;
  type Name = 's1' | 's2' | 's3' | 'm' | 'a';
  const users = {} as Record<Name, Client>;
  const opportunityIds: number[] = [];
  const activityIds: number[] = [];

  beforeAll(async () => {
    api = await startApi();
    for (const [name, role] of [
      ['s1', 'seller'],
      ['s2', 'seller'],
      ['s3', 'seller'],
      ['m', 'manager'],
      ['a', 'admin'],
    ] as const)
      users[name] = await api.as(role);
    const { s1, s2, s3, m } = users;
    const companyId = (await m.post('/api/companies', { name: 'Regel A/S', ownerId: null })).body.id;
    // [owner, sellers besides the owner, whether the owner stays a seller]
    const cases: [Client, Client[], boolean][] = [
      [s1, [], true],
      [s2, [], true],
      [s2, [s1], true],
      [s1, [s2], false],
      [s2, [s3, s1], true],
      [m, [], true],
    ];
    for (const [owner, others, ownerSells] of cases) {
      const created = await m.post('/api/opportunities', { title: 'Regel', companyId, ownerId: owner.userId });
      const id = created.body.id as number;
      for (const other of others) expect((await m.post(`/api/opportunities/${id}/sellers`, { userId: other.userId })).status).toBe(201);
      if (!ownerSells) expect((await m.delete(`/api/opportunities/${id}/sellers/${owner.userId}`)).status).toBe(200);
      opportunityIds.push(id);
      activityIds.push(
        (await m.post('/api/activities', { type: 'task', subject: 'På aftalen', opportunityId: id, ownerId: s3.userId })).body.id,
      );
    }
    // a deleted opportunity still hides its activities from those who may not read it
    await api.database.db
      .updateTable('opportunities')
      .set({ deletedAt: new Date() })
      .where('id', '=', opportunityIds[1] as number)
      .execute();
    activityIds.push((await s3.post('/api/activities', { type: 'task', subject: 'Uden aftale', companyId })).body.id);
  });
  afterAll(() => api.close());

  it.each(['s1', 's2', 's3', 'm', 'a'] as const)('for %s, with the setting on and off', async (name) => {
    const db = api.database.db;
    const client = users[name];
    const role = name === 'm' ? 'manager' : name === 'a' ? 'admin' : 'seller';
    const actor: Actor = { id: client.userId, role };
    for (const settings of [on, off]) {
      const scope = readScope(actor, settings);
      const allOpportunities = sql`o.id = ANY(${opportunityIds})`;
      const sqlOpportunities = (
        await sql<{
          id: number;
        }>`SELECT o.id FROM opportunities o WHERE ${allOpportunities} AND ${scope === undefined ? sql`true` : readableOpportunities(scope)} ORDER BY o.id`.execute(
          db,
        )
      ).rows.map((r) => r.id);
      const tsOpportunities: number[] = [];
      for (const id of opportunityIds) if (canRead(actor, (await opportunityParties(db, id))!, settings)) tsOpportunities.push(id);
      expect(sqlOpportunities, JSON.stringify(settings)).toEqual(tsOpportunities);

      const sqlActivities = (
        await sql<{
          id: number;
        }>`SELECT a.id FROM activities a WHERE a.id = ANY(${activityIds}) AND ${scope === undefined ? sql`true` : readableActivities(scope)} ORDER BY a.id`.execute(
          db,
        )
      ).rows.map((r) => r.id);
      const tsActivities: number[] = [];
      for (const id of activityIds) {
        const { opportunityId } = await db.selectFrom('activities').select('opportunityId').where('id', '=', id).executeTakeFirstOrThrow();
        const opportunity = opportunityId === null ? null : ((await opportunityParties(db, opportunityId)) ?? null);
        if (canReadActivity(actor, { opportunity }, settings)) tsActivities.push(id);
      }
      expect(sqlActivities, JSON.stringify(settings)).toEqual(tsActivities);
    }
  });

  it('the table has cases on both sides of the rule', async () => {
    const db = api.database.db;
    const s1 = users.s1;
    const readable = (
      await sql<{
        id: number;
      }>`SELECT o.id FROM opportunities o WHERE o.id = ANY(${opportunityIds}) AND ${readableOpportunities(s1.userId)}`.execute(db)
    ).rows;
    // s1 owns 1 and 4 (though not a seller on 4) and sells on 3 and 5
    expect(readable.map((r) => r.id).sort((x, y) => x - y)).toEqual([
      opportunityIds[0],
      opportunityIds[2],
      opportunityIds[3],
      opportunityIds[4],
    ]);
  });
});
