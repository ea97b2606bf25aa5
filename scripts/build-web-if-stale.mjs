#!/usr/bin/env node
// Builds the web UI (web/dist) only when it is missing or older than any source file in web/,
// so `npm start` and the browser tests stay fast when nothing changed.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(repo, 'web');
const dist = join(web, 'dist');
const builtIndex = join(dist, 'index.html');

/** Newest modification time (ms) of any file under dir, skipping web/dist and node_modules. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (path === dist || entry.name === 'node_modules') continue;
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtMtime() {
  try {
    return statSync(builtIndex).mtimeMs;
  } catch {
    return -1;
  }
}

const built = builtMtime();
const sources = newestMtime(web);
if (built >= sources) {
  console.log('web/dist is up to date');
  process.exit(0);
}

console.log(built < 0 ? 'web/dist is missing: building the web UI…' : 'web/ changed: rebuilding the web UI…');
const viteBin = join(repo, 'node_modules', 'vite', 'bin', 'vite.js');
const result = spawnSync(process.execPath, [viteBin, 'build', '--config', join(web, 'vite.config.ts')], {
  cwd: repo,
  stdio: 'inherit',
  // a production build even when called from the tests (NODE_ENV=test would ship React's development build)
  env: { ...process.env, NODE_ENV: 'production' },
});
if (result.error) throw result.error;
process.exit(result.status ?? 1);
