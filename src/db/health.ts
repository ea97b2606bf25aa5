// I-1: whether the database answers, for /api/health.
import { sql } from 'kysely';
import type { Db } from './schema.ts';

// one probe at a time per database: health checks that come while one is waiting share its answer,
// so a database that hangs does not collect a queue of them
const probes = new WeakMap<Db, Promise<boolean>>();

/** True when `SELECT 1` comes back within `timeoutMs`; false when it fails or takes longer. */
export async function databaseAnswers(db: Db, timeoutMs: number): Promise<boolean> {
  let probe = probes.get(db);
  if (!probe) {
    probe = sql`SELECT 1`.execute(db).then(
      () => true,
      () => false,
    );
    const started = probe;
    probes.set(db, started);
    void started.finally(() => probes.get(db) === started && probes.delete(db));
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([probe, late]);
  } finally {
    clearTimeout(timer);
  }
}
