// L-5: the selection summary put together from per-currency sums. The counts cover the whole
// selection; money stays per currency, since amounts in different currencies are never added.

export type StatusCounts = { won: number; open: number; lost: number; expired: number };

/** The sums of one currency's opportunities in a selection. */
export type CurrencyTotals = { currency: string; estimatedRevenue: number; pipeline: number; largest: number | null };

/** One currency's sums with its opportunities counted by status, as the database answers them. */
export type CurrencySums = CurrencyTotals & { counts: StatusCounts };

export type OpportunitySummary = {
  counts: StatusCounts;
  /** One line per currency in the selection: the base currency first, then the others by code. */
  byCurrency: CurrencyTotals[];
  // the sums of the selection's one currency; null when it has several, as they cannot be added
  estimatedRevenue: number | null;
  pipeline: number | null;
  largest: number | null;
};

/** Compares currency codes: the base currency first, then the others alphabetically. */
export function currencyOrder(baseCurrency: string) {
  return (a: string, b: string) => (a === b ? 0 : a === baseCurrency ? -1 : b === baseCurrency ? 1 : a < b ? -1 : 1);
}

/** The summary of a selection from its sums per currency (in any order). */
export function combineSummary(lines: CurrencySums[], baseCurrency: string): OpportunitySummary {
  const counts: StatusCounts = { won: 0, open: 0, lost: 0, expired: 0 };
  for (const line of lines) {
    for (const status of ['won', 'open', 'lost', 'expired'] as const) counts[status] += line.counts[status];
  }
  const order = currencyOrder(baseCurrency);
  const byCurrency = lines
    .map(({ currency, estimatedRevenue, pipeline, largest }) => ({ currency, estimatedRevenue, pipeline, largest }))
    .sort((a, b) => order(a.currency, b.currency));
  const [only] = byCurrency;
  if (byCurrency.length > 1) return { counts, byCurrency, estimatedRevenue: null, pipeline: null, largest: null };
  return {
    counts,
    byCurrency,
    estimatedRevenue: only?.estimatedRevenue ?? 0,
    pipeline: only?.pipeline ?? 0,
    largest: only?.largest ?? null,
  };
}
