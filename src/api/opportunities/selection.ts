// The query string of the opportunity list → the sort and filters of a selection (L-1, L-2, L-3),
// shared by the list, its summary (L-5), the exports (L-6) and saved views (L-4).
import type { z } from 'zod';
import type { OpportunityFilters } from '../../db/opportunities.ts';
import { OPPORTUNITY_SORTS } from '../../db/opportunities.ts';
import { parseSort, type Sort } from '../../db/paging.ts';
import type { Settings } from '../../db/settings.ts';
import { likePattern } from '../../domain/search/text-pattern.ts';
import { readScope } from '../../domain/auth/policy.ts';
import type { Actor } from '../context.ts';
import { RANGE_FIELDS, type opportunityQuery } from './schema.ts';

type Query = Omit<z.infer<typeof opportunityQuery>, 'limit' | 'cursor'>;

export const pattern = (typed: string | undefined) => (typed ? (likePattern(typed) ?? undefined) : undefined);

// the query keys of each range field, made once rather than on every request
const RANGE_KEYS = RANGE_FIELDS.map((field) => [field, `${field}.gte`, `${field}.lte`, `${field}.ne`] as const);

export const DEFAULT_OPPORTUNITY_SORT: Sort = { field: 'number', direction: 'desc' };

export function opportunitySelection(query: Query, settings: Settings, actor: Actor): { sort: Sort; filters: OpportunityFilters } {
  const { sort: sortParam, q, title, note, ...rest } = query;
  const sort = parseSort(sortParam, Object.keys(OPPORTUNITY_SORTS), DEFAULT_OPPORTUNITY_SORT);
  const ranges: NonNullable<OpportunityFilters['ranges']> = {};
  for (const [field, gteKey, lteKey, neKey] of RANGE_KEYS) {
    const gte = rest[gteKey];
    const lte = rest[lteKey];
    const ne = rest[neKey];
    if (gte !== undefined || lte !== undefined || ne !== undefined) ranges[field] = { gte, lte, ne };
  }
  const filters: OpportunityFilters = {
    ...rest,
    q: pattern(q),
    title: pattern(title),
    note: pattern(note),
    ranges,
    stagnantDays: settings.stagnationDays,
    visibleTo: readScope(actor, settings),
  };
  return { sort, filters };
}
