import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';
import { ensureGlobalCompetitor, isCompetitorOfOpportunity } from '../../db/competitors.ts';

let api: TestApi;
let owner: Client;
let outsider: Client;
let manager: Client;
let companyId: number;
let vestas: { id: number };
let siemens: { id: number };
let retired: { id: number };

beforeAll(async () => {
  api = await startApi();
  owner = await api.as('seller');
  outsider = await api.as('seller');
  manager = await api.as('manager');
  companyId = (await owner.post('/api/companies', { name: 'Havvind ApS' })).body.id;
  vestas = (await manager.post('/api/competitors', { name: 'Vestas', website: 'vestas.com', rating: 5 })).body;
  siemens = (await manager.post('/api/competitors', { name: 'Siemens Gamesa', rating: 4 })).body;
  retired = (await manager.post('/api/competitors', { name: 'Retired Wind', active: false })).body;
});
afterAll(() => api.close());

async function newOpportunity(title: string) {
  return (await owner.post('/api/opportunities', { title, companyId })).body as { id: number; version: number };
}

describe('competitors of an opportunity (O-15)', () => {
  it('picks from the list or types a one-off name, and lists the most dangerous first', async () => {
    const o = await newOpportunity('Offshore service');
    const url = `/api/opportunities/${o.id}/competitors`;
    expect((await owner.get(url)).body).toEqual({ items: [] });

    const picked = await owner.post(url, { competitorId: siemens.id, threat: 3, note: 'Met them at the tender' });
    expect(picked.status).toBe(201);
    expect(picked.body).toEqual({
      id: expect.any(Number),
      competitorId: siemens.id,
      name: 'Siemens Gamesa',
      website: null,
      rating: 4,
      threat: 3,
      note: 'Met them at the tender',
      version: 1,
    });
    const oneOff = await owner.post(url, { name: ' Local Crane Co ', threat: 5 });
    expect(oneOff.body).toEqual({
      id: expect.any(Number),
      competitorId: null,
      name: 'Local Crane Co',
      website: null,
      rating: null,
      threat: 5,
      note: null,
      version: 1,
    });
    // without a threat: 3
    const alpha = await owner.post(url, { name: 'Alpha Marine' });
    expect(alpha.body.threat).toBe(3);
    // a typed name that is on the list is that competitor
    const typed = await owner.post(url, { name: 'vestas', threat: 1 });
    expect(typed.body).toMatchObject({ competitorId: vestas.id, name: 'Vestas', website: 'vestas.com', rating: 5 });

    const list = (await outsider.get(url)).body.items;
    expect(list.map((c: { name: string; threat: number }) => [c.name, c.threat])).toEqual([
      ['Local Crane Co', 5],
      ['Alpha Marine', 3],
      ['Siemens Gamesa', 3],
      ['Vestas', 1],
    ]);

    // raising a threat moves it up; the note can be cleared
    const raised = await owner.patch(`${url}/${typed.body.id}`, { threat: 4, note: '', version: typed.body.version });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ threat: 4, note: null, version: Number(typed.body.version) + 1 });
    expect((await owner.get(url)).body.items.map((c: { name: string }) => c.name)).toEqual([
      'Local Crane Co',
      'Vestas',
      'Alpha Marine',
      'Siemens Gamesa',
    ]);
    expect((await owner.patch(`${url}/${picked.body.id}`, { note: 'Lower price', version: 1 })).body).toMatchObject({
      threat: 3,
      note: 'Lower price',
      version: 2,
    });

    const removed = await owner.delete(`${url}/${alpha.body.id}`);
    expect(removed.status).toBe(204);
    expect((await owner.get(url)).body.items).toHaveLength(3);

    // every change moved the opportunity's version and "last changed" on
    const after = (await owner.get(`/api/opportunities/${o.id}`)).body;
    expect(after.version).toBe(o.version + 7);
    expect(after.updatedBy).toBe(owner.userId);
  });

  it('refuses the same competitor twice (409), whether picked or typed', async () => {
    const o = await newOpportunity('Twice');
    const url = `/api/opportunities/${o.id}/competitors`;
    await owner.post(url, { competitorId: vestas.id });
    await owner.post(url, { name: 'Harbour Lift' });
    const picked = await owner.post(url, { competitorId: vestas.id });
    expect(picked.status).toBe(409);
    expect(picked.body.error.fields).toEqual({ competitorId: 'is already listed on this opportunity' });
    expect((await owner.post(url, { name: 'VESTAS' })).body.error.fields).toEqual({ name: 'is already listed on this opportunity' });
    expect((await owner.post(url, { name: 'harbour lift' })).status).toBe(409);
  });

  it.each([
    ['neither competitorId nor name', { threat: 2 }, 'competitorId'],
    ['both competitorId and name', { competitorId: 1, name: 'X' }, 'name'],
    ['threat 6', { name: 'X', threat: 6 }, 'threat'],
    ['threat 0', { name: 'X', threat: 0 }, 'threat'],
    ['an empty name', { name: '  ' }, 'name'],
    ['an unknown field', { name: 'X', rating: 2 }, 'rating'],
    ['an unknown competitor', { competitorId: 999999 }, 'competitorId'],
  ])('POST with %s → 400 naming %s', async (_name, body, field) => {
    const o = await newOpportunity('Bad input');
    const answer = await owner.post(`/api/opportunities/${o.id}/competitors`, body);
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields)).toEqual([field]);
  });

  it('a deactivated competitor cannot be picked anew (422), a typed name of it stays a one-off', async () => {
    const o = await newOpportunity('Retired');
    const url = `/api/opportunities/${o.id}/competitors`;
    const refused = await owner.post(url, { competitorId: retired.id });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'INACTIVE_ENTRY', fields: { competitorId: 'is deactivated' } });
    expect((await owner.post(url, { name: 'Retired Wind' })).body).toMatchObject({ competitorId: null, name: 'Retired Wind' });
  });

  it('PATCH needs threat or note, and an entry of this opportunity', async () => {
    const o = await newOpportunity('Patch');
    const other = await newOpportunity('Other');
    const entry = (await owner.post(`/api/opportunities/${o.id}/competitors`, { name: 'Kran AS' })).body;
    expect((await owner.patch(`/api/opportunities/${o.id}/competitors/${entry.id}`, {})).status).toBe(400);
    expect(
      (await owner.patch(`/api/opportunities/${o.id}/competitors/${entry.id}`, { threat: 2.5, version: 1 })).body.error.fields,
    ).toHaveProperty('threat');
    expect((await owner.patch(`/api/opportunities/${other.id}/competitors/${entry.id}`, { threat: 2, version: 1 })).status).toBe(404);
    expect((await owner.delete(`/api/opportunities/${other.id}/competitors/${entry.id}`)).status).toBe(404);
    expect((await owner.get('/api/opportunities/999999/competitors')).status).toBe(404);
  });

  it('same rights as the opportunity: others only look (403); closed refuses changes (422)', async () => {
    const o = await newOpportunity('Rights');
    const url = `/api/opportunities/${o.id}/competitors`;
    const entry = (await owner.post(url, { competitorId: vestas.id })).body;
    expect((await outsider.get(url)).status).toBe(200);
    expect((await outsider.post(url, { name: 'Mine' })).status).toBe(403);
    expect((await outsider.patch(`${url}/${entry.id}`, { threat: 1, version: entry.version })).status).toBe(403);
    expect((await outsider.delete(`${url}/${entry.id}`)).status).toBe(403);
    expect((await manager.patch(`${url}/${entry.id}`, { threat: 5, version: entry.version })).status).toBe(200);

    expect((await owner.post(`/api/opportunities/${o.id}/close`, { outcome: 'lost', winnerCompetitorId: vestas.id })).status).toBe(200);
    for (const answer of [
      await owner.post(url, { name: 'Late' }),
      await owner.patch(`${url}/${entry.id}`, { threat: 1, version: Number(entry.version) + 1 }),
      await owner.delete(`${url}/${entry.id}`),
    ]) {
      expect(answer.status).toBe(422);
      expect(answer.body.error.code).toBe('OPPORTUNITY_CLOSED');
    }
    expect((await owner.get(`/api/opportunities/${o.id}`)).body.winnerCompetitorId).toBe(vestas.id);
  });
});

describe('the winner refers to the GLOBAL list (for closing as lost, O-10)', () => {
  it('isCompetitorOfOpportunity takes a global id; ensureGlobalCompetitor promotes a one-off entry', async () => {
    const db = api.database.db;
    const o = await newOpportunity('Winner');
    const url = `/api/opportunities/${o.id}/competitors`;
    const picked = (await owner.post(url, { competitorId: siemens.id })).body;
    const oneOff = (await owner.post(url, { name: 'Blue Water Cranes' })).body;

    expect(await isCompetitorOfOpportunity(db, o.id, siemens.id)).toBe(true);
    expect(await isCompetitorOfOpportunity(db, o.id, vestas.id)).toBe(false);
    // an entry id is not a global id
    expect(await isCompetitorOfOpportunity(db, o.id, 999999)).toBe(false);

    expect(await ensureGlobalCompetitor(db, picked.id, o.id)).toBe(siemens.id);
    const promoted = await db.transaction().execute((trx) => ensureGlobalCompetitor(trx, oneOff.id, o.id));
    if (promoted === null) throw new Error('the one-off entry of this opportunity was not promoted');
    expect(promoted).not.toBe(oneOff.id);
    expect((await owner.get(`/api/competitors/${promoted}`)).body).toMatchObject({ name: 'Blue Water Cranes', active: true });
    expect((await owner.get(url)).body.items.find((c: { id: number }) => c.id === oneOff.id)).toMatchObject({
      competitorId: promoted,
      name: 'Blue Water Cranes',
    });
    expect(await isCompetitorOfOpportunity(db, o.id, promoted)).toBe(true);
    // asking again gives the same competitor and creates nothing new
    expect(await ensureGlobalCompetitor(db, oneOff.id, o.id)).toBe(promoted);
    expect((await owner.get('/api/competitors?q=blue water')).body.items).toHaveLength(1);

    // an entry of another opportunity is not a competitor of this one
    const other = await newOpportunity('Other winner');
    expect(await ensureGlobalCompetitor(db, oneOff.id, other.id)).toBeNull();

    const closed = await owner.post(`/api/opportunities/${o.id}/close`, { outcome: 'lost', winnerCompetitorId: promoted });
    expect(closed.status).toBe(200);
    expect(closed.body.winnerCompetitorId).toBe(promoted);
  });

  it('a one-off name that meanwhile got onto the list is matched to it, not duplicated', async () => {
    const db = api.database.db;
    const o = await newOpportunity('Late listing');
    const oneOff = (await owner.post(`/api/opportunities/${o.id}/competitors`, { name: 'Nordsø Lift' })).body;
    const listed = (await manager.post('/api/competitors', { name: 'NORDSØ LIFT' })).body;
    expect(await isCompetitorOfOpportunity(db, o.id, listed.id)).toBe(true);
    expect(await ensureGlobalCompetitor(db, oneOff.id)).toBe(listed.id);
  });
});
