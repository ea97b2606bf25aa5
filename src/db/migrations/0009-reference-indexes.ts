import { sql, type Kysely } from 'kysely';

// The references a list only filters by equality (L-2: contact, campaign, region, department, type,
// source) are indexed only where they are set. `x IN (…)` and the foreign keys' own look-ups
// (`x = $1`) never match NULL, so the planner uses these indexes for every query it used the full ones
// for; an opportunity without the reference costs no index entry when it is written, and a bulk import
// of rows that leave the column empty rebuilds the index from nothing (0.6–0.8 s each at a million
// rows, docs/decisions/0010-bulk-import.md). Sortable columns keep their full `(x, id)` index: a
// page's NULLs part is read from it (db/paging.ts).
const REFERENCES = ['contact', 'campaign', 'region', 'department', 'type', 'source'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const name of REFERENCES) {
    await sql.raw(`DROP INDEX opportunities_${name}_idx`).execute(db);
    await sql.raw(`CREATE INDEX opportunities_${name}_idx ON opportunities (${name}_id, id) WHERE ${name}_id IS NOT NULL`).execute(db);
  }
}
