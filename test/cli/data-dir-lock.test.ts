// The embedded data folder is opened by one process only: beside a running `trakt serve`, a second
// `trakt import` or `trakt migrate` is refused with the server's pid and writes nothing; the import
// goes through the server's API instead, and so does a backup; a lock left by a process that died is taken over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '../../src/db/connect.ts';
import { openBackup } from '../../src/domain/backup/backup-file.ts';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '../../bin/trakt.js');
let dir: string;
let server: ChildProcess | null = null;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'trakt-lock-'));
});
afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ ...process.env, DATABASE_URL: '', TRAKT_DATA_DIR: join(dir, 'data') });
const trakt = (...args: string[]) => run('node', [bin, ...args], { env: env(), timeout: 120_000 });
type Failure = { code: number; stdout: string; stderr: string };

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

async function serve(port: number): Promise<ChildProcess> {
  const child = spawn('node', [bin, 'serve'], { env: { ...env(), PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((ready, fail) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Trakt is serving')) ready();
    });
    child.once('exit', (code) => fail(new Error(`serve stopped (${code}): ${out}`)));
  });
  return child;
}

async function signIn(base: string) {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.dk', password: 'long enough pw' }) });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const created = await fetch(`${base}/api/auth/tokens`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'cli' }) });
  return ((await created.json()) as { token: string }).token;
}

describe('one process on the embedded data folder', () => {
  it('refuses a second process while the server runs, imports through the API, and keeps the server\'s rows', async () => {
    await trakt('create-user', '--email', 'admin@example.dk', '--name', 'Anne Admin', '--password', 'long enough pw', '--role', 'admin');
    const port = await freePort();
    server = await serve(port);
    const base = `http://127.0.0.1:${port}`;
    const token = await signIn(base);
    const lock = join(dir, 'data', 'pglite.lock');
    expect(existsSync(lock)).toBe(true);

    const file = join(dir, 'companies.csv');
    writeFileSync(file, 'Firmanavn;Kontonr;Land\nFjordbyg ApS;1001;DK\nØresund Data ApS;1002;DK\n');
    for (const args of [['import', 'companies', file], ['migrate']]) {
      const refused = (await trakt(...args).catch((e: Failure) => e)) as Failure;
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`the database in ${join(dir, 'data')} is in use by process ${server.pid}; stop it or use the API`);
      expect(refused.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(refused.stdout).not.toContain('written');
    }

    const dry = await trakt('import', 'companies', file, '--dry-run', '--url', base, '--token', token);
    expect(dry.stdout).toContain('2 rows: 2 new, 0 updated, 0 skipped, 0 errors (dry run, nothing was written).');
    const written = await trakt('import', 'companies', file, '--url', base, '--token', token);
    expect(written.stdout).toContain('2 rows: 2 new, 0 updated, 0 skipped, 0 errors (written).');
    const wrongToken = (await trakt('import', 'companies', file, '--url', base, '--token', 'trakt_wrong').catch((e: Failure) => e)) as Failure;
    expect(wrongToken.code).toBe(1);
    expect(wrongToken.stderr).toContain('answered 401');

    // a backup of the folder the server holds comes through the server (I-3)
    const backupFile = join(dir, 'through-server.tar');
    const direct = (await trakt('backup', backupFile).catch((e: Failure) => e)) as Failure;
    expect(direct.code).toBe(1);
    expect(direct.stderr).toContain(`in use by process ${server.pid}`);
    expect(direct.stderr).toContain('Setup → Backup');
    expect((await trakt('backup', backupFile, '--url', base, '--token', token)).stdout).toMatch(/Backup written to .*: \d+ tables, \d+ rows, 0 attachments\./);
    const backup = await openBackup(backupFile);
    expect(backup.manifest.tables.companies?.rows).toBe(2);
    await backup.dispose();

    const stopped = new Promise((done) => server?.once('exit', done));
    server.kill('SIGTERM');
    await stopped;
    server = null;
    expect(existsSync(lock)).toBe(false);

    const database = await openDatabase({ mode: 'pglite', dataDir: join(dir, 'data', 'pglite') });
    try {
      const names = await database.db.selectFrom('companies').select(['accountNumber', 'name']).orderBy('accountNumber').execute();
      expect(names).toEqual([
        { accountNumber: '1001', name: 'Fjordbyg ApS' },
        { accountNumber: '1002', name: 'Øresund Data ApS' },
      ]);
      // in the same process too: the folder is not opened twice
      await expect(openDatabase({ mode: 'pglite', dataDir: join(dir, 'data', 'pglite') })).rejects.toThrow(`in use by process ${process.pid}`);
    } finally {
      await database.close();
    }
  }, 240_000);

  it('takes over a lock left by a process that died', async () => {
    const dead = spawn('node', ['-e', '']);
    await new Promise((done) => dead.once('exit', done));
    const lock = join(dir, 'data', 'pglite.lock');
    writeFileSync(lock, `${dead.pid}\n`);
    expect((await trakt('migrate')).stdout).toContain('Database is up to date (pglite)');
    expect(existsSync(lock)).toBe(false);
    // a lock file left empty (the process died between creating and writing it) is stale too
    writeFileSync(lock, '');
    expect((await trakt('migrate')).stdout).toContain('Database is up to date (pglite)');
  }, 120_000);
});
