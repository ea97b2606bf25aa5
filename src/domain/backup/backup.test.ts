// I-3, N-3: backup → verify → restore on the backend the suite runs on, with values compared; and a
// backup taken while writers run restores to a consistent state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';
import { emptyDatabase } from '../../../test/helpers/database.ts';
import { openDatabase, type Database } from '../../db/connect.ts';
import { insertAttachment } from '../../db/attachments.ts';
import { openBackup, writeBackup } from './backup-file.ts';
import { restoreBackup, verifyBackup, type Target } from './restore.ts';

let api: TestApi;
let admin: Client;
let dir: string;
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256))]);

beforeAll(async () => {
  api = await startApi();
  admin = await api.as('admin');
  dir = mkdtempSync(join(tmpdir(), 'trakt-backup-test-'));
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

const serverUrl = (database: Database) => database.pool.options.connectionString;

/** A restore target on this backend: an empty server database, or a new embedded data folder. */
async function restoreTarget(name: string): Promise<{ target: Target; open(): Promise<Database>; close(): Promise<void> }> {
  if (api.database.mode === 'postgres') {
    const empty = await emptyDatabase();
    const url = serverUrl(empty) as string;
    return {
      target: { mode: 'postgres', url },
      open: () => openDatabase({ mode: 'postgres', url, maxConnections: 2 }),
      close: () => empty.close(),
    };
  }
  const dataDir = join(dir, name, 'pglite');
  return {
    target: { mode: 'pglite', dataDir, shown: dataDir },
    open: () => openDatabase({ mode: 'pglite', dataDir }),
    close: async () => {},
  };
}

describe('backup, verify and restore', () => {
  it("restores what was there: counts, a row's content and an attachment's bytes", async () => {
    const company = (await admin.post('/api/companies', { name: 'Fjällräven Data AB', country: 'SE' })).body;
    const opportunity = (
      await admin.post('/api/opportunities', {
        title: 'Årsavtal 2027 — «support»',
        companyId: company.id,
        amount: 123456.78,
        currency: 'SEK',
      })
    ).body;
    expect(opportunity.id).toBeGreaterThan(0);
    const attachmentId = await insertAttachment(api.database.db, {
      entity: 'opportunity',
      entityId: opportunity.id,
      fileName: 'offert.pdf',
      contentType: 'application/pdf',
      data: pdf,
      uploadedBy: admin.userId,
    });

    const file = join(dir, 'one.tar');
    const manifest = await writeBackup(api.database, file);
    expect(manifest.mode).toBe(api.database.mode);
    expect(manifest.tables.companies?.rows).toBe(1);
    expect(manifest.tables.opportunities?.rows).toBe(1);
    expect(manifest.attachments).toEqual([{ id: attachmentId, sizeBytes: pdf.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);

    const backup = await openBackup(file);
    try {
      const verified = await verifyBackup({ backup, serverUrl: serverUrl(api.database) });
      expect(verified.differences).toEqual([]);
      expect(verified.found.tables.opportunities).toEqual(manifest.tables.opportunities);

      const target = await restoreTarget('one');
      try {
        const restored = await restoreBackup({ backup, target: target.target, force: false });
        expect(restored.differences).toEqual([]);
        const database = await target.open();
        try {
          const row = await database.db
            .selectFrom('opportunities')
            .select(['id', 'title', 'amount', 'currency', 'companyId'])
            .executeTakeFirstOrThrow();
          expect(row).toEqual({
            id: opportunity.id,
            title: 'Årsavtal 2027 — «support»',
            amount: 123456.78,
            currency: 'SEK',
            companyId: company.id,
          });
          const stored = await database.db
            .selectFrom('attachments')
            .select(['fileName', 'data'])
            .where('id', '=', attachmentId)
            .executeTakeFirstOrThrow();
          expect(stored.fileName).toBe('offert.pdf');
          expect(Buffer.compare(stored.data, pdf)).toBe(0);
          const users = await database.db.selectFrom('users').select('email').orderBy('id').execute();
          expect(users.map((u) => u.email)).toEqual(
            await api.database.db
              .selectFrom('users')
              .select('email')
              .orderBy('id')
              .execute()
              .then((r) => r.map((u) => u.email)),
          );
        } finally {
          await database.close();
        }
        // now it holds data: a second restore is refused unless forced
        await expect(restoreBackup({ backup, target: target.target, force: false })).rejects.toThrow('the database is not empty');
        const forced = await restoreBackup({ backup, target: target.target, force: true });
        expect(forced.differences).toEqual([]);
        if (target.target.mode === 'pglite') expect(forced.setAside).toContain('.before-restore-');
      } finally {
        await target.close();
      }
    } finally {
      await backup.dispose();
    }
  }, 240_000);

  it('a changed backup fails verification, and a file that is not a backup is refused', async () => {
    const file = join(dir, 'one.tar');
    const backup = await openBackup(file);
    try {
      backup.manifest.tables.companies = { rows: 2, checksum: 'x' };
      const verified = await verifyBackup({ backup, serverUrl: serverUrl(api.database) });
      expect(verified.differences).toEqual(['table companies: 1 rows, the backup recorded 2']);
    } finally {
      await backup.dispose();
    }
    const junk = join(dir, 'junk.tar');
    writeFileSync(junk, Buffer.alloc(2048, 7));
    await expect(openBackup(junk)).rejects.toThrow('not a Trakt backup');
  }, 120_000);

  it('a backup taken while writers run restores to a consistent state', async () => {
    const company = (await admin.post('/api/companies', { name: 'Skrivende Skagerak AS', country: 'NO' })).body;
    let stop = false;
    const acknowledged: number[] = [];
    const writer = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const created = await admin.post('/api/opportunities', { title: `Writer ${n} deal ${i}`, companyId: company.id, amount: 1000 + i });
        expect(created.status).toBe(201);
        acknowledged.push(created.body.id);
      }
    };
    const writers = [writer(1), writer(2), writer(3)];
    while (acknowledged.length < 5) await new Promise((r) => setTimeout(r, 20));
    const before = acknowledged.length;
    const file = join(dir, 'busy.tar');
    const manifest = await writeBackup(api.database, file);
    const afterBackup = acknowledged.length;
    while (acknowledged.length < afterBackup + 3) await new Promise((r) => setTimeout(r, 20));
    stop = true;
    await Promise.all(writers);

    const backup = await openBackup(file);
    const target = await restoreTarget('busy');
    try {
      expect((await verifyBackup({ backup, serverUrl: serverUrl(api.database) })).differences).toEqual([]);
      expect((await restoreBackup({ backup, target: target.target, force: false })).differences).toEqual([]);
      const database = await target.open();
      try {
        const ids = (await database.db.selectFrom('opportunities').select('id').where('companyId', '=', company.id).execute()).map(
          (r) => r.id,
        );
        // everything acknowledged before the backup began is in it; what came after it is not all there
        for (const id of acknowledged.slice(0, before)) expect(ids).toContain(id);
        expect(ids.length).toBeLessThan(acknowledged.length);
        expect(ids.length).toBe((manifest.tables.opportunities?.rows ?? 0) - 1); // less the first test's
        // every opportunity restored has its steps and its seller: no half-written transaction
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM opportunities o
          WHERE NOT EXISTS (SELECT 1 FROM opportunity_steps s WHERE s.opportunity_id = o.id)
             OR NOT EXISTS (SELECT 1 FROM opportunity_sellers s WHERE s.opportunity_id = o.id)`.execute(database.db);
        expect(rows[0]?.n).toBe(0);
        const { rows: numbers } = await sql<{ n: number }>`SELECT count(DISTINCT number)::int AS n FROM opportunities`.execute(database.db);
        expect(numbers[0]?.n).toBe(ids.length + 1);
      } finally {
        await database.close();
      }
    } finally {
      await backup.dispose();
      await target.close();
    }
  }, 240_000);
});
