import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { keepSettings } from '../../../test/helpers/database.ts';
import { sql } from 'kysely';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';
import { addDays, todayIn } from '../../domain/opportunities/rules.ts';

let api: TestApi;
let seller: Client;
let manager: Client;
let admin: Client;
let companyId: number;
let standard: { id: number; stages: { id: number; name: string; probability: number }[] };
const today = todayIn('Europe/Copenhagen');

beforeAll(async () => {
  api = await startApi();
  seller = await api.as('seller');
  manager = await api.as('manager');
  admin = await api.as('admin');
  companyId = (await seller.post('/api/companies', { name: 'Nordlys Energi AS', country: 'NO' })).body.id;
  standard = (await seller.get('/api/sales-processes')).body.items.find((p: { isDefault: boolean }) => p.isDefault);
});
afterAll(() => api.close());
// a test that changes the settings (stagnation days, who sees what) puts them back, even when it fails
let restoreSettings: () => Promise<void>;
beforeEach(async () => {
  restoreSettings = await keepSettings(api.database.db);
});
afterEach(() => restoreSettings());

describe('creating opportunities (O-1 … O-6)', () => {
  it('ships the default process Prospect 10, Qualified 25, Quote sent 50, Negotiation 75 (O-4)', () => {
    expect(standard.stages.map((s) => [s.name, s.probability])).toEqual([
      ['Prospect', 10],
      ['Qualified', 25],
      ['Quote sent', 50],
      ['Negotiation', 75],
    ]);
  });

  it('fills the defaults: next number, owner = me, open, first stage, its probability, base currency', async () => {
    // the next number after those other tests of this file may have taken
    const { rows } = await sql<{ last: number }>`SELECT coalesce(max(number), 0) AS last FROM opportunities`.execute(api.database.db);
    const created = await seller.post('/api/opportunities', { title: 'Serviceaftale 2027', companyId, amount: 120000, margin: 30000 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: (rows[0]?.last ?? 0) + 1,
      title: 'Serviceaftale 2027',
      companyId,
      companyName: 'Nordlys Energi AS',
      ownerId: seller.userId,
      sellerIds: [seller.userId],
      status: 'open',
      processId: standard.id,
      stageId: standard.stages[0]?.id,
      stageName: 'Prospect',
      probability: 10,
      probabilityMode: 'stage',
      currency: 'DKK',
      weightedAmount: 12000,
      marginPct: 25,
      priority: 'normal',
      version: 1,
      createdBy: seller.userId,
    });
    expect(Date.now() - Date.parse(created.body.createdAt)).toBeLessThan(60_000);
    const next = await seller.post('/api/opportunities', { title: 'Second', companyId });
    expect(next.body.number).toBe(Number(created.body.number) + 1);
    expect(next.body.weightedAmount).toBe(0);
    expect(next.body.marginPct).toBeNull();
  });

  it('takes a given number, refuses a used one (409)', async () => {
    const given = await seller.post('/api/opportunities', { title: 'Given', companyId, number: 500 });
    expect(given.body.number).toBe(500);
    expect((await seller.post('/api/opportunities', { title: 'After', companyId })).body.number).toBe(501);
    const used = await seller.post('/api/opportunities', { title: 'Dup', companyId, number: 500 });
    expect(used.status).toBe(409);
    expect(used.body.error.fields).toEqual({ number: 'is already in use' });
  });

  it('starts at a chosen stage, and a typed probability makes it manual', async () => {
    const quote = standard.stages[2];
    const atStage = await seller.post('/api/opportunities', { title: 'At quote', companyId, stageId: quote?.id, amount: 1920000 });
    expect(atStage.body).toMatchObject({ stageName: 'Quote sent', probability: 50, weightedAmount: 960000 });
    const steps = await api.database.db
      .selectFrom('opportunitySteps')
      .select(['stageId', 'state'])
      .where('opportunityId', '=', atStage.body.id)
      .execute();
    expect(
      steps
        .filter((s) => s.state === 'done')
        .map((s) => s.stageId)
        .sort(),
    ).toEqual([standard.stages[0]?.id, standard.stages[1]?.id].sort());
    const manual = await seller.post('/api/opportunities', { title: 'Manual', companyId, probability: 35, amount: 1000 });
    expect(manual.body).toMatchObject({ probabilityMode: 'manual', probability: 35, weightedAmount: 350 });
  });

  it('refuses bad input with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ companyId }, 'title'],
      [{ title: 'No company' }, 'companyId'],
      [{ title: 'X', companyId: 999999 }, 'companyId'],
      [{ title: 'X', companyId, amount: 10.123 }, 'amount'],
      [{ title: 'X', companyId, amount: '1000' }, 'amount'],
      [{ title: 'X', companyId, probability: 101 }, 'probability'],
      [{ title: 'X', companyId, decisionDate: '2026-13-01' }, 'decisionDate'],
      [{ title: 'X', companyId, decisionDate: '23.11.2026' }, 'decisionDate'],
      [{ title: 'X', companyId, rating: 6 }, 'rating'],
      [{ title: 'X', companyId, priority: 'urgent' }, 'priority'],
      [{ title: 'X', companyId, weightedAmount: 5 }, 'weightedAmount'],
      [{ title: 'X', companyId, processId: 424242 }, 'processId'],
    ];
    for (const [payload, field] of cases) {
      const response = await seller.post('/api/opportunities', payload);
      expect(response.status, JSON.stringify(payload)).toBe(400);
      expect(response.body.error.fields, JSON.stringify(payload)).toHaveProperty(field);
    }
  });

  it('refuses a stage of another process and a contact of another company (422)', async () => {
    const other = (
      await admin.post('/api/sales-processes', {
        name: 'Service',
        stages: [
          { name: 'Lead', probability: 5 },
          { name: 'Offer', probability: 60 },
        ],
      })
    ).body;
    expect(other.stages.map((s: { position: number }) => s.position)).toEqual([1, 2]);
    const wrongStage = await seller.post('/api/opportunities', { title: 'X', companyId, stageId: other.stages[1].id });
    expect(wrongStage.status).toBe(422);
    expect(wrongStage.body.error.code).toBe('STAGE_NOT_IN_PROCESS');
    const inOther = await seller.post('/api/opportunities', { title: 'Service deal', companyId, processId: other.id });
    expect(inOther.body).toMatchObject({ processId: other.id, stageName: 'Lead', probability: 5 });

    const elsewhere = (await seller.post('/api/companies', { name: 'Elsewhere AB' })).body;
    const contact = (await seller.post('/api/contacts', { companyId: elsewhere.id, firstName: 'Sven', lastName: 'Svensson' })).body;
    const wrongContact = await seller.post('/api/opportunities', { title: 'X', companyId, contactId: contact.id });
    expect(wrongContact.status).toBe(422);
    expect(wrongContact.body.error.code).toBe('CONTACT_NOT_OF_COMPANY');
  });
});

describe('changing opportunities (O-5, O-6, O-11, O-17, O-25)', () => {
  it('moves the stage and, in stage mode, the probability with it; manual mode keeps the number', async () => {
    const o = (await seller.post('/api/opportunities', { title: 'Mover', companyId, amount: 200000 })).body;
    const moved = await seller.patch(`/api/opportunities/${o.id}`, { stageId: standard.stages[3]?.id, version: o.version });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stageName: 'Negotiation', probability: 75, weightedAmount: 150000, version: 2 });
    const manual = await seller.patch(`/api/opportunities/${o.id}`, { probability: 90, version: moved.body.version });
    expect(manual.body).toMatchObject({ probabilityMode: 'manual', probability: 90 });
    const back = await seller.patch(`/api/opportunities/${o.id}`, { stageId: standard.stages[1]?.id, version: manual.body.version });
    expect(back.body).toMatchObject({ stageName: 'Qualified', probability: 90 });
    const toStage = await seller.patch(`/api/opportunities/${o.id}`, { probabilityMode: 'stage', version: back.body.version });
    expect(toStage.body).toMatchObject({ probabilityMode: 'stage', probability: 25 });
  });

  it('keeps the process it was created with (O-5)', async () => {
    const o = (await seller.post('/api/opportunities', { title: 'Fixed', companyId })).body;
    const other = (await admin.post('/api/sales-processes', { name: 'Fast proces', stages: [{ name: 'Lead', probability: 5 }] })).body;
    const changed = await seller.patch(`/api/opportunities/${o.id}`, { processId: other.id, version: o.version });
    expect(changed.status).toBe(422);
    expect(changed.body.error).toMatchObject({ code: 'PROCESS_FIXED', fields: { processId: 'cannot be changed' } });
  });

  it('refuses every change to a closed opportunity (O-11)', async () => {
    const o = (await seller.post('/api/opportunities', { title: 'Closed one', companyId })).body;
    await sql`UPDATE opportunities SET status = 'won', probability = 100 WHERE id = ${o.id}`.execute(api.database.db);
    const edit = await manager.patch(`/api/opportunities/${o.id}`, { title: 'Renamed', version: o.version });
    expect(edit.status).toBe(422);
    expect(edit.body.error.code).toBe('OPPORTUNITY_CLOSED');
  });

  it('refuses a stale version with 409 and the current opportunity', async () => {
    const o = (await seller.post('/api/opportunities', { title: 'Race', companyId })).body;
    await seller.patch(`/api/opportunities/${o.id}`, { amount: 1000, version: o.version });
    const stale = await seller.patch(`/api/opportunities/${o.id}`, { amount: 2000, version: o.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ id: o.id, amount: 1000, version: 2, companyName: 'Nordlys Energi AS' });
  });

  it('with a single seller, a new owner replaces the seller at 100 % (O-17)', async () => {
    const o = (await seller.post('/api/opportunities', { title: 'Handover', companyId })).body;
    const other = await api.as('seller');
    const handed = await seller.patch(`/api/opportunities/${o.id}`, { ownerId: other.userId, version: o.version });
    expect(handed.body).toMatchObject({ ownerId: other.userId, sellerIds: [other.userId] });
    const shares = await api.database.db
      .selectFrom('opportunitySellers')
      .select(['userId', 'share'])
      .where('opportunityId', '=', o.id)
      .execute();
    expect(shares).toEqual([{ userId: other.userId, share: 100 }]);
  });

  it('lets a seller change only opportunities they own or sell on (A-2)', async () => {
    const other = await api.as('seller');
    const theirs = (await other.post('/api/opportunities', { title: 'Not yours', companyId })).body;
    const denied = await seller.patch(`/api/opportunities/${theirs.id}`, { title: 'Mine now', version: theirs.version });
    expect(denied.status).toBe(403);
    await api.database.db
      .insertInto('opportunitySellers')
      .values({ opportunityId: theirs.id, userId: seller.userId, share: 0, position: 2 })
      .execute();
    expect((await seller.patch(`/api/opportunities/${theirs.id}`, { title: 'Shared', version: theirs.version })).status).toBe(200);
  });

  it('soft-deletes: gone from the list and 404', async () => {
    const o = (await seller.post('/api/opportunities', { title: 'To delete', companyId })).body;
    expect((await seller.delete(`/api/opportunities/${o.id}`)).status).toBe(204);
    expect((await seller.get(`/api/opportunities/${o.id}`)).status).toBe(404);
    const row = await api.database.db.selectFrom('opportunities').select('deletedAt').where('id', '=', o.id).executeTakeFirstOrThrow();
    expect(row.deletedAt).not.toBeNull();
  });
});

describe('opportunity lists (L-1, L-2, O-22, O-23)', () => {
  let listCompany: number;
  beforeAll(async () => {
    listCompany = (await manager.post('/api/companies', { name: 'Listeby A/S' })).body.id;
    const rows = [
      { title: 'Alfa lager', amount: 50000, decisionDate: addDays(today, -3) },
      { title: 'Beta ERP', amount: 250000, decisionDate: today },
      { title: 'Gamma service', amount: null, decisionDate: addDays(today, 5) },
      { title: 'Delta licens', amount: 900000, decisionDate: addDays(today, 30) },
      { title: 'Epsilon Øl', amount: 125000.5, decisionDate: null },
    ];
    for (const row of rows) await manager.post('/api/opportunities', { ...row, companyId: listCompany });
  });

  const titles = (items: { title: string }[]) => items.map((o) => o.title);

  it('colours decision dates: overdue red, today green, within 7 days blue (O-23)', async () => {
    const page = await manager.get(`/api/opportunities?companyId=${listCompany}&sort=title`);
    const colours = Object.fromEntries(
      page.body.items.map((o: { title: string; decisionColor: string | null }) => [o.title, o.decisionColor]),
    );
    expect(colours).toEqual({
      'Alfa lager': 'red',
      'Beta ERP': 'green',
      'Gamma service': 'blue',
      'Delta licens': null,
      'Epsilon Øl': null,
    });
  });

  it('filters by amount comparisons, text and Nordic letters', async () => {
    const big = await manager.get(`/api/opportunities?companyId=${listCompany}&amount.gte=125000.5&sort=amount`);
    expect(titles(big.body.items)).toEqual(['Epsilon Øl', 'Beta ERP', 'Delta licens']);
    const notFifty = await manager.get(`/api/opportunities?companyId=${listCompany}&amount.ne=50000&sort=title`);
    expect(titles(notFifty.body.items)).toEqual(['Beta ERP', 'Delta licens', 'Epsilon Øl', 'Gamma service']);
    const dated = await manager.get(`/api/opportunities?companyId=${listCompany}&decisionDate.lte=${today}&sort=decisionDate`);
    expect(titles(dated.body.items)).toEqual(['Alfa lager', 'Beta ERP']);
    expect(titles((await manager.get(`/api/opportunities?companyId=${listCompany}&q=${encodeURIComponent('øL')}`)).body.items)).toEqual([
      'Epsilon Øl',
    ]);
    expect(titles((await manager.get(`/api/opportunities?companyId=${listCompany}&q=${encodeURIComponent('%lager')}`)).body.items)).toEqual(
      ['Alfa lager'],
    );
    expect((await manager.get(`/api/opportunities?companyId=${listCompany}&q=${encodeURIComponent('lager%')}`)).body.items).toEqual([]);
  });

  it('sorts by amount descending with empty amounts last, and pages without gaps', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { title: string }[]; nextCursor: string | null } } = await manager.get(
        `/api/opportunities?companyId=${listCompany}&sort=-amount&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      all.push(...titles(page.body.items));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(all).toEqual(['Delta licens', 'Beta ERP', 'Epsilon Øl', 'Alfa lager', 'Gamma service']);
  });

  it('filters by status, owner or seller, and stagnation (O-22)', async () => {
    const open = await manager.get(`/api/opportunities?companyId=${listCompany}&status=open,won`);
    expect(open.body.items).toHaveLength(5);
    expect((await manager.get(`/api/opportunities?companyId=${listCompany}&status=lost`)).body.items).toHaveLength(0);
    expect((await manager.get(`/api/opportunities?companyId=${listCompany}&sellerId=${manager.userId}`)).body.items).toHaveLength(5);
    expect((await manager.get(`/api/opportunities?companyId=${listCompany}&sellerId=${seller.userId}`)).body.items).toHaveLength(0);
    const badStatus = await manager.get('/api/opportunities?status=open,maybe');
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error.fields).toHaveProperty('status');

    await sql`UPDATE opportunities SET updated_at = now() - interval '40 days' WHERE title = 'Alfa lager'`.execute(api.database.db);
    const stagnant = await manager.get(`/api/opportunities?companyId=${listCompany}&stagnant=true`);
    expect(titles(stagnant.body.items)).toEqual(['Alfa lager']);
    expect(stagnant.body.items[0].stagnant).toBe(true);
    const settingsVersion = async () => (await admin.get('/api/settings')).body.version as number;
    expect((await manager.patch('/api/settings', { stagnationDays: 50, version: await settingsVersion() })).status).toBe(403);
    expect((await manager.get(`/api/opportunities?companyId=${listCompany}&stagnant=true`)).status).toBe(200);
    await admin.patch('/api/settings', { stagnationDays: 50, version: await settingsVersion() });
    expect((await manager.get(`/api/opportunities?companyId=${listCompany}&stagnant=true`)).body.items).toEqual([]);
  });

  it('hides other sellers’ opportunities when the admin setting says so (A-2)', async () => {
    const other = await api.as('seller');
    // a company of its own, so the other list tests keep their five deals whatever the order
    const privateCompany = (await manager.post('/api/companies', { name: 'Skjult A/S' })).body.id;
    await manager.post('/api/opportunities', { title: 'Manager pipeline', companyId: privateCompany });
    const hidden = (await other.post('/api/opportunities', { title: 'Private pipeline', companyId: privateCompany })).body;
    expect((await seller.get(`/api/opportunities/${hidden.id}`)).status).toBe(200);
    expect((await seller.get(`/api/opportunities?companyId=${privateCompany}`)).body.items).toHaveLength(2);
    await admin.patch('/api/settings', { sellersSeeOnlyOwn: true, version: (await admin.get('/api/settings')).body.version });
    expect((await seller.get(`/api/opportunities/${hidden.id}`)).status).toBe(404);
    expect((await seller.get(`/api/opportunities?companyId=${privateCompany}`)).body.items).toEqual([]);
    expect((await other.get(`/api/opportunities/${hidden.id}`)).status).toBe(200);
    expect((await manager.get(`/api/opportunities/${hidden.id}`)).status).toBe(200);
  });
});

describe('partial updates', () => {
  it('leaves fields the PATCH does not mention as they are, and clears those sent empty', async () => {
    const company = (await seller.post('/api/companies', { name: 'Delvis A/S', notes: 'Keep me', city: 'Vejle' })).body;
    const o = (
      await seller.post('/api/opportunities', { title: 'Keep', companyId: company.id, description: 'Important note', externalRef: 'EXT-1' })
    ).body;
    const renamed = await seller.patch(`/api/opportunities/${o.id}`, { title: 'Renamed', version: o.version });
    expect(renamed.body).toMatchObject({ title: 'Renamed', description: 'Important note', externalRef: 'EXT-1' });
    const cleared = await seller.patch(`/api/opportunities/${o.id}`, { description: '', version: renamed.body.version });
    expect(cleared.body).toMatchObject({ description: null, externalRef: 'EXT-1' });
    const companyAfter = await seller.patch(`/api/companies/${company.id}`, { phone: '+45 70 10 20 30', version: company.version });
    expect(companyAfter.body).toMatchObject({ notes: 'Keep me', city: 'Vejle', phone: '+45 70 10 20 30' });
  });
});
