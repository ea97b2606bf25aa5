import type { Database } from '../db/connect.ts';
import { deleteExpiredSessions } from '../db/auth.ts';
import { vacuumAnalyzeAndCheckpoint } from '../db/maintenance.ts';
import { forgetStaleAttempts } from '../domain/auth/attempts.ts';

const HOUR = 3600 * 1000;

/**
 * Periodic upkeep. PGlite has no autovacuum, so VACUUM ANALYZE runs here every few hours (in its
 * worker thread, never blocking HTTP); on a PostgreSQL server autovacuum does that job.
 */
export function startMaintenance(database: Database, log: (message: string) => void, everyMs = 6 * HOUR, firstRunMs = 60_000): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await deleteExpiredSessions(database.db, new Date());
      await forgetStaleAttempts(database.db);
      if (database.mode === 'pglite') {
        await vacuumAnalyzeAndCheckpoint(database.db);
        log('maintenance: VACUUM ANALYZE done');
      }
    } catch (error) {
      log(`maintenance failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  // run logs its own failures and never rejects
  const first = setTimeout(() => void run(), firstRunMs);
  const timer = setInterval(() => void run(), everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
