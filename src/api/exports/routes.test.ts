// L-6 exports and the L-8 vCard export: parsed back with independent readers.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { sql } from 'kysely';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';
import { deleteAllRecords } from '../../../test/helpers/database.ts';
import { pdfText } from '../../../test/helpers/pdf-text.ts';

let api: TestApi;
let manager: Client;
let token: string;
let companyId: number;

// downloads still running, e.g. after a test timed out: awaited before the next test's data is built
const downloads = new Set<Promise<unknown>>();

beforeAll(async () => {
  api = await startApi();
  manager = await api.as('manager', 'Mette Møller');
  token = (await manager.post('/api/auth/tokens', { name: 'export test' })).body.token;
});
afterAll(() => api.close());
// every test exports the same three deals and leaves no records behind, so one that fails or times
// out does not change what the next one exports
beforeEach(async () => {
  companyId = (await manager.post('/api/companies', { name: 'Ærø Færger A/S', city: 'Ærøskøbing' })).body.id;
  const deals = [
    { title: 'Færge nr. 1; "den store"', amount: 2500.5, decisionDate: '2026-03-31', probability: 50 },
    { title: 'Kaj, bro og rampe', amount: 1000000, decisionDate: '2026-12-01', probability: 10 },
    { title: 'Uden beløb', amount: null, probability: 20 },
  ];
  for (const deal of deals) expect((await manager.post('/api/opportunities', { ...deal, companyId })).status).toBe(201);
});
afterEach(async () => {
  await Promise.allSettled([...downloads]);
  await deleteAllRecords(api.database.db);
});

const download = async (url: string) => {
  const pending = api.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  downloads.add(pending);
  const response = await pending.finally(() => downloads.delete(pending));
  return { status: response.statusCode, headers: response.headers, body: response.rawPayload, json: () => response.json() };
};

describe('CSV (L-6)', () => {
  it('writes UTF-8 with BOM, English headers, decimal points with commas between fields', async () => {
    const file = await download('/api/opportunities/export?format=csv&sort=number');
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="opportunities-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(file.body, { bom: true });
    // the currency travels with the amounts although the default columns do not name it (issue 18)
    expect(rows[0]).toEqual([
      'Number',
      'Subject',
      'Company',
      'Status',
      'Stage',
      'Amount',
      'Currency',
      'Probability %',
      'Weighted',
      'Decision date',
      'Owner',
      'Last changed',
      'By',
    ]);
    expect(rows.slice(1).map((r) => r.slice(0, 10))).toEqual([
      ['1', 'Færge nr. 1; "den store"', 'Ærø Færger A/S', 'Open', 'Prospect', '2500.50', 'DKK', '50', '1250.25', '2026-03-31'],
      ['2', 'Kaj, bro og rampe', 'Ærø Færger A/S', 'Open', 'Prospect', '1000000.00', 'DKK', '10', '100000.00', '2026-12-01'],
      ['3', 'Uden beløb', 'Ærø Færger A/S', 'Open', 'Prospect', '', 'DKK', '20', '0.00', ''],
    ]);
    expect(rows[1]?.[11]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('writes semicolons with decimal commas for Nordic Excel, and headers in the asked language', async () => {
    const file = await download(
      '/api/opportunities/export?format=csv&delimiter=semicolon&lang=da&sort=number&columns=number,title,amount,status',
    );
    const text = file.body.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\ufeffNummer;Emne;Beløb;Valuta;Status');
    const rows: string[][] = parse(file.body, { bom: true, delimiter: ';' });
    expect(rows.slice(1)).toEqual([
      ['1', 'Færge nr. 1; "den store"', '2500,50', 'DKK', 'Åben'],
      ['2', 'Kaj, bro og rampe', '1000000,00', 'DKK', 'Åben'],
      ['3', 'Uden beløb', '', 'DKK', 'Åben'],
    ]);
  });

  it('exports the whole selection across keyset batches, with the filters applied', async () => {
    await sql`INSERT INTO opportunities (number, title, company_id, owner_id, process_id, status, amount)
      SELECT 1000 + g, 'Bulk ' || g, ${companyId}, ${manager.userId}, (SELECT id FROM sales_processes WHERE is_default), CASE WHEN g % 2 = 0 THEN 'won' ELSE 'lost' END, g
      FROM generate_series(1, 4100) g`.execute(api.database.db);
    const all: string[][] = parse((await download('/api/opportunities/export?format=csv&columns=number')).body, { bom: true });
    expect(all).toHaveLength(1 + 3 + 4100);
    expect(new Set(all.slice(1).map((r) => r[0])).size).toBe(4103);
    const won: string[][] = parse(
      (await download('/api/opportunities/export?format=csv&status=won&amount.lte=100&sort=amount&columns=amount,status')).body,
      { bom: true },
    );
    expect(won.slice(1)).toHaveLength(50);
    expect(won[1]).toEqual(['2.00', 'DKK', 'Won']);
  });

  it('refuses a bad format, delimiter or column with 400 naming it', async () => {
    for (const [query, field] of [
      ['format=docx', 'format'],
      ['', 'format'],
      ['format=csv&delimiter=tab', 'delimiter'],
      ['format=csv&columns=number,shoeSize', 'columns'],
      ['format=csv&colour=red', 'colour'],
    ] as const) {
      const answer = await download(`/api/opportunities/export?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.json().error.fields, query).toHaveProperty(field);
    }
    expect((await download('/api/companies/export?format=vcf')).status).toBe(400);
  });
});

describe('XLSX (L-6)', () => {
  it('has typed numbers and real dates, money formatted, the header frozen', async () => {
    const file = await download(
      '/api/opportunities/export?format=xlsx&sort=number&columns=number,title,amount,decisionDate,createdAt,status',
    );
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, 'Number', 'Subject', 'Amount', 'Currency', 'Decision date', 'Created', 'Status']);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe('Færge nr. 1; "den store"');
    expect(first.getCell(3).value).toBe(2500.5);
    expect(first.getCell(3).numFmt).toBe('#,##0.00');
    expect(first.getCell(4).value).toBe('DKK');
    const decision = first.getCell(5).value;
    expect(decision).toBeInstanceOf(Date);
    expect((decision as Date).toISOString()).toBe('2026-03-31T00:00:00.000Z');
    expect(first.getCell(6).value).toBeInstanceOf(Date);
    expect(first.getCell(7).value).toBe('Open');
    expect(sheet.getRow(4).getCell(3).value).toBeNull();
    expect(sheet.rowCount).toBe(4);
  });
});

describe('PDF (L-6)', () => {
  it('is a PDF table with headers and the totals: count, amount and weighted', async () => {
    const file = await download('/api/opportunities/export?format=pdf&lang=da');
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(file.body);
    expect(text).toContain('Kaj, bro og rampe');
    expect(text).toContain('Ærø Færger A/S');
    expect(text).toContain('Beløb');
    expect(text).toContain('Antal: 3');
    // 2 500,50 + 1 000 000 and 1 250,25 + 100 000 in Danish number format, on the line of their currency
    expect(text).toContain('I alt DKK');
    expect(text).toContain('1.002.500,50');
    expect(text).toContain('101.250,25');
  });
});

describe('vCard (L-8)', () => {
  it('writes one vCard 4.0 per contact that a vCard parser reads back, folded at 75 octets', async () => {
    const notes = 'Ringer helst om formiddagen; kender Søren, Åsa og Øystein fra messen i Ålborg. Kaffe: sort, ingen sukker.';
    await manager.post('/api/contacts', {
      companyId,
      firstName: 'Åsa',
      lastName: 'Østergård',
      title: 'Indkøbschef',
      email: 'asa@aero.dk',
      phone: '+45 62 52 10 00',
      notes,
    });
    await manager.post('/api/contacts', { companyId, firstName: 'Bo', lastName: 'Ærlig' });
    const file = await download('/api/contacts/export?format=vcf');
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/vcard; charset=utf-8');
    const text = file.body.toString('utf8');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/);
    const parsed = ICAL.parse(text) as unknown[];
    const cards = (Array.isArray(parsed[0]) ? parsed : [parsed]).map((card) => new ICAL.Component(card as unknown[]));
    // by last name, Æ before Ø as in the Danish alphabet
    expect(cards.map((card) => card.getFirstPropertyValue('fn'))).toEqual(['Bo Ærlig', 'Åsa Østergård']);
    const asa = cards[1];
    expect(asa?.getFirstPropertyValue('version')).toBe('4.0');
    expect(asa?.getFirstPropertyValue('note')).toBe(notes);
    expect(asa?.getFirstPropertyValue('org')).toBe('Ærø Færger A/S');
    expect(asa?.getFirstPropertyValue('email')).toBe('asa@aero.dk');
    expect(asa?.getFirstPropertyValue('tel')).toBe('tel:+4562521000');
    expect(String(asa?.getFirstPropertyValue('uid'))).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const one = await download(`/api/contacts/${(await manager.get('/api/contacts?q=ærlig')).body.items[0].id}/vcard`);
    expect(one.status).toBe(200);
    expect(one.body.toString('utf8')).toContain('FN:Bo Ærlig\r\n');
    expect((await download('/api/contacts/999999/vcard')).status).toBe(404);
  });
});
