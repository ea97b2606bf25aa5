// Upkeep statements for the embedded database (jobs/maintenance.ts decides when).
import { sql } from 'kysely';
import type { Db } from './schema.ts';

/** PGlite has no autovacuum: reclaim dead rows, refresh the planner's statistics, and write the WAL out. */
export async function vacuumAnalyzeAndCheckpoint(db: Db): Promise<void> {
  await sql`VACUUM ANALYZE`.execute(db);
  await sql`CHECKPOINT`.execute(db);
}
