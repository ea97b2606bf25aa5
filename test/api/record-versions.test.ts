// O-25 for every editable record besides the audited ones: settings, setup entries, sales processes
// and their stages, steps, seller shares, an opportunity's competitor entries and global competitors.
// A write names the version it is based on (400 without it), a stale one is a 409 with the record
// as it is now, and a write moves the version on.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { keepSettings } from '../helpers/database.ts';
import { startApi, type Answer, type Client, type TestApi } from '../helpers/api.ts';

let api: TestApi;
let admin: Client;
let manager: Client;
let seller: Client;
let companyId: number;

beforeAll(async () => {
  api = await startApi();
  admin = await api.as('admin');
  manager = await api.as('manager');
  seller = await api.as('seller');
  companyId = (await seller.post('/api/companies', { name: 'Versioned Fjord AS' })).body.id;
});
afterAll(() => api.close());
// a test that changes the settings (stagnation days, who sees what) puts them back, even when it fails
let restoreSettings: () => Promise<void>;
beforeEach(async () => {
  restoreSettings = await keepSettings(api.database.db);
});
afterEach(() => restoreSettings());

function expectMissingVersion(answer: Answer) {
  expect(answer.status).toBe(400);
  expect(answer.body.error.code).toBe('VALIDATION');
  expect(answer.body.error.fields).toHaveProperty('version');
}

function expectConflict(answer: Answer, current: Record<string, unknown>) {
  expect(answer.status).toBe(409);
  expect(answer.body.error.code).toBe('VERSION_CONFLICT');
  expect(answer.body.error.current).toMatchObject(current);
}

async function newOpportunity(title: string) {
  const created = await seller.post('/api/opportunities', { title, companyId, amount: 1000 });
  expect(created.status).toBe(201);
  return created.body as { id: number; version: number; processId: number };
}

describe('versions of records outside the audited four (O-25)', () => {
  it('settings: one version for the whole form', async () => {
    const before = (await admin.get('/api/settings')).body;
    expect(before.version).toEqual(expect.any(Number));
    expectMissingVersion(await admin.patch('/api/settings', { companyName: 'Fjord Sales' }));

    const saved = await admin.patch('/api/settings', { companyName: 'Fjord Sales', version: before.version });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ companyName: 'Fjord Sales', version: Number(before.version) + 1 });
    expect((await seller.get('/api/settings')).body.version).toBe(Number(before.version) + 1);

    const stale = await admin.patch('/api/settings', { stagnationDays: 45, version: before.version });
    expectConflict(stale, { companyName: 'Fjord Sales', stagnationDays: 30, version: Number(before.version) + 1 });
    expect((await admin.get('/api/settings')).body.stagnationDays).toBe(30);
  });

  it('setup entries', async () => {
    const entry = (await admin.post('/api/setup/industries', { name: 'Shipyards' })).body;
    expect(entry.version).toBe(1);
    expectMissingVersion(await admin.patch(`/api/setup/industries/${entry.id}`, { name: 'Yards' }));

    const renamed = await admin.patch(`/api/setup/industries/${entry.id}`, { name: 'Yards', version: 1 });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Yards', version: 2 });

    expectConflict(await admin.patch(`/api/setup/industries/${entry.id}`, { active: false, version: 1 }), {
      id: entry.id,
      name: 'Yards',
      active: true,
      version: 2,
    });
    expect((await admin.get(`/api/setup/industries/${entry.id}`)).body).toMatchObject({ active: true, version: 2 });
    expect((await admin.patch(`/api/setup/industries/999999`, { name: 'Nowhere', version: 1 })).status).toBe(404);
  });

  it('setup entries: of two saves based on the same version, one wins and the other gets a 409', async () => {
    const entry = (await admin.post('/api/setup/regions', { name: 'Lofoten' })).body;
    const answers = await Promise.all([
      admin.patch(`/api/setup/regions/${entry.id}`, { name: 'Lofoten North', version: entry.version }),
      admin.patch(`/api/setup/regions/${entry.id}`, { name: 'Lofoten South', version: entry.version }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200) as Answer;
    expect((await admin.get(`/api/setup/regions/${entry.id}`)).body).toMatchObject({
      name: winner.body.name,
      version: Number(entry.version) + 1,
    });
  });

  it('sales processes, whose version also guards the stage list', async () => {
    const process = (
      await admin.post('/api/sales-processes', {
        name: 'Tenders',
        stages: [
          { name: 'Bid', probability: 20 },
          { name: 'Award', probability: 80 },
        ],
      })
    ).body;
    expect(process.version).toBe(1);
    expectMissingVersion(await admin.patch(`/api/sales-processes/${process.id}`, { name: 'Public tenders' }));

    const renamed = await admin.patch(`/api/sales-processes/${process.id}`, { name: 'Public tenders', version: 1 });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Public tenders', version: 2 });

    const stages = process.stages.map((s: { id: number; name: string }) => ({ id: s.id, name: s.name, probability: 50 }));
    expectMissingVersion(await admin.put(`/api/sales-processes/${process.id}/stages`, { stages }));
    expectConflict(await admin.put(`/api/sales-processes/${process.id}/stages`, { stages, version: 1 }), {
      name: 'Public tenders',
      version: 2,
      stages: [{ probability: 20 }, { probability: 80 }],
    });
    const restaged = await admin.put(`/api/sales-processes/${process.id}/stages`, { stages, version: 2 });
    expect(restaged.status).toBe(200);
    expect(restaged.body).toMatchObject({ version: 3, stages: [{ probability: 50 }, { probability: 50 }] });
    expectConflict(await admin.patch(`/api/sales-processes/${process.id}`, { active: false, version: 2 }), { active: true, version: 3 });
  });

  it('a sales process that stops being the default moves its version on', async () => {
    const processes = (await admin.get('/api/sales-processes')).body.items as { id: number; isDefault: boolean; version: number }[];
    const standard = processes.find((p) => p.isDefault) as { id: number; version: number };
    const next = (await admin.post('/api/sales-processes', { name: 'New default', stages: [{ name: 'Only', probability: 50 }] })).body;
    expect((await admin.patch(`/api/sales-processes/${next.id}`, { isDefault: true, version: next.version })).body).toMatchObject({
      isDefault: true,
      version: Number(next.version) + 1,
    });
    const former = (await admin.get(`/api/sales-processes/${standard.id}`)).body;
    expect(former).toMatchObject({ isDefault: false, version: standard.version + 1 });
    // put it back, so the other tests' opportunities keep the usual process
    expect((await admin.patch(`/api/sales-processes/${standard.id}`, { isDefault: true, version: former.version })).status).toBe(200);
  });

  it('global competitors', async () => {
    const rival = (await manager.post('/api/competitors', { name: 'Versioned Rival' })).body;
    expect(rival.version).toBe(1);
    expectMissingVersion(await manager.patch(`/api/competitors/${rival.id}`, { rating: 3 }));

    const rated = await manager.patch(`/api/competitors/${rival.id}`, { rating: 3, version: 1 });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ rating: 3, version: 2 });
    expectConflict(await manager.patch(`/api/competitors/${rival.id}`, { rating: 5, version: 1 }), { id: rival.id, rating: 3, version: 2 });
    expect((await manager.get(`/api/competitors/${rival.id}`)).body).toMatchObject({ rating: 3, version: 2 });
  });

  it('competitor entries of an opportunity carry their own version', async () => {
    const o = await newOpportunity('Entry versions');
    const url = `/api/opportunities/${o.id}/competitors`;
    const entry = (await seller.post(url, { name: 'Harbour Cranes', threat: 2 })).body;
    expect(entry.version).toBe(1);
    expectMissingVersion(await seller.patch(`${url}/${entry.id}`, { threat: 4 }));

    const changed = await seller.patch(`${url}/${entry.id}`, { threat: 4, version: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: entry.id, threat: 4, version: 2 });
    const stale = await seller.patch(`${url}/${entry.id}`, { note: 'cheap', version: 1 });
    expectConflict(stale, { id: entry.id, name: 'Harbour Cranes', threat: 4, note: null, version: 2 });
    expect(stale.body.error.current).not.toHaveProperty('opportunityId');
    expect((await seller.get(url)).body.items).toEqual([expect.objectContaining({ id: entry.id, threat: 4, note: null, version: 2 })]);
  });

  it('seller shares: the opportunity’s version guards the seller list', async () => {
    const o = await newOpportunity('Seller versions');
    const url = `/api/opportunities/${o.id}/sellers`;
    const co = await api.as('seller');
    const added = await seller.post(url, { userId: co.userId });
    expect(added.status).toBe(201);
    const version = (await seller.get(`/api/opportunities/${o.id}`)).body.version;
    expect(added.body.version).toBe(version);
    expect((await seller.get(url)).body.version).toBe(version);

    expectMissingVersion(await seller.patch(`${url}/${co.userId}`, { share: 30 }));
    const changed = await seller.patch(`${url}/${co.userId}`, { share: 30, version });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ sum: 80, version: Number(version) + 1 });
    expect((await seller.get(`/api/opportunities/${o.id}`)).body.version).toBe(Number(version) + 1);

    const stale = await seller.patch(`${url}/${seller.userId}`, { share: 70, version });
    expectConflict(stale, { version: Number(version) + 1, sum: 80 });
    expect(stale.body.error.current.sellers.map((s: { share: number }) => s.share)).toEqual([50, 30]);
    expect((await seller.get(url)).body.sellers.map((s: { share: number }) => s.share)).toEqual([50, 30]);
  });

  it('steps: the opportunity’s version guards them, since they move its stage and probability', async () => {
    const o = await newOpportunity('Step versions');
    const steps = (await seller.get(`/api/opportunities/${o.id}/steps`)).body as { stageId: number; state: string }[];
    const first = steps[0] as { stageId: number };
    const url = `/api/opportunities/${o.id}/steps/${first.stageId}`;
    expectMissingVersion(await seller.patch(url, { state: 'done' }));

    const done = await seller.patch(url, { state: 'done', version: o.version });
    expect(done.status).toBe(200);
    expect(done.body[0]).toMatchObject({ stageId: first.stageId, state: 'done' });
    expect((await seller.get(`/api/opportunities/${o.id}`)).body.version).toBe(o.version + 1);

    const stale = await seller.patch(url, { state: 'cancelled', version: o.version });
    expectConflict(stale, { id: o.id, title: 'Step versions', version: o.version + 1 });
    expect((await seller.get(`/api/opportunities/${o.id}/steps`)).body[0].state).toBe('done');
  });
});
