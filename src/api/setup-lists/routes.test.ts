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

describe('setup lists (C-5)', () => {
  it.each([
    'industries',
    'target-groups',
    'interest-types',
    'activity-types',
    'opportunity-types',
    'sources',
    'loss-reasons',
    'win-reasons',
    'regions',
    'departments',
    'customer-profiles',
    'currencies',
  ])('%s ships with defaults of the shape {id, name, active}', async (list) => {
    const answer = await seller.get(`/api/setup/${list}`);
    expect(answer.status).toBe(200);
    expect(answer.body.items.length).toBeGreaterThan(1);
    expect(answer.body.items[0]).toMatchObject({ id: expect.any(Number), name: expect.any(String), active: true });
    expect(answer.body.nextCursor).toBeNull();
  });

  it('refuses an unknown list with 400', async () => {
    const answer = await seller.get('/api/setup/passwords');
    expect(answer.status).toBe(400);
  });

  it('lets admins add and deactivate entries; a deactivated one stays on old records but cannot be chosen anew', async () => {
    expect((await seller.post('/api/setup/industries', { name: 'Aquaculture' })).status).toBe(403);
    const added = await admin.post('/api/setup/industries', { name: 'Aquaculture' });
    expect(added.status).toBe(201);
    const company = (await seller.post('/api/companies', { name: 'Laks AS', industryId: added.body.id })).body;
    expect(company.industryId).toBe(added.body.id);
    const off = await admin.patch(`/api/setup/industries/${added.body.id}`, { active: false, version: added.body.version });
    expect(off.body.active).toBe(false);
    expect((await seller.get(`/api/companies/${company.id}`)).body.industryId).toBe(added.body.id);
    const reuse = await seller.post('/api/companies', { name: 'Torsk AS', industryId: added.body.id });
    expect(reuse.status).toBe(422);
    expect(reuse.body.error).toMatchObject({ code: 'INACTIVE_ENTRY', fields: { industryId: 'is deactivated' } });
    const activeOnly = await seller.get('/api/setup/industries?active=true');
    expect(activeOnly.body.items.map((e: { name: string }) => e.name)).not.toContain('Aquaculture');
    const duplicate = await admin.post('/api/setup/industries', { name: 'aquaculture' });
    expect(duplicate.status).toBe(409);
  });

  it('gives new activity types a key and refuses list-foreign fields', async () => {
    const added = await admin.post('/api/setup/activity-types', { name: 'Site visit' });
    expect(added.body.key).toBe('site_visit');
    const wrong = await admin.post('/api/setup/regions', { name: 'Finland', code: 'EUR' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toHaveProperty('code');
  });
});
