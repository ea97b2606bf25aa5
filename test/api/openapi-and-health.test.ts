import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../helpers/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

describe('OpenAPI and health (I-1)', () => {
  it('answers health without signing in', async () => {
    const health = await api.anonymous.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', database: api.database.mode });
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = await api.anonymous.get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    for (const path of ['/api/opportunities', '/api/opportunities/{id}', '/api/companies', '/api/contacts', '/api/activities', '/api/auth/login', '/api/setup/{list}', '/api/sales-processes', '/api/users']) {
      expect(doc.body.paths, path).toHaveProperty([path]);
    }
    const create = doc.body.paths['/api/opportunities'].post;
    // the body is a named schema (NewOpportunityInput), referred to from components
    const named = create.requestBody.content['application/json'].schema.$ref.replace('#/components/schemas/', '');
    const body = doc.body.components.schemas[named];
    expect(body.required).toEqual(expect.arrayContaining(['title', 'companyId']));
    expect(body.properties.probabilityMode.enum).toEqual(['stage', 'manual']);
    const listParams = doc.body.paths['/api/opportunities'].get.parameters.map((p: { name: string }) => p.name);
    expect(listParams).toEqual(expect.arrayContaining(['status', 'sellerId', 'amount.gte', 'decisionDate.lte', 'cursor', 'sort']));
  });

  it('serves the browsable reference page', async () => {
    const page = await api.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(page.statusCode);
    const followed = await api.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(followed.statusCode).toBe(200);
    expect(followed.body).toContain('swagger');
  });

  it('answers an unknown API path with 404 in the error shape (401 before signing in)', async () => {
    expect((await api.anonymous.get('/api/nothing-here')).status).toBe(401);
    const seller = await api.as('seller');
    const missing = await seller.get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });
});
