// L-7, issue 18: an import reads what the file says. A Windows-1252 CSV from an older Nordic system
// and a UTF-16 one from Excel are stored letter for letter; the dry run says which encoding was read
// and which columns it leaves out; a file in no encoding the import reads is refused (400, `file`).
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';
import { uploadImport, type ImportForm } from '../../../test/helpers/import-upload.ts';

let api: TestApi;
let manager: Client;
let token: string;

beforeAll(async () => {
  api = await startApi();
  manager = await api.as('manager', 'Mette Møller');
  token = (await manager.post('/api/auth/tokens', { name: 'encoding test' })).body.token;
});
afterAll(() => api.close());

const upload = (resource: string, form: ImportForm) => uploadImport(api, token, resource, form);

describe('the encoding of an import file (L-7)', () => {
  it('stores a Windows-1252 file exactly, and the dry run says it was read as Windows-1252 and which columns it ignores', async () => {
    const companies = iconv.encode(
      'Kontonr;Firmanavn;By;Land;Kundetilfredshed\r\n71001;Ærø Færger A/S;Ærøskøbing;DK;høj\r\n',
      'windows-1252',
    );
    const contacts = iconv.encode(
      'Kontonr;Fornavn;Efternavn;Stilling;Bemærkning “intern”\r\n71001;Göran;Åström;Indkøbschef – Øst;€ 5\r\n',
      'windows-1252',
    );
    expect((await upload('companies', { file: companies })).body).toMatchObject({
      created: 1,
      errors: [],
      encoding: 'ISO-8859-1',
      ignoredColumns: ['Kundetilfredshed'],
    });
    const dry = await upload('contacts', { file: contacts, dryRun: 'true' });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ rows: 1, created: 1, errors: [], encoding: 'windows-1252', ignoredColumns: ['Bemærkning “intern”'] });
    expect((await upload('contacts', { file: contacts })).body).toMatchObject({ created: 1, errors: [] });

    const company = (await manager.get('/api/companies?accountNumber=71001')).body.items[0];
    expect(company).toMatchObject({ name: 'Ærø Færger A/S', city: 'Ærøskøbing' });
    const contact = (await manager.get('/api/contacts?q=%C3%85str%C3%B6m')).body.items[0];
    expect(contact).toMatchObject({ firstName: 'Göran', lastName: 'Åström', title: 'Indkøbschef – Øst', companyName: 'Ærø Færger A/S' });
  });

  it('reads UTF-16 with a byte order mark (Excel\'s "Unicode text") and UTF-8 with and without one', async () => {
    const text = 'Kontonr\tFirmanavn\tBy\r\n71002\tSø & Fjord ApS\tMalmö\r\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    expect((await upload('companies', { file: utf16 })).body).toMatchObject({
      created: 1,
      errors: [],
      encoding: 'UTF-16LE',
      ignoredColumns: [],
    });
    expect((await manager.get('/api/companies?accountNumber=71002')).body.items[0]).toMatchObject({
      name: 'Sø & Fjord ApS',
      city: 'Malmö',
    });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace('71002', '71003'), 'utf8')]);
    expect((await upload('companies', { file: bom, dryRun: 'true' })).body.encoding).toBe('UTF-8 with BOM');
    expect((await upload('companies', { file: text.replace('71002', '71003'), dryRun: 'true' })).body.encoding).toBe('UTF-8');
  });

  it('refuses a file it cannot decode: 400 FILE_ENCODING naming the field "file", nothing written', async () => {
    const before = (await manager.get('/api/companies?accountNumber=71009')).body.items;
    expect(before).toEqual([]);
    for (const file of [
      iconv.encode('Kontonr;Firmanavn\n71009;Ærø\n', 'utf16le'), // UTF-16 without its byte order mark
      iconv.encode('Numer konta;Nazwa;Miasto\n71009;Łódzka Spółka Żółć;Łódź\n71010;Świętokrzyskie Zakłady;Kraków\n', 'windows-1250'),
      Buffer.from('Kontonr;Firmanavn\n71009;Nul\u0000byte\n'),
    ]) {
      const answer = await upload('companies', { file });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('FILE_ENCODING');
      expect(answer.body.error.fields).toHaveProperty('file');
    }
    expect((await manager.get('/api/companies?accountNumber=71009')).body.items).toEqual([]);
  });
});
