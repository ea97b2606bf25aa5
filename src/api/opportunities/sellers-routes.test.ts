import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';

let api: TestApi;
let owner: Client;
let anna: Client;
let bo: Client;
let cecilie: Client;
let outsider: Client;
let manager: Client;
let companyId: number;

beforeAll(async () => {
  api = await startApi();
  owner = await api.as('seller', 'Olga Owner');
  anna = await api.as('seller', 'Anna Andersen');
  bo = await api.as('seller', 'Bo Berg');
  cecilie = await api.as('seller', 'Cecilie Carlsen');
  outsider = await api.as('seller', 'Otto Outsider');
  manager = await api.as('manager');
  companyId = (await owner.post('/api/companies', { name: 'Fjordkraft AS', country: 'NO' })).body.id;
});
afterAll(() => api.close());

async function newOpportunity(title: string) {
  const created = await owner.post('/api/opportunities', { title, companyId, amount: 90000 });
  expect(created.status).toBe(201);
  return created.body as { id: number; version: number };
}

const shares = (body: { sellers: { userId: number; share: number }[] }) => body.sellers.map((s) => [s.userId, s.share]);

describe('the seed 003 rules end to end', () => {
  it('splits, keeps, warns and gives the last one 100 %', async () => {
    const o = await newOpportunity('Vindpark service');
    const url = `/api/opportunities/${o.id}/sellers`;

    // the owner is the only seller, with 100 % (O-17)
    const first = await owner.get(url);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      sellers: [{ userId: owner.userId, name: 'Olga Owner', initials: 'OO', share: 100 }],
      sum: 100,
      warning: null,
      version: o.version,
    });

    // added without a share: 100 split evenly, the remainder cent to the earliest-added (O-18)
    expect(shares((await owner.post(url, { userId: anna.userId })).body)).toEqual([
      [owner.userId, 50],
      [anna.userId, 50],
    ]);
    const three = await owner.post(url, { userId: bo.userId });
    expect(three.status).toBe(201);
    expect(three.body).toMatchObject({ sum: 100, warning: null });
    expect(shares(three.body)).toEqual([
      [owner.userId, 33.34],
      [anna.userId, 33.33],
      [bo.userId, 33.33],
    ]);
    expect(three.body.sellers[2]).toEqual({ userId: bo.userId, name: 'Bo Berg', initials: 'BB', share: 33.33 });

    // added with 25: the others share the remaining 75 evenly (O-18)
    const four = await owner.post(url, { userId: cecilie.userId, share: 25 });
    expect(shares(four.body)).toEqual([
      [owner.userId, 25],
      [anna.userId, 25],
      [bo.userId, 25],
      [cecilie.userId, 25],
    ]);

    // changing one share changes no other; the answer says what the sum is (O-20)
    const changed = await owner.patch(`${url}/${anna.userId}`, { share: 10.5, version: four.body.version });
    expect(changed.status).toBe(200);
    expect(shares(changed.body)).toEqual([
      [owner.userId, 25],
      [anna.userId, 10.5],
      [bo.userId, 25],
      [cecilie.userId, 25],
    ]);
    expect(changed.body).toMatchObject({ sum: 85.5, warning: 'The shares sum to 85.50 %, not 100 %.' });

    // removing while more than one remain changes no share, and warns (O-19)
    const removed = await owner.delete(`${url}/${bo.userId}`);
    expect(removed.status).toBe(200);
    expect(shares(removed.body)).toEqual([
      [owner.userId, 25],
      [anna.userId, 10.5],
      [cecilie.userId, 25],
    ]);
    expect(removed.body).toMatchObject({ sum: 60.5, warning: 'The shares sum to 60.50 %, not 100 %.' });
    expect((await owner.delete(`${url}/${cecilie.userId}`)).body).toMatchObject({ sum: 35.5 });

    // removing until one remains gives that one 100 % (O-19)
    const last = await owner.delete(`${url}/${owner.userId}`);
    expect(last.body).toEqual({
      sellers: [{ userId: anna.userId, name: 'Anna Andersen', initials: 'AA', share: 100 }],
      sum: 100,
      warning: null,
      version: expect.any(Number),
    });

    // and the very last seller stays
    const refused = await owner.delete(`${url}/${anna.userId}`);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'LAST_SELLER', fields: { userId: 'is the last seller' } });
    expect((await owner.get(url)).body.sellers).toHaveLength(1);

    // the opportunity shows the sellers and stays owned by its owner
    const opportunity = (await owner.get(`/api/opportunities/${o.id}`)).body;
    expect(opportunity).toMatchObject({ ownerId: owner.userId, sellerIds: [anna.userId] });
  });

  it('each change bumps the opportunity version and "last changed" (O-24, O-25)', async () => {
    const o = await newOpportunity('Versioned');
    await manager.post(`/api/opportunities/${o.id}/sellers`, { userId: anna.userId });
    const after = (await owner.get(`/api/opportunities/${o.id}`)).body;
    expect(after.version).toBe(o.version + 1);
    expect(after.updatedBy).toBe(manager.userId);
    expect(after.sellerIds).toEqual([owner.userId, anna.userId]);
    const stale = await owner.patch(`/api/opportunities/${o.id}`, { title: 'Based on the old version', version: o.version });
    expect(stale.status).toBe(409);
  });

  it('a refused change writes nothing and leaves the version alone', async () => {
    const o = await newOpportunity('Atomic');
    const refused = await owner.post(`/api/opportunities/${o.id}/sellers`, { userId: owner.userId, share: 10 });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'DUPLICATE', fields: { userId: 'is already a seller' } });
    expect((await owner.get(`/api/opportunities/${o.id}`)).body.version).toBe(o.version);
    expect(shares((await owner.get(`/api/opportunities/${o.id}/sellers`)).body)).toEqual([[owner.userId, 100]]);
  });

  it('an owner change replaces a single seller, and leaves several alone (O-17)', async () => {
    const single = await newOpportunity('Single');
    const moved = await owner.patch(`/api/opportunities/${single.id}`, { ownerId: anna.userId, version: single.version });
    expect(moved.status).toBe(200);
    expect(shares((await anna.get(`/api/opportunities/${single.id}/sellers`)).body)).toEqual([[anna.userId, 100]]);

    const several = await newOpportunity('Several');
    const split = (await owner.post(`/api/opportunities/${several.id}/sellers`, { userId: bo.userId, share: 40 })).body;
    const version = (await owner.get(`/api/opportunities/${several.id}`)).body.version;
    await owner.patch(`/api/opportunities/${several.id}`, { ownerId: cecilie.userId, version });
    expect((await owner.get(`/api/opportunities/${several.id}/sellers`)).body).toEqual({ ...split, version: Number(version) + 1 });
  });
});

describe('who may change the sellers', () => {
  it('the owner and a manager may; a seller on it and another seller may only look (403, O-16, O-17)', async () => {
    const o = await newOpportunity('Rights');
    const url = `/api/opportunities/${o.id}/sellers`;
    expect((await outsider.get(url)).status).toBe(200);
    const denied = await outsider.post(url, { userId: outsider.userId });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
    expect((await outsider.patch(`${url}/${owner.userId}`, { share: 50, version: o.version })).status).toBe(403);
    expect((await outsider.delete(`${url}/${owner.userId}`)).status).toBe(403);

    const withAnna = await owner.post(url, { userId: anna.userId });
    expect(withAnna.status).toBe(201);
    // anna sells on it now, but who sells on it with what share is the owner's to decide
    const version = withAnna.body.version;
    const coSeller = await anna.patch(`${url}/${anna.userId}`, { share: 60, version });
    expect(coSeller.status).toBe(403);
    expect(coSeller.body.error.code).toBe('FORBIDDEN');
    expect((await anna.get(url)).status).toBe(200);
    expect((await manager.patch(`${url}/${anna.userId}`, { share: 60, version })).body).toMatchObject({
      sum: 110,
      warning: 'The shares sum to 110 %, not 100 %.',
    });
    expect((await owner.patch(`${url}/${owner.userId}`, { share: 40, version: Number(version) + 1 })).body).toMatchObject({
      sum: 100,
      warning: null,
    });
  });

  it('a closed opportunity refuses every change (422 OPPORTUNITY_CLOSED) but still shows its sellers', async () => {
    const o = await newOpportunity('Closed');
    const url = `/api/opportunities/${o.id}/sellers`;
    const closed = await owner.post(`/api/opportunities/${o.id}/close`, { outcome: 'won' });
    expect(closed.status).toBe(200);
    for (const answer of [
      await owner.post(url, { userId: anna.userId }),
      await owner.patch(`${url}/${owner.userId}`, { share: 50, version: closed.body.version }),
      await owner.delete(`${url}/${owner.userId}`),
    ]) {
      expect(answer.status).toBe(422);
      expect(answer.body.error.code).toBe('OPPORTUNITY_CLOSED');
    }
    expect(shares((await owner.get(url)).body)).toEqual([[owner.userId, 100]]);
  });
});

describe('bad input', () => {
  it('the user must exist and be active (400 naming userId)', async () => {
    const o = await newOpportunity('Users');
    const url = `/api/opportunities/${o.id}/sellers`;
    const unknown = await owner.post(url, { userId: 999999 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual({ userId: 'does not exist' });

    const leaver = await api.as('seller', 'Lars Leaver');
    await api.database.db.updateTable('users').set({ active: false }).where('id', '=', leaver.userId).execute();
    const inactive = await owner.post(url, { userId: leaver.userId });
    expect(inactive.status).toBe(400);
    expect(inactive.body.error.fields).toEqual({ userId: 'is deactivated' });
  });

  it.each([
    ['three decimals', { share: 33.333, version: 1 }, 'share'],
    ['above 100', { share: 100.01, version: 1 }, 'share'],
    ['negative', { share: -1, version: 1 }, 'share'],
    ['a string', { share: '50', version: 1 }, 'share'],
    ['no share', { version: 1 }, 'share'],
    ['no version (O-25: the opportunity’s version guards the list)', { share: 50 }, 'version'],
    ['an unknown field', { share: 50, version: 1, note: 'x' }, 'note'],
  ])('PATCH with %s → 400 naming %s', async (_name, body, field) => {
    const o = await newOpportunity('Bad share');
    const answer = await owner.patch(`/api/opportunities/${o.id}/sellers/${owner.userId}`, body);
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields)).toEqual([field]);
  });

  it('POST needs a userId and a valid share', async () => {
    const o = await newOpportunity('Bad post');
    const url = `/api/opportunities/${o.id}/sellers`;
    expect(Object.keys((await owner.post(url, { share: 10 })).body.error.fields)).toEqual(['userId']);
    expect(Object.keys((await owner.post(url, { userId: anna.userId, share: 101 })).body.error.fields)).toEqual(['share']);
  });

  it('unknown opportunities and sellers are 404', async () => {
    const o = await newOpportunity('Unknowns');
    expect((await owner.get('/api/opportunities/999999/sellers')).status).toBe(404);
    expect((await owner.post('/api/opportunities/999999/sellers', { userId: anna.userId })).status).toBe(404);
    const notSeller = await owner.patch(`/api/opportunities/${o.id}/sellers/${bo.userId}`, { share: 10, version: o.version });
    expect(notSeller.status).toBe(404);
    expect(notSeller.body.error.code).toBe('NOT_FOUND');
    expect((await owner.delete(`/api/opportunities/${o.id}/sellers/${bo.userId}`)).status).toBe(404);
  });
});
