// Issue 18 point 4: what a spreadsheet would run is neutralised in CSV, numbers stay numbers, and a
// sheet name is always one Excel accepts.
import { describe, expect, it } from 'vitest';
import { COLUMNS } from './columns.ts';
import { csvCell } from './write-csv.ts';
import { sheetName } from './write-xlsx.ts';

const column = (key: string) => COLUMNS.opportunities.find((c) => c.key === key)!;

describe('csvCell (OWASP CSV injection)', () => {
  it.each([
    ['title', '=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['title', '+45 62 52 10 00', "'+45 62 52 10 00"],
    ['title', '-2+3', "'-2+3"],
    ['title', '@SUM(A1)', "'@SUM(A1)"],
    ['title', '\tTab', "'\tTab"],
    ['title', '\rCR', "'\rCR"],
    ['title', '＝1+1', "'＝1+1"],
    ['title', 'Færge = båd', 'Færge = båd'],
    ['title', '', ''],
    ['amount', '-1234.50', '-1234.50'],
    ['amount', '-1234,50', '-1234,50'],
    ['number', '-7', '-7'],
    // a number column holding anything but a plain number is treated as text
    ['amount', '-1+1', "'-1+1"],
    ['decisionDate', '2026-03-31', '2026-03-31'],
  ])('%s %j → %j', (key, text, expected) => {
    expect(csvCell(column(key), text)).toBe(expected);
  });
});

describe('sheetName', () => {
  it.each([
    ['Ærø Færger A/S – opportunities 2026-12-07', 'Ærø Færger A-S – opportunities'],
    ['a\\b?c*d[e]f:g', 'a-b-c-d-e-f-g'],
    ["'Quoted'", 'Quoted'],
    ['', 'Export'],
    ['   ', 'Export'],
    ['History', 'Export'],
    ['x'.repeat(40), 'x'.repeat(31)],
    // whole characters: an emoji is never cut in half
    [`${'y'.repeat(30)}😀z`, 'y'.repeat(30)],
  ])('%j → %j', (title, expected) => {
    const name = sheetName(title);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[/\\?*[\]:]/);
  });
});
