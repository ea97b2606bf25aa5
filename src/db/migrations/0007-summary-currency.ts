import { sql, type Kysely } from 'kysely';

// L-5: amounts in different currencies are never added together, so the selection summary's totals
// (migration 0006) are kept per (owner, status, currency), and the decision-date index covers the
// currency too. Written to the PostgreSQL 15 subset, like every migration (PGlite is PostgreSQL 18).
const pipelineOf = "CASE status WHEN 'open' THEN weighted_amount WHEN 'won' THEN coalesce(actual_amount, amount, 0) ELSE 0 END";
const changeOf = (rows: string[]) =>
  rows
    .map(
      (r) =>
        `SELECT ${r.startsWith('old') ? -1 : 1} AS sign, owner_id, status, currency, amount, weighted_amount, actual_amount FROM ${r} WHERE deleted_at IS NULL`,
    )
    .join(' UNION ALL ');
// the same functions the triggers of 0006 call, so the triggers themselves stay as they are;
// one upsert in key order, old rows negative and new rows positive, so two writers lock totals rows in the same order
const apply = (name: string, rows: string[]) => `
CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO opportunity_totals AS t (owner_id, status, currency, n, amount, pipeline)
  SELECT owner_id, status, currency, sum(sign), sum(sign * coalesce(amount, 0)), sum(sign * (${pipelineOf}))
  FROM (${changeOf(rows)}) change
  GROUP BY owner_id, status, currency
  ORDER BY owner_id, status, currency
  ON CONFLICT (owner_id, status, currency) DO UPDATE SET n = t.n + excluded.n, amount = t.amount + excluded.amount, pipeline = t.pipeline + excluded.pipeline;
  RETURN NULL;
END $$;`;

// this migration's own rebuild; loaders use the one of 0012, which calls the pipeline rule
const REBUILD_OPPORTUNITY_TOTALS = `
DELETE FROM opportunity_totals;
INSERT INTO opportunity_totals (owner_id, status, currency, n, amount, pipeline)
SELECT owner_id, status, currency, count(*), coalesce(sum(amount), 0), sum(${pipelineOf}) FROM opportunities WHERE deleted_at IS NULL GROUP BY owner_id, status, currency;
`;

const perCurrency = `
-- no opportunity changes while the totals are rebuilt; the old trigger functions would not fit the new key
LOCK TABLE opportunities IN SHARE MODE;
DELETE FROM opportunity_totals;
ALTER TABLE opportunity_totals ADD COLUMN currency char(3) NOT NULL;
ALTER TABLE opportunity_totals DROP CONSTRAINT opportunity_totals_pkey;
ALTER TABLE opportunity_totals ADD PRIMARY KEY (owner_id, status, currency);
${apply('opportunity_totals_insert', ['new_rows'])}
${apply('opportunity_totals_update', ['old_rows', 'new_rows'])}
${apply('opportunity_totals_delete', ['old_rows'])}
${REBUILD_OPPORTUNITY_TOTALS}

-- a decision-date period's summary, grouped by currency, still read from the index alone
CREATE INDEX opportunities_decision_currency_summary_idx ON opportunities (decision_date) INCLUDE (status, currency, amount, weighted_amount, actual_amount) WHERE deleted_at IS NULL;
DROP INDEX opportunities_decision_summary_idx;
-- the largest deal of each currency is one index lookup, also for a currency with only small amounts
CREATE INDEX opportunities_currency_amount_idx ON opportunities (currency, amount) WHERE deleted_at IS NULL;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(perCurrency).execute(db);
}
