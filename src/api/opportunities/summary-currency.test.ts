// L-5 per currency: the selection summary never adds amounts in different currencies — not from
// the totals kept by triggers (no filter, owner, status), not from the rows (any other filter), and
// not in the PDF export's totals (L-6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REBUILD_OPPORTUNITY_TOTALS } from '../../db/migrations/0012-rule-functions.ts';
import { saveSettings } from '../../db/settings.ts';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';
import { pdfText } from '../../../test/helpers/pdf-text.ts';

let api: TestApi;
let seller: Client;
let other: Client;
let companyId: number;
const ids: Record<string, number> = {};

type Deal = {
  title: string;
  by: 'seller' | 'other';
  amount: number | null;
  currency: string;
  probability?: number;
  decisionDate?: string;
  close?: { outcome: 'won' | 'lost' | 'expired'; actualAmount?: number };
};

const deals: Deal[] = [
  { title: 'Vindmøller', by: 'seller', amount: 100000, currency: 'DKK', probability: 50, decisionDate: '2026-03-15' },
  { title: 'Windpark Kiel', by: 'seller', amount: 20000, currency: 'EUR', probability: 25, decisionDate: '2026-03-20' },
  { title: 'Hafen Lübeck', by: 'seller', amount: 8000, currency: 'EUR', close: { outcome: 'won', actualAmount: 7500 } },
  { title: 'Truckar Malmö', by: 'seller', amount: 30000, currency: 'SEK', close: { outcome: 'lost' } },
  { title: 'Færgeleje', by: 'other', amount: 40000, currency: 'DKK', probability: 10, decisionDate: '2026-06-01' },
  { title: 'Ohne Betrag', by: 'other', amount: null, currency: 'EUR', probability: 20, decisionDate: '2026-03-01' },
  { title: 'Gammelt tilbud Oslo', by: 'seller', amount: 5000, currency: 'NOK', close: { outcome: 'expired' } },
];

beforeAll(async () => {
  api = await startApi();
  seller = await api.as('seller');
  other = await api.as('seller');
  companyId = (await seller.post('/api/companies', { name: 'Nordsø Vind A/S' })).body.id;
  for (const deal of deals) {
    const client = deal.by === 'seller' ? seller : other;
    const created = await client.post('/api/opportunities', {
      title: deal.title,
      companyId,
      amount: deal.amount,
      currency: deal.currency,
      ...(deal.probability !== undefined ? { probability: deal.probability } : {}),
      ...(deal.decisionDate ? { decisionDate: deal.decisionDate } : {}),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    ids[deal.title] = created.body.id;
    if (deal.close) expect((await client.post(`/api/opportunities/${created.body.id}/close`, deal.close)).status).toBe(200);
  }
});
afterAll(() => api.close());

const summary = async (query: string) => {
  const answer = await seller.get(`/api/opportunities/summary?${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
};
// the same selection on the row path: number ≥ 0 is every row, but not a filter the totals can answer
const fromRows = (query: string) => summary(`number.gte=0&${query}`);

describe('the selection summary per currency (L-5)', () => {
  it('sums each currency on its own, base currency first then by code, and counts the whole selection', async () => {
    const answer = await seller.get('/api/opportunities?summary=true&limit=2');
    expect(answer.body.items).toHaveLength(2);
    expect(answer.body.summary).toEqual({
      counts: { open: 4, won: 1, lost: 1, expired: 1 },
      byCurrency: [
        // open 100000 × 50 % + 40000 × 10 %
        { currency: 'DKK', estimatedRevenue: 140000, pipeline: 54000, largest: 100000 },
        // open 20000 × 25 % (and one without an amount) + won at the actual 7500
        { currency: 'EUR', estimatedRevenue: 28000, pipeline: 12500, largest: 20000 },
        { currency: 'NOK', estimatedRevenue: 5000, pipeline: 0, largest: 5000 },
        { currency: 'SEK', estimatedRevenue: 30000, pipeline: 0, largest: 30000 },
      ],
      // several currencies: no single sum to give
      estimatedRevenue: null,
      pipeline: null,
      largest: null,
    });
    expect(await fromRows('')).toEqual(answer.body.summary);
  });

  it('answers owner and status selections from the totals exactly as from the rows', async () => {
    const queries = [
      '',
      'status=open',
      'status=won,lost',
      'status=expired',
      `ownerId=${seller.userId}`,
      `ownerId=${other.userId}`,
      `ownerId=${other.userId}&status=open`,
    ];
    for (const query of queries) expect(await summary(query), query).toEqual(await fromRows(query));
    expect(await summary(`ownerId=${other.userId}`)).toEqual({
      counts: { open: 2, won: 0, lost: 0, expired: 0 },
      // a currency whose only deal has no amount still has its line, with no largest deal
      byCurrency: [
        { currency: 'DKK', estimatedRevenue: 40000, pipeline: 4000, largest: 40000 },
        { currency: 'EUR', estimatedRevenue: 0, pipeline: 0, largest: null },
      ],
      estimatedRevenue: null,
      pipeline: null,
      largest: null,
    });
    // one currency in the selection: its sums at the top level too
    expect(await summary('status=lost')).toEqual({
      counts: { open: 0, won: 0, lost: 1, expired: 0 },
      byCurrency: [{ currency: 'SEK', estimatedRevenue: 30000, pipeline: 0, largest: 30000 }],
      estimatedRevenue: 30000,
      pipeline: 0,
      largest: 30000,
    });
  });

  it('sums a period of decision dates per currency', async () => {
    expect(await summary('decisionDate.gte=2026-03-01&decisionDate.lte=2026-03-31')).toEqual({
      counts: { open: 3, won: 0, lost: 0, expired: 0 },
      byCurrency: [
        { currency: 'DKK', estimatedRevenue: 100000, pipeline: 50000, largest: 100000 },
        { currency: 'EUR', estimatedRevenue: 20000, pipeline: 5000, largest: 20000 },
      ],
      estimatedRevenue: null,
      pipeline: null,
      largest: null,
    });
  });

  it('puts the base currency of the settings first', async () => {
    await saveSettings(api.database.db, { baseCurrency: 'SEK' });
    try {
      const answer = await summary('');
      expect(answer.byCurrency.map((line: { currency: string }) => line.currency)).toEqual(['SEK', 'DKK', 'EUR', 'NOK']);
    } finally {
      await saveSettings(api.database.db, { baseCurrency: 'DKK' });
    }
  });

  it('keeps the per-currency totals right through creates, edits, currency changes, closing and deletes', async () => {
    const queries = ['', 'status=open', 'status=won', `ownerId=${seller.userId}`, `ownerId=${other.userId}&status=open`];
    const same = async (step: string) => {
      for (const query of queries) expect(await summary(query), `${step}: ${query}`).toEqual(await fromRows(query));
    };
    const created = await seller.post('/api/opportunities', {
      title: 'Ny aftale',
      companyId,
      amount: 1234.5,
      currency: 'NOK',
      probability: 40,
    });
    await same('create');
    const edited = await seller.patch(`/api/opportunities/${created.body.id}`, { amount: 2000, version: created.body.version });
    expect(edited.status).toBe(200);
    await same('amount');
    // a deal changing currency leaves the old currency's sums and joins the new one's
    const kiel = (await seller.get(`/api/opportunities/${ids['Windpark Kiel']}`)).body;
    expect((await seller.patch(`/api/opportunities/${kiel.id}`, { currency: 'DKK', amount: 150000, version: kiel.version })).status).toBe(
      200,
    );
    await same('currency');
    expect((await other.post(`/api/opportunities/${ids.Færgeleje}/close`, { outcome: 'won', actualAmount: 39000 })).status).toBe(200);
    await same('won');
    expect((await seller.delete(`/api/opportunities/${ids['Truckar Malmö']}`)).status).toBe(204);
    await same('soft delete');
    // a hard delete (the statement trigger on DELETE)
    await api.database.db
      .deleteFrom('opportunities')
      .where('id', '=', ids['Gammelt tilbud Oslo'] as number)
      .execute();
    await same('hard delete');

    expect(await summary('')).toEqual({
      counts: { open: 4, won: 2, lost: 0, expired: 0 },
      byCurrency: [
        // open 100000 × 50 % + Kiel 150000 × 25 %, won Færgeleje at 39000
        { currency: 'DKK', estimatedRevenue: 290000, pipeline: 50000 + 37500 + 39000, largest: 150000 },
        { currency: 'EUR', estimatedRevenue: 8000, pipeline: 7500, largest: 8000 },
        { currency: 'NOK', estimatedRevenue: 2000, pipeline: 800, largest: 2000 },
      ],
      estimatedRevenue: null,
      pipeline: null,
      largest: null,
    });

    // what the triggers kept is what a rebuild from the rows gives (the benchmark loader's path)
    const kept =
      'SELECT owner_id, status, currency, n::int AS n, amount::float AS amount, pipeline::float AS pipeline FROM opportunity_totals WHERE n <> 0 ORDER BY owner_id, status, currency';
    const before = (await api.database.pool.query(kept)).rows;
    expect(before.map((r) => r.currency)).toEqual(expect.arrayContaining(['DKK', 'EUR', 'NOK']));
    for (const statement of REBUILD_OPPORTUNITY_TOTALS.split(';')
      .map((s) => s.trim())
      .filter(Boolean))
      await api.database.pool.query(statement);
    expect((await api.database.pool.query(kept)).rows).toEqual(before);
  });
});

describe('the PDF export totals per currency (L-6)', () => {
  it('ends with one totals line per currency, never a sum across currencies', async () => {
    for (const [title, amount, currency, probability] of [
      ['PDF vind', 1000, 'DKK', 50],
      ['PDF Kiel', 300, 'EUR', 10],
      ['PDF færge', 2500.5, 'DKK', 20],
    ] as const) {
      expect((await seller.post('/api/opportunities', { title, companyId, amount, currency, probability })).status).toBe(201);
    }
    const token = (await seller.post('/api/auth/tokens', { name: 'pdf test' })).body.token;
    const response = await api.app.inject({
      method: 'GET',
      url: '/api/opportunities/export?format=pdf&lang=en&title=PDF%25',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(200);
    const lines = pdfText(response.rawPayload).split('\n');
    // the default columns sum amount and weighted value: 1000 + 2500.50 and 500 + 500.10 in DKK
    expect(lines.slice(lines.indexOf('Count: 3'))).toEqual([
      'Count: 3',
      'Total DKK',
      '3,500.50',
      '1,000.10',
      'Total EUR',
      '300.00',
      '30.00',
    ]);
  });
});
