// The opportunity slice's query strings, answers, and the bodies of its parts (sellers, competitors);
// the opportunity's own bodies are the domain's (domain/opportunities/schema.ts), which the import uses too.
import { z } from 'zod';
import {
  closeOpportunityBody,
  createOpportunityBody,
  opportunityPriority as priority,
  opportunityStatus as status,
  stepState,
  updateOpportunityBody,
} from '../../domain/opportunities/schema.ts';
import { booleanQuery, csv, date, id, idList, listQueryBase, optionalText, page, timestamp, version } from '../common.ts';
import { threat } from '../competitors/schema.ts';

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
  letter: z
    .string()
    .regex(/^\p{L}$/u, 'must be one letter')
    .optional(),
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

/** The opportunity's own bodies, named in the API document (the domain checks them; the import too). */
export const newOpportunityBody = createOpportunityBody.meta({ id: 'NewOpportunity' });
export const opportunityChangesBody = updateOpportunityBody.meta({ id: 'OpportunityChanges' });
export const closeBody = closeOpportunityBody.meta({ id: 'OpportunityClose' });

export const summarySchema = z
  .object({
    counts: z.object({ won: z.number(), open: z.number(), lost: z.number(), expired: z.number() }),
    // one line per currency, the base currency first: amounts in different currencies are never added together
    byCurrency: z.array(
      z.object({ currency: z.string(), estimatedRevenue: z.number(), pipeline: z.number(), largest: z.number().nullable() }),
    ),
    // the sums of the selection's one currency; null when it has several (read byCurrency)
    estimatedRevenue: z.number().nullable(),
    pipeline: z.number().nullable(),
    largest: z.number().nullable(),
  })
  .meta({ id: 'OpportunitySummary' });

export const opportunitySchema = z
  .object({
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
  })
  .meta({ id: 'Opportunity' });

export const opportunityPage = page(opportunitySchema).extend({ summary: summarySchema.optional() }).meta({ id: 'OpportunityPage' });

/** O-7: one step of an opportunity's sales process. */
export const stepSchema = z
  .object({ stageId: z.number(), name: z.string(), probability: z.number(), position: z.number(), state: stepState })
  .meta({ id: 'OpportunityStep' });
export const stepParams = z.object({ id, stageId: id });

/** O-9 … O-11: one close of an opportunity, kept when it is reopened. */
export const closingSchema = z
  .object({
    id: z.number(),
    outcome: z.enum(['won', 'lost', 'expired']),
    closeDate: z.string(),
    actualAmount: z.number().nullable(),
    deliveryDate: z.string().nullable(),
    winReasonId: z.number().nullable(),
    lossReasonId: z.number().nullable(),
    winnerCompetitorId: z.number().nullable(),
    note: z.string().nullable(),
    closedAt: z.string(),
    closedBy: z.number().nullable(),
    closedByInitials: z.string().nullable(),
    reopenedAt: z.string().nullable(),
    reopenedBy: z.number().nullable(),
    reopenedByInitials: z.string().nullable(),
  })
  .meta({ id: 'OpportunityClosing' });

/** O-12: what became of each item of a bulk action. */
export const bulkResultSchema = z
  .object({
    succeeded: z.number(),
    failed: z.number(),
    results: z.array(z.object({ id: z.number(), ok: z.boolean(), error: z.object({ code: z.string(), message: z.string() }).optional() })),
  })
  .meta({ id: 'BulkResult' });

/** O-14: the deleted opportunities an admin can still restore. */
export const deletedQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) });
export const deletedOpportunitySchema = z
  .object({
    id: z.number(),
    number: z.number(),
    title: z.string(),
    companyName: z.string(),
    amount: z.number().nullable(),
    currency: z.string(),
    status: z.string(),
    deletedAt: z.string(),
    deletedByInitials: z.string().nullable(),
  })
  .meta({ id: 'DeletedOpportunity' });
export const deletedListSchema = z.object({ items: z.array(deletedOpportunitySchema), restoreDays: z.number() });

/** U-1: the columns of the board with their totals, one line per currency (amounts in different currencies are never added). */
export const boardQuery = z.strictObject({
  processId: z.coerce.number().int().positive().optional(),
  ownerId: idList.optional(),
  sellerId: idList.optional(),
});
const currencyTotal = z.object({ currency: z.string(), total: z.number(), weighted: z.number() });
export const boardSchema = z
  .object({
    processId: z.number(),
    processName: z.string(),
    columns: z.array(
      z.object({ stageId: z.number(), name: z.string(), probability: z.number(), count: z.number(), totals: z.array(currencyTotal) }),
    ),
  })
  .meta({ id: 'Board' });

/** O-15: one competitor on an opportunity; `id` is the entry, `competitorId` the global competitor (null for a one-off name). */
export const competitorEntrySchema = z
  .object({
    id: z.number(),
    competitorId: z.number().nullable(),
    name: z.string(),
    website: z.string().nullable(),
    rating: z.number().nullable(),
    threat: z.number(),
    note: z.string().nullable(),
    version: z.number().describe('the entry’s own version (O-25); a change also moves the opportunity’s version on'),
  })
  .meta({ id: 'OpportunityCompetitor' });
export const competitorEntryParams = z.object({ id, entryId: id });
export const addCompetitorBody = z
  .strictObject({
    competitorId: id.optional(),
    name: z.string().trim().min(1, 'is required').max(120).optional(),
    threat: threat.optional(),
    note: optionalText(4000).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.competitorId !== undefined && body.name !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'give either competitorId or name, not both' });
    }
    if (body.competitorId === undefined && body.name === undefined) {
      ctx.addIssue({ code: 'custom', path: ['competitorId'], message: 'give competitorId (from the competitor list) or name (a one-off)' });
    }
  });
export const changeCompetitorBody = z
  .strictObject({ threat: threat.optional(), note: optionalText(4000).optional(), version })
  .refine((body) => body.threat !== undefined || body.note !== undefined, { error: 'give threat or note', path: ['threat'] });

/** O-16 … O-20: the sellers in added order, their sum, and a warning when it is not 100 %. */
export const sellerListSchema = z
  .object({
    sellers: z.array(z.object({ userId: z.number(), name: z.string(), initials: z.string(), share: z.number() })),
    sum: z.number(),
    warning: z.string().nullable(),
    version: z.number().describe('the opportunity’s version, which guards its seller list (O-25)'),
  })
  .meta({ id: 'SellerList' });
export const sellerParams = z.object({ id, userId: id });
/** A share in percent: 0–100 with at most two decimals. */
const share = z
  .number()
  .min(0)
  .max(100)
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'may have at most 2 decimals');
export const addSellerBody = z.strictObject({ userId: id, share: share.optional() });
export const changeShareBody = z.strictObject({ share, version: version.describe('the opportunity’s version the change is based on') });

/** O-21: one follow-up date an opportunity has had. */
export const followUpSchema = z
  .object({
    id: z.number(),
    followUpDate: z.string(),
    setAt: z.string(),
    setBy: z.number().nullable(),
    setByInitials: z.string().nullable(),
    activityId: z.number().nullable().describe('The task the date created'),
  })
  .meta({ id: 'FollowUp' });
