// What a user may send to create, change or close an opportunity: the API's bodies, and the import
// checks each row with the same (L-7).
import { z } from 'zod';
import { date, money, optionalText, percent, requiredText, version } from '../input-fields.ts';

const ref = z.number().int().positive();
export const opportunityStatus = z.enum(['open', 'won', 'lost', 'expired']);
export const opportunityPriority = z.enum(['low', 'normal', 'high']);
export const stepState = z.enum(['todo', 'done', 'cancelled']);

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
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code')
    .optional(),
  actualAmount: money.nullish(),
  margin: money.nullish(),
  annualMargin: money.nullish(),
  decisionDate: date.nullish(),
  deliveryDate: date.nullish(),
  followUpDate: date.nullish(),
  priority: opportunityPriority.optional(),
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

/** The fields a change may name; those left out stay as they are. */
export type OpportunityInput = Partial<z.infer<typeof createOpportunityBody>>;
/** A new opportunity (O-1): the title and the company are all it needs. */
export type NewOpportunityInput = OpportunityInput & { title: string; companyId: number };

/** O-9, O-10: the close dialog. */
export const closeOpportunityBody = z.strictObject({
  outcome: z.enum(['won', 'lost', 'expired']),
  actualAmount: money.nullish(),
  closeDate: date.optional(),
  deliveryDate: date.nullish(),
  winReasonId: ref.nullish(),
  lossReasonId: ref.nullish(),
  winnerCompetitorId: ref.nullish(),
  winnerEntryId: ref.optional().describe('an entry of GET /api/opportunities/{id}/competitors, instead of winnerCompetitorId'),
  note: optionalText(5000),
  finishFollowUps: z.boolean().optional().describe('mark the open follow-up tasks done (default true); false keeps them open'),
  version: version.optional(),
});

/** O-7: one step's new state. */
export const stepStateBody = z.strictObject({
  state: stepState,
  version: version.describe('the opportunity’s version, which guards its steps (O-25)'),
});

/** O-12: one action on many opportunities. */
export const bulkActionBody = z.strictObject({
  ids: z.array(ref).min(1, 'select at least one opportunity').max(1000),
  action: z.enum(['won', 'lost', 'open', 'delete']),
  lossReasonId: ref.optional(),
  winReasonId: ref.optional(),
});
export type BulkAction = z.infer<typeof bulkActionBody>['action'];
export type BulkOptions = Omit<z.infer<typeof bulkActionBody>, 'ids' | 'action'>;
