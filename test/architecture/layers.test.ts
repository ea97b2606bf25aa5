// STYLE.md "Layers": routes (api/) call the domain, the domain holds the rules, all SQL lives in db/.
// This reads every source file and fails, naming file and line, when an import or a query crosses a
// layer the wrong way.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

type Rule = 'domain-imports' | 'db-imports' | 'sql-outside-db' | 'db-business-errors';

/**
 * Files that still break a rule, each with why; remove an entry when its file is fixed (the last test
 * fails on an entry that no longer breaks its rule). Do not add to it: fix the file instead.
 */
const ALLOWED: Record<string, Rule[]> = {
  // parseSort and decodeCursor refuse a bad sort or cursor (400) for every list route
  'src/db/paging.ts': ['db-imports', 'db-business-errors'],
  // types and the pure summary rule the queries are written for (issue 19, point 2 owns the summary)
  'src/db/export-names.ts': ['db-imports'],
  'src/db/opportunity-lifecycle.ts': ['db-imports'],
  'src/db/opportunity-summary.ts': ['db-imports'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

type Line = { file: string; number: number; text: string };

const files = sourceFiles('src').map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));

/** Each import's target: a path from the repository root for relative imports, else the package name. */
function importsOf(file: string, text: string): (Line & { target: string })[] {
  const found: (Line & { target: string })[] = [];
  const pattern =
    /^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const match of text.matchAll(pattern)) {
    const spec = match[1] ?? match[2] ?? match[3] ?? '';
    const target = spec.startsWith('.') ? relative(root, resolve(root, file, '..', spec)) : spec;
    found.push({ file, number: text.slice(0, match.index).split('\n').length, text: match[0].trim(), target });
  }
  return found;
}

/** Lines of `text` matching `pattern`, outside `//` comments. */
function linesMatching(file: string, text: string, pattern: RegExp): Line[] {
  return text.split('\n').flatMap((line, index) => {
    const code = line.replace(/^\s*(\/\/|\*).*$/, '');
    return pattern.test(code) ? [{ file, number: index + 1, text: line.trim() }] : [];
  });
}

const under = (dir: string) => (path: string) => path === dir || path.startsWith(`${dir}/`);
const show = (rule: Rule, lines: Line[]) =>
  lines.filter((l) => !ALLOWED[l.file]?.includes(rule)).map((l) => `${l.file}:${l.number}: ${l.text}`);

// the query builder and raw SQL: kysely's sql tag, Kysely's statement starters, pg's query
const QUERY =
  /\bsql\s*(<[^>]*>)?\s*`|\bsql\.(raw|ref|table|id|lit|val|join)\(|\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\.query\(\s*[`'"]/;

const importsUnder = (dir: string) => files.filter(({ file }) => under(dir)(file)).flatMap(({ file, text }) => importsOf(file, text));
const outsideDb = files.filter(({ file }) => !under('src/db')(file));

/** Every line that breaks `rule`, allowed or not. */
function breaking(rule: Rule): Line[] {
  switch (rule) {
    case 'domain-imports':
      return importsUnder('src/domain').filter(
        ({ target }) => under('src/api')(target) || under('src/cli')(target) || target === 'src/server.ts' || /^@?fastify\b/.test(target),
      );
    case 'db-imports':
      return importsUnder('src/db').filter(
        ({ target }) => under('src/api')(target) || under('src/domain')(target) || under('src/cli')(target) || /^@?fastify\b/.test(target),
      );
    case 'sql-outside-db':
      return [
        // `import { sql }` (a type-only import of Kysely's types is fine)
        ...outsideDb
          .flatMap(({ file, text }) => importsOf(file, text))
          .filter((i) => i.target === 'kysely' && /\bsql\b/.test(i.text.replace(/\btype\s+\w+/g, ''))),
        ...outsideDb.flatMap(({ file, text }) => linesMatching(file, text, QUERY)),
      ];
    case 'db-business-errors':
      return files
        .filter(({ file }) => under('src/db')(file))
        .flatMap(({ file, text }) => linesMatching(file, text, /\bAppError\b|\bthrow\s+(invalid|notFound)\(/));
  }
}

describe('layers (STYLE.md)', () => {
  it('the domain imports nothing from api/, cli/ or the web framework', () => {
    expect(show('domain-imports', breaking('domain-imports'))).toEqual([]);
  });

  it('db/ imports nothing from api/, domain/ or cli/', () => {
    expect(show('db-imports', breaking('db-imports'))).toEqual([]);
  });

  it('no SQL outside db/: no kysely sql tag, no query builder, no pg query', () => {
    expect(show('sql-outside-db', breaking('sql-outside-db'))).toEqual([]);
  });

  it('db/ throws no business errors: it answers what it found and the domain decides', () => {
    expect(show('db-business-errors', breaking('db-business-errors'))).toEqual([]);
  });

  it('every allow-list entry still breaks its rule', () => {
    const stale = Object.entries(ALLOWED).flatMap(([file, rules]) =>
      rules.filter((rule) => !breaking(rule).some((line) => line.file === file)).map((rule) => `${file}: ${rule}`),
    );
    expect(stale).toEqual([]);
  });
});
