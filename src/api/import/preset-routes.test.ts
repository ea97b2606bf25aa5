// L-7, issue 18: the presets read the real exports of HubSpot, Pipedrive and Salesforce without
// corrupting them: each currency kept, closed deals closed (with their close kept), the primary
// company, HubSpot's probabilities as fractions, countries by name, Pipedrive's address, phone and
// website and its current column names, created dates; the dry run names the columns it ignores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';
import { uploadImport, type ImportForm } from '../../../test/helpers/import-upload.ts';

let api: TestApi;
let manager: Client;
let token: string;

beforeAll(async () => {
  api = await startApi();
  manager = await api.as('manager', 'Mette Møller');
  token = (await manager.post('/api/auth/tokens', { name: 'preset test' })).body.token;
});
afterAll(() => api.close());

const upload = (resource: string, form: ImportForm) => uploadImport(api, token, resource, form);
const csv = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
const opportunity = async (title: string) => (await manager.get(`/api/opportunities?q=${encodeURIComponent(title)}`)).body.items[0];
const closings = async (id: number) => (await manager.get(`/api/opportunities/${id}/closings`)).body.items;

describe('presets of other CRMs (L-7)', () => {
  it('Salesforce: accounts with country names, then opportunities in SEK and NOK, closed ones closed, created dates kept', async () => {
    const accounts = csv([
      '"Account ID","Account Name","Account Number","Billing Street","Billing City","Billing Zip/Postal Code","Billing Country","Phone","Website","Created Date"',
      '"0011x01","Ærø Færger A/S","72001","Havnen 1","Ærøskøbing","5970","Danmark","+45 62 52 40 00","https://aeroe-ferry.dk","3/15/2025"',
      '"0011x02","Göta Kanal AB","72002","Slussvägen 2","Motala","591 35","Sverige","","",""',
      '"0011x03","Fjordline AS","72003","Strandkaien 1","Bergen","5013","Norway","","",""',
    ]);
    expect((await upload('companies', { file: accounts, preset: 'salesforce' })).body).toMatchObject({
      created: 3,
      errors: [],
      ignoredColumns: [],
    });
    const countries = await Promise.all(
      ['72001', '72002', '72003'].map(async (n) => (await manager.get(`/api/companies?accountNumber=${n}`)).body.items[0]),
    );
    expect(countries.map((c) => c.country)).toEqual(['DK', 'SE', 'NO']);
    expect(countries[0].createdAt.slice(0, 10)).toBe('2025-03-15');

    const report = csv([
      '"Opportunity Owner","Account Name","Opportunity Name","Stage","Fiscal Period","Amount Currency","Amount","Probability (%)","Close Date","Created Date","Opportunity ID"',
      '"Mette Møller","Göta Kanal AB","SF Slussbygge","Qualified","Q4-2026","SEK","125,000.00","25","12/31/2026","2/1/2026","0061x01"',
      '"Mette Møller","Fjordline AS","SF Serviceavtale","Closed Won","Q2-2026","NOK","80,000.00","100","6/30/2026","1/10/2026","0061x02"',
      '"Mette Møller","Ærø Færger A/S","SF Tabt rute","Closed Lost","Q2-2026","DKK","10,000.00","0","5/31/2026","1/12/2026","0061x03"',
    ]);
    const dry = await upload('opportunities', { file: report, preset: 'salesforce', dryRun: 'true' });
    expect(dry.body).toMatchObject({ rows: 3, created: 3, errors: [], ignoredColumns: ['Fiscal Period'] });
    expect(dry.body.mapping).toMatchObject({
      'Amount Currency': 'currency',
      Amount: 'amount',
      Stage: 'stage',
      'Created Date': 'createdAt',
    });
    expect((await upload('opportunities', { file: report, preset: 'salesforce' })).body).toMatchObject({ created: 3, errors: [] });

    const open = await opportunity('SF Slussbygge');
    expect(open).toMatchObject({
      currency: 'SEK',
      amount: 125000,
      status: 'open',
      probability: 25,
      decisionDate: '2026-12-31',
      stageName: 'Qualified',
    });
    expect(open.createdAt.slice(0, 10)).toBe('2026-02-01');
    const won = await opportunity('SF Serviceavtale');
    expect(won).toMatchObject({
      currency: 'NOK',
      amount: 80000,
      actualAmount: 80000,
      status: 'won',
      probability: 100,
      closeDate: '2026-06-30',
    });
    expect(await closings(won.id)).toMatchObject([{ outcome: 'won', closeDate: '2026-06-30', actualAmount: 80000 }]);
    const lost = await opportunity('SF Tabt rute');
    expect(lost).toMatchObject({ currency: 'DKK', status: 'lost', probability: 0, closeDate: '2026-05-31' });
    expect(await closings(lost.id)).toMatchObject([{ outcome: 'lost', closeDate: '2026-05-31' }]);
  });

  it('Salesforce data loader: IsWon and IsClosed give the status, CurrencyIsoCode the currency', async () => {
    const file = csv([
      'Id,Name,Account Name,StageName,Amount,CurrencyIsoCode,CloseDate,IsClosed,IsWon,CreatedDate',
      '0062x01,DL Vundet,Fjordline AS,Contract Signed,5000,NOK,2026-04-30,true,true,2026-01-05T08:30:00.000Z',
      '0062x02,DL Tabt,Fjordline AS,Dead,6000,EUR,2026-04-15,true,false,2026-01-06T08:30:00.000Z',
    ]);
    const result = await upload('opportunities', {
      file,
      preset: 'salesforce',
      valueMapping: { stage: { 'Contract Signed': 'Negotiation', Dead: 'Prospect' } },
    });
    expect(result.body).toMatchObject({ created: 2, errors: [] });
    expect(await opportunity('DL Vundet')).toMatchObject({ status: 'won', currency: 'NOK', closeDate: '2026-04-30' });
    expect(await opportunity('DL Tabt')).toMatchObject({ status: 'lost', currency: 'EUR', closeDate: '2026-04-15' });
  });

  it('HubSpot: the primary associated company, probability as a fraction, Closed Won and Closed Lost as won and lost', async () => {
    const deals = csv([
      'Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner,Associated Company (Primary),Associated Company,Deal probability,Create Date,Pipeline,Currency,Last Activity Date',
      '9001,HS Ny færge,Appointment Scheduled,250000,2027-01-31,Mette Møller,Ærø Færger A/S,Ærø Færger A/S;Fjordline AS,0.2,2026-03-01 14:22,Sales Pipeline,DKK,2026-11-01',
      '9002,HS Vundet,Closed Won,40000,2026-09-30,Mette Møller,Fjordline AS,Fjordline AS,1,2026-02-01 09:00,Sales Pipeline,NOK,',
      '9003,HS Tabt,Closed Lost,15000,2026-08-31,Mette Møller,Göta Kanal AB,Göta Kanal AB;Ærø Færger A/S,0,2026-02-02 09:00,Sales Pipeline,SEK,',
      '9004,HS Tredjedel,Appointment Scheduled,1000,2027-02-28,Mette Møller,Fjordline AS,,0.333,2026-02-03 09:00,Sales Pipeline,NOK,',
    ]);
    const valueMapping = { stage: { 'Appointment Scheduled': 'Qualified' }, process: { 'Sales Pipeline': 'Standard' } };
    const dry = await upload('opportunities', { file: deals, preset: 'hubspot', valueMapping, dryRun: 'true' });
    expect(dry.body).toMatchObject({ rows: 4, created: 4, errors: [], ignoredColumns: ['Associated Company', 'Last Activity Date'] });
    expect(dry.body.mapping['Associated Company (Primary)']).toBe('companyName');
    expect((await upload('opportunities', { file: deals, preset: 'hubspot', valueMapping })).body).toMatchObject({
      created: 4,
      errors: [],
    });

    const open = await opportunity('HS Ny færge');
    expect(open).toMatchObject({
      companyName: 'Ærø Færger A/S',
      probability: 20,
      probabilityMode: 'manual',
      status: 'open',
      stageName: 'Qualified',
      decisionDate: '2027-01-31',
    });
    expect(open.createdAt).toBe(new Date('2026-03-01T14:22:00Z').toISOString());
    expect(await opportunity('HS Tredjedel')).toMatchObject({ probability: 33 });
    const won = await opportunity('HS Vundet');
    expect(won).toMatchObject({
      companyName: 'Fjordline AS',
      status: 'won',
      probability: 100,
      currency: 'NOK',
      closeDate: '2026-09-30',
      actualAmount: 40000,
    });
    expect(await closings(won.id)).toMatchObject([{ outcome: 'won', closeDate: '2026-09-30', actualAmount: 40000 }]);
    const lost = await opportunity('HS Tabt');
    expect(lost).toMatchObject({ companyName: 'Göta Kanal AB', status: 'lost', probability: 0, currency: 'SEK', closeDate: '2026-08-31' });
    expect(await closings(lost.id)).toMatchObject([{ outcome: 'lost', closeDate: '2026-08-31' }]);
  });

  it('Pipedrive: organisations with address parts, phone, website and created time; deals in the current column style', async () => {
    const organizations = csv([
      'Organization - ID,Organization - Name,Organization - Address,Organization - Address - Street/road name,Organization - Address - House number,Organization - Address - ZIP/Postal code,Organization - Address - City/town/village/locality,Organization - Address - Country,Organization - Phone,Organization - Website,Organization - Owner,Organization - Organization created,Organization - People',
      '"PD-501","Hurtigruten Cargo AS","Havnegata 2, 8006 Bodø, Norway","Havnegata","2","8006","Bodø","Norway","+47 75 00 00 00","https://hurtigruten-cargo.no","Mette Møller","2025-11-03 09:12:00","2"',
    ]);
    const orgs = await upload('companies', { file: organizations, preset: 'pipedrive' });
    // the one-line address fills only what the parts leave empty
    expect(orgs.body).toMatchObject({ created: 1, errors: [], ignoredColumns: ['Organization - People'] });
    expect(orgs.body.mapping).toMatchObject({
      'Organization - Address': 'address',
      'Organization - Address - Street/road name': 'street',
      'Organization - Address - House number': 'houseNumber',
    });
    const cargo = (await manager.get('/api/companies?q=hurtigruten')).body.items[0];
    expect(cargo).toMatchObject({
      street: 'Havnegata 2',
      postalCode: '8006',
      city: 'Bodø',
      country: 'NO',
      phone: '+47 75 00 00 00',
      website: 'https://hurtigruten-cargo.no',
      ownerId: manager.userId,
    });
    expect(cargo.createdAt).toBe(new Date('2025-11-03T09:12:00Z').toISOString());

    // an older export with the address on one line only
    const oneLine = csv(['Organization - Name,Organization - Address', '"Bornholmslinjen A/S","Havnen 5, 3700 Rønne, Denmark"']);
    expect((await upload('companies', { file: oneLine, preset: 'pipedrive' })).body).toMatchObject({ created: 1, errors: [] });
    expect((await manager.get('/api/companies?q=bornholmslinjen')).body.items[0]).toMatchObject({
      street: 'Havnen 5',
      postalCode: '3700',
      city: 'Rønne',
      country: 'DK',
    });

    const deals = csv([
      'Deal - ID,Deal - Title,Deal - Creator,Deal - Value,Deal - Currency of value,Organization,Contact person,Deal - Stage,Deal - Status,Deal - Expected close date,Deal - Won time,Deal - Deal created,Deal - Owner',
      '701,PD Kystfrakt,Mette Møller,"350000",NOK,Hurtigruten Cargo AS,Ola Nordmann,Qualified,open,2027-03-31,,2026-05-02 10:00:00,Mette Møller',
      '702,PD Vinterrute,Mette Møller,"120000",EUR,Hurtigruten Cargo AS,,Prospect,won,2026-10-31,2026-10-15 16:05:00,2026-04-01 10:00:00,Mette Møller',
    ]);
    const result = await upload('opportunities', { file: deals, preset: 'pipedrive' });
    expect(result.body).toMatchObject({ created: 2, errors: [], ignoredColumns: ['Deal - Creator', 'Contact person'] });
    expect(result.body.mapping).toMatchObject({
      'Deal - Currency of value': 'currency',
      Organization: 'companyName',
      'Deal - Won time': 'closeDate',
      'Deal - Deal created': 'createdAt',
    });
    const open = await opportunity('PD Kystfrakt');
    expect(open).toMatchObject({ companyName: 'Hurtigruten Cargo AS', currency: 'NOK', amount: 350000, status: 'open' });
    expect(open.createdAt).toBe(new Date('2026-05-02T10:00:00Z').toISOString());
    const won = await opportunity('PD Vinterrute');
    expect(won).toMatchObject({ currency: 'EUR', status: 'won', closeDate: '2026-10-15' });
    expect(await closings(won.id)).toMatchObject([{ outcome: 'won', closeDate: '2026-10-15' }]);
  });

  it('refuses an amount written in one currency with another in the currency column, and a currency it would otherwise lose', async () => {
    const file = csv(['Title;Company;Amount;Currency', 'Valuta A;Fjordline AS;NOK 1 000;SEK', 'Valuta B;Fjordline AS;SEK 2 500;']);
    const dry = await upload('opportunities', { file, dryRun: 'true' });
    expect(dry.body.errors).toEqual([{ row: 2, field: 'currency', message: 'is SEK, but the amount is written in NOK' }]);
    const fixed = csv(['Title;Company;Amount', 'Valuta B;Fjordline AS;SEK 2 500']);
    expect((await upload('opportunities', { file: fixed })).body).toMatchObject({ created: 1, errors: [] });
    expect(await opportunity('Valuta B')).toMatchObject({ currency: 'SEK', amount: 2500 });
  });
});
