import { sql, type Kysely } from 'kysely';

// A text search sorted by title (db/opportunities.ts, listByTitleSearch) walks the title index and checks
// LIKE on its entries without reading the table. PostgreSQL plans an index-only scan only when the
// index holds every column the query names, so the entries carry `title` next to `lower(title)`; only
// live rows are listed, so only they are indexed. It replaces the plain (lower(title), id) index, which
// served the same order: one index more would slow every insert.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX opportunities_title_idx`.execute(db);
  await sql`CREATE INDEX opportunities_title_idx ON opportunities (lower(title), id) INCLUDE (title) WHERE deleted_at IS NULL`.execute(db);
}
