// O-8 parity: each case of the pipeline rule (opportunity_pipeline_value, migration 0012) through the
// two queries the selection summary (L-5) answers from: the totals the triggers keep, and the rows.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/helpers/database.ts';
import type { Database } from './connect.ts';
import { insertOpportunity } from './opportunities.ts';
import { summarizeOpportunities } from './opportunity-summary.ts';
import type { OpportunityStatus } from './schema.ts';

type Case = {
  name: string;
  status: OpportunityStatus;
  amount: number | null;
  probability: number;
  actualAmount: number | null;
  pipelineCents: number;
};

// money as the database holds it (two decimals); the expected pipeline written by hand, in cents
const CASES: Case[] = [
  { name: 'open at its weighted value', status: 'open', amount: 100000, probability: 50, actualAmount: null, pipelineCents: 5_000_000 },
  { name: 'open, a quarter of 1 920 000', status: 'open', amount: 1920000, probability: 25, actualAmount: null, pipelineCents: 48_000_000 },
  {
    name: 'open, weighted value rounded to cents (329.9967)',
    status: 'open',
    amount: 999.99,
    probability: 33,
    actualAmount: null,
    pipelineCents: 33_000,
  },
  { name: 'open, 10 % of 12 345.67', status: 'open', amount: 12345.67, probability: 10, actualAmount: null, pipelineCents: 123_457 },
  { name: 'open without an amount', status: 'open', amount: null, probability: 75, actualAmount: null, pipelineCents: 0 },
  { name: 'open at 0 %', status: 'open', amount: 50000, probability: 0, actualAmount: null, pipelineCents: 0 },
  { name: 'open at 100 %', status: 'open', amount: 50000, probability: 100, actualAmount: null, pipelineCents: 5_000_000 },
  {
    name: 'won counts its actual amount, not the amount',
    status: 'won',
    amount: 3000,
    probability: 100,
    actualAmount: 2800,
    pipelineCents: 280_000,
  },
  { name: 'won above the amount', status: 'won', amount: 1000, probability: 100, actualAmount: 1234.56, pipelineCents: 123_456 },
  { name: 'won for nothing counts nothing', status: 'won', amount: 1000, probability: 100, actualAmount: 0, pipelineCents: 0 },
  {
    name: 'won without an actual amount counts the amount',
    status: 'won',
    amount: 400,
    probability: 100,
    actualAmount: null,
    pipelineCents: 40_000,
  },
  { name: 'won without any amount', status: 'won', amount: null, probability: 100, actualAmount: null, pipelineCents: 0 },
  { name: 'lost counts 0', status: 'lost', amount: 5000, probability: 40, actualAmount: null, pipelineCents: 0 },
  { name: 'expired counts 0', status: 'expired', amount: 9000, probability: 90, actualAmount: null, pipelineCents: 0 },
];

let database: Database;
// each case on its own opportunity number and its own owner, so each path can select it alone
const ownerOf = new Map<string, number>();
const numberOf = new Map<string, number>();

beforeAll(async () => {
  database = await freshDatabase();
  const { db } = database;
  const { id: companyId } = await db
    .insertInto('companies')
    .values({ accountNumber: '20001', name: 'Pipeline ApS' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: processId } = await db.selectFrom('salesProcesses').select('id').where('isDefault', '=', true).executeTakeFirstOrThrow();
  for (const [i, c] of CASES.entries()) {
    const { id: ownerId } = await db
      .insertInto('users')
      .values({ name: `Sælger ${i}`, initials: `S${i}`, email: `s${i}@pipeline.dk`, passwordHash: 'x', role: 'seller' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertOpportunity(db, {
      number: i + 1,
      title: c.name,
      companyId,
      ownerId,
      processId,
      status: c.status,
      amount: c.amount,
      probability: c.probability,
      actualAmount: c.actualAmount,
      currency: 'DKK',
    });
    ownerOf.set(c.name, ownerId);
    numberOf.set(c.name, i + 1);
  }
});
afterAll(() => database.close());

const cents = (value: number | null) => (value === null ? null : Math.round(value * 100));

describe('pipeline value (O-8) through the summary queries', () => {
  it.each(CASES)('$name: from the rows', async (c) => {
    const summary = await summarizeOpportunities(database.db, { number: [numberOf.get(c.name) ?? 0] }, 'DKK');
    expect(cents(summary.pipeline)).toBe(c.pipelineCents);
  });

  it.each(CASES)('$name: from the totals the triggers keep', async (c) => {
    const summary = await summarizeOpportunities(database.db, { ownerId: [ownerOf.get(c.name) ?? 0] }, 'DKK');
    expect(cents(summary.pipeline)).toBe(c.pipelineCents);
  });

  it('the whole selection is the sum of the cases, on both paths', async () => {
    const total = CASES.reduce((sum, c) => sum + c.pipelineCents, 0);
    expect(cents((await summarizeOpportunities(database.db, {}, 'DKK')).pipeline)).toBe(total);
    expect(cents((await summarizeOpportunities(database.db, { ranges: { number: { gte: 0 } } }, 'DKK')).pipeline)).toBe(total);
  });

  it('the totals follow a changed actual amount and a reopening', async () => {
    const won = CASES[7] as Case;
    const id = (
      await database.db
        .selectFrom('opportunities')
        .select('id')
        .where('number', '=', numberOf.get(won.name) ?? 0)
        .executeTakeFirstOrThrow()
    ).id;
    const totals = () => summarizeOpportunities(database.db, { ownerId: [ownerOf.get(won.name) ?? 0] }, 'DKK');
    try {
      await database.db.updateTable('opportunities').set({ actualAmount: 2500.5 }).where('id', '=', id).execute();
      expect(cents((await totals()).pipeline)).toBe(250_050);
      await database.db
        .updateTable('opportunities')
        .set({ status: 'open', actualAmount: null, probability: 20 })
        .where('id', '=', id)
        .execute();
      expect(cents((await totals()).pipeline)).toBe(60_000);
    } finally {
      await database.db
        .updateTable('opportunities')
        .set({ status: won.status, actualAmount: won.actualAmount, probability: won.probability })
        .where('id', '=', id)
        .execute();
    }
  });
});

describe('the pipeline rule has one home', () => {
  it.each(['opportunity_totals_insert', 'opportunity_totals_update', 'opportunity_totals_delete'])(
    'the trigger function %s calls it',
    async (name) => {
      const { rows } = await sql<{ source: string }>`SELECT prosrc AS source FROM pg_proc WHERE proname = ${name}`.execute(database.db);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.source).toContain('opportunity_pipeline_value(status, weighted_amount, actual_amount, amount)');
      expect(rows[0]?.source).not.toContain('actual_amount, amount, 0');
    },
  );

  it('is inlined into the summary query: no function call per row', async () => {
    const { rows } = await sql<{ 'QUERY PLAN': string }>`
      EXPLAIN (VERBOSE) SELECT sum(opportunity_pipeline_value(o.status, o.weighted_amount, o.actual_amount, o.amount)) FROM opportunities o`.execute(
      database.db,
    );
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toContain('CASE');
    expect(plan).not.toContain('opportunity_pipeline_value');
  });
});
