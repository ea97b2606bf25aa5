#!/usr/bin/env node
// Runs the test suite against a throwaway PostgreSQL 15 cluster (N-1: the suite runs on both backends).
//   npm run test:pg [-- <vitest args>]
// The cluster lives in a private temp folder, listens on a free loopback port, and is stopped and
// deleted afterwards, also on failure or Ctrl-C. TRAKT_PG_KEEP=1 leaves it running for debugging.
// TRAKT_PG_BIN overrides the folder of the PostgreSQL binaries.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = process.env.TRAKT_PG_BIN || '/usr/lib/postgresql/15/bin';
const keep = !['', '0', 'false'].includes(process.env.TRAKT_PG_KEEP ?? '');
const vitestArgs = process.argv.slice(2);
if (vitestArgs[0] === '--') vitestArgs.shift();

if (!existsSync(join(bin, 'initdb'))) {
  fail(`PostgreSQL 15 binaries not found in ${bin}; install them with: apt-get update && apt-get install -y postgresql`);
}

// PostgreSQL refuses to run as root: then the cluster belongs to the `postgres` user.
const asRoot = process.getuid?.() === 0;
const runAs = (command, args) => (asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]);

const dir = mkdtempSync(join(tmpdir(), 'trakt-test-pg-'));
const dataDir = join(dir, 'data');
const logFile = join(dir, 'log');
let started = false;
let cleanedUp = false;
let kept = false;

/** Stops the cluster and deletes its folder; synchronous so it also works from an 'exit' handler. */
function cleanUp() {
  if (cleanedUp || kept) return;
  cleanedUp = true;
  if (started) pgCtl(['stop', '-m', 'immediate']);
  rmSync(dir, { recursive: true, force: true });
}
process.on('exit', cleanUp);

function pgCtl(args) {
  const [command, all] = runAs(join(bin, 'pg_ctl'), ['-D', dataDir, ...args]);
  return spawnSync(command, all, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function run(command, args) {
  const [cmd, all] = runAs(command, args);
  const result = spawnSync(cmd, all, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    fail(`${command} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  }
}

function fail(message) {
  console.error(`test-on-postgres: ${message}`);
  process.exit(1); // the 'exit' handler cleans up
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// A signal during start-up: clean up and leave; during the tests it is forwarded to vitest instead.
let child;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child) child.kill(signal);
    else {
      cleanUp();
      process.exit(128 + constants.signals[signal]);
    }
  });
}

if (asRoot) {
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout);
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout);
  if (!uid) fail('running as root, but there is no `postgres` user to run the cluster as');
  chownSync(dir, uid, gid);
}

run(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);

// The port is free when we look; another process could take it before the server binds, so retry.
let url;
for (let attempt = 1; !started; attempt++) {
  const port = await freePort();
  // Durability settings off: the cluster is thrown away, and tests run much faster without fsync.
  const options = [
    '-c listen_addresses=127.0.0.1',
    `-p ${port}`,
    `-k '${dir}'`,
    '-c max_connections=200',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  const result = pgCtl(['-o', options, '-w', '-l', logFile, 'start']);
  if (result.status === 0) {
    started = true;
    url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  } else if (attempt === 3) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    fail(`could not start PostgreSQL:\n${result.stdout}${result.stderr}\n${log}`);
  }
}

console.error(`test-on-postgres: PostgreSQL running at ${url}`);

// vitest's own entry run by this Node rather than through npx, so a forwarded signal reaches vitest
// itself and no test run outlives the cluster.
const vitestEntry = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const [command, args] = existsSync(vitestEntry) ? [process.execPath, [vitestEntry]] : ['npx', ['vitest']];
child = spawn(command, [...args, 'run', ...vitestArgs], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url },
});
const code = await new Promise((resolve) => {
  child.once('error', (error) => {
    console.error(`test-on-postgres: could not run vitest: ${error.message}`);
    resolve(1);
  });
  child.once('exit', (status, signal) => resolve(status ?? 128 + (constants.signals[signal] ?? 0)));
});

if (keep) {
  kept = true;
  console.error(`test-on-postgres: TRAKT_PG_KEEP is set, so PostgreSQL keeps running:`);
  console.error(`  DATABASE_URL=${url}`);
  console.error(
    `  stop it with: ${asRoot ? 'runuser -u postgres -- ' : ''}${join(bin, 'pg_ctl')} -D ${dataDir} stop -m immediate && rm -rf ${dir}`,
  );
}
process.exit(code);
