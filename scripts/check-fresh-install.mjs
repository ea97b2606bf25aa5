#!/usr/bin/env node
// Proves a fresh clone runs with only what production installs: the committed tree (git archive HEAD)
// goes to a temp folder, `npm ci --omit=dev` installs it, `npm start` builds the web UI and serves on a
// free port with a temp data folder, and /api/health must answer 200 and / the app's HTML.
// Exit 1 naming the step that failed; the temp folder and the server are removed either way.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'trakt-fresh-'));
const tree = join(dir, 'trakt');
const started = Date.now();
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
let server = null;
let output = '';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(url, ok, deadline) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`npm start exited with ${server.exitCode}`);
    try {
      const response = await fetch(url);
      if (await ok(response)) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer as expected in time`);
}

async function stop() {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  // npm start runs a shell and node under it: signal the whole process group
  process.kill(-server.pid, 'SIGTERM');
  const timer = setTimeout(() => process.kill(-server.pid, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

// a CI time limit ends this script with SIGTERM: take the server down with it
process.once('SIGTERM', () => {
  if (server && server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});

let failure = null;
try {
  execFileSync('mkdir', [tree]);
  execFileSync('sh', ['-c', `git -C "$1" archive HEAD | tar -x -C "$2"`, 'sh', repo, tree], { stdio: 'inherit' });
  console.log(`npm ci --omit=dev in ${tree}`);
  execFileSync('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: tree, stdio: 'inherit' });
  console.log(`installed (${seconds()}); npm start`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', TRAKT_DATA_DIR: join(dir, 'data') };
  for (const name of ['DATABASE_URL', 'TRAKT_DEMO', 'TRAKT_ADMIN_EMAIL', 'TRAKT_ADMIN_PASSWORD', 'NODE_ENV']) delete env[name];
  server = spawn('npm', ['start'], { cwd: tree, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));

  const deadline = Date.now() + 180_000;
  await waitFor(`${base}/api/health`, (response) => response.status === 200, deadline);
  await waitFor(`${base}/`, async (response) => response.status === 200 && (await response.text()).includes('<div id="root">'), deadline);
  console.log(`fresh install serves /api/health and the web UI (${seconds()})`);
} catch (error) {
  failure = error;
} finally {
  await stop();
  rmSync(dir, { recursive: true, force: true });
}
if (failure) {
  console.error(`fresh install failed (${seconds()}): ${failure.message}\n${output}`);
  process.exit(1);
}
