// L-5: the summary of a whole selection of opportunities, in one aggregate per currency over the same
// conditions as the list, so the numbers under a list always describe exactly its rows.
import { sql } from 'kysely';
import type { Db } from './schema.ts';
import { allOf, opportunityConditions, type OpportunityFilters } from './opportunities.ts';
import { compilePerShape } from './compile-once.ts';
import { combineSummary, type OpportunitySummary } from '../domain/opportunities/summary.ts';

export type { OpportunitySummary };

type SummaryRow = {
  currency: string;
  estimatedRevenue: string;
  pipeline: string;
  largest: string | null;
  won: string;
  open: string;
  lost: string;
  expired: string;
};

/**
 * Estimated revenue = sum of amount; pipeline = the sum of opportunity_pipeline_value (migration 0012);
 * largest = the largest amount — each per currency, the base currency first.
 */
export async function summarizeOpportunities(db: Db, filters: OpportunityFilters, baseCurrency: string): Promise<OpportunitySummary> {
  const { rows } = onlyOwnerAndStatus(filters)
    ? await fromTotals(db, null, { ownerId: filters.ownerId, status: filters.status })
    : await fromRows(db, filters);
  const lines = rows.map((row) => ({
    currency: row.currency,
    estimatedRevenue: Number(row.estimatedRevenue),
    pipeline: Number(row.pipeline),
    largest: row.largest === null ? null : Number(row.largest),
    counts: { won: Number(row.won), open: Number(row.open), lost: Number(row.lost), expired: Number(row.expired) },
  }));
  return combineSummary(lines, baseCurrency);
}

/** Filters the totals table can answer: none, owner, status (what the default list views use). */
function onlyOwnerAndStatus(f: OpportunityFilters): boolean {
  const used = Object.entries(f as Record<string, unknown>).filter(
    ([key, value]) => value !== undefined && key !== 'stagnantDays' && !(key === 'ranges' && Object.keys(value as object).length === 0),
  );
  return used.every(([key]) => key === 'ownerId' || key === 'status');
}

/**
 * Sums the per-(owner, status, currency) totals kept by triggers (migrations 0006, 0007); the largest
 * amount of each currency is one lookup in its (currency, amount) index. Compiled once per number of
 * owners and statuses: the default list views ask for it on every visit.
 */
const fromTotals = compilePerShape((db, _shape: null, f: { ownerId: number[] | undefined; status: OpportunityFilters['status'] }) => {
  const where = [sql<boolean>`true`];
  if (f.ownerId) where.push(sql<boolean>`t.owner_id IN (${sql.join(f.ownerId)})`);
  if (f.status) where.push(sql<boolean>`t.status IN (${sql.join(f.status)})`);
  return sql<SummaryRow>`
    SELECT t.currency,
           sum(t.amount) AS estimated_revenue,
           sum(t.pipeline) AS pipeline,
           (SELECT max(o.amount) FROM opportunities o WHERE ${allOf(opportunityConditions(f))} AND o.currency = t.currency) AS largest,
           coalesce(sum(t.n) FILTER (WHERE t.status = 'won'), 0) AS won,
           coalesce(sum(t.n) FILTER (WHERE t.status = 'open'), 0) AS open,
           coalesce(sum(t.n) FILTER (WHERE t.status = 'lost'), 0) AS lost,
           coalesce(sum(t.n) FILTER (WHERE t.status = 'expired'), 0) AS expired
    FROM opportunity_totals t
    WHERE ${allOf(where)}
    GROUP BY t.currency
    -- totals of a currency whose opportunities have all gone stay behind at zero
    HAVING sum(t.n) > 0`.compile(db);
});

function fromRows(db: Db, filters: OpportunityFilters) {
  return sql<SummaryRow>`
    SELECT o.currency,
           coalesce(sum(o.amount), 0) AS estimated_revenue,
           coalesce(sum(opportunity_pipeline_value(o.status, o.weighted_amount, o.actual_amount, o.amount)), 0) AS pipeline,
           max(o.amount) AS largest,
           count(*) FILTER (WHERE o.status = 'won') AS won,
           count(*) FILTER (WHERE o.status = 'open') AS open,
           count(*) FILTER (WHERE o.status = 'lost') AS lost,
           count(*) FILTER (WHERE o.status = 'expired') AS expired
    FROM opportunities o
    WHERE ${allOf(opportunityConditions(filters))}
    GROUP BY o.currency`.execute(db);
}
