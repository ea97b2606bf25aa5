import { describe, expect, it } from 'vitest';
import { escapeText, foldLine } from './content-lines.ts';

describe('content lines (RFC 6350 / 5545)', () => {
  it('folds at 75 octets without splitting a UTF-8 character, and unfolds to the same text', () => {
    const line = `NOTE:${'æøå'.repeat(40)}`;
    const folded = foldLine(line);
    const pieces = folded.split('\r\n');
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(Buffer.byteLength(piece, 'utf8')).toBeLessThanOrEqual(75);
    expect(pieces.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(pieces.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
    expect(Buffer.byteLength(pieces[0] ?? '', 'utf8')).toBe(75);
  });

  it.each([
    ['a,b', false, 'a\\,b'],
    ['a;b', false, 'a;b'],
    ['a;b', true, 'a\\;b'],
    ['linje 1\nlinje 2\r\n3', false, 'linje 1\\nlinje 2\\n3'],
    ['C:\\temp', false, 'C:\\\\temp'],
  ])('escapes %j (structured %s) as %j', (value, structured, expected) => {
    expect(escapeText(value, structured)).toBe(expected);
  });
});
