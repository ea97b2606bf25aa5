// Deterministic benchmark data (issue 4): 200 000 companies, 400 000 contacts, 1 000 000
// opportunities and 5 000 000 activities at --scale 1, loaded with COPY into the PostgreSQL server
// of DATABASE_URL. The same seed and scale always give the same rows.
//   DATABASE_URL=postgres://… npx tsx bench/generate.ts [--scale 0.1] [--reset]
//   npx tsx bench/generate.ts --pglite <data dir> --scale 0.1      (embedded: COPY from a blob)
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { REBUILD_OPPORTUNITY_TOTALS } from '../src/db/migrations/0012-rule-functions.ts';
import { hashPassword } from '../src/domain/auth/password.ts';
import { COUNTRIES, type CountryWords } from '../src/domain/demo/nordic-words.ts';
import { ACTIVITY_SUBJECTS, OPPORTUNITY_DESCRIPTIONS, OPPORTUNITY_TITLES } from '../src/domain/demo/demo-texts.ts';
import { addDays, createRandom, type Random } from '../src/domain/demo/random.ts';
import { BENCH_PASSWORD, BENCH_TODAY, countsAt } from './bench-data.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const scale = Number(option('scale') ?? 1);
const reset = args.includes('--reset');
const url = process.env.DATABASE_URL;
const pgliteDir = option('pglite');
if (!url && !pgliteDir) throw new Error('set DATABASE_URL to the PostgreSQL server to fill, or give --pglite <data dir>');
if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be in (0, 1]');

const COUNTS = countsAt(scale);

const BIG_TABLES = [
  'companies',
  'company_interest_types',
  'contacts',
  'opportunities',
  'opportunity_steps',
  'opportunity_sellers',
  'activities',
  'change_history',
];
const countries: CountryWords[] = [COUNTRIES.DK, COUNTRIES.NO, COUNTRIES.SE];

/** COPY text format: tab-separated, \N for null, backslash escapes. */
function field(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\\\'));
}

/** Where rows go: a PostgreSQL server (COPY FROM STDIN) or PGlite (COPY FROM a blob, its way of COPY). */
type Target = {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  copy(statement: string, lines: Iterable<string>): Promise<void>;
  close(): Promise<void>;
};

async function serverTarget(): Promise<Target> {
  const database = await openDatabase({ mode: 'postgres', url: url as string, maxConnections: 2 });
  await migrateToLatest(database.db);
  const client: pg.PoolClient = await database.pool.connect();
  return {
    query: (text, values = []) => client.query(text, values),
    copy: (statement, lines) => pipeline(Readable.from(lines), client.query(copyFrom(`${statement} FROM STDIN`))),
    async close() {
      client.release();
      await database.close();
    },
  };
}

async function pgliteTarget(dataDir: string): Promise<Target> {
  const migrated = await openDatabase({ mode: 'pglite', dataDir });
  await migrateToLatest(migrated.db);
  await migrated.close();
  const db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  return {
    query: (text, values = []) => db.query<Record<string, unknown>>(text, values),
    copy: async (statement, lines) => {
      await db.query(`${statement} FROM '/dev/blob'`, [], { blob: new Blob([...lines]) });
    },
    close: () => db.close(),
  };
}

async function copy(
  target: Target,
  table: string,
  columns: string[],
  count: number,
  row: (i: number) => (string | number | boolean | null)[],
) {
  const started = Date.now();
  function* lines() {
    const batch: string[] = [];
    for (let i = 1; i <= count; i++) {
      batch.push(row(i).map(field).join('\t'));
      if (batch.length === 5000) yield `${batch.splice(0).join('\n')}\n`;
    }
    if (batch.length) yield `${batch.join('\n')}\n`;
  }
  await target.copy(`COPY ${table} (${columns.join(', ')})`, lines());
  console.log(`  ${table}: ${count} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const money = (random: Random, min: number, max: number) =>
  Math.round(Math.exp(Math.log(min) + random.next() * (Math.log(max) - Math.log(min))) / 100) * 100;
const stampOf = (date: string, random: Random) =>
  `${date} ${String(random.int(7, 17)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00+00`;

async function main() {
  const target = pgliteDir ? await pgliteTarget(pgliteDir) : await serverTarget();
  const q = (text: string, values: unknown[] = []) => target.query(text, values);
  const existing = Number((await q('SELECT count(*) AS n FROM opportunities')).rows[0]?.n);
  if (existing > 0 && !reset) throw new Error(`the database already holds ${existing} opportunities; add --reset to replace all data`);
  const began = Date.now();
  console.log(`generating at scale ${scale}: ${JSON.stringify(COUNTS)}`);

  await q('BEGIN');
  await q(
    `TRUNCATE ${[...BIG_TABLES, 'opportunity_closings', 'saved_views', 'calendar_feeds', 'sessions', 'api_tokens', 'auth_events'].join(', ')} CASCADE`,
  );
  await q("DELETE FROM users WHERE email LIKE '%@bench.trakt'");
  // indexes are built once after loading, which is many times faster than maintaining them row by row
  const indexes = (
    await q(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY($1) AND indexname NOT LIKE '%_pkey'`,
      [BIG_TABLES],
    )
  ).rows as { indexname: string; indexdef: string }[];
  for (const index of indexes) await q(`DROP INDEX ${index.indexname}`);
  // the rows are consistent by construction; skip the per-row foreign-key triggers while loading
  await q('SET LOCAL session_replication_role = replica');

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const users = (
    await q(
      `INSERT INTO users (name, initials, email, password_hash, role)
       SELECT 'Seller ' || g, 'S' || g, 'seller' || g || '@bench.trakt', $1, CASE WHEN g = 1 THEN 'admin' WHEN g <= 3 THEN 'manager' ELSE 'seller' END
       FROM generate_series(1, $2::int) g RETURNING id`,
      [passwordHash, COUNTS.users],
    )
  ).rows.map((r) => Number(r.id));
  const stages = (
    await q(
      `SELECT s.id, s.probability, s.position, s.process_id FROM stages s JOIN sales_processes p ON p.id = s.process_id WHERE p.is_default ORDER BY s.position`,
    )
  ).rows as unknown as {
    id: number;
    probability: number;
    position: number;
    process_id: number;
  }[];
  const processId = stages[0]?.process_id ?? 0;
  const setupIds = async (table: string): Promise<number[]> =>
    (await q(`SELECT id FROM ${table} ORDER BY id`)).rows.map((r) => Number(r.id));
  const industries = await setupIds('industries');
  const targetGroups = await setupIds('target_groups');
  const interestTypes = await setupIds('interest_types');
  const sources = await setupIds('sources');
  const types = await setupIds('opportunity_types');
  const regions = await setupIds('regions');
  const departments = await setupIds('departments');
  const pick = <T>(random: Random, items: T[]) => random.pick(items);

  // companies: country, owner and name parts follow from the row number, so contacts and opportunities can find them again
  const countryOf = (company: number) => countries[company % 3] as CountryWords;
  const companyOwner = (company: number) => users[company % users.length] as number;
  await copy(
    target,
    'companies',
    [
      'id',
      'account_number',
      'name',
      'search_name',
      'status',
      'customer_number',
      'org_number',
      'street',
      'postal_code',
      'city',
      'country',
      'phone',
      'email',
      'owner_id',
      'industry_id',
      'target_group_id',
      'source_id',
      'created_at',
      'created_by',
      'updated_at',
      'updated_by',
    ],
    COUNTS.companies,
    (i) => {
      const random = createRandom(i * 7 + 1);
      const words = countryOf(i);
      const [postal, city] = random.pick(words.cities);
      const name = `${random.pick(words.namePrefixes)}${random.pick(words.nameTrades)} ${random.pick(words.lastNames)} ${random.weighted(words.legalForms)}`;
      const created = addDays(BENCH_TODAY, -random.int(0, 2000));
      const active = random.chance(0.4);
      return [
        i,
        String(10000 + i),
        name,
        name.split(' ')[0]?.toUpperCase() ?? null,
        active ? 'active' : 'prospect',
        active ? String(20000 + i) : null,
        random.chance(0.5) ? String(10000000 + i) : null,
        `${random.pick(words.streets)} ${random.int(1, 120)}`,
        postal,
        city,
        ['DK', 'NO', 'SE'][i % 3] as string,
        null,
        `post@firma${i}.${words.tld}`,
        companyOwner(i),
        pick(random, industries),
        pick(random, targetGroups),
        pick(random, sources),
        stampOf(created, random),
        companyOwner(i),
        stampOf(created, random),
        companyOwner(i),
      ];
    },
  );
  await copy(target, 'company_interest_types', ['company_id', 'interest_type_id'], COUNTS.companies, (i) => [
    i,
    interestTypes[i % interestTypes.length] as number,
  ]);
  // two contacts per company: contact c belongs to company ceil(c / 2)
  const contactCompany = (contact: number) => Math.ceil(contact / 2);
  await copy(
    target,
    'contacts',
    [
      'id',
      'company_id',
      'first_name',
      'last_name',
      'title',
      'email',
      'phone',
      'is_primary',
      'created_at',
      'created_by',
      'updated_at',
      'updated_by',
    ],
    COUNTS.contacts,
    (i) => {
      const random = createRandom(i * 13 + 2);
      const company = contactCompany(i);
      const words = countryOf(company);
      const first = random.pick(words.firstNames);
      const last = random.pick(words.lastNames);
      const created = stampOf(addDays(BENCH_TODAY, -random.int(0, 1500)), random);
      return [
        i,
        company,
        first,
        last,
        random.pick(words.otherTitles),
        `kontakt${i}@firma${company}.${words.tld}`,
        null,
        i % 2 === 1,
        created,
        companyOwner(company),
        created,
        companyOwner(company),
      ];
    },
  );

  const statusOf = (random: Random) =>
    random.weighted([
      ['open', 50],
      ['won', 20],
      ['lost', 25],
      ['expired', 5],
    ] as const);
  const opportunity = (i: number) => {
    const random = createRandom(i * 31 + 3);
    const company = 1 + ((i * 7919) % COUNTS.companies);
    const words = countryOf(company);
    const status = statusOf(random);
    const stage = random.int(0, stages.length - 1);
    const created = addDays(BENCH_TODAY, -random.int(0, 1800));
    return { random, company, words, status, stage, created };
  };
  await copy(
    target,
    'opportunities',
    [
      'id',
      'number',
      'title',
      'description',
      'company_id',
      'contact_id',
      'owner_id',
      'process_id',
      'stage_id',
      'status',
      'probability',
      'probability_mode',
      'amount',
      'currency',
      'actual_amount',
      'margin',
      'decision_date',
      'delivery_date',
      'close_date',
      'follow_up_date',
      'priority',
      'rating',
      'type_id',
      'source_id',
      'region_id',
      'department_id',
      'created_at',
      'created_by',
      'updated_at',
      'updated_by',
      'last_activity_at',
    ],
    COUNTS.opportunities,
    (i) => {
      const { random, company, words, status, stage, created } = opportunity(i);
      const [title] = random.pick(OPPORTUNITY_TITLES[words.language]);
      const amount = random.chance(0.92) ? money(random, 5000, 2_000_000) : null;
      const owner = users[(company + random.int(0, 1)) % users.length] as number;
      const closed = status !== 'open';
      const decision = addDays(created, random.int(14, 240));
      const probability = status === 'won' ? 100 : closed ? 0 : (stages[stage]?.probability ?? 0);
      const updated = stampOf(addDays(created, random.int(0, 200)), random);
      return [
        i,
        i,
        `${title.replace('{year}', created.slice(0, 4))} ${words.namePrefixes[company % words.namePrefixes.length]}`,
        random.chance(0.4) ? random.pick(OPPORTUNITY_DESCRIPTIONS[words.language]) : null,
        company,
        random.chance(0.6) ? company * 2 - 1 : null,
        owner,
        processId,
        stages[stage]?.id ?? null,
        status,
        probability,
        'stage',
        amount,
        words.currency,
        status === 'won' && amount !== null && random.chance(0.7) ? Math.round(amount * (0.8 + random.next() * 0.3)) : null,
        amount === null ? null : Math.round(amount * 0.25),
        decision,
        random.chance(0.3) ? addDays(decision, 30) : null,
        closed ? decision : null,
        !closed && random.chance(0.3) ? addDays(BENCH_TODAY, random.int(-20, 60)) : null,
        random.weighted([
          ['normal', 6],
          ['high', 2],
          ['low', 2],
        ] as const),
        random.chance(0.5) ? random.int(1, 5) : null,
        pick(random, types),
        pick(random, sources),
        pick(random, regions),
        pick(random, departments),
        stampOf(created, random),
        owner,
        updated,
        owner,
        random.chance(0.5) ? updated : null,
      ];
    },
  );
  await copy(target, 'opportunity_sellers', ['opportunity_id', 'user_id', 'share', 'position'], COUNTS.opportunities, (i) => [
    i,
    users[(1 + ((i * 7919) % COUNTS.companies) + (i % 2)) % users.length] as number,
    100,
    1,
  ]);
  const stepCount = COUNTS.opportunities * stages.length;
  await copy(target, 'opportunity_steps', ['opportunity_id', 'stage_id', 'state', 'changed_at'], stepCount, (n) => {
    const i = Math.ceil(n / stages.length);
    const position = (n - 1) % stages.length;
    const current = opportunity(i).stage;
    return [i, stages[position]?.id ?? 0, position < current ? 'done' : 'todo', `${BENCH_TODAY} 00:00:00+00`];
  });

  const kinds = ['call', 'meeting', 'task', 'email_out', 'note'] as const;
  await copy(
    target,
    'activities',
    [
      'id',
      'type',
      'subject',
      'text',
      'due_date',
      'due_time',
      'duration_minutes',
      'done',
      'done_at',
      'owner_id',
      'company_id',
      'contact_id',
      'opportunity_id',
      'created_at',
      'created_by',
      'updated_at',
      'updated_by',
    ],
    COUNTS.activities,
    (i) => {
      const random = createRandom(i * 17 + 5);
      const opportunityId = random.chance(0.5) ? 1 + ((i * 104729) % COUNTS.opportunities) : null;
      const company = opportunityId ? 1 + ((opportunityId * 7919) % COUNTS.companies) : 1 + ((i * 6151) % COUNTS.companies);
      const words = countryOf(company);
      const kind = random.weighted([
        ['call', 35],
        ['meeting', 15],
        ['task', 25],
        ['email_out', 15],
        ['note', 10],
      ] as const) as (typeof kinds)[number];
      const due = addDays(BENCH_TODAY, random.int(-900, 120));
      const done = due < BENCH_TODAY ? random.chance(0.9) : false;
      const owner = companyOwner(company);
      const created = stampOf(addDays(due, -random.int(0, 30)), random);
      return [
        i,
        kind,
        random.pick(ACTIVITY_SUBJECTS[words.language][kind]),
        random.chance(0.3) ? random.pick(OPPORTUNITY_DESCRIPTIONS[words.language]) : null,
        kind === 'note' ? null : due,
        kind === 'meeting' ? `${String(random.int(8, 16)).padStart(2, '0')}:00` : null,
        kind === 'meeting' ? 60 : null,
        done,
        done ? stampOf(due, random) : null,
        owner,
        company,
        random.chance(0.6) ? company * 2 - random.int(0, 1) : null,
        opportunityId,
        created,
        owner,
        created,
        owner,
      ];
    },
  );

  console.log(`  loaded in ${((Date.now() - began) / 1000).toFixed(0)} s; building ${indexes.length} indexes …`);
  await q("SET LOCAL maintenance_work_mem = '1GB'");
  for (const index of indexes) {
    const started = Date.now();
    await q(index.indexdef);
    const seconds = (Date.now() - started) / 1000;
    if (seconds > 5) console.log(`  ${index.indexname}: ${seconds.toFixed(1)} s`);
  }
  // the summary totals are kept by triggers, which COPY with session_replication_role = replica skips
  for (const statement of REBUILD_OPPORTUNITY_TOTALS.split(';')
    .map((t) => t.trim())
    .filter(Boolean))
    await q(statement);
  for (const table of ['companies', 'contacts', 'opportunities', 'activities', 'users']) {
    await q(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  }
  await q('COMMIT');
  const started = Date.now();
  for (const table of BIG_TABLES) await q(`VACUUM (ANALYZE) ${table}`);
  console.log(`  vacuum analyze: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`done in ${((Date.now() - began) / 1000).toFixed(0)} s`);
  await target.close();
}

await main();
