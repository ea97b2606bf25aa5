// Issue 18 point 6: an import over the caps is 413 naming `file` with nothing written, imports run
// one at a time (the second is told it waits, then that it runs), and too many waiting is 429.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { saveSettings } from '../../db/settings.ts';
import { createUser } from '../../domain/users/users.ts';
import { buildTestServer } from '../../../test/helpers/api.ts';
import { freshDatabase } from '../../../test/helpers/database.ts';
import { IMPORT_LIMITS } from './routes.ts';

const folder = mkdtempSync(join(tmpdir(), 'trakt-import-limits-'));
let database: Database;
let app: FastifyInstance;
let token: string;

beforeAll(async () => {
  database = await freshDatabase();
  await saveSettings(database.db, { setupDone: true });
  const limits = { maxFileBytes: 2 * 1024 * 1024, xlsx: { ...IMPORT_LIMITS.xlsx, maxCells: 9_000 }, maxWaiting: 1 };
  app = await buildTestServer({ database, webDir: null, config: { timeZone: 'Europe/Copenhagen', imports: limits } });
  await createUser({
    db: database.db,
    actor: null,
    input: { name: 'Mette Møller', email: 'mette@example.com', password: 'correct horse battery', role: 'manager' },
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'mette@example.com', password: 'correct horse battery' },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const created = await app.inject({
    method: 'POST',
    url: '/api/auth/tokens',
    headers: { cookie, 'x-csrf-token': login.json().csrfToken },
    payload: { name: 'limits' },
  });
  token = created.json().token;
});
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Companies with account numbers from `first`, as an XLSX written the way Excel orders it. */
async function companiesXlsx(first: number, rows: number): Promise<Buffer> {
  const path = join(folder, `companies-${first}.xlsx`);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = book.addWorksheet('Firmaer');
  sheet.addRow(['Kontonr', 'Firmanavn', 'By']).commit();
  for (let i = 0; i < rows; i++) sheet.addRow([String(first + i), `Firma ${first + i} A/S`, 'Odense']).commit();
  await book.commit();
  return readFileSync(path);
}

function companiesCsv(first: number, rows: number): Buffer {
  const lines = ['Kontonr;Firmanavn;By'];
  for (let i = 0; i < rows; i++) lines.push(`${first + i};Firma ${first + i} A/S;Odense`);
  return Buffer.from(lines.join('\n'));
}

async function upload(file: Buffer, options: { dryRun?: 'true' | 'false'; accept?: string; name?: string } = {}) {
  const body = new FormData();
  body.append('file', new Blob([file]), options.name ?? 'firmaer.xlsx');
  body.append('dryRun', options.dryRun ?? 'false');
  const request = new Request('http://localhost/', { method: 'POST', body });
  const response = await app.inject({
    method: 'POST',
    url: '/api/import/companies',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': request.headers.get('content-type') ?? '',
      ...(options.accept ? { accept: options.accept } : {}),
    },
    payload: Buffer.from(await request.arrayBuffer()),
  });
  return { status: response.statusCode, text: response.body };
}

const count = async () =>
  Number(
    (
      await database.db
        .selectFrom('companies')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const lines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; [key: string]: unknown });

describe('caps of an import (issue 18 point 6)', () => {
  it('refuses an XLSX over the cell cap with 413 naming the file, and writes nothing (also streamed)', async () => {
    const file = await companiesXlsx(10_001, 3_500); // 10 503 cells
    const before = await count();
    const answer = await upload(file);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).error).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('9,000 cells'),
      fields: { file: 'has more than 9,000 cells (rows × columns)' },
    });
    expect(await count()).toBe(before);

    // found after the answer began (the first 2 000 rows were checked and reported): the last line says it, with the status it would have had
    const streamed = await upload(await companiesXlsx(30_001, 4_000), { accept: 'application/x-ndjson' });
    expect(streamed.status).toBe(200);
    expect(lines(streamed.text).at(-1)).toMatchObject({
      type: 'error',
      status: 413,
      error: { code: 'PAYLOAD_TOO_LARGE', fields: { file: expect.any(String) } },
    });
    expect(await count()).toBe(before);

    // within the cap it imports
    expect(JSON.parse((await upload(await companiesXlsx(20_001, 1_500))).text)).toMatchObject({ rows: 1_500, created: 1_500, errors: [] });
    expect(await count()).toBe(before + 1_500);
  }, 120_000);

  it('refuses a file over the size cap with 413 naming the file, and writes nothing', async () => {
    const file = companiesCsv(40_001, 80_000);
    expect(file.length).toBeGreaterThan(2 * 1024 * 1024);
    const before = await count();
    const answer = await upload(file, { name: 'firmaer.csv' });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', fields: { file: 'is larger than 2 MB' } });
    expect(await count()).toBe(before);
  });

  // On PGlite (one session) the import's transaction holds the database, so a second request waits
  // already for its sign-in; the queue is met on a PostgreSQL server. (import-queue.test.ts tests the
  // queue itself on both.)
  it.runIf(Boolean(process.env.DATABASE_URL))(
    'runs a second import when the first has finished, telling it that it waits and then that it runs; a third waiting is 429',
    async () => {
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const post = async (file: Buffer, accept = 'application/x-ndjson') => {
        const body = new FormData();
        body.append('file', new Blob([file]), 'firmaer');
        body.append('dryRun', 'true');
        return fetch(`${base}/api/import/companies`, { method: 'POST', headers: { authorization: `Bearer ${token}`, accept }, body });
      };
      /** The answer's lines as they come: the first, then the rest. */
      const reader = (response: Response) => {
        const stream = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        let text = '';
        return {
          async first() {
            while (!text.includes('\n')) text += (await stream.read()).value ?? '';
            return JSON.parse(text.slice(0, text.indexOf('\n')));
          },
          async all() {
            for (let part = await stream.read(); !part.done; part = await stream.read()) text += part.value;
            return lines(text);
          },
        };
      };
      // long enough (several seconds) for the others to come while it runs
      const first = companiesCsv(100_001, 40_000);
      const second = await companiesXlsx(200_001, 100);

      const running = reader(await post(first));
      expect(await running.first()).toMatchObject({ type: 'progress' }); // it runs
      const waiting = reader(await post(second));
      expect(await waiting.first()).toEqual({ type: 'queued', ahead: 1 });
      const refused = await post(second, 'application/json');
      expect(refused.status).toBe(429);
      expect(await refused.json()).toEqual({
        error: { code: 'IMPORT_QUEUE_FULL', message: expect.stringContaining('An import is running') },
      });

      expect((await running.all()).at(-1)).toMatchObject({ type: 'result', rows: 40_000, created: 40_000, errors: [], dryRun: true });
      const rest = await waiting.all();
      expect(rest[0]).toEqual({ type: 'queued', ahead: 1 });
      expect(rest[1]).toEqual({ type: 'running' });
      expect(rest.at(-1)).toMatchObject({ type: 'result', rows: 100, created: 100, errors: [], dryRun: true });
      // and the queue is free again
      expect(JSON.parse((await upload(second, { dryRun: 'true' })).text)).toMatchObject({ rows: 100, created: 100 });
    },
    120_000,
  );
});
