#!/usr/bin/env node
// Fails (exit 1, naming each package) when an installed package's `engines.node` does not accept the
// Node.js running this script or every version our own `engines.node` promises. npm only warns
// (EBADENGINE) and installs anyway, so without this a dependency update can quietly drop the Node
// versions we say we support. Reads the package.json on disk of each package package-lock lists.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

const ours = readJson(join(repo, 'package.json')).engines?.node;
if (!ours || !semver.validRange(ours)) {
  console.error(`package.json: engines.node is missing or not a version range (${ours})`);
  process.exit(1);
}

const problems = [];
if (!semver.satisfies(process.version, ours)) problems.push(`trakt: engines.node "${ours}" does not accept ${process.version}`);

let checked = 0;
for (const [path, entry] of Object.entries(readJson(join(repo, 'package-lock.json')).packages)) {
  if (!path.startsWith('node_modules/') || entry.link) continue;
  const manifest = join(repo, path, 'package.json');
  if (!existsSync(manifest)) {
    // not installed here: another platform's binary, or dev packages under `npm ci --omit=dev`
    if (entry.optional || entry.dev || entry.devOptional || entry.peer) continue;
    problems.push(`${path}: listed in package-lock but not installed`);
    continue;
  }
  const { name = path, version, engines } = readJson(manifest);
  const wanted = engines?.node;
  if (typeof wanted !== 'string' || wanted.trim() === '') continue;
  checked += 1;
  const label = `${name}@${version} (engines.node "${wanted}")`;
  if (!semver.validRange(wanted)) problems.push(`${label}: not a version range`);
  else if (!semver.satisfies(process.version, wanted)) problems.push(`${label} does not accept ${process.version}`);
  else if (!semver.subset(ours, wanted)) problems.push(`${label} does not accept every version of ours ("${ours}")`);
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`engines: ${checked} packages accept ${process.version} and "${ours}"`);
