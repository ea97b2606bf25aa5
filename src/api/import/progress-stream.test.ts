// L-7: POST /api/import/{resource} with Accept: application/x-ndjson streams progress lines and then
// the result (or an error), so the web wizard can show how far a long import has come.
import { execFile } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Json, type TestApi } from '../../../test/helpers/api.ts';
import { streamProgress } from './progress-stream.ts';

let api: TestApi;
let token: string;

beforeAll(async () => {
  api = await startApi();
  const manager = await api.as('manager');
  token = (await manager.post('/api/auth/tokens', { name: 'progress test' })).body.token;
});
afterAll(() => api.close());

type Line =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; [key: string]: Json }
  | { type: 'error'; status: number; error: Json };

/** A CSV of companies with account numbers from `first`; `change` may rewrite a line by its line number. */
function companies(first: number, rows: number, change: (line: number, cells: string[]) => string[] = (_, cells) => cells): string {
  const lines = ['Account number;Name;City'];
  for (let i = 0; i < rows; i++) lines.push(change(i + 2, [String(first + i), `Firma ${first + i} A/S`, 'Odense']).join(';'));
  return lines.join('\n');
}

async function multipart(file: string, dryRun: 'true' | 'false') {
  const body = new FormData();
  body.append('file', new Blob([Buffer.from(file, 'utf8')]), 'companies.csv');
  body.append('dryRun', dryRun);
  const request = new Request('http://localhost/', { method: 'POST', body });
  return { type: request.headers.get('content-type') ?? '', payload: Buffer.from(await request.arrayBuffer()) };
}

async function upload(file: string, options: { dryRun?: 'true' | 'false'; accept?: string; auth?: string } = {}) {
  const form = await multipart(file, options.dryRun ?? 'false');
  const response = await api.app.inject({
    method: 'POST',
    url: '/api/import/companies',
    headers: {
      authorization: options.auth ?? `Bearer ${token}`,
      'content-type': form.type,
      ...(options.accept ? { accept: options.accept } : {}),
    },
    payload: form.payload,
  });
  return { status: response.statusCode, type: String(response.headers['content-type']), text: response.body };
}

const linesOf = (text: string): Line[] => {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Line);
};

const count = async () =>
  Number(
    (
      await api.database.db
        .selectFrom('companies')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const accountsFrom = async (first: number, last: number) =>
  Number(
    (
      await api.database.db
        .selectFrom('companies')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('accountNumber', '>=', String(first))
        .where('accountNumber', '<=', String(last))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The progress lines rise, come before the one last line, and end at every row. */
function expectProgress(lines: Line[], rows: number) {
  const progress = lines.slice(0, -1);
  expect(progress.every((line) => line.type === 'progress')).toBe(true);
  expect(progress.length).toBeGreaterThanOrEqual(2);
  const reports = progress as Extract<Line, { type: 'progress' }>[];
  for (let i = 1; i < reports.length; i++) {
    expect(reports[i]!.done).toBeGreaterThanOrEqual(reports[i - 1]!.done);
    expect(reports[i]!.total).toBeGreaterThanOrEqual(reports[i - 1]!.total);
  }
  expect(reports[0]!.done).toBe(2000);
  expect(reports.at(-1)).toEqual({ type: 'progress', done: rows, total: rows });
}

describe('import progress as NDJSON (L-7)', () => {
  it('streams progress and then the same result as the JSON answer', async () => {
    const file = companies(100_001, 5000);
    const plain = await upload(file, { dryRun: 'true' });
    expect(plain.type).toContain('application/json');
    const expected = JSON.parse(plain.text);
    expect(expected).toMatchObject({ rows: 5000, created: 5000, errors: [], dryRun: true });

    const dry = await upload(file, { dryRun: 'true', accept: 'application/x-ndjson' });
    expect(dry.status).toBe(200);
    expect(dry.type).toMatch(/^application\/x-ndjson/);
    const lines = linesOf(dry.text);
    expectProgress(lines, 5000);
    expect(lines.at(-1)).toEqual({ type: 'result', ...expected });

    const before = await count();
    const real = linesOf((await upload(file, { accept: 'application/json, application/x-ndjson' })).text);
    expectProgress(real, 5000);
    expect(real.at(-1)).toEqual({ ...expected, type: 'result', dryRun: false });
    expect(await count()).toBe(before + 5000);
  });

  it('ends with a result listing the row errors and writes nothing, not even the batches before them', async () => {
    const before = await count();
    const file = companies(200_001, 4500, (line, cells) => (line === 4000 ? [cells[0]!, '', 'Odense'] : cells));
    const lines = linesOf((await upload(file, { accept: 'application/x-ndjson' })).text);
    expectProgress(lines, 4500);
    const result = lines.at(-1);
    expect(result).toMatchObject({ type: 'result', rows: 4500, dryRun: false });
    expect(result?.type === 'result' && result.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [4000, 'name'],
    ]);
    expect(await count()).toBe(before);
    expect(await accountsFrom(200_001, 204_500)).toBe(0);
  });

  it('ends with an error line when the import fails after the first line, and rolls back', async () => {
    // a database failure in the second batch, after the first batch was written and reported
    await sql`CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.name = 'Boom A/S' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$`.execute(
      api.database.db,
    );
    await sql`CREATE TRIGGER refuse_boom BEFORE INSERT ON companies FOR EACH ROW EXECUTE FUNCTION refuse_boom()`.execute(api.database.db);
    try {
      const before = await count();
      const file = companies(300_001, 4000, (line, cells) => (line === 3000 ? [cells[0]!, 'Boom A/S', 'Odense'] : cells));
      const answer = await upload(file, { accept: 'application/x-ndjson' });
      expect(answer.status).toBe(200);
      const lines = linesOf(answer.text);
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines.slice(0, -1).every((line) => line.type === 'progress')).toBe(true);
      expect(lines.filter((line) => line.type === 'result')).toEqual([]);
      expect(lines.at(-1)).toEqual({ type: 'error', status: 500, error: { code: 'INTERNAL', message: expect.any(String) } });
      expect(await count()).toBe(before);
      expect(await accountsFrom(300_001, 304_000)).toBe(0);
    } finally {
      await sql`DROP TRIGGER refuse_boom ON companies`.execute(api.database.db);
      await sql`DROP FUNCTION refuse_boom()`.execute(api.database.db);
    }
  });

  it('answers errors found before the first line as plain JSON', async () => {
    const badMapping = await upload('Colour;Shoe size\nred;42\n', { accept: 'application/x-ndjson' });
    expect(badMapping.status).toBe(400);
    expect(badMapping.type).toContain('application/json');
    expect(JSON.parse(badMapping.text).error.fields).toHaveProperty('mapping');

    const seller = await api.as('seller');
    const sellerToken = (await seller.post('/api/auth/tokens', { name: 's' })).body.token;
    const refused = await upload(companies(400_001, 3), { accept: 'application/x-ndjson', auth: `Bearer ${sellerToken}` });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text).error.code).toBe('FORBIDDEN');
  });

  it('a small file still answers a progress line and the result', async () => {
    const lines = linesOf((await upload(companies(500_001, 3), { dryRun: 'true', accept: 'application/x-ndjson' })).text);
    expect(lines).toEqual([
      { type: 'progress', done: 3, total: 3 },
      {
        type: 'result',
        rows: 3,
        created: 3,
        updated: 0,
        skipped: 0,
        errors: [],
        mapping: { 'Account number': 'accountNumber', Name: 'name', City: 'city' },
        encoding: 'UTF-8',
        ignoredColumns: [],
        dryRun: true,
      },
    ]);
  });

  it('finishes the import when the client goes away after the first line', async () => {
    const address = await api.app.listen({ port: 0, host: '127.0.0.1' });
    const rows = 20_000;
    const before = await count();
    const form = await multipart(companies(600_001, rows), 'false');
    // node:http rather than fetch: one connection, closed by us after the first line
    const first = await new Promise<string>((resolve, reject) => {
      const request = httpRequest(`${address}/api/import/companies`, {
        method: 'POST',
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/x-ndjson',
          'content-type': form.type,
          'content-length': form.payload.length,
        },
      });
      request.on('response', (response) => {
        response.once('data', (chunk: Buffer) => {
          request.destroy();
          resolve(chunk.toString('utf8'));
        });
      });
      request.on('error', reject);
      request.end(form.payload);
    });
    expect(JSON.parse(first.split('\n')[0]!)).toMatchObject({ type: 'progress', done: 2000, total: rows });

    // the transaction goes on to its commit; the database is not left waiting on it
    let imported = 0;
    for (let waited = 0; waited < 60_000 && imported < rows; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      imported = await accountsFrom(600_001, 600_000 + rows);
    }
    expect(imported).toBe(rows);
    expect(await count()).toBe(before + rows);
  }, 90_000);
});

describe('streamProgress', () => {
  it('sends the first and the last of many quick reports, not every one', async () => {
    const app = Fastify();
    app.get('/', (request, reply) =>
      streamProgress(request, reply, (onProgress) => {
        for (let done = 1; done <= 1000; done++) onProgress(done, 1000);
        return Promise.resolve({ rows: 1000 });
      }),
    );
    const answer = await app.inject({ method: 'GET', url: '/' });
    expect(linesOf(answer.body)).toEqual([
      { type: 'progress', done: 1, total: 1000 },
      { type: 'progress', done: 1000, total: 1000 },
      { type: 'result', rows: 1000 },
    ]);
    await app.close();
  });

  it('always sends the step to rebuilding indexes, however soon after the last report', async () => {
    const app = Fastify();
    app.get('/', (request, reply) =>
      streamProgress(request, reply, (onProgress) => {
        for (let done = 1; done <= 500; done++) onProgress(done, 500);
        onProgress(500, 500, 'indexes');
        return Promise.resolve({ rows: 500 });
      }),
    );
    const answer = await app.inject({ method: 'GET', url: '/' });
    expect(linesOf(answer.body)).toEqual([
      { type: 'progress', done: 1, total: 500 },
      { type: 'progress', done: 500, total: 500, step: 'indexes' },
      { type: 'result', rows: 500 },
    ]);
    await app.close();
  });

  it('sends each line at once, also while the work keeps the event loop busy', async () => {
    const app = Fastify();
    app.get('/', (request, reply) =>
      streamProgress(request, reply, async (onProgress) => {
        // rows checked in memory: only microtasks, never a turn of the event loop
        const busy = async (ms: number) => {
          for (const until = Date.now() + ms; Date.now() < until;) await Promise.resolve();
        };
        await busy(50);
        onProgress(2000, 4000);
        await busy(500);
        return { rows: 4000 };
      }),
    );
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    // the client in a process of its own: in this one it could not read while the work runs
    const client = `require('node:http').get(${JSON.stringify(address)}, (response) => response.on('data', (chunk) => console.log(JSON.stringify({ at: Date.now(), text: chunk.toString() }))))`;
    const output = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['-e', client], (error, stdout) =>
        error ? reject(new Error(error.message, { cause: error })) : resolve(stdout),
      );
    });
    const arrivals = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { at: number; text: string });
    await app.close();
    expect(linesOf(arrivals.map((chunk) => chunk.text).join(''))).toEqual([
      { type: 'progress', done: 2000, total: 4000 },
      { type: 'result', rows: 4000 },
    ]);
    expect(arrivals[0]!.text).toBe('{"type":"progress","done":2000,"total":4000}\n');
    expect(arrivals.at(-1)!.at - arrivals[0]!.at).toBeGreaterThanOrEqual(400);
  });
});
