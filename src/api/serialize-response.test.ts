import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { compileResponseSchema, createResponseSerializer } from './serialize-response.ts';
import { opportunitySchema, summarySchema } from './opportunities/schema.ts';
import { errorSchema, page } from './common.ts';

const viaZod = (schema: z.ZodType, data: unknown) => zodSerializerCompiler({ schema, method: 'GET', url: '/x' })(data);

const opportunity = {
  id: 7,
  number: 1007,
  title: 'Lager "Nord" \\ Ø\u00e6\u00e5 \u2028 line\nbreak',
  description: null,
  companyId: 3,
  companyName: 'Fjord AS',
  contactId: null,
  ownerId: 2,
  ownerInitials: 'AB',
  sellerIds: [2, 5],
  processId: 1,
  stageId: 4,
  stageName: 'Offer',
  status: 'open',
  probability: 40,
  probabilityMode: 'stage',
  amount: 125000.5,
  currency: 'DKK',
  weightedAmount: 50000.2,
  actualAmount: null,
  margin: -0,
  marginPct: 12.5,
  annualMargin: null,
  decisionDate: '2026-11-30',
  deliveryDate: null,
  closeDate: null,
  followUpDate: null,
  priority: 'high',
  rating: null,
  typeId: null,
  sourceId: null,
  campaignId: null,
  regionId: null,
  departmentId: null,
  lossReasonId: null,
  winReasonId: null,
  winnerCompetitorId: 9,
  externalRef: null,
  quoteNumber: 'Q-1',
  stagnant: false,
  decisionColor: null,
  version: 3,
  createdAt: '2026-11-23T10:00:00.123Z',
  createdBy: null,
  updatedAt: '2026-11-23T10:00:00.000Z',
  updatedBy: 2,
  updatedByInitials: 'AB',
  unknownColumn: 'left out',
};

describe('response serialisation', () => {
  it('compiles the opportunity page and writes exactly what the zod serializer writes', () => {
    const schema = page(opportunitySchema).extend({ summary: summarySchema.optional() });
    const stringify = compileResponseSchema(schema);
    expect(stringify).not.toBeNull();
    expect(opportunitySchema.safeParse(opportunity).error).toBeUndefined();
    const valid = opportunity;
    for (const data of [
      { items: [valid, { ...valid, decisionColor: 'red', title: 'x'.repeat(6000) }], nextCursor: null },
      {
        items: [],
        nextCursor: 'eyJmIjoibnVtYmVyIn0',
        summary: { counts: { won: 1, open: 2, lost: 0, expired: 0 }, byCurrency: [], estimatedRevenue: null, pipeline: 1.5, largest: null },
      },
    ]) {
      expect(stringify?.(data)).toBe(viaZod(schema, data));
      expect(stringify?.(data)).not.toContain('unknownColumn');
    }
  });

  it('keeps the zod serializer for schemas JSON Schema cannot serialise the same way', () => {
    expect(compileResponseSchema(z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]))).toBeNull();
    expect(compileResponseSchema(z.object({ a: z.string().default('x') }))).toBeNull();
    expect(compileResponseSchema(z.object({ a: z.literal('x') }))).toBeNull();
    expect(compileResponseSchema(z.object({ when: z.date() }))).toBeNull();
    expect(compileResponseSchema(errorSchema)).not.toBeNull();
  });

  it('writes error bodies, records and unknown values as zod does', () => {
    const stringify = compileResponseSchema(errorSchema);
    const data = {
      error: { code: 'INVALID', message: 'no', fields: { 'amount.gte': 'is not a number' }, current: { version: 3, nested: [1, 'a'] } },
    };
    expect(stringify?.(data)).toBe(viaZod(errorSchema, data));
  });

  it('checks every response against its zod schema when asked (the test suite)', () => {
    const compile = createResponseSerializer({ check: true });
    const serialize = compile({ schema: z.object({ n: z.number() }), method: 'GET', url: '/x' });
    expect(serialize({ n: 1, extra: true })).toBe('{"n":1}');
    expect(() => serialize({ n: 'one' })).toThrow();
  });
});
