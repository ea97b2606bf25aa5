// The `trakt` command as an admin uses it: create a user, migrate, load the demo, then serve and sign in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase, type Database } from '../../src/db/connect.ts';
import { failureOf } from '../helpers/cli.ts';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '../../bin/trakt.js');
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'trakt-cli-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// always the embedded database here: the CLI's server mode is the same code with DATABASE_URL
const trakt = (...args: string[]) =>
  run('node', [bin, ...args], { env: { ...process.env, DATABASE_URL: '', TRAKT_DATA_DIR: dataDir }, timeout: 120_000 });

describe('trakt CLI', () => {
  it('migrates, creates users, refuses bad input, and loads the demo', async () => {
    expect((await trakt('migrate')).stdout).toContain('Database is up to date (pglite)');
    const created = await trakt(
      'create-user',
      '--email',
      'Berit@Example.no',
      '--name',
      'Berit Ødegård',
      '--password',
      'long enough pw',
      '--role',
      'admin',
    );
    expect(created.stdout).toMatch(/Created admin Berit@Example.no \(id \d+\)/);

    const short = await failureOf(trakt('create-user', '--email', 'x@example.no', '--name', 'X', '--password', 'short'));
    expect(short).toMatchObject({ code: 1 });
    expect(short.stderr).toContain('at least 10 characters');
    const duplicate = await failureOf(
      trakt('create-user', '--email', 'berit@example.no', '--name', 'Again', '--password', 'long enough pw'),
    );
    expect(duplicate).toMatchObject({ code: 1 });

    const demo = await trakt('seed-demo');
    expect(demo.stdout).toMatch(/"companies":200/);
    const again = await failureOf(trakt('seed-demo'));
    expect(again).toMatchObject({ code: 1 });

    let database: Database | null = null;
    try {
      database = await openDatabase({ mode: 'pglite', dataDir: join(dataDir, 'pglite') });
      const users = await database.db.selectFrom('users').select(['email', 'role', 'initials']).orderBy('id').execute();
      expect(users[0]).toEqual({ email: 'Berit@Example.no', role: 'admin', initials: 'BØ' });
      expect(users.length).toBe(6);
    } finally {
      await database?.close();
    }
  }, 180_000);
});
