import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';
import { addDays, todayIn } from '../../domain/opportunities/rules.ts';

let api: TestApi;
let seller: Client;
let admin: Client;
let companyId: number;
let stages: { id: number; name: string; probability: number }[];
let lossReasons: { id: number; name: string }[];
const today = todayIn('Europe/Copenhagen');

beforeAll(async () => {
  api = await startApi();
  seller = await api.as('seller');
  admin = await api.as('admin');
  companyId = (await seller.post('/api/companies', { name: 'Livsløb A/S' })).body.id;
  stages = (await seller.get('/api/sales-processes')).body.items[0].stages;
  lossReasons = (await seller.get('/api/setup/loss-reasons')).body.items;
});
afterAll(() => api.close());

const newOpportunity = async (extra: Record<string, unknown> = {}) =>
  (await seller.post('/api/opportunities', { title: 'Deal', companyId, amount: 100000, ...extra })).body;

describe('steps (O-7)', () => {
  it('lists the steps and moves the current stage to the earliest step still to do', async () => {
    const o = await newOpportunity();
    const steps = await seller.get(`/api/opportunities/${o.id}/steps`);
    expect(steps.body.map((s: { name: string; state: string }) => [s.name, s.state])).toEqual([
      ['Prospect', 'todo'],
      ['Qualified', 'todo'],
      ['Quote sent', 'todo'],
      ['Negotiation', 'todo'],
    ]);
    await seller.patch(`/api/opportunities/${o.id}/steps/${stages[0]?.id}`, { state: 'done', version: o.version });
    const cancelled = await seller.patch(`/api/opportunities/${o.id}/steps/${stages[1]?.id}`, {
      state: 'cancelled',
      version: Number(o.version) + 1,
    });
    expect(cancelled.status).toBe(200);
    const now = (await seller.get(`/api/opportunities/${o.id}`)).body;
    expect(now).toMatchObject({ stageName: 'Quote sent', probability: 50, weightedAmount: 50000, version: 3 });
    await seller.patch(`/api/opportunities/${o.id}/steps/${stages[0]?.id}`, { state: 'todo', version: 3 });
    expect((await seller.get(`/api/opportunities/${o.id}`)).body).toMatchObject({ stageName: 'Prospect', probability: 10 });
  });

  it('keeps cancelled steps when the stage is moved, and refuses step changes when closed', async () => {
    const o = await newOpportunity();
    await seller.patch(`/api/opportunities/${o.id}/steps/${stages[1]?.id}`, { state: 'cancelled', version: o.version });
    const current = (await seller.get(`/api/opportunities/${o.id}`)).body;
    await seller.patch(`/api/opportunities/${o.id}`, { stageId: stages[3]?.id, version: current.version });
    const steps = (await seller.get(`/api/opportunities/${o.id}/steps`)).body;
    expect(steps.map((s: { state: string }) => s.state)).toEqual(['done', 'cancelled', 'done', 'todo']);
    await seller.post(`/api/opportunities/${o.id}/close`, { outcome: 'expired' });
    const closed = (await seller.get(`/api/opportunities/${o.id}`)).body;
    const refused = await seller.patch(`/api/opportunities/${o.id}/steps/${stages[0]?.id}`, { state: 'todo', version: closed.version });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('OPPORTUNITY_CLOSED');
    expect(
      (await seller.patch(`/api/opportunities/${o.id}/steps/${stages[0]?.id}`, { state: 'maybe', version: closed.version })).status,
    ).toBe(400);
  });
});

describe('closing and reopening (O-8 … O-11)', () => {
  it('closes as won with the defaults: actual amount = amount, close date today, 100 %', async () => {
    const o = await newOpportunity();
    const won = await seller.post(`/api/opportunities/${o.id}/close`, { outcome: 'won' });
    expect(won.status).toBe(200);
    expect(won.body).toMatchObject({
      status: 'won',
      actualAmount: 100000,
      closeDate: today,
      probability: 100,
      weightedAmount: 100000,
      decisionColor: null,
      stageName: 'Negotiation',
    });
    const steps = (await seller.get(`/api/opportunities/${o.id}/steps`)).body;
    expect(steps.every((s: { state: string }) => s.state === 'done')).toBe(true);
  });

  it('closes as lost with reason and winner, is then read-only, and reopens keeping the close history', async () => {
    const o = await newOpportunity({ stageId: stages[2]?.id });
    const rival = (await api.database.db.insertInto('competitors').values({ name: 'NordSoft' }).returning('id').executeTakeFirstOrThrow())
      .id;
    await sql`INSERT INTO opportunity_competitors (opportunity_id, competitor_id, threat) VALUES (${o.id}, ${rival}, 4)`.execute(
      api.database.db,
    );
    const outsider = (
      await api.database.db.insertInto('competitors').values({ name: 'Baltic Systems' }).returning('id').executeTakeFirstOrThrow()
    ).id;
    const notTheirs = await seller.post(`/api/opportunities/${o.id}/close`, { outcome: 'lost', winnerCompetitorId: outsider });
    expect(notTheirs.status).toBe(422);
    expect(notTheirs.body.error.code).toBe('NOT_A_COMPETITOR');

    const lost = await seller.post(`/api/opportunities/${o.id}/close`, {
      outcome: 'lost',
      lossReasonId: lossReasons[0]?.id,
      winnerCompetitorId: rival,
      closeDate: addDays(today, -2),
      note: 'Pris',
    });
    expect(lost.body).toMatchObject({
      status: 'lost',
      probability: 0,
      weightedAmount: 0,
      lossReasonId: lossReasons[0]?.id,
      winnerCompetitorId: rival,
      closeDate: addDays(today, -2),
      stageName: 'Quote sent',
    });

    const edit = await seller.patch(`/api/opportunities/${o.id}`, { title: 'Changed', version: lost.body.version });
    expect(edit.status).toBe(422);
    expect(edit.body.error.code).toBe('OPPORTUNITY_CLOSED');
    const again = await seller.post(`/api/opportunities/${o.id}/close`, { outcome: 'won' });
    expect(again.status).toBe(422);

    const reopened = await seller.post(`/api/opportunities/${o.id}/reopen`, {});
    expect(reopened.body).toMatchObject({
      status: 'open',
      probability: 50,
      closeDate: null,
      lossReasonId: null,
      winnerCompetitorId: null,
      actualAmount: null,
    });
    const closings = await seller.get(`/api/opportunities/${o.id}/closings`);
    expect(closings.body.items).toHaveLength(1);
    expect(closings.body.items[0]).toMatchObject({
      outcome: 'lost',
      lossReasonId: lossReasons[0]?.id,
      winnerCompetitorId: rival,
      note: 'Pris',
      reopenedBy: seller.userId,
    });
    expect((await seller.post(`/api/opportunities/${o.id}/reopen`, {})).body.error.code).toBe('OPPORTUNITY_OPEN');
  });

  it('restores a manual probability when reopened', async () => {
    const o = await newOpportunity({ probability: 65 });
    await seller.post(`/api/opportunities/${o.id}/close`, { outcome: 'expired' });
    expect((await seller.post(`/api/opportunities/${o.id}/reopen`)).body).toMatchObject({ probabilityMode: 'manual', probability: 65 });
  });

  it('refuses bad closing input naming the field', async () => {
    const o = await newOpportunity();
    const cases: [Record<string, unknown>, string][] = [
      [{ outcome: 'sold' }, 'outcome'],
      [{ outcome: 'won', closeDate: addDays(today, 1) }, 'closeDate'],
      [{ outcome: 'won', lossReasonId: lossReasons[0]?.id }, 'lossReasonId'],
      [{ outcome: 'lost', lossReasonId: 999999 }, 'lossReasonId'],
      [{ outcome: 'won', actualAmount: -0.001 }, 'actualAmount'],
    ];
    for (const [payload, field] of cases) {
      const answer = await seller.post(`/api/opportunities/${o.id}/close`, payload);
      expect(answer.status, JSON.stringify(payload)).toBe(400);
      expect(answer.body.error.fields, JSON.stringify(payload)).toHaveProperty(field);
    }
    const stale = await seller.post(`/api/opportunities/${o.id}/close`, { outcome: 'won', version: Number(o.version) + 5 });
    expect(stale.status).toBe(409);
  });
});

describe('bulk, copy, delete and restore (O-12 … O-14)', () => {
  it('answers per item: which succeeded and which failed and why', async () => {
    const a = await newOpportunity();
    const b = await newOpportunity();
    const closed = await newOpportunity();
    await seller.post(`/api/opportunities/${closed.id}/close`, { outcome: 'won' });
    const other = await api.as('seller');
    const notMine = (await other.post('/api/opportunities', { title: 'Theirs', companyId })).body;
    const answer = await seller.post('/api/opportunities/bulk', {
      ids: [a.id, b.id, closed.id, notMine.id, 999999],
      action: 'lost',
      lossReasonId: lossReasons[1]?.id,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.succeeded).toBe(2);
    expect(answer.body.failed).toBe(3);
    const byId = Object.fromEntries(
      answer.body.results.map((r: { id: number; ok: boolean; error?: { code: string } }) => [r.id, r.ok ? 'ok' : r.error?.code]),
    );
    expect(byId).toEqual({ [a.id]: 'ok', [b.id]: 'ok', [closed.id]: 'OPPORTUNITY_CLOSED', [notMine.id]: 'FORBIDDEN', 999999: 'NOT_FOUND' });
    expect((await seller.get(`/api/opportunities/${a.id}`)).body).toMatchObject({ status: 'lost', lossReasonId: lossReasons[1]?.id });
    const reopen = await seller.post('/api/opportunities/bulk', { ids: [a.id, b.id], action: 'open' });
    expect(reopen.body.succeeded).toBe(2);
    const bad = await seller.post('/api/opportunities/bulk', { ids: [], action: 'won' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('ids');
  });

  it('copies with steps and sellers but not activities; the copy is open with a new number', async () => {
    const o = await newOpportunity({ stageId: stages[2]?.id, description: 'Original' });
    await seller.post('/api/activities', { type: 'call', subject: 'Only on the original', opportunityId: o.id });
    await seller.post(`/api/opportunities/${o.id}/close`, { outcome: 'lost' });
    const copy = await seller.post(`/api/opportunities/${o.id}/copy`);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({
      status: 'open',
      title: 'Deal',
      description: 'Original',
      stageName: 'Quote sent',
      probability: 50,
      amount: 100000,
      sellerIds: [seller.userId],
      closeDate: null,
    });
    expect(copy.body.number).toBeGreaterThan(o.number);
    const steps = (await seller.get(`/api/opportunities/${copy.body.id}/steps`)).body;
    expect(steps.map((s: { state: string }) => s.state)).toEqual(['done', 'done', 'todo', 'todo']);
    expect((await seller.get(`/api/activities?opportunityId=${copy.body.id}`)).body.items).toEqual([]);
  });

  it('deletes softly; an admin lists and restores within 30 days, not after', async () => {
    const o = await newOpportunity();
    expect((await seller.post('/api/opportunities/bulk', { ids: [o.id], action: 'delete' })).body.succeeded).toBe(1);
    expect((await seller.get(`/api/opportunities/${o.id}`)).status).toBe(404);
    expect((await seller.get('/api/opportunities/deleted')).status).toBe(403);
    const deleted = await admin.get('/api/opportunities/deleted');
    expect(deleted.body.items.map((d: { id: number }) => d.id)).toContain(o.id);
    expect((await seller.post(`/api/opportunities/${o.id}/restore`)).status).toBe(403);
    const restored = await admin.post(`/api/opportunities/${o.id}/restore`);
    expect(restored.status).toBe(200);
    expect((await seller.get(`/api/opportunities/${o.id}`)).status).toBe(200);

    await seller.delete(`/api/opportunities/${o.id}`);
    await sql`UPDATE opportunities SET deleted_at = now() - interval '31 days' WHERE id = ${o.id}`.execute(api.database.db);
    const late = await admin.post(`/api/opportunities/${o.id}/restore`);
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('RESTORE_EXPIRED');
    expect((await admin.get('/api/opportunities/deleted')).body.items.map((d: { id: number }) => d.id)).not.toContain(o.id);
  });
});

describe('the winner as an entry of the competitor list', () => {
  it('accepts a one-off competitor name as the winner, promoting it to the global list', async () => {
    const o = await newOpportunity();
    const entry = await seller.post(`/api/opportunities/${o.id}/competitors`, { name: 'Lokal Konkurrent ApS', threat: 5 });
    expect(entry.status).toBe(201);
    const lost = await seller.post(`/api/opportunities/${o.id}/close`, { outcome: 'lost', winnerEntryId: entry.body.id });
    expect(lost.status).toBe(200);
    const global = (await seller.get('/api/competitors?q=Lokal')).body.items;
    expect(global.map((c: { name: string }) => c.name)).toEqual(['Lokal Konkurrent ApS']);
    expect(lost.body.winnerCompetitorId).toBe(global[0].id);
    const other = await newOpportunity();
    const foreign = await seller.post(`/api/opportunities/${other.id}/close`, { outcome: 'lost', winnerEntryId: entry.body.id });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.code).toBe('NOT_A_COMPETITOR');
  });
});

describe('history of the lifecycle (O-24)', () => {
  it('records steps, closing, reopening, sellers, competitors, delete and restore', async () => {
    const o = await newOpportunity();
    await seller.patch(`/api/opportunities/${o.id}/steps/${stages[0]?.id}`, { state: 'done', version: o.version });
    const other = await api.as('seller', 'Ida Ibsen');
    await seller.post(`/api/opportunities/${o.id}/sellers`, { userId: other.userId });
    await seller.post(`/api/opportunities/${o.id}/competitors`, { name: 'Fjord Data AS', threat: 2 });
    await seller.post(`/api/opportunities/${o.id}/close`, { outcome: 'won' });
    await seller.post(`/api/opportunities/${o.id}/reopen`);
    await seller.delete(`/api/opportunities/${o.id}`);
    await admin.post(`/api/opportunities/${o.id}/restore`);
    const history = (await admin.get(`/api/opportunities/${o.id}/history?limit=100`)).body.items as {
      field: string;
      oldValue: string | null;
      newValue: string | null;
    }[];
    const line = (field: string) => history.find((h) => h.field === field);
    expect(line('step:Prospect')).toMatchObject({ oldValue: 'todo', newValue: 'done' });
    expect(line('sellers')?.newValue).toMatch(/ 50\.00 %, II 50\.00 %$/);
    expect(line('competitors')).toMatchObject({ oldValue: null, newValue: 'Fjord Data AS (2)' });
    expect(history.filter((h) => h.field === 'status').map((h) => `${h.oldValue}→${h.newValue}`)).toEqual(['won→open', 'open→won']);
    expect(line('deleted')?.oldValue).toBe('Deal');
    expect(line('restored')?.newValue).toBe('Deal');
  });
});
