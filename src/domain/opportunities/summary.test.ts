import { describe, expect, it } from 'vitest';
import { combineSummary, currencyOrder, type CurrencySums } from './summary.ts';

const counts = (open: number, won = 0, lost = 0, expired = 0) => ({ open, won, lost, expired });
const line = (currency: string, estimatedRevenue: number, pipeline: number, largest: number | null, c = counts(1)): CurrencySums => ({
  currency,
  estimatedRevenue,
  pipeline,
  largest,
  counts: c,
});

describe('currencyOrder (L-5)', () => {
  it.each([
    ['DKK', ['SEK', 'EUR', 'DKK', 'NOK'], ['DKK', 'EUR', 'NOK', 'SEK']],
    ['SEK', ['DKK', 'SEK', 'EUR'], ['SEK', 'DKK', 'EUR']],
    ['EUR', ['USD', 'DKK'], ['DKK', 'USD']],
    ['NOK', ['NOK'], ['NOK']],
  ])('base %s: %j → %j', (base, codes, expected) => {
    expect([...codes].sort(currencyOrder(base))).toEqual(expected);
  });
});

describe('combineSummary (L-5)', () => {
  it.each([
    {
      name: 'an empty selection: zero sums, no currency lines',
      lines: [],
      expected: { counts: counts(0), byCurrency: [], estimatedRevenue: 0, pipeline: 0, largest: null },
    },
    {
      name: 'one currency: its sums also at the top level',
      lines: [line('DKK', 1500, 600, 1000, counts(2, 1, 0, 1))],
      expected: {
        counts: counts(2, 1, 0, 1),
        byCurrency: [{ currency: 'DKK', estimatedRevenue: 1500, pipeline: 600, largest: 1000 }],
        estimatedRevenue: 1500,
        pipeline: 600,
        largest: 1000,
      },
    },
    {
      name: 'one foreign currency: still one set of sums, in that currency',
      lines: [line('EUR', 200, 20, null)],
      expected: {
        counts: counts(1),
        byCurrency: [{ currency: 'EUR', estimatedRevenue: 200, pipeline: 20, largest: null }],
        estimatedRevenue: 200,
        pipeline: 20,
        largest: null,
      },
    },
    {
      name: 'several currencies: never added, base first, counts over all of them',
      lines: [line('SEK', 30, 3, 30, counts(1)), line('EUR', 200, 20, 150, counts(0, 2)), line('DKK', 1000, 100, 700, counts(3, 0, 1))],
      expected: {
        counts: counts(4, 2, 1, 0),
        byCurrency: [
          { currency: 'DKK', estimatedRevenue: 1000, pipeline: 100, largest: 700 },
          { currency: 'EUR', estimatedRevenue: 200, pipeline: 20, largest: 150 },
          { currency: 'SEK', estimatedRevenue: 30, pipeline: 3, largest: 30 },
        ],
        estimatedRevenue: null,
        pipeline: null,
        largest: null,
      },
    },
  ])('$name', ({ lines, expected }) => {
    expect(combineSummary(lines, 'DKK')).toEqual(expected);
  });
});
