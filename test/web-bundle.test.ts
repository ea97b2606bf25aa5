// The web build a fresh install ships (issue 19): the browser imports only packages that
// `npm ci --omit=dev` installs, and the JavaScript the board loads stays small (each chunk at most
// 250 kB gzipped; the XLSX reader and other pages load only where they are used). Sizes are read from
// Vite's manifest of web/dist, built here when it is stale.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'web/dist');
const MAX_GZIPPED = 250_000;

type ManifestChunk = { file: string; src?: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] };
type Manifest = Record<string, ManifestChunk>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The package a bare import names: `@scope/name` or `name`, without a subpath. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** The chunk of `key` and every chunk it imports statically: what the browser loads with it. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

const gzipped = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;

describe('the web build', () => {
  let manifest: Manifest;

  beforeAll(() => {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build-web-if-stale.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);
    manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Manifest;
  }, 180_000);

  it('imports in the browser only packages that are dependencies (what npm ci --omit=dev installs)', () => {
    const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const missing: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'web/src'))) {
      const text = readFileSync(file, 'utf8');
      const specifiers = [
        ...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s*'([^']+)'/gm),
        ...text.matchAll(/^\s*import\s*'([^']+)'/gm),
        ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g),
      ].map((match) => match[1] ?? '');
      for (const specifier of specifiers.filter((name) => !name.startsWith('.'))) {
        if (!(packageOf(specifier) in dependencies)) missing.push(`${relative(ROOT, file)}: ${specifier}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('loads the board with no JavaScript chunk over 250 kB gzipped, and without other pages or the XLSX reader', () => {
    const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
    expect(entry).toBe('index.html');
    const board = 'src/pages/BoardPage.tsx';
    expect(manifest[entry ?? '']?.dynamicImports).toContain(board);
    const keys = new Set([...staticClosure(manifest, entry ?? ''), ...staticClosure(manifest, board)]);
    const chunks = [...keys].map((key) => ({ key, file: manifest[key]?.file ?? key, gzipped: gzipped(manifest[key]?.file ?? key) }));
    const tooLarge = chunks.filter((chunk) => chunk.gzipped > MAX_GZIPPED);
    expect(tooLarge).toEqual([]);
    // the other pages and the XLSX reader are chunks of their own, loaded where they are used
    expect([...keys].filter((key) => /^src\/pages\/(?!BoardPage)/.test(key) || key.includes('read-excel-file'))).toEqual([]);
  });

  it('has no JavaScript chunk over 250 kB gzipped anywhere (no spreadsheet library shipped whole)', () => {
    const files = readdirSync(join(DIST, 'assets')).filter((name) => name.endsWith('.js'));
    const sizes = files.map((name) => ({ name, gzipped: gzipped(join('assets', name)) }));
    expect(sizes.filter((size) => size.gzipped > MAX_GZIPPED)).toEqual([]);
    expect(files.filter((name) => /exceljs/i.test(name))).toEqual([]);
  });
});
