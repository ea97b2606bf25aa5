import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { readTable } from './parse-file.ts';

async function read(text: string) {
  const table = await readTable(Buffer.from(text, 'utf8'));
  const records: string[][] = [];
  for await (const chunk of table.records) records.push(...chunk);
  return { headers: table.headers, records, estimatedRows: table.estimatedRows };
}

describe('reading an import CSV (L-7)', () => {
  it.each([
    ['semicolons, decimal commas', 'Navn;Beløb\nFjord A/S;1.234,50\n', ['Navn', 'Beløb'], [['Fjord A/S', '1.234,50']]],
    [
      'commas',
      'Name,Amount\nFjord,12\nSkov,3\n',
      ['Name', 'Amount'],
      [
        ['Fjord', '12'],
        ['Skov', '3'],
      ],
    ],
    ['tabs', 'Name\tAmount\nFjord\t12\n', ['Name', 'Amount'], [['Fjord', '12']]],
    ['a byte-order mark (Excel) and CRLF', '\ufeffNavn;By\r\nØster;Århus\r\n', ['Navn', 'By'], [['Øster', 'Århus']]],
    ['no line break at the end', 'Navn;By\nÖst;Malmö', ['Navn', 'By'], [['Öst', 'Malmö']]],
    [
      'quoted cells holding the delimiter, quotes and line breaks',
      'Navn;Note\n"Fjord; Skov";"sagde ""ja""\nog gik"\n',
      ['Navn', 'Note'],
      [['Fjord; Skov', 'sagde "ja"\nog gik']],
    ],
    [
      'quoted cells in a CRLF file',
      'Navn;Note\r\n"a";"b\r\nc"\r\n"d";e\r\n',
      ['Navn', 'Note'],
      [
        ['a', 'b\r\nc'],
        ['d', 'e'],
      ],
    ],
    [
      'empty lines and all-empty rows kept in their place (the import leaves them out)',
      'Navn;By\n\nFjord;Vejle\n;\n  ;  \nSkov;Ry\n',
      ['Navn', 'By'],
      [[''], ['Fjord', 'Vejle'], ['', ''], ['  ', '  '], ['Skov', 'Ry']],
    ],
    ['rows shorter or longer than the header', 'A;B;C\n1\n1;2;3;4\n', ['A', 'B', 'C'], [['1'], ['1', '2', '3', '4']]],
    ['headers trimmed', ' Navn ; By \nx;y\n', ['Navn', 'By'], [['x', 'y']]],
  ])('%s', async (_, text, headers, records) => {
    const table = await read(text);
    expect(table.headers).toEqual(headers);
    expect(table.records).toEqual(records);
  });

  it('takes the first record that is not blank as the header, and numbers the rows after it from there', async () => {
    const csv = await readTable(Buffer.from('\n;;\nNavn;By\nFjord;Vejle\n'));
    expect([csv.headers, csv.firstRow]).toEqual([['Navn', 'By'], 4]);
    expect((await readTable(Buffer.from('Navn;By\nFjord;Vejle\n'))).firstRow).toBe(2);
  });

  it('reads every record of a file larger than one slice, also one whose quoted cell crosses slices', async () => {
    const long = 'x'.repeat(3 * 1024 * 1024); // longer than a slice (1 M characters) on its own
    const lines = Array.from({ length: 60_000 }, (_, i) => `Aftale ${i};${i % 7 === 0 ? `"med ; og\nlinjeskift ${i}"` : `note ${i}`}`);
    lines.splice(30_000, 0, `Lang;"${long}"`);
    const table = await read(`Titel;Note\n${lines.join('\n')}\n`);
    expect(table.records).toHaveLength(60_001);
    expect(table.records[0]).toEqual(['Aftale 0', 'med ; og\nlinjeskift 0']);
    expect(table.records[30_000]).toEqual(['Lang', long]);
    expect(table.records[60_000]).toEqual(['Aftale 59999', 'note 59999']);
    expect(table.records.map((r) => r[0]).filter((title) => title?.startsWith('Aftale ')).length).toBe(60_000);
  });

  it('decodes a letter whose bytes are split between two slices', async () => {
    const head = 'Navn;By\n';
    const pad = 'a'.repeat(1024 * 1024 - head.length - 1); // 'ø' (2 bytes) starts on the slice's last byte
    const table = await read(`${head}${pad}ø;Århus\nSkov;Ry\n`);
    expect(table.records).toEqual([
      [`${pad}ø`, 'Århus'],
      ['Skov', 'Ry'],
    ]);
  });

  it.each([
    ['an unclosed quote', 'Navn;Note\nFjord;ok\nSkov;"aldrig lukket\n', /unterminated.*record 3/],
    ['text after a closing quote', 'Navn;Note\n"Fjord"x;ok\n', /malformed.*record 2/],
  ])('refuses %s, naming the file and the record', async (_, text, message) => {
    const error = await read(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields).toEqual({ file: expect.stringMatching(message) });
  });

  it('refuses a file with nothing but blank lines', async () => {
    await expect(read('\n\n')).rejects.toMatchObject({ fields: { file: 'has no rows' } });
  });
});
