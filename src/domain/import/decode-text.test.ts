// L-7: an import CSV is read in the encoding it was written in, across the 1 MB slices the reader
// decodes at a time; what is not text in a known encoding is refused (FILE_ENCODING, field `file`).
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { countLines, detectEncoding } from './decode-text.ts';
import { readTable } from './parse-file.ts';

async function read(data: Buffer) {
  const table = await readTable(data);
  const records: string[][] = [];
  for await (const chunk of table.records) records.push(...chunk);
  return { headers: table.headers, records, encoding: table.encoding, estimatedRows: table.estimatedRows };
}

const nordic = 'Navn;By;Beløb\r\nGöran Åström;Ærø;1.250,00 €\r\nBjørn Sæther;Tromsø;“tilbud” – 12\r\n';
const rows = [
  ['Göran Åström', 'Ærø', '1.250,00 €'],
  ['Bjørn Sæther', 'Tromsø', '“tilbud” – 12'],
];

describe('the encoding of an import CSV (L-7)', () => {
  it.each([
    ['UTF-8', Buffer.from(nordic, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(nordic, 'utf8')])],
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(nordic, 'utf16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(nordic, 'utf16be')])],
    ['windows-1252', iconv.encode(nordic, 'windows-1252')],
  ])('reads %s exactly', async (encoding, data) => {
    const table = await read(data);
    expect(table.encoding).toBe(encoding);
    expect(table.headers).toEqual(['Navn', 'By', 'Beløb']);
    expect(table.records).toEqual(rows);
    expect(table.estimatedRows).toBe(2);
  });

  it('names a Windows-1252 file without € “ ” – … ISO-8859-1 (the same letters), and reads Swedish, Danish and Norwegian letters', async () => {
    const text = 'Namn;Ort\nGöran Åström;Malmö\nÆrø Færger;Ærøskøbing\nÅsa Øberg;Västerås\n';
    const table = await read(iconv.encode(text, 'latin1'));
    expect(table.encoding).toBe('ISO-8859-1');
    expect(table.records).toEqual([
      ['Göran Åström', 'Malmö'],
      ['Ærø Færger', 'Ærøskøbing'],
      ['Åsa Øberg', 'Västerås'],
    ]);
  });

  it.each([
    ['UTF-16LE', 'utf16le', [0xff, 0xfe]],
    ['UTF-16BE', 'utf16be', [0xfe, 0xff]],
    ['windows-1252', 'windows-1252', []],
    ['UTF-8', 'utf8', []],
  ] as const)('decodes %s across the 1 MB slices, letters split between two slices and all', async (encoding, iconvName, bom) => {
    // odd-length lines move the slice boundaries through every position of a character
    const lines = Array.from({ length: 40_000 }, (_, i) => `${i};Åström Ærø ${'ø'.repeat(i % 7)};€${i}`);
    const data = Buffer.concat([Buffer.from(bom), iconv.encode(`Nr;Navn;Beløb\n${lines.join('\n')}\n`, iconvName)]);
    expect(data.length).toBeGreaterThan(1 << 20);
    const table = await read(data);
    expect(table.encoding).toBe(encoding);
    expect(table.records).toHaveLength(40_000);
    expect(table.records.every((record, i) => record.join(';') === lines[i])).toBe(true);
    expect(table.estimatedRows).toBe(40_000);
  });

  it.each([
    ['UTF-16 without a byte order mark', iconv.encode('Navn;By\nGöran;Ærø\n', 'utf16le'), 'NUL'],
    [
      'a binary file (PNG)',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xc3, 0xff]),
      'NUL',
    ],
    [
      'Shift_JIS',
      iconv.encode('名前;都市\n山田太郎;東京\n鈴木花子;大阪\n佐藤健;名古屋\n', 'shiftjis'),
      /Shift_JIS|is not a character of Windows-1252/,
    ],
    [
      'Polish in windows-1250',
      iconv.encode('Imię;Nazwisko;Miasto\nŁukasz;Wróbel;Łódź\nZbigniew;Źdźbło;Kraków\nAgnieszka;Świętochowska;Gdańsk\n', 'windows-1250'),
      'windows-1250',
    ],
    ['a byte Windows-1252 does not define', Buffer.from([0x4e, 0x61, 0x76, 0x6e, 0x0a, 0x81, 0x0a]), '0x81'],
    ['a UTF-8 byte order mark before text that is not UTF-8', Buffer.from([0xef, 0xbb, 0xbf, 0x4e, 0xe6, 0x0a]), 'byte order mark'],
    ['a NUL character deep in a UTF-8 file', Buffer.from(`Navn;By\n${'Ærø;Marstal\n'.repeat(20_000)}Ærø;Mar\u0000stal\n`, 'utf8'), 'NUL'],
  ])('refuses %s with FILE_ENCODING naming the field "file"', async (_, data, reason) => {
    const error = await read(data).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'FILE_ENCODING', status: 400 });
    expect((error as AppError).fields?.file).toMatch(reason);
  });

  it('counts lines as each encoding writes a line feed', () => {
    expect(countLines(Buffer.from('a\nb\nc'), 'UTF-8')).toBe(3);
    expect(countLines(Buffer.from('a\nb\n'), 'UTF-8')).toBe(2);
    // U+0A0A (Gurmukhi) holds the byte 10 twice, and is no line break
    expect(countLines(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('a\n\u0a0a\nc\n', 'utf16le')]), 'UTF-16LE')).toBe(3);
    expect(countLines(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('a\nb', 'utf16be')]), 'UTF-16BE')).toBe(2);
  });

  it('takes a plain ASCII file for UTF-8', () => {
    expect(detectEncoding(Buffer.from('Name,Amount\nFjord,12\n'))).toBe('UTF-8');
  });
});
