import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import da from './da.json';
import nb from './nb.json';
import sv from './sv.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const languages = { en: flatten(en), da: flatten(da), nb: flatten(nb), sv: flatten(sv) };
const english = languages.en;
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe.each(['da', 'nb', 'sv'] as const)('%s translation', (code) => {
  const other = languages[code];

  it('has every English key', () => {
    expect([...english.keys()].filter((key) => !other.has(key))).toEqual([]);
  });

  it('has no key English lacks', () => {
    expect([...other.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it('keeps the same {{placeholders}} and no empty text', () => {
    for (const [key, text] of other) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(english.get(key) ?? ''));
    }
  });

  it('is translated, not an English copy', () => {
    // words that are spelled the same in both languages (Status, Type, Region, SMS…) are fine,
    // but most labels must differ
    const same = [...other].filter(([key, text]) => english.get(key) === text).length;
    expect(same / other.size).toBeLessThan(0.15);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('keys used in the code', () => {
  it('all exist in en.json', () => {
    const root = join(import.meta.dirname, '..');
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      // t('a.b') calls and 'a.b' label constants handed to t() later
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z]+(?:\.[a-zA-Z_]+)+)'/g)) used.add(match[1] ?? '');
      for (const match of text.matchAll(/label: '([a-zA-Z]+(?:\.[a-zA-Z_]+)+)'/g)) used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !english.has(key)).sort()).toEqual([]);
  });
});
