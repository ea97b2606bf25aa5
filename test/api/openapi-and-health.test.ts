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
    for (const path of [
      '/api/opportunities',
      '/api/opportunities/{id}',
      '/api/companies',
      '/api/contacts',
      '/api/activities',
      '/api/auth/login',
      '/api/setup/{list}',
      '/api/sales-processes',
      '/api/users',
    ]) {
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

  it('is a complete contract: ids, summaries, declared tags, errors, 204s and named schemas (npm run lint:api lints the rest)', async () => {
    type Operation = {
      operationId?: string;
      summary?: string;
      tags?: string[];
      security?: unknown[];
      responses: Record<string, { content?: object }>;
    };
    const doc = (await api.anonymous.get('/api/openapi.json')).body;
    const operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ at: `${method.toUpperCase()} ${path}`, ...operation })),
    );
    const declaredTags = new Set((doc.tags as { name: string; description?: string }[]).filter((t) => t.description).map((t) => t.name));
    const ids = new Set<string>();
    for (const operation of operations) {
      expect(operation.operationId, operation.at).toMatch(/^[a-z][a-zA-Z]+$/);
      expect(ids.has(operation.operationId ?? ''), `${operation.at}: operationId used twice`).toBe(false);
      ids.add(operation.operationId ?? '');
      expect(operation.summary, operation.at).toBeTruthy();
      for (const tag of operation.tags ?? []) expect(declaredTags.has(tag), `${operation.at}: tag ${tag} not declared`).toBe(true);
      // a signed-in route answers 401 without credentials; a public one says it needs none
      const security = operation.security;
      const isPublic = Array.isArray(security) && (security.length === 0 || security.some((s) => Object.keys(s as object).length === 0));
      if (!isPublic) expect(Object.keys(operation.responses), operation.at).toContain('401');
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400)
          expect(JSON.stringify(response.content), `${operation.at} ${status}`).toContain('#/components/schemas/Error');
      }
      // a 204 has no body; no route documents a bodiless answer as 200
      if (operation.responses['204']) expect(operation.responses['204'].content, operation.at).toBeUndefined();
      if (operation.responses['200']) expect(operation.responses['200'].content, `${operation.at}: 200 without a body`).toBeDefined();
    }
    for (const at of ['DELETE /api/companies/{id}', 'DELETE /api/attachments/{id}', 'POST /api/auth/logout', 'DELETE /api/calendar-feed']) {
      expect(Object.keys(operations.find((o) => o.at === at)?.responses ?? {}), at).toContain('204');
    }
    for (const name of [
      'Opportunity',
      'OpportunityPage',
      'Company',
      'CompanyPage',
      'Contact',
      'ContactPage',
      'Activity',
      'ActivityPage',
      'User',
      'Error',
    ]) {
      expect(doc.components.schemas, name).toHaveProperty([name]);
    }
    const publicOps = [
      'POST /api/auth/login',
      'GET /api/instance',
      'POST /api/instance/setup',
      'GET /api/calendar/{file}',
      'GET /api/health',
    ];
    // public: no credentials asked ([]), or none as one choice (a public write sent with the cookie also needs the CSRF header)
    for (const at of publicOps) expect(JSON.stringify(operations.find((o) => o.at === at)?.security), at).toMatch(/^\[\]$|\{\}/);
    const upload = operations.find((o) => o.at === 'POST /api/import/{resource}') as Operation & { requestBody?: { content: object } };
    expect(Object.keys(upload.requestBody?.content ?? {})).toEqual(['multipart/form-data']);
    expect(JSON.stringify(doc)).not.toMatch(/SPEC\.md|STYLE\.md|src\//);
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
