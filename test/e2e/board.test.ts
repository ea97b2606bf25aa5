// Browser test of the pipeline board (U-1): drag a card with the mouse to another stage and see
// its probability and both columns' count, total and weighted sum change.
import { describe, expect, it } from 'vitest';
import { dragWithMouse, header, type Process } from './board-helpers.ts';
import { TIMEOUT, browserSuite, signInWithApi, stamp } from './harness.ts';

const harness = browserSuite();

describe('pipeline board in the browser', () => {
  it(
    'moves a card to another stage by drag and drop; probability and column totals follow',
    async () => {
      const { page, baseUrl } = harness;
      const api = await signInWithApi(harness);
      const id = stamp();

      // a process of its own, so the board holds exactly this test's opportunities
      const process = await api<Process>('POST', '/api/sales-processes', {
        name: `E2E board ${id}`,
        stages: [
          { name: 'Lead', probability: 10 },
          { name: 'Offer', probability: 40 },
          { name: 'Deal', probability: 80 },
        ],
      });
      const [lead, offer] = process.stages;
      if (!lead || !offer) throw new Error('the process has no stages');
      const company = await api<{ id: number }>('POST', '/api/companies', { name: `Board Test ${id}` });
      const big = await api<{ id: number; stageId: number }>('POST', '/api/opportunities', {
        title: `Big deal ${id}`,
        companyId: company.id,
        processId: process.id,
        amount: 100000,
        currency: 'DKK',
      });
      await api('POST', '/api/opportunities', {
        title: `Small deal ${id}`,
        companyId: company.id,
        processId: process.id,
        amount: 50000,
        currency: 'DKK',
      });
      expect(big.stageId).toBe(lead.id);

      await page.goto(`${baseUrl}/board?process=${process.id}`);
      const leadColumn = page.getByRole('region', { name: 'Lead', exact: true });
      const offerColumn = page.getByRole('region', { name: 'Offer', exact: true });
      const card = leadColumn.getByRole('article', { name: `Big deal ${id}` });
      await card.waitFor();

      // before: both in Lead (10 %), Offer empty
      await expect.poll(() => header(leadColumn, 'count')).toBe('2');
      expect(await header(leadColumn, 'sum')).toBe('DKK\u00a0150,000.00');
      expect(await header(leadColumn, 'weighted')).toBe('DKK\u00a015,000.00');
      expect(await header(offerColumn, 'count')).toBe('0');
      expect(await header(offerColumn, 'sum')).toBe('');
      expect(await card.locator('[data-field="probability"]').textContent()).toBe('10%');

      await dragWithMouse(page, card.getByRole('button', { name: `Drag Big deal ${id}` }), offerColumn);

      // after: the card sits in Offer at 40 %, and the headers are read again from the board endpoint
      const moved = offerColumn.getByRole('article', { name: `Big deal ${id}` });
      await moved.waitFor();
      await expect.poll(() => moved.locator('[data-field="probability"]').textContent(), { timeout: 15_000 }).toBe('40%');
      await expect.poll(() => header(offerColumn, 'count'), { timeout: 15_000 }).toBe('1');
      expect(await header(offerColumn, 'sum')).toBe('DKK\u00a0100,000.00');
      expect(await header(offerColumn, 'weighted')).toBe('DKK\u00a040,000.00');
      await expect.poll(() => header(leadColumn, 'count')).toBe('1');
      expect(await header(leadColumn, 'sum')).toBe('DKK\u00a050,000.00');
      expect(await header(leadColumn, 'weighted')).toBe('DKK\u00a05,000.00');
      expect(await leadColumn.getByRole('article', { name: `Big deal ${id}` }).count()).toBe(0);

      // and the server agrees
      const saved = await api<{ stageId: number; probability: number; weightedAmount: number }>('GET', `/api/opportunities/${big.id}`);
      expect([saved.stageId, saved.probability, saved.weightedAmount]).toEqual([offer.id, 40, 40000]);
    },
    TIMEOUT,
  );
});
