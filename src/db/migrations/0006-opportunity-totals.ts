import { sql, type Kysely } from 'kysely';

// L-5: the selection summary of the whole list, or of owners and statuses, at a million
// opportunities: totals per (owner, status) kept by statement-level triggers, so "all opportunities"
// sums a few hundred rows instead of scanning the table. Any other filter sums the rows themselves.
const pipelineOf = "CASE status WHEN 'open' THEN weighted_amount WHEN 'won' THEN coalesce(actual_amount, amount, 0) ELSE 0 END";
const changeOf = (rows: string[]) =>
  rows
    .map(
      (r) =>
        `SELECT ${r.startsWith('old') ? -1 : 1} AS sign, owner_id, status, amount, weighted_amount, actual_amount FROM ${r} WHERE deleted_at IS NULL`,
    )
    .join(' UNION ALL ');
// one upsert in key order, old rows negative and new rows positive, so two writers lock totals rows in the same order
const apply = (name: string, rows: string[]) => `
CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO opportunity_totals AS t (owner_id, status, n, amount, pipeline)
  SELECT owner_id, status, sum(sign), sum(sign * coalesce(amount, 0)), sum(sign * (${pipelineOf}))
  FROM (${changeOf(rows)}) change
  GROUP BY owner_id, status
  ORDER BY owner_id, status
  ON CONFLICT (owner_id, status) DO UPDATE SET n = t.n + excluded.n, amount = t.amount + excluded.amount, pipeline = t.pipeline + excluded.pipeline;
  RETURN NULL;
END $$;`;

const totals = `
CREATE TABLE opportunity_totals (
  owner_id integer NOT NULL,
  status text NOT NULL,
  n bigint NOT NULL,
  amount numeric NOT NULL,
  pipeline numeric NOT NULL,
  PRIMARY KEY (owner_id, status)
);
${apply('opportunity_totals_insert', ['new_rows'])}
${apply('opportunity_totals_update', ['old_rows', 'new_rows'])}
${apply('opportunity_totals_delete', ['old_rows'])}
CREATE FUNCTION opportunity_totals_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM opportunity_totals;
  RETURN NULL;
END $$;
CREATE TRIGGER opportunity_totals_insert AFTER INSERT ON opportunities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opportunity_totals_insert();
CREATE TRIGGER opportunity_totals_update AFTER UPDATE ON opportunities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opportunity_totals_update();
CREATE TRIGGER opportunity_totals_delete AFTER DELETE ON opportunities REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION opportunity_totals_delete();
CREATE TRIGGER opportunity_totals_truncate AFTER TRUNCATE ON opportunities FOR EACH STATEMENT EXECUTE FUNCTION opportunity_totals_truncate();
INSERT INTO opportunity_totals (owner_id, status, n, amount, pipeline)
SELECT owner_id, status, count(*), coalesce(sum(amount), 0), sum(${pipelineOf}) FROM opportunities WHERE deleted_at IS NULL GROUP BY owner_id, status;

-- the other common summary, a period of decision dates (the quarter's pipeline), read from the index alone
CREATE INDEX opportunities_decision_summary_idx ON opportunities (decision_date) INCLUDE (status, amount, weighted_amount, actual_amount) WHERE deleted_at IS NULL;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(totals).execute(db);
}
