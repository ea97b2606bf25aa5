import { sql, type Kysely } from 'kysely';

// Two sales rules that queries over many rows need (summaries, triggers, imports, a process's new
// stage) as SQL functions, so each is written once and every statement calls it. LANGUAGE sql and
// IMMUTABLE: PostgreSQL inlines them into the calling query, which plans as if the CASE were written
// there (same index-only scans, no function call per row). Written to the PostgreSQL 15 subset.

const functions = `
-- O-8: the pipeline value of one opportunity: open at its weighted value (O-3), won at 100 % of the
-- actual amount (the amount when none was given, O-9), lost and expired 0. SPEC L-5 names the actual
-- amount ("won: actual amount at 100 %"): what was won, not what was hoped for.
CREATE FUNCTION opportunity_pipeline_value(status text, weighted_amount numeric, actual_amount numeric, amount numeric)
RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE status WHEN 'open' THEN weighted_amount WHEN 'won' THEN coalesce(actual_amount, amount, 0) ELSE 0 END
$$;

-- O-7: the state of a step (at step_position) when its opportunity stands at the stage at
-- stage_position, from the step's state before: steps before the stage that were still to do are
-- done, the stage itself is to do (a cancelled one too: the seller chose it), later done steps are to
-- do again, and cancelled steps stay cancelled. Winning completes the process: every step still to do
-- is done. A new opportunity's steps are this from 'todo'. The current stage (the earliest step to do)
-- is read back from the states by currentStageId in domain/opportunities/steps.ts.
CREATE FUNCTION opportunity_step_state(state text, step_position integer, stage_position integer, won boolean)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN won OR step_position < stage_position THEN CASE WHEN state = 'todo' THEN 'done' ELSE state END
    WHEN step_position = stage_position THEN 'todo'
    WHEN state = 'done' THEN 'todo'
    ELSE state
  END
$$;
`;

const changeOf = (rows: string[]) =>
  rows
    .map(
      (r) =>
        `SELECT ${r.startsWith('old') ? -1 : 1} AS sign, owner_id, status, currency, amount, weighted_amount, actual_amount FROM ${r} WHERE deleted_at IS NULL`,
    )
    .join(' UNION ALL ');
// the trigger functions of 0007, now calling the one pipeline rule; the triggers themselves stay
const apply = (name: string, rows: string[]) => `
CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO opportunity_totals AS t (owner_id, status, currency, n, amount, pipeline)
  SELECT owner_id, status, currency, sum(sign), sum(sign * coalesce(amount, 0)),
         sum(sign * opportunity_pipeline_value(status, weighted_amount, actual_amount, amount))
  FROM (${changeOf(rows)}) change
  GROUP BY owner_id, status, currency
  ORDER BY owner_id, status, currency
  ON CONFLICT (owner_id, status, currency) DO UPDATE SET n = t.n + excluded.n, amount = t.amount + excluded.amount, pipeline = t.pipeline + excluded.pipeline;
  RETURN NULL;
END $$;`;

/** Recomputes the totals from the rows, for loaders that write with triggers off (the benchmark's COPY). */
export const REBUILD_OPPORTUNITY_TOTALS = `
DELETE FROM opportunity_totals;
INSERT INTO opportunity_totals (owner_id, status, currency, n, amount, pipeline)
SELECT owner_id, status, currency, count(*), coalesce(sum(amount), 0), sum(opportunity_pipeline_value(status, weighted_amount, actual_amount, amount))
FROM opportunities WHERE deleted_at IS NULL GROUP BY owner_id, status, currency;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      [
        functions,
        apply('opportunity_totals_insert', ['new_rows']),
        apply('opportunity_totals_update', ['old_rows', 'new_rows']),
        apply('opportunity_totals_delete', ['old_rows']),
      ].join('\n'),
    )
    .execute(db);
}
