import { z } from 'zod';
import { ACTIVITY_SORTS } from '../../db/activities.ts';
import { COMPANY_SORTS } from '../../db/companies.ts';
import { CONTACT_SORTS } from '../../db/contacts.ts';
import { OPPORTUNITY_SORTS } from '../../db/opportunities.ts';
import type { SavedViewRow } from '../../db/saved-views.ts';
import type { ListResource } from '../../db/schema.ts';
import { activityQuery, activitySchema } from '../activities/schema.ts';
import { companyQuery, companySchema } from '../companies/schema.ts';
import { contactQuery, contactSchema } from '../contacts/schema.ts';
import { iso, requiredText, version } from '../common.ts';
import { opportunityQuery, opportunitySchema } from '../opportunities/schema.ts';

const withoutPaging = { cursor: true, limit: true } as const;

/** Per list: the filters it accepts (its own query schema), its sort fields and its columns. */
export const LISTS: Record<ListResource, { query: z.ZodType; sorts: string[]; columns: string[] }> = {
  opportunities: {
    query: opportunityQuery.omit(withoutPaging),
    sorts: Object.keys(OPPORTUNITY_SORTS),
    columns: Object.keys(opportunitySchema.shape),
  },
  companies: { query: companyQuery.omit(withoutPaging), sorts: Object.keys(COMPANY_SORTS), columns: Object.keys(companySchema.shape) },
  contacts: { query: contactQuery.omit(withoutPaging), sorts: Object.keys(CONTACT_SORTS), columns: Object.keys(contactSchema.shape) },
  activities: { query: activityQuery.omit(withoutPaging), sorts: Object.keys(ACTIVITY_SORTS), columns: Object.keys(activitySchema.shape) },
};

export const resource = z.enum(['opportunities', 'companies', 'contacts', 'activities']);

/** Filters and sort as they appear in the list's URL: `{"status": "open,won", "amount.gte": "10000", "sort": "-amount"}`. */
const query = z.record(z.string().max(60), z.string().max(500)).refine((q) => Object.keys(q).length <= 60, 'has too many filters');
const columns = z
  .array(z.string().max(60))
  .max(80)
  .refine((list) => new Set(list).size === list.length, 'lists a column twice');

export const viewsQuery = z.strictObject({ resource: resource.optional() });
export const createViewBody = z.strictObject({
  resource,
  name: requiredText(100),
  query: query.default({}),
  columns: columns.default([]),
  shared: z.boolean().default(false),
});
export const updateViewBody = z.strictObject({
  name: requiredText(100).optional(),
  query: query.optional(),
  columns: columns.optional(),
  shared: z.boolean().optional(),
  version,
});

export const viewSchema = z
  .object({
    id: z.number(),
    resource,
    name: z.string(),
    query: z.record(z.string(), z.string()),
    columns: z.array(z.string()),
    shared: z.boolean(),
    ownerId: z.number(),
    ownerName: z.string(),
    /** The caller may change and delete it (its owner, or an admin). */
    editable: z.boolean(),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SavedView' });

export function presentView(v: SavedViewRow, actor: { id: number; role: string }): z.infer<typeof viewSchema> {
  return {
    id: v.id,
    resource: v.resource,
    name: v.name,
    query: v.query,
    columns: v.columns,
    shared: v.shared,
    ownerId: v.ownerId,
    ownerName: v.ownerName,
    editable: v.ownerId === actor.id || actor.role === 'admin',
    version: v.version,
    createdAt: iso(v.createdAt) ?? '',
    updatedAt: iso(v.updatedAt) ?? '',
  };
}
