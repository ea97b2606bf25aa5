// The embedded data folder's lock: one holder, the live owner named, stale locks taken over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'trakt-lock-unit-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inUse = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return null;
};

describe('lockDataDir', () => {
  it('lets one holder in, names it to the next, and lets go on release', () => {
    const folder = join(dir, 'a');
    const release = lockDataDir(folder, './data');
    expect(readFileSync(`${folder}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    const refused = inUse(() => lockDataDir(folder, './data'));
    expect(refused).toBeInstanceOf(DataDirInUseError);
    expect((refused as Error).message).toMatch(
      new RegExp(`^the database in \\./data is in use by process ${process.pid}; stop it or use the API`),
    );
    release();
    expect(existsSync(`${folder}.lock`)).toBe(false);
    lockDataDir(folder, './data')();
  });

  it('refuses while another live process holds it', async () => {
    const folder = join(dir, 'b');
    const other = spawn('node', ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(`${folder}.lock`, `${other.pid}\n`);
      expect((inUse(() => lockDataDir(folder, '/srv/trakt')) as DataDirInUseError).pid).toBe(other.pid);
      expect(readFileSync(`${folder}.lock`, 'utf8')).toBe(`${other.pid}\n`);
    } finally {
      other.kill('SIGKILL');
      await new Promise((done) => other.once('exit', done));
    }
    // now it died holding the lock: taken over
    const release = lockDataDir(folder, '/srv/trakt');
    expect(readFileSync(`${folder}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    release();
  });

  it('takes over a lock of its own pid it does not hold (a container restarted as pid 1), and an empty one', () => {
    const folder = join(dir, 'c');
    writeFileSync(`${folder}.lock`, `${process.pid}\n`);
    lockDataDir(folder, './data')();
    writeFileSync(`${folder}.lock`, '');
    lockDataDir(folder, './data')();
    expect(existsSync(`${folder}.lock`)).toBe(false);
  });
});
