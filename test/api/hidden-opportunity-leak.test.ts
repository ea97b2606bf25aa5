// A-2 "sellers see only their own": walks every GET path of the OpenAPI document as a seller, with the
// path parameters set to the hidden opportunity's ids (its own, its activities', its attachments') and
// to visible ones, and the query parameters that select by opportunity, text, company or owner; no
// answer may hold the hidden opportunity's id (in an id field), title, amount or activities.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/domain/export/columns.ts';
import { buildHiddenWorld, HIDDEN, leaksOf, type HiddenWorld } from '../helpers/hidden-opportunity.ts';

let world: HiddenWorld;
beforeAll(async () => {
  world = await buildHiddenWorld();
});
afterAll(() => world.api.close());

type Parameter = { name: string; in: 'path' | 'query'; schema?: { enum?: string[] } };

/** Every GET URL to try: each path with each value of its path parameters, alone and with each probing query parameter. */
function urlsOf(paths: Record<string, { get?: { parameters?: Parameter[] } }>): string[] {
  const { hidden, visible, companyId, contactId, owner } = world;
  const ids = [
    hidden.id,
    visible.id,
    ...world.hiddenActivities,
    ...world.visibleActivities,
    ...world.hiddenAttachments,
    ...world.visibleAttachments,
    companyId,
    contactId,
  ];
  const probes: Record<string, string> = {
    opportunityId: String(hidden.id),
    q: 'kvantefjord',
    title: 'kvantefjord',
    note: 'secret plan',
    letter: 'F',
    companyId: String(companyId),
    contactId: String(contactId),
    ownerId: String(owner.userId),
    sellerId: String(owner.userId),
    number: String(hidden.number),
    amount: String(HIDDEN.amount),
    'amount.gte': '4000000',
    status: 'open',
    done: 'false',
    type: 'meeting,task,call',
    summary: 'true',
    name: 'Fjordlys',
  };
  const urls: string[] = [];
  for (const [template, item] of Object.entries(paths)) {
    if (!item.get) continue;
    const parameters = item.get.parameters ?? [];
    let filled = [template];
    for (const parameter of parameters.filter((p) => p.in === 'path')) {
      const values: (string | number)[] =
        parameter.name === 'id'
          ? ids
          : parameter.name === 'file'
            ? [world.calendarPath.split('/').pop() as string]
            : (parameter.schema?.enum ?? []);
      if (values.length === 0) throw new Error(`no values for {${parameter.name}} of ${template}`);
      filled = filled.flatMap((path) => values.map((value) => path.replace(`{${parameter.name}}`, encodeURIComponent(String(value)))));
    }
    const names = parameters.filter((p) => p.in === 'query').map((p) => p.name);
    const list = /^\/api\/(opportunities|companies|contacts|activities)\/export$/.exec(template)?.[1] as keyof typeof COLUMNS | undefined;
    // an export needs a format; every column it can have is asked for once
    const base: Record<string, string> = list ? { format: 'csv' } : {};
    const queries = [
      base,
      ...names.filter((name) => probes[name] !== undefined).map((name) => ({ ...base, [name]: probes[name] as string })),
    ];
    if (list)
      queries.push(
        { ...base, columns: COLUMNS[list].map((c) => c.key).join(',') },
        { ...base, format: 'csv', lang: 'da', delimiter: 'semicolon' },
      );
    for (const path of filled)
      for (const query of queries) urls.push(`${path}${Object.keys(query).length ? `?${new URLSearchParams(query).toString()}` : ''}`);
  }
  return urls;
}

async function walk(urls: string[], token: string) {
  const leaks: string[] = [];
  const statuses = new Map<string, number>();
  for (const url of urls) {
    const response = await world.api.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    statuses.set(url, response.statusCode);
    const found = leaksOf(response.body, String(response.headers['content-type'] ?? ''));
    if (found.length) leaks.push(`${url} → ${response.statusCode}: ${found.join(', ')}`);
  }
  return { leaks, statuses };
}

describe('a seller with "sellers see only their own" on (A-2)', () => {
  it('finds the hidden opportunity in no answer to any GET path of the OpenAPI document', { timeout: 300_000 }, async () => {
    const doc = (await world.api.anonymous.get('/api/openapi.json')).body;
    const urls = urlsOf(doc.paths);
    // the walk covers every GET path of the document
    const templates = Object.entries<{ get?: unknown }>(doc.paths).filter(([, item]) => item.get).length;
    expect(templates).toBeGreaterThanOrEqual(45);
    expect(urls.length).toBeGreaterThan(templates);

    const { leaks, statuses } = await walk(urls, world.sellerToken);
    expect(leaks).toEqual([]);
    expect([...statuses].filter(([, status]) => status >= 500)).toEqual([]);
    // and the seller's own things are still there
    expect(statuses.get(`/api/opportunities/${world.visible.id}`)).toBe(200);
    expect(statuses.get(`/api/activities/${world.visibleActivities[0]}`)).toBe(200);
    expect(statuses.get(`/api/attachments/${world.visibleAttachments[1]}`)).toBe(200);
    expect(statuses.get(`/api/opportunities/${world.hidden.id}`)).toBe(404);

    // the probe does see the hidden opportunity where it may be read: by a manager
    const token = (await world.manager.post('/api/auth/tokens', { name: 'walk' })).body.token as string;
    const { hidden, hiddenActivities, hiddenAttachments } = world;
    const readable = [
      `/api/opportunities/${hidden.id}`,
      '/api/opportunities?q=kvantefjord',
      '/api/opportunities/export?format=csv',
      `/api/activities?opportunityId=${hidden.id}`,
      `/api/activities/${hiddenActivities[0]}`,
      '/api/activities/latest',
      `/api/opportunities/${hidden.id}/history`,
      `/api/attachments/${hiddenAttachments[0]}`,
      `/api/attachments/${hiddenAttachments[1]}`,
    ];
    const managerWalk = await walk(readable, token);
    expect(managerWalk.leaks.map((line) => line.split(' → ')[0])).toEqual(readable);
  });
});
