import { z } from 'zod';
import type { OpportunityRow } from '../../db/opportunities.ts';
import { decisionColor, isStagnant, marginPercent } from '../../domain/opportunities/rules.ts';
import { booleanQuery, csv, date, idList, iso, listQueryBase, money, optionalText, percent, requiredText, timestamp, version } from '../common.ts';

const ref = z.number().int().positive();
const status = z.enum(['open', 'won', 'lost', 'expired']);
const priority = z.enum(['low', 'normal', 'high']);

export const opportunityFields = {
  number: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  title: requiredText(200),
  description: optionalText(10000),
  companyId: ref,
  contactId: ref.nullish(),
  ownerId: ref.optional(),
  processId: ref.optional(),
  stageId: ref.optional(),
  probability: percent.optional(),
  probabilityMode: z.enum(['stage', 'manual']).optional(),
  amount: money.nullish(),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code').optional(),
  actualAmount: money.nullish(),
  margin: money.nullish(),
  annualMargin: money.nullish(),
  decisionDate: date.nullish(),
  deliveryDate: date.nullish(),
  followUpDate: date.nullish(),
  priority: priority.optional(),
  rating: z.number().int().min(1).max(5).nullish(),
  typeId: ref.nullish(),
  sourceId: ref.nullish(),
  campaignId: ref.nullish(),
  regionId: ref.nullish(),
  departmentId: ref.nullish(),
  externalRef: optionalText(100),
  quoteNumber: optionalText(50),
};

export const createOpportunityBody = z.strictObject(opportunityFields);
export const updateOpportunityBody = z.strictObject({
  ...opportunityFields,
  title: opportunityFields.title.optional(),
  companyId: opportunityFields.companyId.optional(),
  version,
});

const numberQuery = z.coerce.number({ error: 'must be a number' }).refine(Number.isFinite, 'must be a number');
const dateQuery = z.union([date, timestamp], { error: 'must be a date YYYY-MM-DD' });
const RANGES = {
  number: numberQuery,
  probability: numberQuery,
  amount: numberQuery,
  actualAmount: numberQuery,
  weightedAmount: numberQuery,
  decisionDate: dateQuery,
  closeDate: dateQuery,
  deliveryDate: dateQuery,
  followUpDate: dateQuery,
  createdAt: dateQuery,
  updatedAt: dateQuery,
} as const;
export const RANGE_FIELDS = Object.keys(RANGES) as (keyof typeof RANGES)[];

const rangeParams = Object.fromEntries(
  Object.entries(RANGES).flatMap(([field, type]) => ['gte', 'lte', 'ne'].map((op) => [`${field}.${op}`, type.optional()])),
) as Record<`${keyof typeof RANGES}.${'gte' | 'lte' | 'ne'}`, z.ZodOptional<typeof numberQuery | typeof dateQuery>>;

export const opportunityQuery = z.strictObject({
  ...listQueryBase,
  q: z.string().max(200).optional(),
  title: z.string().max(200).optional(),
  note: z.string().max(200).optional(),
  letter: z.string().regex(/^\p{L}$/u, 'must be one letter').optional(),
  status: csv(status).optional(),
  priority: csv(priority).optional(),
  rating: csv(z.coerce.number().int().min(1).max(5)).optional(),
  number: idList.optional(),
  probability: csv(z.coerce.number().int().min(0).max(100)).optional(),
  amount: csv(numberQuery).optional(),
  actualAmount: csv(numberQuery).optional(),
  ownerId: idList.optional(),
  sellerId: idList.optional(),
  companyId: idList.optional(),
  contactId: idList.optional(),
  stageId: idList.optional(),
  processId: idList.optional(),
  campaignId: idList.optional(),
  regionId: idList.optional(),
  departmentId: idList.optional(),
  typeId: idList.optional(),
  sourceId: idList.optional(),
  createdBy: idList.optional(),
  updatedBy: idList.optional(),
  stagnant: booleanQuery.optional(),
  ...rangeParams,
});

/** The list's own query: the filters plus `summary=true` for the selection summary (L-5). */
export const opportunityListQuery = z.strictObject({ ...opportunityQuery.shape, summary: booleanQuery.optional() });

export const summarySchema = z.object({
  counts: z.object({ won: z.number(), open: z.number(), lost: z.number(), expired: z.number() }),
  // one line per currency, the base currency first: amounts in different currencies are never added together
  byCurrency: z.array(z.object({ currency: z.string(), estimatedRevenue: z.number(), pipeline: z.number(), largest: z.number().nullable() })),
  // the sums of the selection's one currency; null when it has several (read byCurrency)
  estimatedRevenue: z.number().nullable(),
  pipeline: z.number().nullable(),
  largest: z.number().nullable(),
});

export const opportunitySchema = z.object({
  id: z.number(),
  number: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  companyId: z.number(),
  companyName: z.string(),
  contactId: z.number().nullable(),
  ownerId: z.number(),
  ownerInitials: z.string(),
  sellerIds: z.array(z.number()),
  processId: z.number(),
  stageId: z.number().nullable(),
  stageName: z.string().nullable(),
  status,
  probability: z.number(),
  probabilityMode: z.enum(['stage', 'manual']),
  amount: z.number().nullable(),
  currency: z.string(),
  weightedAmount: z.number(),
  actualAmount: z.number().nullable(),
  margin: z.number().nullable(),
  marginPct: z.number().nullable(),
  annualMargin: z.number().nullable(),
  decisionDate: z.string().nullable(),
  deliveryDate: z.string().nullable(),
  closeDate: z.string().nullable(),
  followUpDate: z.string().nullable(),
  priority,
  rating: z.number().nullable(),
  typeId: z.number().nullable(),
  sourceId: z.number().nullable(),
  campaignId: z.number().nullable(),
  regionId: z.number().nullable(),
  departmentId: z.number().nullable(),
  lossReasonId: z.number().nullable(),
  winReasonId: z.number().nullable(),
  winnerCompetitorId: z.number().nullable(),
  externalRef: z.string().nullable(),
  quoteNumber: z.string().nullable(),
  stagnant: z.boolean(),
  decisionColor: z.enum(['red', 'green', 'blue']).nullable(),
  version: z.number(),
  createdAt: z.string(),
  createdBy: z.number().nullable(),
  updatedAt: z.string(),
  updatedBy: z.number().nullable(),
  updatedByInitials: z.string().nullable(),
});

export type PresentContext = { today: string; now: Date; stagnationDays: number };

export function presentOpportunity(o: OpportunityRow, context: PresentContext): z.infer<typeof opportunitySchema> {
  const lastTouched = o.lastActivityAt && o.lastActivityAt > o.updatedAt ? o.lastActivityAt : o.updatedAt;
  return {
    id: o.id,
    number: o.number,
    title: o.title,
    description: o.description,
    companyId: o.companyId,
    companyName: o.companyName,
    contactId: o.contactId,
    ownerId: o.ownerId,
    ownerInitials: o.ownerInitials,
    sellerIds: o.sellerIds,
    processId: o.processId,
    stageId: o.stageId,
    stageName: o.stageName,
    status: o.status,
    probability: o.probability,
    probabilityMode: o.probabilityMode,
    amount: o.amount,
    currency: o.currency,
    weightedAmount: o.weightedAmount,
    actualAmount: o.actualAmount,
    margin: o.margin,
    marginPct: marginPercent(o.margin, o.amount),
    annualMargin: o.annualMargin,
    decisionDate: o.decisionDate,
    deliveryDate: o.deliveryDate,
    closeDate: o.closeDate,
    followUpDate: o.followUpDate,
    priority: o.priority,
    rating: o.rating,
    typeId: o.typeId,
    sourceId: o.sourceId,
    campaignId: o.campaignId,
    regionId: o.regionId,
    departmentId: o.departmentId,
    lossReasonId: o.lossReasonId,
    winReasonId: o.winReasonId,
    winnerCompetitorId: o.winnerCompetitorId,
    externalRef: o.externalRef,
    quoteNumber: o.quoteNumber,
    stagnant: isStagnant(o.status, lastTouched, context.now, context.stagnationDays),
    decisionColor: decisionColor(o.status, o.decisionDate, context.today),
    version: o.version,
    createdAt: iso(o.createdAt) ?? '',
    createdBy: o.createdBy,
    updatedAt: iso(o.updatedAt) ?? '',
    updatedBy: o.updatedBy,
    updatedByInitials: o.updatedByInitials,
  };
}
