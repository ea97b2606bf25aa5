// L-7: import from CSV and XLSX — guessed or given mapping, value mapping, dry run with every row
// error, all-or-nothing commit, idempotent re-import, presets of other CRMs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';
import { uploadImport, type ImportForm } from '../../../test/helpers/import-upload.ts';

let api: TestApi;
let manager: Client;
let token: string;

beforeAll(async () => {
  api = await startApi();
  manager = await api.as('manager', 'Mette Møller');
  token = (await manager.post('/api/auth/tokens', { name: 'import test' })).body.token;
});
afterAll(() => api.close());

const upload = (resource: string, form: ImportForm, bearer = token) => uploadImport(api, bearer, resource, form);

const count = async (table: 'companies' | 'contacts' | 'opportunities') =>
  Number(
    (
      await api.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const danishCompanies = [
  '\ufeffKontonr;Firmanavn;Adresse;Postnr;By;Land;CVR-nr;Branche;Ansvarlig',
  '70001;Ærø Færger A/S;Havnen 1;5970;Ærøskøbing;DK;;Transport and logistics;MM',
  '70002;Østjysk Maskinfabrik ApS;Industrivej 4;8000;Aarhus C;DK;;Manufacturing;',
  ';Bornholms Bryghus;Søndergade 2;3700;Rønne;dk;;;',
].join('\r\n');

describe('companies (L-7)', () => {
  it('guesses Danish headers, dry-runs without writing, then imports', async () => {
    const before = await count('companies');
    const dry = await upload('companies', { file: danishCompanies, dryRun: 'true' });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ rows: 3, created: 3, updated: 0, errors: [], dryRun: true });
    expect(dry.body.mapping).toMatchObject({
      Kontonr: 'accountNumber',
      Firmanavn: 'name',
      Postnr: 'postalCode',
      By: 'city',
      'CVR-nr': 'orgNumber',
      Branche: 'industry',
      Ansvarlig: 'owner',
    });
    expect(await count('companies')).toBe(before);

    const done = await upload('companies', { file: danishCompanies });
    expect(done.body).toMatchObject({ rows: 3, created: 3, updated: 0, errors: [], dryRun: false });
    const aero = (await manager.get('/api/companies?accountNumber=70001')).body.items[0];
    expect(aero).toMatchObject({ name: 'Ærø Færger A/S', city: 'Ærøskøbing', postalCode: '5970', country: 'DK', ownerId: manager.userId });
    const bryghus = (await manager.get(`/api/companies?q=${encodeURIComponent('bornholms')}`)).body.items[0];
    expect(bryghus.accountNumber).toMatch(/^\d+$/);
    expect(bryghus.country).toBe('DK');
    const history = await api.database.db
      .selectFrom('changeHistory')
      .select(['field', 'newValue'])
      .where('entity', '=', 'company')
      .where('entityId', '=', aero.id)
      .execute();
    expect(history).toEqual([{ field: 'created', newValue: 'Ærø Færger A/S' }]);
  });

  it('updates instead of duplicating when the same file comes again; empty cells keep values', async () => {
    const before = await count('companies');
    const again = danishCompanies
      .replace('Havnen 1;5970;Ærøskøbing', 'Havnen 3;5970;')
      .replace(';Bornholms Bryghus', '70003;Bornholms Bryghus');
    const result = await upload('companies', { file: again });
    expect(result.body).toMatchObject({ rows: 3, created: 1, updated: 2, errors: [] });
    expect(await count('companies')).toBe(before + 1);
    const aero = (await manager.get('/api/companies?accountNumber=70001')).body.items[0];
    expect(aero).toMatchObject({ street: 'Havnen 3', city: 'Ærøskøbing', version: 2 });
  });

  it('lists every row error in a dry run, and writes nothing when any row is wrong', async () => {
    const before = await count('companies');
    const bad = [
      'Account number,Name,Country,Org number,Industry,Owner,Email',
      '80001,Good One AS,NO,923609016,,,',
      '80002,,SE,,,,',
      '80003,Bad Org AB,SE,5560360794,,,',
      '80004,Unknown Industry,DK,,Knitting,,',
      '80001,Twice AS,NO,,,,',
      '80005,Nobody Owns,DK,,,ghost@example.com,',
      '80006,Mail Oy,FI,,,,not-an-email',
    ].join('\n');
    const dry = await upload('companies', { file: bad, dryRun: 'true' });
    expect(dry.status).toBe(200);
    expect(dry.body.rows).toBe(7);
    expect(dry.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [3, 'name'],
      [4, 'orgNumber'],
      [5, 'industry'],
      [6, 'accountNumber'],
      [7, 'owner'],
      [8, 'email'],
    ]);
    expect(dry.body.errors[3].message).toContain('line 2');
    const real = await upload('companies', { file: bad });
    expect(real.body.errors).toHaveLength(6);
    expect(await count('companies')).toBe(before);
    expect((await manager.get('/api/companies?accountNumber=80001')).body.items).toEqual([]);
  });

  it('takes a given mapping and value mapping, and refuses a mapping that does not fit (400)', async () => {
    const file = 'Kunde;Nr;Bransje\nNordlys Energi AS;90001;Kraft\n';
    const result = await upload('companies', {
      file,
      mapping: { Kunde: 'name', Nr: 'accountNumber', Bransje: 'industry' },
      valueMapping: { industry: { kraft: 'Energy' } },
    });
    expect(result.body).toMatchObject({ created: 1, errors: [] });
    const industries = (await manager.get('/api/setup/industries')).body.items;
    const energy = industries.find((i: { name: string }) => i.name === 'Energy').id;
    expect((await manager.get('/api/companies?accountNumber=90001')).body.items[0].industryId).toBe(energy);
    for (const [form, field] of [
      [{ file, mapping: { Missing: 'name' } }, 'mapping.Missing'],
      [{ file, mapping: { Kunde: 'shoeSize' } }, 'mapping.Kunde'],
      [{ file, valueMapping: { colour: {} } }, 'valueMapping.colour'],
      [{ file, extra: { colour: 'red' } }, 'colour'],
      [{ file: '' }, 'file'],
      [{ file: 'a,b\n1,2\n' }, 'mapping'],
    ] as [ImportForm, string][]) {
      const answer = await upload('companies', form);
      expect(answer.status, field).toBe(400);
      expect(answer.body.error.fields, field).toHaveProperty([field]);
    }
    expect((await upload('quotes', { file })).status).toBe(400);
    const seller = await api.as('seller');
    const sellerToken = (await seller.post('/api/auth/tokens', { name: 's' })).body.token;
    expect((await upload('companies', { file }, sellerToken)).status).toBe(403);
  });
});

describe('contacts (L-7)', () => {
  it('reads an XLSX with HubSpot columns; re-import matches on email', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Contacts');
    sheet.addRow(['Record ID', 'First Name', 'Last Name', 'Email', 'Job Title', 'Associated Company']);
    sheet.addRow([501, 'Åsa', 'Østergård', 'asa@aero.dk', 'Indkøbschef', 'Ærø Færger A/S']);
    sheet.addRow([502, 'Bo', 'Bryggersen', 'bo@maskin.dk', 'Værkfører', 'østjysk maskinfabrik aps']);
    sheet.addRow([503, 'Ukendt', 'Person', 'x@y.dk', '', 'No Such Company']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const dry = await upload('contacts', { file, name: 'contacts.xlsx', preset: 'hubspot', dryRun: 'true' });
    expect(dry.body.errors).toEqual([{ row: 4, field: 'companyName', message: 'no company is named "No Such Company"' }]);
    sheet.spliceRows(4, 1);
    const good = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await upload('contacts', { file: good, preset: 'hubspot' })).body).toMatchObject({
      rows: 2,
      created: 2,
      updated: 0,
      errors: [],
    });
    const asa = (await manager.get('/api/contacts?email=asa@aero.dk')).body.items[0];
    expect(asa).toMatchObject({ firstName: 'Åsa', lastName: 'Østergård', title: 'Indkøbschef', companyName: 'Ærø Færger A/S' });
    sheet.getRow(2).getCell(5).value = 'Direktør';
    const changed = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await upload('contacts', { file: changed, preset: 'hubspot' })).body).toMatchObject({ created: 0, updated: 2 });
    expect((await manager.get('/api/contacts?email=ASA@aero.dk')).body.items).toHaveLength(1);
    expect((await manager.get('/api/contacts?email=asa@aero.dk')).body.items[0].title).toBe('Direktør');
  });
});

describe('contacts by account number (L-7)', () => {
  it('finds the company by its account number, and splits a full name', async () => {
    const file = 'Kontonr;Navn;Mobil\n70001;Per Ole Hansen;+45 20 30 40 50\n99999;Ingen Firma;\n';
    const dry = await upload('contacts', { file, dryRun: 'true' });
    expect(dry.body.errors).toEqual([{ row: 3, field: 'companyAccountNumber', message: 'no company has account number "99999"' }]);
    expect((await upload('contacts', { file: file.split('\n').slice(0, 2).join('\n') })).body).toMatchObject({ created: 1, errors: [] });
    const per = (await manager.get('/api/contacts?q=hansen')).body.items[0];
    expect(per).toMatchObject({ firstName: 'Per Ole', lastName: 'Hansen', mobile: '+45 20 30 40 50', companyName: 'Ærø Færger A/S' });
  });
});

describe('blank rows (L-7)', () => {
  it('leaves blank rows out and names each error by its row in the file', async () => {
    const file = 'Kontonr;Navn;Mobil\n;;\n\n99998;Ingen Firma;\n;;\n';
    const dry = await upload('contacts', { file, dryRun: 'true' });
    expect(dry.body).toMatchObject({
      rows: 1,
      errors: [{ row: 4, field: 'companyAccountNumber', message: 'no company has account number "99998"' }],
    });
  });
});

describe('opportunities (L-7)', () => {
  const pipedrive = [
    'Deal - ID,Deal - Title,Deal - Value,Deal - Currency,Deal - Stage,Deal - Organization,Deal - Owner,Deal - Expected close date,Deal - Status',
    'PD-1,Ny færge,"1.250.000,50",DKK,Proposal Made,Ærø Færger A/S,MM,31.12.2026,open',
    'PD-2,Servicekontrakt,80000,,Qualified,Ærø Færger A/S,,2026-06-30,won',
  ].join('\n');

  it('imports a Pipedrive export with stage names mapped; stage gives probability, steps and seller', async () => {
    const result = await upload('opportunities', {
      file: pipedrive,
      preset: 'pipedrive',
      valueMapping: { stage: { 'Proposal Made': 'Quote sent' } },
    });
    expect(result.body).toMatchObject({ rows: 2, created: 2, updated: 0, skipped: 0, errors: [] });
    const [open, won] = (await manager.get('/api/opportunities?sort=number')).body.items;
    expect(open).toMatchObject({
      title: 'Ny færge',
      amount: 1250000.5,
      currency: 'DKK',
      stageName: 'Quote sent',
      probability: 50,
      probabilityMode: 'stage',
      status: 'open',
      decisionDate: '2026-12-31',
      ownerId: manager.userId,
      sellerIds: [manager.userId],
      externalRef: 'PD-1',
    });
    // closed as closing as won closes: every step done, so it stands on the last stage (O-9)
    expect(won).toMatchObject({
      title: 'Servicekontrakt',
      status: 'won',
      probability: 100,
      closeDate: '2026-06-30',
      stageName: 'Negotiation',
      actualAmount: 80000,
    });
    const steps = (await manager.get(`/api/opportunities/${open.id}/steps`)).body;
    expect(steps.map((s: { name: string; state: string }) => [s.name, s.state])).toEqual([
      ['Prospect', 'done'],
      ['Qualified', 'done'],
      ['Quote sent', 'todo'],
      ['Negotiation', 'todo'],
    ]);
  });

  it('updates the open one on re-import by external id and leaves the won one alone (O-11)', async () => {
    const before = await count('opportunities');
    const again = pipedrive.replace('Proposal Made', 'Negotiation').replace('"1.250.000,50"', '1300000');
    const result = await upload('opportunities', { file: again, preset: 'pipedrive' });
    expect(result.body).toMatchObject({ created: 0, updated: 1, skipped: 1, errors: [] });
    expect(await count('opportunities')).toBe(before);
    const open = (await manager.get('/api/opportunities?q=ny%20f%C3%A6rge')).body.items[0];
    expect(open).toMatchObject({ amount: 1300000, stageName: 'Negotiation', probability: 75, version: 2 });
    const steps = (await manager.get(`/api/opportunities/${open.id}/steps`)).body;
    expect(steps.map((s: { state: string }) => s.state)).toEqual(['done', 'done', 'done', 'todo']);
  });

  it('checks stage within the process, amounts, dates and the company', async () => {
    const file = [
      'Title;Company;Stage;Amount;Decision date;Probability;Status',
      'A;Ærø Færger A/S;Drømmefase;100;2026-01-01;;',
      'B;Ingen Firma;;100;;;',
      'C;Ærø Færger A/S;;12,345;;;',
      'D;Ærø Færger A/S;;100;31.02.2026;150;',
      'E;Ærø Færger A/S;;;;;måske',
      ';Ærø Færger A/S;;;;;',
    ].join('\n');
    const dry = await upload('opportunities', { file, dryRun: 'true' });
    expect(dry.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [2, 'stage'],
      [3, 'companyName'],
      [4, 'amount'],
      [5, 'decisionDate'],
      [5, 'probability'],
      [6, 'status'],
      [7, 'title'],
    ]);
  });
});
