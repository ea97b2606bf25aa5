// Issue 18 point 6: a large XLSX is read as it streams, so the server keeps answering during its
// import and two of them at once hold a bounded heap (loaded whole, as before, 200 000 cells held
// ~100 MB of heap each and the event loop for seconds). In the timing group: it measures latency.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { saveSettings } from '../../src/db/settings.ts';
import { createUser } from '../../src/domain/users/users.ts';
import { buildTestServer } from '../helpers/api.ts';
import { freshDatabase } from '../helpers/database.ts';

const ROWS = 20_000;
const COLUMNS = 10; // 200 000 cells
const folder = mkdtempSync(join(tmpdir(), 'trakt-import-loop-'));
let database: Database;
let app: FastifyInstance;
let base: string;
let token: string;
let file: Buffer;

beforeAll(async () => {
  database = await freshDatabase();
  await saveSettings(database.db, { setupDone: true });
  app = await buildTestServer({ database, webDir: null, config: { timeZone: 'Europe/Copenhagen' } });
  await createUser({ db: database.db, actor: null, input: { name: 'Mette Møller', email: 'mette@example.com', password: 'correct horse battery', role: 'manager' } });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'mette@example.com', password: 'correct horse battery' } });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  token = (await app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { cookie, 'x-csrf-token': login.json().csrfToken }, payload: { name: 'loop' } })).json().token;
  base = await app.listen({ port: 0, host: '127.0.0.1' });

  // written as Excel orders it (the sheet, then its shared strings), with the streaming writer
  const path = join(folder, 'firmaer.xlsx');
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = book.addWorksheet('Firmaer');
  sheet.addRow(['Kontonr', 'Firmanavn', 'By', 'Postnr', 'Land', 'Note 1', 'Note 2', 'Note 3', 'Note 4', 'Note 5']).commit();
  for (let i = 0; i < ROWS; i++) sheet.addRow([String(500_001 + i), `Firma ${i} A/S`, 'Odense', '5000', 'DK', `note ${i}`, i, i * 1.5, 'x', `y ${i % 97}`]).commit();
  await book.commit();
  file = readFileSync(path);
}, 180_000);
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(folder, { recursive: true, force: true });
});

async function dryRun() {
  const body = new FormData();
  body.append('file', new Blob([file]), 'firmaer.xlsx');
  body.append('dryRun', 'true');
  const request = new Request('http://localhost/', { method: 'POST', body });
  const response = await app.inject({
    method: 'POST',
    url: '/api/import/companies',
    headers: { authorization: `Bearer ${token}`, 'content-type': request.headers.get('content-type') ?? '' },
    payload: Buffer.from(await request.arrayBuffer()),
  });
  return { status: response.statusCode, body: response.json() };
}

const expected = { rows: ROWS, created: ROWS, updated: 0, errors: [], dryRun: true };

describe('a large XLSX import and the rest of the server (issue 18 point 6)', () => {
  it('answers other requests in under 200 ms while a 200 000-cell XLSX is dry-run', async () => {
    // On PGlite (one session) the import's transaction holds the database, so what answers during
    // it is a route that needs no database; on a server it is /api/health, which asks the database.
    const probe = `${base}${database.mode === 'pglite' ? '/api/openapi.json' : '/api/health'}`;
    for (let i = 0; i < 3; i += 1) expect((await fetch(probe)).status).toBe(200);
    let done = false;
    const started = performance.now();
    const running = dryRun().finally(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const t0 = performance.now();
      const response = await fetch(probe);
      await response.arrayBuffer();
      if (!done) latencies.push(performance.now() - t0);
      expect(response.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const result = await running;
    const importMs = performance.now() - started;
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject(expected);
    // the import really ran during the checks: the old reader held the event loop this long on its own
    expect(importMs, `import took ${Math.round(importMs)} ms`).toBeGreaterThan(1000);
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...latencies), `latencies ${latencies.map(Math.round).join(', ')} ms`).toBeLessThan(200);
  }, 180_000);

  it('answers two dry runs at once correctly, with the heap growing far less than the sheets loaded whole would take', async () => {
    // what the heap holds, not what garbage it has not collected yet: a full collection before each sample
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const held = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = held();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, held())), 500);
    try {
      const [a, b] = await Promise.all([dryRun(), dryRun()]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body).toMatchObject(expected);
      expect(b.body).toMatchObject(expected);
    } finally {
      clearInterval(sampler);
    }
    // loaded whole (exceljs' Workbook, the reader before), this sheet held ~104 MB of heap: two at once over 200 MB
    const grownMb = (peak - before) / 1024 / 1024;
    expect(grownMb, `heap grew ${Math.round(grownMb)} MB`).toBeLessThan(40);
  }, 180_000);
});
