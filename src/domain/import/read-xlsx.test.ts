// Issue 18 point 6: an XLSX is read as its rows come (exceljs' streaming reader), and one larger than
// the caps is refused with 413 naming `file` while it is read, not after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { readXlsx, XLSX_LIMITS } from './read-xlsx.ts';

const folder = mkdtempSync(join(tmpdir(), 'trakt-xlsx-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A workbook written as Excel writes one: the sheet first, its shared strings after it. */
async function workbook(name: string, fill: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const path = join(folder, name);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  fill(book.addWorksheet('Firmaer'));
  const other = book.addWorksheet('Andet');
  other.addRow(['not', 'this', 'sheet']).commit();
  await book.commit();
  return path;
}

async function readAll(input: string | Buffer, limits = XLSX_LIMITS) {
  const table = await readXlsx(typeof input === 'string' ? { path: input } : input, limits);
  const records: string[][] = [];
  for await (const chunk of table.records) records.push(...chunk);
  return { ...table, records };
}

describe('reading an XLSX as it streams (issue 18)', () => {
  it('reads the first sheet: shared strings written after it, dates, decimals, rich text, and left-out rows as blank rows', async () => {
    const path = await workbook('kinds.xlsx', (sheet) => {
      sheet.addRow(['Navn', ' By ', 'Beløb', 'Dato']).commit();
      sheet.addRow(['Ærø Færger A/S', 'Ærøskøbing', 1250000.5, new Date(Date.UTC(2026, 11, 31))]).commit();
      sheet.getCell('A5').value = { richText: [{ text: 'Øst' }, { font: { bold: true }, text: 'jysk' }] };
      sheet.getCell('B5').value = 'Aarhus';
      sheet.getRow(5).commit();
      sheet.getColumn(4).numFmt = 'yyyy-mm-dd';
    });
    const table = await readAll(path);
    expect(table.headers).toEqual(['Navn', 'By', 'Beløb', 'Dato']);
    expect(table.firstRow).toBe(2);
    expect(table.records).toEqual([['Ærø Færger A/S', 'Ærøskøbing', '1250000,5', '2026-12-31'], [], [], ['Østjysk', 'Aarhus', '', '']]);
  });

  it('reads the same from a file in memory', async () => {
    const path = await workbook('memory.xlsx', (sheet) => {
      sheet.addRow(['Navn']).commit();
      sheet.addRow(['Fjord A/S']).commit();
    });
    const { readFile } = await import('node:fs/promises');
    expect((await readAll(await readFile(path))).records).toEqual([['Fjord A/S']]);
  });

  it('refuses a sheet over the cell cap with 413 naming the file, before reading it to its end', async () => {
    const rows = 20_000;
    const path = await workbook('many.xlsx', (sheet) => {
      sheet.addRow(['Navn', 'By', 'Nr']).commit();
      for (let i = 0; i < rows; i++) sheet.addRow([`Firma ${i}`, 'Odense', i]).commit();
    });
    const table = await readXlsx({ path }, { ...XLSX_LIMITS, maxCells: 3_000 });
    let read = 0;
    const error = await (async () => {
      for await (const chunk of table.records) read += chunk.length;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413, fields: { file: 'has more than 3,000 cells (rows × columns)' } });
    expect(read).toBeLessThan(1000); // 3 000 cells are 999 rows of three after the header
    // the whole file is within the default cap
    expect((await readAll(path)).records).toHaveLength(rows);
  });

  it('refuses shared strings or a sheet larger unpacked than the caps before reading a row', async () => {
    const path = await workbook('text.xlsx', (sheet) => {
      sheet.addRow(['Notat']).commit();
      for (let i = 0; i < 2000; i++) sheet.addRow([`En lang note nummer ${i} om et møde`]).commit();
    });
    await expect(readXlsx({ path }, { ...XLSX_LIMITS, maxSharedStringBytes: 20_000 })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      fields: { file: expect.stringMatching(/of text/) },
    });
    await expect(readXlsx({ path }, { ...XLSX_LIMITS, maxSheetBytes: 20_000 })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      fields: { file: expect.stringMatching(/unpacked/) },
    });
  });

  it.each([
    [
      'a zip cut short',
      async (path: string) => (await import('node:fs/promises')).readFile(path).then((data) => data.subarray(0, data.length - 300)),
    ],
    ['a zip without a sheet', () => Promise.resolve(Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]))],
  ])('refuses %s with 400 naming the file', async (_, make) => {
    const path = await workbook(`broken-${_.length}.xlsx`, (sheet) => {
      sheet.addRow(['Navn']).commit();
      sheet.addRow(['Fjord']).commit();
    });
    const error = await readAll(await make(path)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION', fields: { file: 'is not a readable XLSX workbook' } });
  });
});
