// Foundation issue point 3: in PGlite mode the database works in its own thread, so the HTTP
// server keeps answering while a heavy query runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { buildTestServer } from '../helpers/api.ts';
import type { Database } from '../../src/db/connect.ts';
import { freshDatabase } from '../helpers/database.ts';

let database: Database;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  database = await freshDatabase();
  await sql`CREATE TABLE heavy AS SELECT g AS n, md5(g::text) AS s FROM generate_series(1, 200000) g`.execute(database.db);
  app = await buildTestServer({ database, webDir: null });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the database never blocks the HTTP thread', () => {
  it('answers /api/health in under 50 ms while an aggregate over 200 000 rows runs', async () => {
    // warm the client's keep-alive connection, so what is measured is the server, not a TCP handshake
    for (let i = 0; i < 3; i += 1) expect((await fetch(`${base}/api/health`)).status).toBe(200);
    let heavyDone = false;
    const started = performance.now();
    const heavy = sql<{ total: number }>`
      SELECT sum(length(md5(h.s || r.k::text)))::bigint AS total
      FROM heavy h CROSS JOIN generate_series(1, 8) AS r(k)`
      .execute(database.db)
      .then((result) => {
        heavyDone = true;
        return result;
      });
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the query get going

    const latencies: number[] = [];
    for (let i = 0; i < 5 && !heavyDone; i += 1) {
      const t0 = performance.now();
      const response = await fetch(`${base}/api/health`);
      latencies.push(performance.now() - t0);
      expect(response.status).toBe(200);
    }
    const stillRunning = !heavyDone;
    const result = await heavy;
    const heavyMs = performance.now() - started;

    expect(Number(result.rows[0]?.total)).toBe(200000 * 8 * 32);
    // the heavy query must really have been running during the health checks, or the test proves nothing
    expect(stillRunning, `heavy query took only ${Math.round(heavyMs)} ms`).toBe(true);
    expect(latencies.length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...latencies), `health latencies ${latencies.map(Math.round).join(', ')} ms`).toBeLessThan(50);
  });
});
