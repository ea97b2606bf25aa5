// A-2, O-16, O-17: a co-seller edits the opportunity but does not take it over — only its owner (or a
// manager or an admin) changes the owner or the sellers; and a seller creates records only in their
// own name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSettings } from '../../src/db/settings.ts';
import { startApi, type Client, type TestApi } from '../helpers/api.ts';

let api: TestApi;
let owner: Client;
let coSeller: Client;
let other: Client;
let manager: Client;
let companyId: number;

beforeAll(async () => {
  api = await startApi();
  owner = await api.as('seller', 'Olga Owner');
  coSeller = await api.as('seller', 'Carl Coseller');
  other = await api.as('seller', 'Otto Other');
  manager = await api.as('manager');
  companyId = (await owner.post('/api/companies', { name: 'Havvind A/S', ownerId: null })).body.id;
});
afterAll(() => api.close());

/** An opportunity of the owner's with the co-seller on it at a small share. */
async function shared(title: string) {
  const o = (await owner.post('/api/opportunities', { title, companyId, amount: 500000 })).body;
  const added = await owner.post(`/api/opportunities/${o.id}/sellers`, { userId: coSeller.userId, share: 5 });
  expect(added.status).toBe(201);
  return (await owner.get(`/api/opportunities/${o.id}`)).body as { id: number; version: number };
}

const sellersOf = async (id: number) =>
  (await manager.get(`/api/opportunities/${id}/sellers`)).body.sellers.map((s: { userId: number; share: number }) => [s.userId, s.share]);

describe.each([false, true])('a co-seller with a small share ("sellers see only their own": %s)', (seeOnlyOwn) => {
  beforeAll(() => saveSettings(api.database.db, { sellersSeeOnlyOwn: seeOnlyOwn }));
  afterAll(() => saveSettings(api.database.db, { sellersSeeOnlyOwn: false }));

  it('cannot make himself owner (403 naming ownerId), but changes the rest of it', async () => {
    const o = await shared('Takeover');
    const taken = await coSeller.patch(`/api/opportunities/${o.id}`, { ownerId: coSeller.userId, version: o.version });
    expect(taken.status).toBe(403);
    expect(taken.body.error).toMatchObject({ code: 'FORBIDDEN', fields: { ownerId: 'can be changed only by the owner' } });
    const after = (await manager.get(`/api/opportunities/${o.id}`)).body;
    expect(after).toMatchObject({ ownerId: owner.userId, version: o.version });
    expect(await sellersOf(o.id)).toEqual([
      [owner.userId, 95],
      [coSeller.userId, 5],
    ]);
    // the rest of it is his to change, and its sellers his to read
    const changed = await coSeller.patch(`/api/opportunities/${o.id}`, { title: 'Co-edited', amount: 510000, version: o.version });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ title: 'Co-edited', amount: 510000, ownerId: owner.userId });
    expect((await coSeller.get(`/api/opportunities/${o.id}/sellers`)).status).toBe(200);
  });

  it('cannot take the owner off the sellers, add sellers or change shares (403); the list is unchanged', async () => {
    const o = await shared('Sellers');
    const url = `/api/opportunities/${o.id}/sellers`;
    for (const answer of [
      await coSeller.delete(`${url}/${owner.userId}`),
      await coSeller.patch(`${url}/${coSeller.userId}`, { share: 95, version: o.version }),
      await coSeller.patch(`${url}/${owner.userId}`, { share: 5, version: o.version }),
      await coSeller.post(url, { userId: other.userId }),
    ]) {
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('FORBIDDEN');
    }
    expect(await sellersOf(o.id)).toEqual([
      [owner.userId, 95],
      [coSeller.userId, 5],
    ]);
    expect((await manager.get(`/api/opportunities/${o.id}`)).body.version).toBe(o.version);
  });

  it('the owner and a manager may hand it over and change the sellers', async () => {
    const o = await shared('Handover');
    expect((await owner.patch(`/api/opportunities/${o.id}/sellers/${coSeller.userId}`, { share: 20, version: o.version })).status).toBe(
      200,
    );
    const version = (await owner.get(`/api/opportunities/${o.id}`)).body.version;
    const handed = await owner.patch(`/api/opportunities/${o.id}`, { ownerId: coSeller.userId, version });
    expect(handed.status).toBe(200);
    expect(handed.body.ownerId).toBe(coSeller.userId);
    // the new owner decides now; the old one stays a seller on it but no longer decides
    expect((await owner.delete(`/api/opportunities/${o.id}/sellers/${coSeller.userId}`)).status).toBe(403);
    expect((await coSeller.delete(`/api/opportunities/${o.id}/sellers/${owner.userId}`)).status).toBe(200);
    const back = await manager.patch(`/api/opportunities/${o.id}`, { ownerId: owner.userId, version: Number(handed.body.version) + 1 });
    expect(back.status).toBe(200);
    expect(back.body.ownerId).toBe(owner.userId);
  });
});

describe('a seller creates records only in their own name (A-2)', () => {
  it.each([
    ['an opportunity', '/api/opportunities', () => ({ title: 'Not for Otto', companyId })],
    ['a company', '/api/companies', () => ({ name: 'Ottos Firma AB' })],
    ['an activity', '/api/activities', () => ({ type: 'task', subject: 'Ottos opgave', companyId })],
  ])('%s owned by another seller → 403 naming ownerId, nothing stored', async (_name, url, body) => {
    const refused = await owner.post(url, { ...body(), ownerId: other.userId });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN', fields: { ownerId: 'can only be yourself' } });
    // owned by a manager is someone else too
    expect((await owner.post(url, { ...body(), ownerId: manager.userId })).status).toBe(403);
    const list = (await manager.get(`${url}?ownerId=${other.userId}`)).body.items;
    expect(list).toEqual([]);
    // in their own name it is created, and a manager may give it to anyone
    const mine = await owner.post(url, { ...body(), ownerId: owner.userId });
    expect(mine.status).toBe(201);
    expect(mine.body.ownerId).toBe(owner.userId);
    const given = await manager.post(url, { ...body(), ownerId: other.userId });
    expect(given.status).toBe(201);
    expect(given.body.ownerId).toBe(other.userId);
    // a company may still be created without an owner
    if (url === '/api/companies') expect((await owner.post(url, { ...body(), ownerId: null })).body.ownerId).toBeNull();
  });
});
