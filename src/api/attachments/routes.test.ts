import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';

let api: TestApi;
let seller: Client;
let other: Client;
let manager: Client;
let tokens: Map<Client, string>;
let companyId: number;
let contactId: number;
let opportunityId: number;
let activityId: number;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);

function multipart(parts: { field: string; fileName?: string; type?: string; data: Buffer | string }[]) {
  const boundary = '----trakt-test-boundary';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.fileName !== undefined ? `form-data; name="${part.field}"; filename="${part.fileName}"` : `form-data; name="${part.field}"`;
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`),
    );
    chunks.push(Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads with a Bearer token (no CSRF header needed). */
async function upload(who: Client, url: string, parts: Parameters<typeof multipart>[0]) {
  const { payload, contentType } = multipart(parts);
  const response = await api.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': contentType, authorization: `Bearer ${tokens.get(who)}` },
  });
  return { status: response.statusCode, body: response.json() };
}

const pdf = (fileName = 'Tilbud Øresund.pdf') => [{ field: 'file', fileName, type: 'application/pdf', data: PDF }];

beforeAll(async () => {
  api = await startApi();
  seller = await api.as('seller');
  other = await api.as('seller');
  manager = await api.as('manager');
  tokens = new Map();
  for (const who of [seller, other, manager]) tokens.set(who, (await who.post('/api/auth/tokens', { name: 'upload' })).body.token);
  companyId = (await seller.post('/api/companies', { name: 'Dokument A/S' })).body.id;
  contactId = (await seller.post('/api/contacts', { companyId, lastName: 'Holm' })).body.id;
  opportunityId = (await seller.post('/api/opportunities', { title: 'Aftale', companyId })).body.id;
  activityId = (await seller.post('/api/activities', { type: 'meeting', subject: 'Møde', companyId })).body.id;
});
afterAll(() => api.close());

describe('attachments (T-5)', () => {
  it('uploads to each kind of record, lists without data, downloads with the stored type as an attachment', async () => {
    for (const [plural, id] of [
      ['companies', companyId],
      ['contacts', contactId],
      ['opportunities', opportunityId],
      ['activities', activityId],
    ] as const) {
      const created = await upload(seller, `/api/${plural}/${id}/attachments`, pdf());
      expect(created.status, plural).toBe(201);
      expect(created.body).toMatchObject({
        entityId: id,
        fileName: 'Tilbud Øresund.pdf',
        contentType: 'application/pdf',
        sizeBytes: PDF.length,
        uploadedBy: seller.userId,
      });
      const list = await other.get(`/api/${plural}/${id}/attachments`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((a: { id: number }) => a.id)).toEqual([created.body.id]);
      expect(list.body.items[0]).not.toHaveProperty('data');
    }
    const attachment = (await seller.get(`/api/companies/${companyId}/attachments`)).body.items[0];
    const download = await api.app.inject({
      method: 'GET',
      url: `/api/attachments/${attachment.id}`,
      headers: { authorization: `Bearer ${tokens.get(other)}` },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      'attachment; filename="Tilbud resund.pdf"; filename*=UTF-8\'\'Tilbud%20%C3%98resund.pdf',
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(PDF)).toBe(true);
  });

  it('refuses a renamed program and types outside the list with 415 UNSUPPORTED_TYPE', async () => {
    const renamed = await upload(seller, `/api/companies/${companyId}/attachments`, [
      { field: 'file', fileName: 'faktura.pdf', type: 'application/pdf', data: EXE },
    ]);
    expect(renamed.status).toBe(415);
    expect(renamed.body.error.code).toBe('UNSUPPORTED_TYPE');
    const exe = await upload(seller, `/api/companies/${companyId}/attachments`, [
      { field: 'file', fileName: 'setup.exe', type: 'application/octet-stream', data: EXE },
    ]);
    expect(exe.status).toBe(415);
    const html = await upload(seller, `/api/companies/${companyId}/attachments`, [
      { field: 'file', fileName: 'page', type: 'text/html', data: '<script>alert(1)</script>' },
    ]);
    expect(html.status).toBe(415);
    const csv = await upload(seller, `/api/companies/${companyId}/attachments`, [
      { field: 'file', fileName: 'liste.csv', type: 'text/csv', data: 'Navn;Beløb\nØresund;1200\n' },
    ]);
    expect(csv.status).toBe(201);
    expect(csv.body.contentType).toBe('text/csv');
  });

  it('refuses a file over 10 MB with 413 PAYLOAD_TOO_LARGE and stores nothing', async () => {
    const before = (await seller.get(`/api/opportunities/${opportunityId}/attachments`)).body.items.length;
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const response = await upload(seller, `/api/opportunities/${opportunityId}/attachments`, [
      { field: 'file', fileName: 'stor.pdf', type: 'application/pdf', data: big },
    ]);
    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The file is larger than the 10 MB limit for attachments',
    });
    expect((await seller.get(`/api/opportunities/${opportunityId}/attachments`)).body.items).toHaveLength(before);
  });

  it('answers 400 naming the file field for a missing file, a wrong field, an empty file or a JSON body', async () => {
    const url = `/api/companies/${companyId}/attachments`;
    const cases = [
      await upload(seller, url, [{ field: 'note', data: 'no file here' }]),
      await upload(seller, url, [{ field: 'document', fileName: 'a.pdf', type: 'application/pdf', data: PDF }]),
      await upload(seller, url, [{ field: 'file', fileName: 'empty.pdf', type: 'application/pdf', data: Buffer.alloc(0) }]),
    ];
    const json = await seller.post(url, { file: 'x' });
    for (const response of [...cases, json]) {
      expect(response.status).toBe(400);
      expect(response.body.error.fields).toHaveProperty('file');
    }
  });

  it('lets only those who may change the record upload and delete (403); reading follows seeing; deletion is soft', async () => {
    expect((await upload(other, `/api/companies/${companyId}/attachments`, pdf())).status).toBe(403);
    expect((await upload(other, `/api/contacts/${contactId}/attachments`, pdf())).status).toBe(403);
    expect((await upload(manager, `/api/companies/${companyId}/attachments`, pdf('Referat.pdf'))).status).toBe(201);
    expect((await upload(seller, '/api/companies/999999/attachments', pdf())).status).toBe(404);
    expect((await seller.get('/api/activities/999999/attachments')).status).toBe(404);

    const [newest] = (await seller.get(`/api/companies/${companyId}/attachments`)).body.items;
    expect(newest.fileName).toBe('Referat.pdf');
    expect((await other.delete(`/api/attachments/${newest.id}`)).status).toBe(403);
    expect((await seller.delete(`/api/attachments/${newest.id}`)).status).toBe(204);
    expect((await seller.get(`/api/companies/${companyId}/attachments`)).body.items.map((a: { id: number }) => a.id)).not.toContain(
      newest.id,
    );
    expect((await seller.get(`/api/attachments/${newest.id}`)).status).toBe(404);
    expect((await seller.delete(`/api/attachments/${newest.id}`)).status).toBe(404);
    const kept = await api.database.db
      .selectFrom('attachments')
      .select(['deletedAt', 'sizeBytes'])
      .where('id', '=', newest.id)
      .executeTakeFirstOrThrow();
    expect(kept.deletedAt).not.toBeNull();
    expect(kept.sizeBytes).toBe(PDF.length);
  });
});

describe('OpenAPI (I-1) for issue 3’s routes', () => {
  it('describes history, follow-ups, conversion, duplicates, activity views and attachments', async () => {
    const doc = (await api.anonymous.get('/api/openapi.json')).body;
    for (const path of [
      '/api/opportunities/{id}/history',
      '/api/companies/{id}/history',
      '/api/contacts/{id}/history',
      '/api/opportunities/{id}/follow-ups',
      '/api/companies/{id}/convert',
      '/api/companies/duplicates',
      '/api/activities/mine',
      '/api/activities/team',
      '/api/activities/latest',
      '/api/activities/{id}/opportunity',
      '/api/companies/{id}/attachments',
      '/api/activities/{id}/attachments',
      '/api/attachments/{id}',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(doc.paths['/api/companies/{id}/convert'].post.requestBody.content['application/json'].schema.properties.to.enum).toEqual([
      'customer',
      'supplier',
    ]);
  });
});
