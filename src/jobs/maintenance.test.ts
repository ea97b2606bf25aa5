import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';
import { freshDatabase } from '../../test/helpers/database.ts';
import { createUser } from '../domain/users/users.ts';
import { startMaintenance } from './maintenance.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

describe('maintenance job', () => {
  it('removes expired sessions and, on the embedded database, runs VACUUM ANALYZE', async () => {
    const user = await createUser({
      db: database.db,
      actor: null,
      input: { name: 'Vera Vakuum', email: 'vera@example.com', password: 'long enough pw', role: 'seller' },
    });
    await database.db
      .insertInto('sessions')
      .values([
        { tokenHash: 'expired', userId: user.id, csrfToken: 'x', expiresAt: new Date(Date.now() - 1000) },
        { tokenHash: 'live', userId: user.id, csrfToken: 'y', expiresAt: new Date(Date.now() + 3600_000) },
      ])
      .execute();
    const messages: string[] = [];
    const stop = startMaintenance(database, (m) => messages.push(m), 3600_000, 10);
    try {
      await expect
        .poll(async () => (await database.db.selectFrom('sessions').select('tokenHash').execute()).map((s) => s.tokenHash), {
          timeout: 20_000,
        })
        .toEqual(['live']);
      if (database.mode === 'pglite') {
        await expect.poll(() => messages, { timeout: 20_000 }).toContain('maintenance: VACUUM ANALYZE done');
        const { rows } = await sql<{ vacuumed: boolean; analyzed: boolean }>`
          SELECT last_vacuum IS NOT NULL AS vacuumed, last_analyze IS NOT NULL AS analyzed
          FROM pg_stat_user_tables WHERE relname = 'sessions'`.execute(database.db);
        expect(rows[0]).toEqual({ vacuumed: true, analyzed: true });
      } else {
        // a PostgreSQL server vacuums itself (autovacuum); the job leaves that alone
        expect(messages.filter((m) => m.includes('VACUUM'))).toEqual([]);
      }
    } finally {
      stop();
    }
  });
});
