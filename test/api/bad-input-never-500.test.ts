// N-4: bad input never causes a 500. Every operation in the OpenAPI document gets malformed path
// parameters, query strings and bodies; each answer must be a 4xx (or a success), never a 5xx, and
// every error must have the API's error shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Client, type TestApi } from '../helpers/api.ts';

let api: TestApi;
let admin: Client;
let cookie: string;
let csrf: string;

type Operation = { method: string; path: string; schema: { properties?: Record<string, { type?: string | string[] }> } | undefined };

beforeAll(async () => {
  api = await startApi();
  admin = await api.as('admin');
  // a raw session, so the test can send bodies that are not JSON objects
  const me = (await admin.get('/api/auth/me')).body.user;
  const login = await api.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: me.email, password: 'correct horse battery' },
  });
  cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
  csrf = login.json().csrfToken;
  const company = (await admin.post('/api/companies', { name: 'Fuzz A/S' })).body;
  await admin.post('/api/opportunities', { title: 'Fuzz deal', companyId: company.id });
});
afterAll(() => api.close());

function operations(document: {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Operation['schema'] }> } }>>;
}): Operation[] {
  const found: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
      // signing out would end the session the test runs on
      if (path === '/api/auth/logout') continue;
      found.push({ method: method.toUpperCase(), path, schema: operation.requestBody?.content?.['application/json']?.schema });
    }
  }
  return found;
}

const WRONG: Record<string, unknown> = {
  string: 12345,
  number: 'not a number',
  integer: 1.5,
  boolean: 'yes',
  array: 'nope',
  object: 'nope',
};

function badBodies(schema: Operation['schema']): unknown[] {
  const bodies: unknown[] = [[], 'text', 42, null, { unknownField: true }];
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    const type = Array.isArray(property.type) ? property.type.find((t) => t !== 'null') : property.type;
    bodies.push({ [name]: WRONG[type ?? 'string'] ?? { deeply: ['wrong'] } });
    bodies.push({ [name]: 'x'.repeat(100_000) });
  }
  return bodies;
}

const paths = (path: string) => [
  path.replace(/\{[^}]+\}/g, '1'),
  path.replace(/\{[^}]+\}/g, 'abc'),
  path.replace(/\{[^}]+\}/g, '99999999999999999999'),
];

describe('bad input never causes a 500 (N-4)', () => {
  it('answers every malformed request to every operation with a 4xx in the error shape', async () => {
    const document = (await admin.get('/api/openapi.json')).body;
    const list = operations(document);
    expect(list.length).toBeGreaterThan(60);
    const failures: string[] = [];
    let requests = 0;
    for (const operation of list) {
      for (const url of paths(operation.path)) {
        const queries = ['', '?limit=-1', '?sort=%27%3B%20DROP%20TABLE%20users--', '?cursor=%E2%9C%93', '?unknown=1', '?limit=1&limit=2'];
        const sends: { url: string; payload?: string }[] = queries.map((q) => ({ url: url + q }));
        if (operation.method !== 'GET' && operation.method !== 'DELETE') {
          for (const body of badBodies(operation.schema)) sends.push({ url, payload: JSON.stringify(body) });
          sends.push({ url, payload: '{"broken": ' });
        }
        for (const send of sends) {
          requests += 1;
          const response = await api.app.inject({
            method: operation.method as 'GET',
            url: send.url,
            headers: { cookie, 'x-csrf-token': csrf, ...(send.payload !== undefined ? { 'content-type': 'application/json' } : {}) },
            ...(send.payload !== undefined ? { payload: send.payload } : {}),
          });
          const where = `${operation.method} ${send.url} ${send.payload?.slice(0, 80) ?? ''}`;
          if (response.statusCode >= 500) failures.push(`${response.statusCode} ${where}: ${response.body.slice(0, 200)}`);
          else if (response.statusCode >= 400 && (response.headers['content-type'] ?? '').toString().includes('json')) {
            const body = response.json();
            if (typeof body?.error?.code !== 'string' || typeof body?.error?.message !== 'string')
              failures.push(`shape ${where}: ${response.body.slice(0, 200)}`);
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 300_000);
});
