// `trakt import` (I-3, L-7): the same import as the API, from a file on disk; a bad file writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '../../src/db/connect.ts';
import { failureOf } from '../helpers/cli.ts';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '../../bin/trakt.js');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'trakt-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const trakt = (...args: string[]) =>
  run('node', [bin, ...args], { env: { ...process.env, DATABASE_URL: '', TRAKT_DATA_DIR: join(dir, 'data') }, timeout: 120_000 });

describe('trakt import', () => {
  it('dry-runs, refuses a bad file with its line numbers, and imports a good one', async () => {
    await trakt('create-user', '--email', 'admin@example.dk', '--name', 'Anne Admin', '--password', 'long enough pw', '--role', 'admin');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Firmanavn;Kontonr;Land;CVR-nr\nFjordbyg ApS;1001;DK;\n;1002;DK;\nForkert CVR A/S;1003;DK;12345678\n');
    const refused = await failureOf(trakt('import', 'companies', bad));
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('line 3: name is required');
    expect(refused.stdout).toContain('line 4: orgNumber');
    expect(refused.stdout).toContain('3 rows: 1 new, 0 updated, 0 skipped, 2 errors (nothing was written).');

    const good = join(dir, 'good.csv');
    writeFileSync(good, 'Firmanavn;Kontonr;Land\nFjordbyg ApS;1001;DK\nØresund Data ApS;1002;DK\n');
    expect((await trakt('import', 'companies', good, '--dry-run')).stdout).toContain(
      '2 rows: 2 new, 0 updated, 0 skipped, 0 errors (dry run, nothing was written).',
    );
    expect((await trakt('import', 'companies', good)).stdout).toContain('2 rows: 2 new, 0 updated, 0 skipped, 0 errors (written).');
    expect((await trakt('import', 'companies', good)).stdout).toContain('2 rows: 0 new, 2 updated');

    const database = await openDatabase({ mode: 'pglite', dataDir: join(dir, 'data', 'pglite') });
    try {
      const names = await database.db.selectFrom('companies').select(['accountNumber', 'name']).orderBy('accountNumber').execute();
      expect(names).toEqual([
        { accountNumber: '1001', name: 'Fjordbyg ApS' },
        { accountNumber: '1002', name: 'Øresund Data ApS' },
      ]);
    } finally {
      await database.close();
    }
  }, 180_000);
});
