import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';

let api: TestApi;
let seller: Client;
beforeAll(async () => {
  api = await startApi();
  seller = await api.as('seller');
});
afterAll(() => api.close());

describe('pipeline board (U-1)', () => {
  it('sums count, amount and weighted per stage and currency for open opportunities only', async () => {
    const companyId = (await seller.post('/api/companies', { name: 'Tavle A/S' })).body.id;
    const stages = (await seller.get('/api/sales-processes')).body.items[0].stages;
    await seller.post('/api/opportunities', { title: 'A', companyId, amount: 100000 });
    await seller.post('/api/opportunities', { title: 'B', companyId, amount: 50000.5 });
    await seller.post('/api/opportunities', { title: 'C', companyId, amount: 200000, currency: 'NOK', stageId: stages[2].id });
    const won = (await seller.post('/api/opportunities', { title: 'Won', companyId, amount: 999999 })).body;
    await seller.post(`/api/opportunities/${won.id}/close`, { outcome: 'won' });

    const board = await seller.get('/api/opportunities/board');
    expect(board.status).toBe(200);
    expect(board.body.processName).toBe('Standard');
    const byName = Object.fromEntries(board.body.columns.map((c: { name: string }) => [c.name, c]));
    expect(byName.Prospect).toMatchObject({
      count: 2,
      probability: 10,
      totals: [{ currency: 'DKK', total: 150000.5, weighted: 15000.05 }],
    });
    expect(byName['Quote sent']).toMatchObject({ count: 1, totals: [{ currency: 'NOK', total: 200000, weighted: 100000 }] });
    expect(byName.Negotiation).toMatchObject({ count: 0, totals: [] });
    const mine = await seller.get(`/api/opportunities/board?ownerId=${seller.userId + 1000}`);
    expect(mine.body.columns.every((c: { count: number }) => c.count === 0)).toBe(true);
  });
});
