// Issue 4 benchmark: p50/p95 of list pages, filtered lists, text search, the selection summary and a
// 100 000-row XLSX export, each through the API (in-process Fastify) and as the same SQL sent
// straight through `pg` (the statements the request ran, captured and replayed on one connection).
//   DATABASE_URL=postgres://… npx tsx bench/run.ts [--pglite <data dir>] [--runs 30] [--warmup 100] [--only <name part>|export] [--export-rows 20000,100000] [--explain] [--out bench/results.json]
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../src/db/connect.ts';
import { encodeCursor } from '../src/db/paging.ts';
import { buildServer } from '../src/server.ts';
import { hashSecret } from '../src/domain/auth/tokens.ts';
import { benchEmail } from './bench-data.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const runs = Number(option('runs', '30'));
// requests per scenario before the measured ones: a server that has been running has compiled its hot
// paths (with 3, the last of those sub-millisecond requests still ran code V8 had not optimised yet)
const warmup = Number(option('warmup', '100'));
const only = option('only', '');
const url = process.env.DATABASE_URL;
const pgliteDir = option('pglite', '');
if (!url && !pgliteDir)
  throw new Error('set DATABASE_URL to the PostgreSQL server filled by bench/generate.ts, or give --pglite <data dir>');

// Every statement a request sends goes through pg.Client#query: capture them to replay them raw.
type Statement = { text: string; values: unknown[] };
let captured: Statement[] | null = null;
const originalQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function capture(this: pg.Client, ...queryArgs: unknown[]) {
  const [config, values] = queryArgs as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
  if (captured) {
    const text = typeof config === 'string' ? config : config.text;
    captured.push({ text, values: (typeof config === 'string' ? values : config.values) ?? [] });
  }
  return originalQuery.apply(this, queryArgs);
} as typeof pg.Client.prototype.query;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: Number(percentile(sorted, 50).toFixed(2)), p95: Number(percentile(sorted, 95).toFixed(2)) };
};

async function main() {
  const database = pgliteDir
    ? await openDatabase({ mode: 'pglite', dataDir: pgliteDir })
    : await openDatabase({ mode: 'postgres', url: url as string, maxConnections: 4 });
  const app = await buildServer({ database, webDir: null, config: { timeZone: 'Europe/Copenhagen' } });
  await app.ready();
  const manager = await database.db.selectFrom('users').select('id').where('email', '=', benchEmail(2)).executeTakeFirstOrThrow();
  const token = `bench-${Date.now()}`;
  await database.db
    .insertInto('apiTokens')
    .values({ userId: manager.id, name: 'bench', tokenHash: hashSecret(token) })
    .execute();
  const headers = { authorization: `Bearer ${token}` };
  // PGlite is one session: the replay goes through the app's own single connection
  const client = pgliteDir ? null : new pg.Client({ connectionString: url });
  await client?.connect();
  const raw = {
    query: <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
      client ? client.query<R>(text, values) : database.pool.query<R>(text, values),
    end: async () => client?.end(),
  };

  const owner = (await raw.query<{ owner_id: number }>('SELECT owner_id FROM opportunities GROUP BY 1 ORDER BY count(*) DESC LIMIT 1'))
    .rows[0]?.owner_id;
  const middle = (
    await raw.query<{ id: number; number: number }>(
      'SELECT id, number FROM opportunities ORDER BY number DESC OFFSET (SELECT count(*) / 2 FROM opportunities) LIMIT 1',
    )
  ).rows[0];
  const deepCursor = encodeCursor({ field: 'number', direction: 'desc' }, String(middle?.number ?? 1), middle?.id ?? 1);
  const scenarios: [string, string][] = [
    ['first page', '/api/opportunities?limit=50'],
    ['deep page (cursor at the middle)', `/api/opportunities?limit=50&cursor=${deepCursor}`],
    [
      'filtered: status + owner + amount range',
      `/api/opportunities?limit=50&status=open&ownerId=${owner}&amount.gte=50000&amount.lte=500000`,
    ],
    ['sorted by amount, largest first', '/api/opportunities?limit=50&sort=-amount&status=open'],
    ['text search, contains (q=fjord)', '/api/opportunities?limit=50&q=fjord'],
    ['text search, contains (title=lagerstyring)', '/api/opportunities?limit=50&title=lagerstyring'],
    ['text search, starts with (q=serviceavtale%)', `/api/opportunities?limit=50&q=${encodeURIComponent('serviceavtale%')}`],
    ['initial letter (letter=Ø)', `/api/opportunities?limit=50&letter=${encodeURIComponent('Ø')}`],
    ['summary, whole table', '/api/opportunities/summary'],
    ['summary, one owner open', `/api/opportunities/summary?ownerId=${owner}&status=open`],
    [
      'list + summary=true, filtered',
      `/api/opportunities?limit=50&summary=true&status=open&decisionDate.gte=2026-01-01&decisionDate.lte=2026-12-31`,
    ],
    ['companies: q=fjord', '/api/companies?limit=50&q=fjord'],
    ['contacts: letter=Ø', `/api/contacts?limit=50&letter=${encodeURIComponent('Ø')}`],
    ['contacts: q=hansen (by last name)', '/api/contacts?limit=50&q=hansen'],
    ['opportunities: q=fjord sorted by title', '/api/opportunities?limit=50&q=fjord&sort=title'],
    [
      'activities: owner, open, due range',
      `/api/activities?limit=50&ownerId=${owner}&done=false&dueDate.gte=2026-06-01&dueDate.lte=2026-09-30`,
    ],
  ];

  const results: Record<string, unknown>[] = [];
  for (const [name, path] of scenarios) {
    if (only && !name.includes(only)) continue;
    const apiTimes: number[] = [];
    const sqlTimes: number[] = [];
    let statements: Statement[] = [];
    for (let i = 0; i < runs + warmup; i++) {
      captured = [];
      const started = performance.now();
      const response = await app.inject({ method: 'GET', url: path, headers });
      const elapsed = performance.now() - started;
      statements = captured;
      captured = null;
      if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${response.body}`);
      const sqlStarted = performance.now();
      for (const statement of statements) await raw.query(statement.text, statement.values);
      const sqlElapsed = performance.now() - sqlStarted;
      if (i >= warmup) {
        apiTimes.push(elapsed);
        sqlTimes.push(sqlElapsed);
      }
    }
    if (args.includes('--explain')) {
      for (const statement of statements.filter(
        (s) => /opportunities|companies|contacts|activities/.test(s.text) && !/api_tokens/.test(s.text) && !/^\s*EXPLAIN/i.test(s.text),
      )) {
        const plan = await raw.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
        console.log(
          `--- ${name}\n${statement.text}\n${JSON.stringify(statement.values)}\n${plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}`,
        );
      }
    }
    const api = stats(apiTimes);
    const sql = stats(sqlTimes);
    const row = { name, path, api, sql, ratioP50: Number((api.p50 / sql.p50).toFixed(2)), statements: statements.length };
    results.push(row);
    console.log(
      `${name.padEnd(46)} API p50 ${String(api.p50).padStart(7)} p95 ${String(api.p95).padStart(7)} ms | SQL p50 ${String(sql.p50).padStart(7)} p95 ${String(sql.p95).padStart(7)} ms | ×${row.ratioP50}`,
    );
  }

  // 100 000-row XLSX over real HTTP (the body is read and dropped), with peak RSS sampled every 20 ms
  if (!only || only === 'export') {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    for (const rows of option('export-rows', '20000,100000').split(',').map(Number)) {
      global.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 20);
      captured = [];
      const started = performance.now();
      const response = await fetch(`${address}/api/opportunities/export?format=xlsx&number.lte=${rows}&sort=number`, { headers });
      let bytes = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
      const elapsed = performance.now() - started;
      clearInterval(sampler);
      const statements = captured;
      captured = null;
      const sqlStarted = performance.now();
      for (const statement of statements) await raw.query(statement.text, statement.values);
      const sqlElapsed = performance.now() - sqlStarted;
      const row = {
        name: `XLSX export ${rows} rows`,
        seconds: Number((elapsed / 1000).toFixed(2)),
        sqlSeconds: Number((sqlElapsed / 1000).toFixed(2)),
        megabytes: Number((bytes / 1e6).toFixed(1)),
        rssBeforeMb: Math.round(before / 1e6),
        rssPeakMb: Math.round(peak / 1e6),
        batches: statements.length,
      };
      results.push(row);
      console.log(JSON.stringify(row));
    }
  }

  writeFileSync(option('out', 'bench/results.json'), `${JSON.stringify({ date: new Date().toISOString(), runs, results }, null, 2)}\n`);
  await raw.query('DELETE FROM api_tokens WHERE token_hash = $1', [hashSecret(token)]);
  await raw.end();
  await app.close();
  await database.close();
}

await main();
