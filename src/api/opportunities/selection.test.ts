// L-2 filters and comparisons, L-3 wildcards and the initial letter, L-5 the selection summary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';

let api: TestApi;
let seller: Client;
let other: Client;
const ids: Record<string, number> = {};

type Deal = {
  title: string;
  company: string;
  amount: number | null;
  probability?: number;
  description?: string;
  status?: 'won' | 'lost' | 'expired';
  actual?: number | null;
};

const deals: Deal[] = [
  { title: 'Vindmøller Øst', company: 'Ørsted Service A/S', amount: 100000, probability: 50, description: 'Fire ÅRLIGE eftersyn' },
  { title: 'Kaffe til kontoret', company: 'Åbo Kaffe Oy', amount: 2500.5, probability: 10 },
  { title: 'Serviceaftale', company: 'Ærø Færger', amount: null, probability: 25, description: 'Bådene på Ærø' },
  { title: 'Lagersystem', company: 'Östra Lager AB', amount: 40000, status: 'won', actual: null },
  { title: 'Truckar', company: 'Ängelholm Truck AB', amount: 60000, status: 'won', actual: 55000 },
  { title: 'Skiltning', company: 'Oslo Skilt AS', amount: 9000, status: 'lost' },
  { title: 'Gammel tilbud', company: 'Oslo Skilt AS', amount: 1000, status: 'expired' },
];

beforeAll(async () => {
  api = await startApi();
  seller = await api.as('seller');
  other = await api.as('seller');
  const companies = new Map<string, number>();
  for (const deal of deals) {
    if (!companies.has(deal.company)) companies.set(deal.company, (await seller.post('/api/companies', { name: deal.company })).body.id);
    const created = await seller.post('/api/opportunities', {
      title: deal.title,
      companyId: companies.get(deal.company),
      amount: deal.amount,
      description: deal.description,
      ...(deal.probability !== undefined ? { probability: deal.probability } : {}),
    });
    expect(created.status).toBe(201);
    ids[deal.title] = created.body.id;
    if (deal.status) {
      await api.database.db
        .updateTable('opportunities')
        .set({ status: deal.status, actualAmount: deal.actual ?? null, probability: deal.status === 'won' ? 100 : 0 })
        .where('id', '=', created.body.id)
        .execute();
    }
  }
  // one deal of another seller, to see sellerId and ownerId filters work
  const theirs = await other.post('/api/opportunities', {
    title: 'Andres aftale',
    companyId: companies.get('Oslo Skilt AS'),
    amount: 5000,
  });
  ids['Andres aftale'] = theirs.body.id;
});
afterAll(() => api.close());

const titles = async (query: string) => {
  const answer = await seller.get(`/api/opportunities?limit=200&${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return (answer.body.items as { title: string }[]).map((o) => o.title).sort();
};

describe('text search with wildcards (L-3)', () => {
  it('folds Æ Ø Å Ä Ö in the database exactly like A-Z on this backend', async () => {
    const { rows } = await api.database.pool.query<{ l: string; u: string }>("SELECT lower('ÆØÅÄÖ ABC') AS l, upper('æøåäö abc') AS u");
    expect(rows[0]).toEqual({ l: 'æøåäö abc', u: 'ÆØÅÄÖ ABC' });
  });

  it('AS% starts with, %AS ends with, AS contains; any case; Nordic letters included', async () => {
    expect(await titles(`title=${encodeURIComponent('VINDMØ%')}`)).toEqual(['Vindmøller Øst']);
    expect(await titles(`title=${encodeURIComponent('%ØST')}`)).toEqual(['Vindmøller Øst']);
    expect(await titles(`title=${encodeURIComponent('møl')}`)).toEqual(['Vindmøller Øst']);
    expect(await titles(`title=${encodeURIComponent('ØST%')}`)).toEqual([]);
    expect(await titles(`note=${encodeURIComponent('årlige')}`)).toEqual(['Vindmøller Øst']);
    expect(await titles(`q=${encodeURIComponent('ÆRØ')}`)).toEqual(['Serviceaftale']);
    expect(await titles(`q=${encodeURIComponent('aftale')}`)).toEqual(['Andres aftale', 'Serviceaftale']);
  });

  it('treats _ as a literal, not a wildcard', async () => {
    expect(await titles('title=Kaffe_til')).toEqual([]);
  });

  it('filters by the initial letter of the company, Æ Ø Å Ä Ö apart from A and O (L-3)', async () => {
    expect(await titles(`letter=${encodeURIComponent('Ø')}`)).toEqual(['Vindmøller Øst']);
    expect(await titles(`letter=${encodeURIComponent('ø')}`)).toEqual(['Vindmøller Øst']);
    expect(await titles(`letter=${encodeURIComponent('Å')}`)).toEqual(['Kaffe til kontoret']);
    expect(await titles(`letter=${encodeURIComponent('Æ')}`)).toEqual(['Serviceaftale']);
    expect(await titles(`letter=${encodeURIComponent('Ä')}`)).toEqual(['Truckar']);
    expect(await titles(`letter=${encodeURIComponent('Ö')}`)).toEqual(['Lagersystem']);
    expect(await titles('letter=O')).toEqual(['Andres aftale', 'Gammel tilbud', 'Skiltning']);
    expect(await titles('letter=A')).toEqual([]);
  });
});

describe('filters and comparisons (L-2)', () => {
  it('compares amount and probability with = .gte .lte .ne, and combines with status', async () => {
    expect(await titles('amount=2500.5')).toEqual(['Kaffe til kontoret']);
    expect(await titles('amount.gte=40000&amount.lte=60000')).toEqual(['Lagersystem', 'Truckar']);
    expect(await titles('amount.gte=40000&status=open')).toEqual(['Vindmøller Øst']);
    expect(await titles('probability=25')).toEqual(['Serviceaftale']);
    expect((await titles('status=open&probability.ne=10')).includes('Kaffe til kontoret')).toBe(false);
    expect(await titles('status=lost,expired')).toEqual(['Gammel tilbud', 'Skiltning']);
  });

  it('finds a seller by owner or by any seller share', async () => {
    expect(await titles(`sellerId=${other.userId}`)).toEqual(['Andres aftale']);
    expect(await titles(`ownerId=${seller.userId}&status=won`)).toEqual(['Lagersystem', 'Truckar']);
  });

  it('refuses unknown filters and bad values with 400 naming them', async () => {
    const unknown = await seller.get('/api/opportunities?colour=red');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'UNKNOWN_FILTER', fields: { colour: 'is not a known field or filter' } });
    const bad = await seller.get('/api/opportunities?amount.gte=lots');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('amount.gte');
    expect((await seller.get('/api/opportunities?letter=AB')).body.error.fields).toHaveProperty('letter');
    expect((await seller.get('/api/opportunities?summary=maybe')).body.error.fields).toHaveProperty('summary');
  });

  it('sorts by a column with empty values, empties last in both directions, paging through every row once', async () => {
    for (const sort of ['amount', '-amount']) {
      const seen: (number | null)[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/api/opportunities?sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const answer = await seller.get(query);
        expect(answer.status).toBe(200);
        seen.push(...answer.body.items.map((o: { amount: number | null }) => o.amount));
        cursor = answer.body.nextCursor;
      } while (cursor);
      const values = [100000, 2500.5, 40000, 60000, 9000, 1000, 5000].sort((a, b) => (sort === 'amount' ? a - b : b - a));
      expect(seen).toEqual([...values, null]);
    }
  });
});

describe('the selection summary (L-5)', () => {
  it('sums the whole selection, not the page: open weighted, won at actual (else amount), lost and expired 0', async () => {
    const answer = await seller.get('/api/opportunities?summary=true&limit=1');
    expect(answer.body.items).toHaveLength(1);
    // 100000×50 % + 2500.50×10 % + (null) + won 40000 (no actual) + won 55000 + lost 0 + expired 0 + 5000×10 %
    const estimatedRevenue = 100000 + 2500.5 + 40000 + 60000 + 9000 + 1000 + 5000;
    const pipeline = 50000 + 250.05 + 40000 + 55000 + 500;
    // all in the base currency: one currency line, and its sums at the top level too
    expect(answer.body.summary).toEqual({
      counts: { won: 2, open: 4, lost: 1, expired: 1 },
      byCurrency: [{ currency: 'DKK', estimatedRevenue, pipeline, largest: 100000 }],
      estimatedRevenue,
      pipeline,
      largest: 100000,
    });
    expect((await seller.get('/api/opportunities?limit=1')).body.summary).toBeUndefined();
  });

  it('follows the filters, also at /api/opportunities/summary', async () => {
    const won = await seller.get('/api/opportunities/summary?status=won');
    expect(won.status).toBe(200);
    expect(won.body).toEqual({
      counts: { won: 2, open: 0, lost: 0, expired: 0 },
      byCurrency: [{ currency: 'DKK', estimatedRevenue: 100000, pipeline: 95000, largest: 60000 }],
      estimatedRevenue: 100000,
      pipeline: 95000,
      largest: 60000,
    });
    const none = await seller.get('/api/opportunities/summary?amount.gte=1000000');
    expect(none.body).toEqual({
      counts: { won: 0, open: 0, lost: 0, expired: 0 },
      byCurrency: [],
      estimatedRevenue: 0,
      pipeline: 0,
      largest: null,
    });
    expect((await seller.get('/api/opportunities/summary?cursor=x')).status).toBe(400);
  });

  it('keeps the owner/status totals right through creates, edits, status changes and deletes', async () => {
    const general = async (query: string) => (await seller.get(`/api/opportunities/summary?number.gte=0${query}`)).body;
    const fast = async (query: string) => (await seller.get(`/api/opportunities/summary?${query.slice(1)}`)).body;
    const extra = await seller.post('/api/opportunities', {
      title: 'Ekstra',
      companyId: (await seller.get('/api/companies?limit=1')).body.items[0].id,
      amount: 777.77,
      probability: 30,
    });
    await seller.patch(`/api/opportunities/${extra.body.id}`, { amount: 1000, version: extra.body.version });
    await api.database.db
      .updateTable('opportunities')
      .set({ status: 'won', actualAmount: 900, probability: 100 })
      .where('id', '=', ids['Kaffe til kontoret'] as number)
      .execute();
    await api.database.db
      .updateTable('opportunities')
      .set({ ownerId: other.userId })
      .where('id', '=', ids.Serviceaftale as number)
      .execute();
    expect((await seller.delete(`/api/opportunities/${ids.Skiltning}`)).status).toBe(204);
    for (const query of ['', '&status=open', '&status=won,lost', `&ownerId=${seller.userId}`, `&ownerId=${other.userId}&status=open`]) {
      expect(await fast(query), query).toEqual(await general(query));
    }
    expect((await fast('&status=won')).counts.won).toBe(3);
    const { rows } = await api.database.pool.query<{ n: string }>('SELECT sum(n) AS n FROM opportunity_totals');
    expect(Number(rows[0]?.n)).toBe(8);
  });
});
