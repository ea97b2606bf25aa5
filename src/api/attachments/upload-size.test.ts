// Issue 18 point 5: an upload over the limit is always 413 with nothing stored, whatever the chunking
// of the body and whatever Content-Length says; exactly the limit is stored byte for byte.
import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';
import { MAX_ATTACHMENT_BYTES } from '../../domain/attachments/attachments.ts';
import { MAX_IMPORT_BYTES } from '../import/routes.ts';

let api: TestApi;
let seller: Client;
let manager: Client;
let sellerToken: string;
let managerToken: string;
let opportunityId: number;

const BOUNDARY = '----trakt-size-boundary';
const MiB = 1024 * 1024;
/** The chunk of file bytes the body is sent in: 64 KiB, so 10 MiB of the file ends exactly on a chunk's end. */
const CHUNK = 64 * 1024;

/** The bytes of file number `seed`, position by position, so a download can be compared without keeping a copy. */
const byteAt = (seed: number, position: number) => (position * 31 + seed) & 0xff;

/** A multipart body with one file of `size` bytes (a PDF head, then a pattern), generated a chunk at a time. */
function* body(size: number, seed: number, field = 'file', fileName = 'stor.pdf', type = 'application/pdf'): Generator<Buffer> {
  yield Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  for (let start = 0; start < size; start += CHUNK) {
    const chunk = Buffer.alloc(Math.min(CHUNK, size - start));
    for (let i = 0; i < chunk.length; i += 1) chunk[i] = byteAt(seed, start + i);
    if (start === 0) chunk.write('%PDF-1.7\n', 'latin1');
    yield chunk;
  }
  yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
}

const storedCount = async () =>
  Number(
    (
      await api.database.db
        .selectFrom('attachments')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Streams the body through inject (no Content-Length unless `contentLength` is given, which may lie). */
async function inject(url: string, token: string, chunks: Iterable<Buffer>, contentLength?: number) {
  const response = await api.app.inject({
    method: 'POST',
    url,
    payload: Readable.from(chunks),
    headers: {
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      authorization: `Bearer ${token}`,
      ...(contentLength !== undefined ? { 'content-length': String(contentLength) } : {}),
    },
  });
  return { status: response.statusCode, body: response.json() };
}

beforeAll(async () => {
  api = await startApi();
  seller = await api.as('seller');
  manager = await api.as('manager');
  sellerToken = (await seller.post('/api/auth/tokens', { name: 'upload' })).body.token;
  managerToken = (await manager.post('/api/auth/tokens', { name: 'import' })).body.token;
  const companyId = (await seller.post('/api/companies', { name: 'Store Filer A/S' })).body.id;
  opportunityId = (await seller.post('/api/opportunities', { title: 'Stor fil', companyId })).body.id;
  expect(opportunityId).toEqual(expect.any(Number));
});
afterAll(() => api.close());

describe('attachment size limit (T-5, issue 18 point 5)', () => {
  const url = () => `/api/opportunities/${opportunityId}/attachments`;

  it('refuses limit + 1 byte, 15 MiB and 150 MiB with 413 naming the file field, and stores nothing', async () => {
    const before = await storedCount();
    for (const size of [MAX_ATTACHMENT_BYTES + 1, 15 * MiB, 150 * MiB]) {
      const response = await inject(url(), sellerToken, body(size, size % 251));
      expect(response.status, `${size} bytes`).toBe(413);
      expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(response.body.error.fields).toHaveProperty('file');
    }
    expect(await storedCount()).toBe(before);
  }, 120_000);

  it('refuses an oversized file whose Content-Length claims a small body', async () => {
    const before = await storedCount();
    const response = await inject(url(), sellerToken, body(15 * MiB, 7), 4096);
    expect(response.status).toBe(413);
    expect(response.body.error.fields).toHaveProperty('file');
    expect(await storedCount()).toBe(before);
  }, 60_000);

  it('refuses a chunked upload over HTTP (no Content-Length) with 413', async () => {
    const before = await storedCount();
    const address = await api.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = api.app.server.address() as AddressInfo;
    expect(address).toContain(String(port));
    const sent = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: url(),
      headers: {
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        authorization: `Bearer ${sellerToken}`,
        'transfer-encoding': 'chunked',
      },
    });
    const answered = once(sent, 'response') as Promise<[import('node:http').IncomingMessage]>;
    // the server may answer and close before the whole body is sent: stop writing then
    sent.on('error', () => {});
    void (async () => {
      for (const chunk of body(15 * MiB, 3)) {
        if (sent.destroyed) return;
        if (!sent.write(chunk)) await Promise.race([once(sent, 'drain'), answered]);
      }
      sent.end();
    })();
    const [response] = await answered;
    const text: Buffer[] = [];
    for await (const chunk of response) text.push(chunk as Buffer);
    expect(response.statusCode).toBe(413);
    expect(JSON.parse(Buffer.concat(text).toString('utf8')).error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      fields: { file: expect.any(String) },
    });
    expect(await storedCount()).toBe(before);
  }, 60_000);

  it('stores a file of exactly the limit and gives back the same bytes', async () => {
    const created = await inject(url(), sellerToken, body(MAX_ATTACHMENT_BYTES, 5));
    expect(created.status).toBe(201);
    expect(created.body.sizeBytes).toBe(MAX_ATTACHMENT_BYTES);
    const download = await api.app.inject({
      method: 'GET',
      url: `/api/attachments/${created.body.id}`,
      headers: { authorization: `Bearer ${sellerToken}` },
    });
    expect(download.statusCode).toBe(200);
    const expected = Buffer.concat([...body(MAX_ATTACHMENT_BYTES, 5)].slice(1, -1));
    expect(download.rawPayload.length).toBe(MAX_ATTACHMENT_BYTES);
    expect(download.rawPayload.equals(expected)).toBe(true);
  }, 60_000);
});

describe('import file size limit (L-7, issue 18 point 5)', () => {
  it('refuses a file of the import limit + 1 byte with 413 naming the file field', async () => {
    const companies = async () =>
      Number(
        (
          await api.database.db
            .selectFrom('companies')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await companies();
    const response = await inject('/api/import/companies', managerToken, body(MAX_IMPORT_BYTES + 1, 9, 'file', 'firmaer.csv', 'text/csv'));
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(response.body.error.fields).toHaveProperty('file');
    expect(await companies()).toBe(before);
  }, 120_000);
});
