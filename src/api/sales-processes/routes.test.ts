import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';

let api: TestApi;
let admin: Client;
let seller: Client;
beforeAll(async () => {
  api = await startApi();
  admin = await api.as('admin');
  seller = await api.as('seller');
});
afterAll(() => api.close());

type Process = {
  id: number;
  name: string;
  isDefault: boolean;
  active: boolean;
  stages: { id: number; name: string; probability: number; position: number }[];
};

describe('sales processes (O-4)', () => {
  it('lets only admins define processes, with at least one stage and distinct names', async () => {
    expect((await seller.post('/api/sales-processes', { name: 'Mine', stages: [{ name: 'A', probability: 10 }] })).status).toBe(403);
    const empty = await admin.post('/api/sales-processes', { name: 'Empty', stages: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toHaveProperty('stages');
    const twice = await admin.post('/api/sales-processes', {
      name: 'Twice',
      stages: [
        { name: 'Offer', probability: 10 },
        { name: 'offer', probability: 20 },
      ],
    });
    expect(twice.body.error.fields).toHaveProperty(['stages.1.name']);
    const tooLikely = await admin.post('/api/sales-processes', { name: 'X', stages: [{ name: 'A', probability: 120 }] });
    expect(tooLikely.body.error.fields).toHaveProperty(['stages.0.probability']);
  });

  it('makes a new default process, and several processes exist side by side', async () => {
    const created = await admin.post('/api/sales-processes', {
      name: 'Licenser',
      isDefault: true,
      stages: [
        { name: 'Demo', probability: 20 },
        { name: 'Tilbud', probability: 60 },
      ],
    });
    expect(created.status).toBe(201);
    const all = (await seller.get('/api/sales-processes')).body.items as Process[];
    expect(all.filter((p) => p.isDefault).map((p) => p.name)).toEqual(['Licenser']);
    const company = (await seller.post('/api/companies', { name: 'Proces ApS' })).body.id;
    const o = await seller.post('/api/opportunities', { title: 'Uses the new default', companyId: company });
    expect(o.body).toMatchObject({ processId: created.body.id, stageName: 'Demo', probability: 20 });
    const standard = all.find((p) => p.name === 'Standard') as Process & { version: number };
    expect((await admin.patch(`/api/sales-processes/${standard.id}`, { isDefault: true, version: standard.version })).status).toBe(200);
  });

  it('edits stages: rename, re-weigh (open stage-mode deals follow), re-order, add, and remove only unused ones', async () => {
    const process = (
      await admin.post('/api/sales-processes', {
        name: 'Projekt',
        stages: [
          { name: 'Lead', probability: 5 },
          { name: 'Offer', probability: 40 },
          { name: 'Unused', probability: 60 },
        ],
      })
    ).body as Process;
    const [lead, offer, unused] = process.stages;
    const company = (await seller.post('/api/companies', { name: 'Stage AB' })).body.id;
    const follows = (
      await seller.post('/api/opportunities', {
        title: 'Follows',
        companyId: company,
        processId: process.id,
        stageId: offer?.id,
        amount: 1000,
      })
    ).body;
    const manual = (
      await seller.post('/api/opportunities', {
        title: 'Manual',
        companyId: company,
        processId: process.id,
        stageId: offer?.id,
        probability: 33,
      })
    ).body;

    const removeUsed = await admin.put(`/api/sales-processes/${process.id}/stages`, {
      stages: [{ id: lead?.id, name: 'Lead', probability: 5 }],
      version: 1,
    });
    expect(removeUsed.status).toBe(422);
    expect(removeUsed.body.error.code).toBe('IN_USE');

    const edited = await admin.put(`/api/sales-processes/${process.id}/stages`, {
      stages: [
        { id: lead?.id, name: 'First contact', probability: 5 },
        { name: 'Qualified', probability: 20 },
        { id: offer?.id, name: 'Offer', probability: 45 },
      ],
      version: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.stages.map((s: Process['stages'][number]) => [s.name, s.probability, s.position])).toEqual([
      ['First contact', 5, 1],
      ['Qualified', 20, 2],
      ['Offer', 45, 3],
    ]);
    expect(edited.body.stages.map((s: { id: number }) => s.id)).not.toContain(unused?.id);
    expect((await seller.get(`/api/opportunities/${follows.id}`)).body).toMatchObject({ probability: 45, weightedAmount: 450 });
    expect((await seller.get(`/api/opportunities/${manual.id}`)).body.probability).toBe(33);
    const steps = (await seller.get(`/api/opportunities/${follows.id}/steps`)).body;
    expect(steps.map((s: { name: string; state: string }) => `${s.name}:${s.state}`)).toEqual([
      'First contact:done',
      'Qualified:done',
      'Offer:todo',
    ]);

    const foreign = await admin.put(`/api/sales-processes/${process.id}/stages`, {
      stages: [{ id: 999999, name: 'X', probability: 1 }],
      version: 2,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields).toHaveProperty(['stages.0.id']);
  });

  it('cannot deactivate the default process', async () => {
    const standard = ((await seller.get('/api/sales-processes')).body.items as (Process & { version: number })[]).find((p) => p.isDefault);
    const answer = await admin.patch(`/api/sales-processes/${standard?.id}`, { active: false, version: standard?.version });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toHaveProperty('active');
  });
});
