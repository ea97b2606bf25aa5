// GET /api/backup: an admin downloads the backup the CLI would write, the same snapshot; nobody else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';
import { openBackup } from '../../domain/backup/backup-file.ts';
import { verifyBackup } from '../../domain/backup/restore.ts';

let api: TestApi;
let admin: Client;
let dir: string;

beforeAll(async () => {
  api = await startApi();
  admin = await api.as('admin');
  dir = mkdtempSync(join(tmpdir(), 'trakt-backup-route-'));
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/backup', () => {
  it('gives an admin a backup that verifies, and refuses managers and sellers', async () => {
    await admin.post('/api/companies', { name: 'Backup Bryggeri AS', country: 'NO' });
    for (const role of ['manager', 'seller'] as const) expect((await (await api.as(role)).get('/api/backup')).status).toBe(403);

    const login = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        email: (await api.database.db.selectFrom('users').select('email').where('id', '=', admin.userId).executeTakeFirstOrThrow()).email,
        password: 'correct horse battery',
      },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    const answer = await api.app.inject({ method: 'GET', url: '/api/backup', headers: { cookie } });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('application/x-tar');
    expect(answer.headers['content-disposition']).toMatch(/^attachment; filename="trakt-backup-\d{4}-\d\d-\d\dT\d\d-\d\d\.tar"$/);

    const file = join(dir, 'download.tar');
    writeFileSync(file, answer.rawPayload);
    const backup = await openBackup(file);
    try {
      expect(backup.manifest.mode).toBe(api.database.mode);
      expect(backup.manifest.tables.companies?.rows).toBe(1);
      expect(backup.manifest.tables.users?.rows).toBe(3);
      const verified = await verifyBackup({ backup, serverUrl: api.database.pool.options.connectionString });
      expect(verified.differences).toEqual([]);
    } finally {
      await backup.dispose();
    }
  }, 180_000);
});
