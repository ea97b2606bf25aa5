// Issue 19 point 5: what each of the three speed tricks saves over the plain way, on the demo data.
//   npx tsx bench/speed-tricks.ts [--rounds 9] [--only compile|camel|serialize|request]
// - compile: db/compile-once.ts (a query compiled once, its values put into the parameters) against
//   building and compiling the Kysely query on every call, as every other query does. Measured on a
//   Kysely whose driver answers nothing (the client's own cost) and against the embedded database.
// - camel: db/camel-case-rows.ts (a copy function made by `new Function` once per column list) against
//   Kysely's CamelCasePlugin and against a plain loop over the column names mapped once per result.
// - serialize: api/serialize-response.ts (fast-json-stringify from the route's schema) against
//   fastify-type-provider-zod's serializer (parse with zod, then JSON.stringify) and JSON.stringify alone.
// - request: whole GET requests through the app in-process, to set the savings against.
// Cases run in rounds, alternating, each round a fixed number of calls; the first round is warm-up.
// A round's time is the process's CPU time (process.cpuUsage: every thread, the database's worker too),
// which a busy machine changes less than wall time; wall time is printed beside it. Numbers: median
// µs per call over the rounds, min–max of the rounds in brackets. On a shared machine both move with
// the load (a busy neighbour slows the caches too), so the last column compares within each round:
// the plain way's CPU time divided by this case's, the median of the rounds' quotients.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { CamelCasePlugin, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import type { Compilable, QueryResult, UnknownRow } from 'kysely';
import type { z } from 'zod';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { CamelCaseRowsPlugin } from '../src/db/camel-case-rows.ts';
import { compileOnce, compilePerShape } from '../src/db/compile-once.ts';
import { CONTACT_SORTS } from '../src/db/contacts.ts';
import { pagePart, type PagePart, type Sort, type SortColumn } from '../src/db/paging.ts';
import type { DB, Db } from '../src/db/schema.ts';
import { loadDemoData } from '../src/domain/demo/load-demo.ts';
import { hashSecret } from '../src/domain/auth/tokens.ts';
import { buildServer } from '../src/server.ts';
import { createResponseSerializer } from '../src/api/serialize-response.ts';
import { page } from '../src/api/common.ts';
import { opportunitySchema, summarySchema } from '../src/api/opportunities/schema.ts';
import { contactSchema } from '../src/api/contacts/schema.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const rounds = Number(option('rounds', '9'));
const only = option('only', '');
const wanted = (part: string) => !only || only === part;

// plain: the index of the case this one is compared with (the plain way), in the same list
type Case = { name: string; calls: number; run: () => unknown; plain?: number };
type Result = { name: string; cpu: number[]; wall: number[] };

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const fmt = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

/** Runs the cases alternately, `rounds` times after one warm-up round; the order rotates each round. */
async function measure(title: string, cases: Case[]): Promise<Result[]> {
  const results: Result[] = cases.map((c) => ({ name: c.name, cpu: [], wall: [] }));
  for (let round = 0; round <= rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const index = (k + round) % cases.length;
      const c = cases[index] as Case;
      const result = results[index] as Result;
      const cpu = cpuNow();
      const wall = performance.now();
      for (let i = 0; i < c.calls; i++) {
        const value = c.run();
        if (value instanceof Promise) await value;
      }
      if (round === 0) continue;
      result.wall.push(((performance.now() - wall) * 1000) / c.calls);
      result.cpu.push((cpuNow() - cpu) / c.calls);
    }
  }
  console.log(`\n${title}\n| case | CPU µs/call | wall µs/call | plain ÷ this (CPU) |\n| --- | ---: | ---: | ---: |`);
  const span = (values: number[]) => `${fmt(median(values))} (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})`;
  results.forEach((r, i) => {
    const plain = cases[i]?.plain;
    const base = plain === undefined ? undefined : results[plain];
    const ratio = base ? span(r.cpu.map((cpu, round) => (base.cpu[round] as number) / cpu)) : '';
    console.log(`| ${r.name} | ${span(r.cpu)} | ${span(r.wall)} | ${ratio} |`);
  });
  return results;
}

// ---- the data: the demo data in the embedded database, as `trakt serve` runs it
const database = await openDatabase({ mode: 'pglite' });
await migrateToLatest(database.db);
await loadDemoData({ db: database.db, today: '2026-06-01' });
const app = await buildServer({ database, webDir: null, checkResponses: false, config: { timeZone: 'Europe/Copenhagen' } });
await app.ready();
const manager = await database.db.selectFrom('users').select('id').where('role', '=', 'manager').orderBy('id').executeTakeFirstOrThrow();
const token = randomBytes(16).toString('hex');
await database.db
  .insertInto('apiTokens')
  .values({ userId: manager.id, name: 'bench', tokenHash: hashSecret(token) })
  .execute();
const headers = { authorization: `Bearer ${token}` };
const letter = (
  await database.db
    .selectFrom('contacts')
    .select(sql<string>`left(last_name, 1)`.as('l'))
    .executeTakeFirstOrThrow()
).l;
const paths = {
  opportunities: '/api/opportunities?limit=50',
  opportunity: '',
  contacts: `/api/contacts?limit=50&letter=${encodeURIComponent(letter)}`,
};
const firstOpportunity = await database.db.selectFrom('opportunities').select('id').orderBy('id').executeTakeFirstOrThrow();
paths.opportunity = `/api/opportunities/${firstOpportunity.id}`;
const get = async (path: string) => {
  const response = await app.inject({ method: 'GET', url: path, headers });
  if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${response.body}`);
  return response;
};
const bodyOf = async (path: string): Promise<unknown> => JSON.parse((await get(path)).body);
console.log(
  `Node ${process.version}; load average ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; ${rounds} rounds`,
);

// ---- compile-once
if (wanted('compile')) {
  // the token look-up of db/auth.ts and the contact page of db/contacts.ts, as they are written there
  const actorColumns = [
    'users.id',
    'users.name',
    'users.initials',
    'users.email',
    'users.role',
    'users.regionId',
    'users.departmentId',
    'users.language',
    'users.active',
    'users.version',
    'users.createdAt',
    'users.updatedAt',
  ] as const;
  const buildTokenUser = (db: Db, tokenHash: string) =>
    db
      .selectFrom('apiTokens')
      .innerJoin('users', 'users.id', 'apiTokens.userId')
      .select(actorColumns)
      .select(['apiTokens.id as tokenId', 'apiTokens.lastUsedAt'])
      .where('apiTokens.tokenHash', '=', tokenHash)
      .where('apiTokens.revokedAt', 'is', null)
      .where('users.active', '=', true);
  type PageValues = { letter: string; cursorValue: string | null | undefined; cursorId: number | undefined; limit: number };
  let builds = 0;
  const buildContactPage = (db: Db, shape: { sort: Sort; part: PagePart }, v: PageValues) => {
    builds++;
    const column = CONTACT_SORTS[shape.sort.field] as SortColumn;
    const cursor = v.cursorId === undefined ? null : { v: v.cursorValue ?? null, id: v.cursorId };
    const { where, order } = pagePart(column, sql`p.id`, shape.sort, shape.part, cursor);
    return db
      .selectFrom('contacts as p')
      .innerJoin('companies as c', 'c.id', 'p.companyId')
      .leftJoin('users as editor', 'editor.id', 'p.updatedBy')
      .selectAll('p')
      .select(['c.name as companyName', 'c.ownerId as companyOwnerId', 'editor.initials as updatedByInitials'])
      .where('p.deletedAt', 'is', null)
      .select(sql<string | null>`(${column.expr})::text`.as('sortKey'))
      .where(sql<boolean>`(p.deleted_at IS NULL AND lower(p.last_name) LIKE ${v.letter})`)
      .where(where)
      .orderBy(order)
      .limit(v.limit);
  };
  const plain =
    <A extends unknown[], R>(build: (db: Db, ...a: A) => Compilable<R>) =>
    (db: Db, ...a: A): Promise<QueryResult<R>> =>
      db.executeQuery(build(db, ...a));
  const tokenOnce = compileOnce(buildTokenUser);
  const tokenPlain = plain(buildTokenUser);
  const pageOnce = compilePerShape(buildContactPage);
  const pagePlain = plain(buildContactPage);
  const shape = { sort: { field: 'lastName', direction: 'asc' } as Sort, part: 'rows' as PagePart };
  const values: PageValues = { letter: `${letter.toLowerCase()}%`, cursorValue: undefined, cursorId: undefined, limit: 51 };
  const tokenHash = hashSecret(token);
  await pageOnce(database.db, shape, values);
  const before = builds;
  await pageOnce(database.db, shape, values);
  if (builds !== before) throw new Error('compilePerShape built the contact page again: the benchmark would measure its fallback');

  // the client's own cost: a Kysely like the app's whose driver sends nothing
  const idle = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    plugins: [new CamelCaseRowsPlugin()],
  });
  await measure('compile-once, the client alone (a driver that sends nothing)', [
    { name: 'token look-up, built and compiled each call (plain)', calls: 5_000, run: () => tokenPlain(idle, tokenHash) },
    { name: 'token look-up, compileOnce', calls: 5_000, run: () => tokenOnce(idle, tokenHash), plain: 0 },
    { name: 'contact page, built and compiled each call (plain)', calls: 3_000, run: () => pagePlain(idle, shape, values) },
    { name: 'contact page, compilePerShape', calls: 3_000, run: () => pageOnce(idle, shape, values), plain: 2 },
  ]);
  const same =
    JSON.stringify((await tokenPlain(database.db, tokenHash)).rows) === JSON.stringify((await tokenOnce(database.db, tokenHash)).rows);
  if (!same) throw new Error('compileOnce answered other rows than the plain query');
  await measure('compile-once, against the embedded database (PGlite worker, over its socket)', [
    { name: 'token look-up, plain', calls: 300, run: () => tokenPlain(database.db, tokenHash) },
    { name: 'token look-up, compileOnce', calls: 300, run: () => tokenOnce(database.db, tokenHash), plain: 0 },
    { name: 'contact page (50 rows), plain', calls: 100, run: () => pagePlain(database.db, shape, values) },
    { name: 'contact page (50 rows), compilePerShape', calls: 100, run: () => pageOnce(database.db, shape, values), plain: 2 },
  ]);
}

// ---- camel-case-rows
if (wanted('camel')) {
  // the rows pg hands over for the opportunity page and the token look-up: the request's statements,
  // captured and sent again through the pool without Kysely
  const statements: { text: string; values: unknown[] }[] = [];
  const descriptor = Object.getOwnPropertyDescriptor(pg.Client.prototype, 'query') as PropertyDescriptor;
  const originalQuery = descriptor.value as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function capture(this: pg.Client, ...a: unknown[]) {
    const [config, values] = a as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    if (typeof config === 'string') statements.push({ text: config, values: values ?? [] });
    else statements.push({ text: config.text, values: config.values ?? [] });
    return originalQuery.apply(this, a);
  } as typeof pg.Client.prototype.query;
  await get(paths.opportunities);
  Object.defineProperty(pg.Client.prototype, 'query', descriptor);
  const raw: QueryResult<UnknownRow>[] = [];
  for (const s of statements) raw.push({ rows: (await database.pool.query(s.text, s.values)).rows as UnknownRow[] });
  const byRows = [...raw].sort((a, b) => b.rows.length - a.rows.length);
  const pageResult = byRows[0] as QueryResult<UnknownRow>;
  const tokenResult = raw.find((r) => r.rows.length === 1 && 'token_id' in (r.rows[0] as UnknownRow)) ?? byRows.at(-1);
  if (!tokenResult) throw new Error('the opportunity page sent no statement');
  const batch = { rows: Array.from({ length: 2_000 }, (_, i) => ({ ...(pageResult.rows[i % pageResult.rows.length] as UnknownRow) })) };

  // the plain way without Kysely's per-key look-ups: the names mapped once per result, then a loop
  class PlainLoopPlugin extends CamelCasePlugin {
    override transformResult(a: { result: QueryResult<UnknownRow> }): Promise<QueryResult<UnknownRow>> {
      const { rows } = a.result;
      const first = rows[0];
      if (!first) return Promise.resolve(a.result);
      const columns = Object.keys(first);
      const names = columns.map((c) => this.camelCase(c));
      const mapped = new Array<UnknownRow>(rows.length);
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r] as UnknownRow;
        const out: UnknownRow = {};
        for (let i = 0; i < columns.length; i++) {
          const v = row[columns[i] as string];
          out[names[i] as string] = v !== null && typeof v === 'object' ? this.mapNested(v) : v;
        }
        mapped[r] = out;
      }
      return Promise.resolve({ ...a.result, rows: mapped });
    }

    private mapNested(value: object): unknown {
      if (Array.isArray(value))
        return value.map((item: unknown) =>
          item !== null && typeof item === 'object' && !(item instanceof Date) ? this.mapRow(item as UnknownRow) : item,
        );
      return value instanceof Date || Buffer.isBuffer(value) ? value : this.mapRow(value as UnknownRow);
    }
  }
  const plugins = { kysely: new CamelCasePlugin(), loop: new PlainLoopPlugin(), trick: new CamelCaseRowsPlugin() };
  const through = (plugin: CamelCasePlugin, result: QueryResult<UnknownRow>) =>
    plugin.transformResult({ result, queryId: { queryId: 'bench' } });
  for (const [name, result] of [
    ['page', pageResult],
    ['batch', batch],
    ['token', tokenResult],
  ] as const) {
    const expected = JSON.stringify((await through(plugins.kysely, result)).rows);
    if (JSON.stringify((await through(plugins.trick, result)).rows) !== expected)
      throw new Error(`CamelCaseRowsPlugin mapped the ${name} otherwise`);
    if (JSON.stringify((await through(plugins.loop, result)).rows) !== expected)
      throw new Error(`the plain loop mapped the ${name} otherwise`);
  }
  const columns = Object.keys(pageResult.rows[0] as UnknownRow).length;
  await measure(
    `camel-case rows: opportunity page (${pageResult.rows.length} rows × ${columns} columns), an export batch (2 000 rows), one row`,
    [
      { name: 'page, Kysely CamelCasePlugin (plain)', calls: 400, run: () => through(plugins.kysely, pageResult) },
      { name: 'page, names once + loop (plain loop)', calls: 400, run: () => through(plugins.loop, pageResult), plain: 0 },
      { name: 'page, CamelCaseRowsPlugin (new Function)', calls: 400, run: () => through(plugins.trick, pageResult), plain: 0 },
      { name: 'batch, Kysely CamelCasePlugin (plain)', calls: 10, run: () => through(plugins.kysely, batch) },
      { name: 'batch, names once + loop (plain loop)', calls: 10, run: () => through(plugins.loop, batch), plain: 3 },
      { name: 'batch, CamelCaseRowsPlugin (new Function)', calls: 10, run: () => through(plugins.trick, batch), plain: 3 },
      { name: 'token row, Kysely CamelCasePlugin (plain)', calls: 10_000, run: () => through(plugins.kysely, tokenResult) },
      { name: 'token row, names once + loop (plain loop)', calls: 10_000, run: () => through(plugins.loop, tokenResult), plain: 6 },
      { name: 'token row, CamelCaseRowsPlugin (new Function)', calls: 10_000, run: () => through(plugins.trick, tokenResult), plain: 6 },
    ],
  );
}

// ---- serialize-response
if (wanted('serialize')) {
  const opportunityPage = page(opportunitySchema).extend({ summary: summarySchema.optional() });
  const routes = [
    {
      name: 'opportunity page (50)',
      schema: opportunityPage as z.ZodType,
      url: '/api/opportunities',
      data: await bodyOf(paths.opportunities),
    },
    {
      name: 'one opportunity',
      schema: opportunitySchema as z.ZodType,
      url: '/api/opportunities/:id',
      data: await bodyOf(paths.opportunity),
    },
    { name: 'contact page (50)', schema: page(contactSchema) as z.ZodType, url: '/api/contacts', data: await bodyOf(paths.contacts) },
  ];
  type Compile = (route: { schema: unknown; method: string; url: string; httpStatus: string }) => (data: unknown) => string;
  const fast = createResponseSerializer({ check: false }) as unknown as Compile;
  const zod = zodSerializerCompiler as unknown as Compile;
  const cases: Case[] = [];
  for (const r of routes) {
    const route = { schema: r.schema, method: 'GET', url: r.url, httpStatus: '200' };
    const byZod = zod(route);
    const byFast = fast(route);
    const usesFast = byFast !== byZod && byFast.toString() !== byZod.toString();
    if (byFast(r.data) !== byZod(r.data)) throw new Error(`${r.name}: the two serializers wrote other JSON`);
    console.log(`${r.name}: ${byZod(r.data).length} bytes of JSON; ${usesFast ? 'fast-json-stringify' : 'the zod serializer (fallback)'}`);
    const calls = r.name.startsWith('one') ? 5_000 : 300;
    cases.push(
      { name: `${r.name}, zod parse + JSON.stringify (plain: fastify-type-provider-zod)`, calls, run: () => byZod(r.data) },
      { name: `${r.name}, JSON.stringify alone`, calls, run: () => JSON.stringify(r.data), plain: cases.length },
      { name: `${r.name}, serialize-response (fast-json-stringify)`, calls, run: () => byFast(r.data), plain: cases.length },
    );
  }
  await measure('response serializers', cases);
}

// ---- whole requests, to set the savings against
if (wanted('request')) {
  await measure('whole requests through the app in-process (app.inject, signed in by API token)', [
    { name: `GET ${paths.opportunities}`, calls: 40, run: () => get(paths.opportunities) },
    { name: 'GET /api/opportunities/:id', calls: 100, run: () => get(paths.opportunity) },
    { name: `GET /api/contacts?limit=50&letter=…`, calls: 60, run: () => get(paths.contacts) },
  ]);
}

await app.close();
await database.close();
