// `trakt backup`, `trakt backup --verify` and `trakt restore` as an operator runs them on the
// embedded database (the server mode is the same code, tested in src/domain/backup/backup.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '../../src/db/connect.ts';
import { failureOf } from '../helpers/cli.ts';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '../../bin/trakt.js');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'trakt-backup-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const trakt = (data: string, ...args: string[]) =>
  run('node', [bin, ...args], { env: { ...process.env, DATABASE_URL: '', TRAKT_DATA_DIR: join(dir, data) }, timeout: 180_000 });

describe('trakt backup and restore', () => {
  it('backs up, verifies, refuses to overwrite, and restores into another data folder', async () => {
    await trakt(
      'data',
      'create-user',
      '--email',
      'admin@example.dk',
      '--name',
      'Anne Admin',
      '--password',
      'long enough pw',
      '--role',
      'admin',
    );
    await trakt(
      'data',
      'create-user',
      '--email',
      'selma@example.se',
      '--name',
      'Selma Säljare',
      '--password',
      'long enough pw',
      '--role',
      'seller',
    );

    const file = join(dir, 'backup.tar');
    expect((await trakt('data', 'backup', file)).stdout).toMatch(
      /Backup written to .*backup\.tar \(\d+\.\d MB\): \d+ tables, \d+ rows, 0 attachments\./,
    );
    expect((await trakt('data', 'backup', '--verify', file)).stdout).toContain('restored into a scratch database');

    const refused = await failureOf(trakt('data', 'restore', file));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the database is not empty; restoring replaces everything in it: add --force');

    const missing = await failureOf(trakt('nothing', 'backup', join(dir, 'x.tar')));
    expect(missing.stderr).toContain('there is no database in');

    expect((await trakt('copy', 'restore', file)).stdout).toContain(`Restored ${file}`);
    const database = await openDatabase({ mode: 'pglite', dataDir: join(dir, 'copy', 'pglite') });
    try {
      expect(await database.db.selectFrom('users').select(['email', 'name', 'role']).orderBy('id').execute()).toEqual([
        { email: 'admin@example.dk', name: 'Anne Admin', role: 'admin' },
        { email: 'selma@example.se', name: 'Selma Säljare', role: 'seller' },
      ]);
    } finally {
      await database.close();
    }
    const forced = await trakt('copy', 'restore', file, '--force');
    expect(forced.stdout).toContain('is kept in');
    expect(readdirSync(join(dir, 'copy')).some((name) => name.startsWith('pglite.before-restore-'))).toBe(true);
  }, 600_000);
});
