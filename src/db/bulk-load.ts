// L-7 at a million rows: a large import into a small table loads faster with the secondary indexes
// and foreign keys set aside and rebuilt once afterwards (what pg_restore does): maintaining 30 B-tree
// indexes and a dozen foreign-key checks row by row costs ~150 µs a row, building them from the
// loaded table costs a fraction of that. It all happens inside the import's transaction, so a failed
// import rolls the indexes and constraints back with the rows. See docs/decisions/0010-bulk-import.md.
import { sql } from 'kysely';
import type { Db } from './schema.ts';

export type BulkTables = {
  /** Tables whose secondary indexes are dropped and rebuilt. */
  indexesOf: string[];
  /** Tables whose foreign keys are dropped and added back (checked then in one query each). */
  foreignKeysOf: string[];
  /** Indexes the import itself reads while it runs (matching keys), which stay. */
  keep: string[];
  /**
   * Tables whose primary keys are dropped and added back too, when the import's table was empty:
   * then no row of the file matches an existing one, and nothing reads them by key while it runs.
   */
  primaryKeysOf?: string[];
};

/**
 * Makes the connection plan its foreign-key checks again, on the tables as they are when the import's
 * first batch is in. A connection keeps those plans from when it first ran them: made on a table of a
 * few rows, they scan it, and nothing replans them within a transaction, so an import of 12 000
 * opportunities checked each of its 48 000 steps by scanning the opportunities written so far (17 s
 * instead of 2 s).
 */
export async function planKeyChecksAfresh(db: Db): Promise<void> {
  await sql`DISCARD PLANS`.execute(db);
}

/** How many rows `table` holds, counted no further than `limit` + 1 (cheap on a large table). */
export async function countRowsUpTo(db: Db, table: string, limit: number): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${sql.table(table)} LIMIT ${limit + 1}) t`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * Drops the secondary indexes and foreign keys of the tables (not primary keys, unique constraints
 * or the kept indexes; the primary keys of `primaryKeysOf` as well when `empty`) and returns the
 * statements that bring them back. Takes an exclusive lock on the tables until the transaction ends:
 * lists of them wait for the import.
 */
export async function setIndexesAside(db: Db, tables: BulkTables, { empty = false } = {}): Promise<string[]> {
  const { rows: indexes } = await sql<{ name: string; definition: string }>`
    SELECT format('%I.%I', n.nspname, i.relname) AS name, pg_get_indexdef(i.oid) AS definition
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = current_schema() AND t.relname = ANY(${tables.indexesOf}::text[])
      AND NOT x.indisprimary AND i.relname <> ALL(${tables.keep}::text[])
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
    ORDER BY i.relname`.execute(db);
  const keys = await constraintsOf(db, 'f', tables.foreignKeysOf);
  // 4 000 000 steps of a million new opportunities: their key built once costs a third of keeping it row by row
  const primaryKeys = empty ? await constraintsOf(db, 'p', tables.primaryKeysOf ?? []) : [];
  for (const key of keys) await sql.raw(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`).execute(db);
  for (const key of primaryKeys) await sql.raw(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`).execute(db);
  for (const index of indexes) await sql.raw(`DROP INDEX ${index.name}`).execute(db);
  const addBack = (key: Constraint) => `ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`;
  return [...primaryKeys.map(addBack), ...indexes.map((index) => index.definition), ...keys.map(addBack)];
}

type Constraint = { table: string; name: string; definition: string };

/** The foreign keys ('f') or primary keys ('p') of the tables, with what adds each back. */
async function constraintsOf(db: Db, type: 'f' | 'p', tables: string[]): Promise<Constraint[]> {
  if (!tables.length) return [];
  const { rows } = await sql<Constraint>`
    SELECT format('%I.%I', n.nspname, t.relname) AS table, quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE c.contype = ${type} AND n.nspname = current_schema() AND t.relname = ANY(${tables}::text[])
    ORDER BY t.relname, c.conname`.execute(db);
  return rows;
}

/** Rebuilds what `setIndexesAside` dropped; a row that breaks a foreign key fails the import here. */
export async function restoreIndexes(db: Db, statements: string[]): Promise<void> {
  // index builds sort in memory rather than on disk when they may (the session default is 64 MB)
  await sql`SELECT set_config('maintenance_work_mem', '256MB', true)`.execute(db);
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/**
 * Gives the planner statistics of tables a large import filled. A table that was empty has none, and
 * until autovacuum samples it (never, on PGlite) every list would be planned for an empty table.
 */
export async function analyzeTables(db: Db, tables: BulkTables): Promise<void> {
  for (const table of new Set([...tables.indexesOf, ...tables.foreignKeysOf])) await sql`ANALYZE ${sql.table(table)}`.execute(db);
}
