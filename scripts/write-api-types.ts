// The web's API types, generated from the OpenAPI document by openapi-typescript into
// web/src/api/openapi.gen.ts (checked in, so the web builds without a server).
// Usage: npm run api:types            writes the file
//        npm run api:types -- --check  fails (exit 1) when the checked-in file is not what the API says now (CI)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const target = join(root, 'web/src/api/openapi.gen.ts');
const check = process.argv.includes('--check');
const HEADER = '// Generated from /api/openapi.json by `npm run api:types` (openapi-typescript). Do not edit.\n';

/** Runs a command from the repository's root; stops the script with its exit code if it fails. */
function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const folder = mkdtempSync(join(tmpdir(), 'trakt-api-types-'));
try {
  const documentFile = join(folder, 'openapi.json');
  const typesFile = join(folder, 'openapi.gen.ts');
  run(process.execPath, ['--import', 'tsx', 'scripts/write-api-document.ts', documentFile]);
  run(process.execPath, [
    join(root, 'node_modules/openapi-typescript/bin/cli.js'),
    documentFile,
    '--redocly',
    'redocly.yaml',
    '-o',
    typesFile,
  ]);
  const generated = HEADER + readFileSync(typesFile, 'utf8');
  if (!check) {
    writeFileSync(target, generated);
  } else {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // no file yet: reported below as out of date
    }
    if (current !== generated) {
      console.error('web/src/api/openapi.gen.ts is not what the API says now: run `npm run api:types` and commit it.');
      process.exitCode = 1;
    } else {
      console.log('web/src/api/openapi.gen.ts matches the API.');
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
