// The filters each list's API accepts (L-1, L-2), described once: the filter panel draws them and
// the chips name them. Labels are translation keys; `param` is the API's own filter name.
import type { SetupListName } from '../../api/types';
import type { Comparison } from './list-params';

type Base = { param: string; label: string; group: FilterGroup };
export type FilterGroup = 'people' | 'customer' | 'deal' | 'numbers' | 'dates';

export type FilterDef =
  | (Base & { kind: 'enum'; values: { value: string; label: string }[] })
  | (Base & { kind: 'setup'; list: SetupListName })
  | (Base & { kind: 'users' })
  | (Base & { kind: 'processes' })
  | (Base & { kind: 'stages' })
  | (Base & { kind: 'company' })
  | (Base & { kind: 'record'; resource: 'contacts' | 'opportunities' })
  | (Base & { kind: 'activityTypes' })
  | (Base & { kind: 'countries' })
  | (Base & { kind: 'text'; hint?: string })
  | (Base & { kind: 'boolean'; yes?: string; no?: string })
  /** comparisons on one number: `field`, `field.gte`, `field.lte`, `field.ne` */
  | (Base & { kind: 'compare'; ops: Comparison[]; money?: boolean })
  /** a date range: `field.gte` (from) and `field.lte` (to); on timestamps the ends are local day bounds */
  | (Base & { kind: 'dates'; timestamp?: boolean });

export type ListResource = 'opportunities' | 'companies' | 'contacts' | 'activities';

const STATUSES = ['open', 'won', 'lost', 'expired'].map((value) => ({ value, label: `status.${value}` }));
const PRIORITIES = ['low', 'normal', 'high'].map((value) => ({ value, label: `priority.${value}` }));
const RATINGS = ['1', '2', '3', '4', '5'].map((value) => ({ value, label: `filters.rating.${value}` }));
const ALL_OPS: Comparison[] = ['gte', 'lte', 'eq', 'ne'];

export const FILTERS: Record<ListResource, FilterDef[]> = {
  opportunities: [
    { kind: 'users', param: 'sellerId', label: 'filters.seller', group: 'people' },
    { kind: 'users', param: 'ownerId', label: 'opportunity.owner', group: 'people' },
    { kind: 'users', param: 'createdBy', label: 'filters.createdBy', group: 'people' },
    { kind: 'users', param: 'updatedBy', label: 'filters.updatedBy', group: 'people' },
    { kind: 'company', param: 'companyId', label: 'opportunity.company', group: 'customer' },
    { kind: 'record', resource: 'contacts', param: 'contactId', label: 'opportunity.contact', group: 'customer' },
    { kind: 'text', param: 'campaignId', label: 'filters.campaign', hint: 'filters.idsHint', group: 'customer' },
    { kind: 'enum', param: 'status', label: 'opportunity.status', values: STATUSES, group: 'deal' },
    { kind: 'processes', param: 'processId', label: 'opportunity.process', group: 'deal' },
    { kind: 'stages', param: 'stageId', label: 'opportunity.stage', group: 'deal' },
    { kind: 'enum', param: 'priority', label: 'opportunity.priority', values: PRIORITIES, group: 'deal' },
    { kind: 'enum', param: 'rating', label: 'opportunity.rating', values: RATINGS, group: 'deal' },
    { kind: 'setup', list: 'opportunity-types', param: 'typeId', label: 'opportunity.type', group: 'deal' },
    { kind: 'setup', list: 'sources', param: 'sourceId', label: 'opportunity.source', group: 'deal' },
    { kind: 'setup', list: 'regions', param: 'regionId', label: 'opportunity.region', group: 'deal' },
    { kind: 'setup', list: 'departments', param: 'departmentId', label: 'opportunity.department', group: 'deal' },
    { kind: 'boolean', param: 'stagnant', label: 'opportunity.stagnant', group: 'deal' },
    { kind: 'compare', param: 'number', label: 'filters.number', ops: ALL_OPS, group: 'numbers' },
    { kind: 'compare', param: 'amount', label: 'opportunity.amount', ops: ALL_OPS, money: true, group: 'numbers' },
    { kind: 'compare', param: 'probability', label: 'filters.probability', ops: ALL_OPS, group: 'numbers' },
    { kind: 'compare', param: 'actualAmount', label: 'closing.actualAmount', ops: ALL_OPS, money: true, group: 'numbers' },
    { kind: 'compare', param: 'weightedAmount', label: 'filters.weightedAmount', ops: ['gte', 'lte', 'ne'], money: true, group: 'numbers' },
    { kind: 'dates', param: 'decisionDate', label: 'opportunity.decisionDate', group: 'dates' },
    { kind: 'dates', param: 'closeDate', label: 'closing.closeDate', group: 'dates' },
    { kind: 'dates', param: 'deliveryDate', label: 'opportunity.deliveryDate', group: 'dates' },
    { kind: 'dates', param: 'followUpDate', label: 'opportunity.followUpDate', group: 'dates' },
    { kind: 'dates', param: 'createdAt', label: 'filters.createdAt', timestamp: true, group: 'dates' },
    { kind: 'dates', param: 'updatedAt', label: 'filters.updatedAt', timestamp: true, group: 'dates' },
  ],
  companies: [
    { kind: 'users', param: 'ownerId', label: 'company.owner', group: 'people' },
    {
      kind: 'enum',
      param: 'status',
      label: 'company.status',
      values: [
        { value: 'prospect', label: 'companyStatus.prospect' },
        { value: 'active', label: 'companyStatus.active' },
      ],
      group: 'customer',
    },
    { kind: 'countries', param: 'country', label: 'company.country', group: 'customer' },
    { kind: 'text', param: 'accountNumber', label: 'company.accountNumber', group: 'customer' },
    { kind: 'setup', list: 'industries', param: 'industryId', label: 'company.industry', group: 'deal' },
    { kind: 'setup', list: 'target-groups', param: 'targetGroupId', label: 'company.targetGroup', group: 'deal' },
    { kind: 'setup', list: 'interest-types', param: 'interestTypeId', label: 'company.interestTypes', group: 'deal' },
    { kind: 'setup', list: 'sources', param: 'sourceId', label: 'company.source', group: 'deal' },
    { kind: 'text', param: 'campaignId', label: 'filters.campaign', hint: 'filters.idsHint', group: 'deal' },
  ],
  contacts: [
    { kind: 'company', param: 'companyId', label: 'contact.company', group: 'customer' },
    { kind: 'text', param: 'email', label: 'contact.email', hint: 'filters.exactHint', group: 'customer' },
  ],
  activities: [
    { kind: 'users', param: 'ownerId', label: 'activity.owner', group: 'people' },
    { kind: 'activityTypes', param: 'type', label: 'activity.type', group: 'deal' },
    { kind: 'boolean', param: 'done', label: 'activity.isDone', yes: 'activity.isDone', no: 'activity.notDone', group: 'deal' },
    { kind: 'company', param: 'companyId', label: 'activity.company', group: 'customer' },
    { kind: 'record', resource: 'contacts', param: 'contactId', label: 'activity.contact', group: 'customer' },
    { kind: 'record', resource: 'opportunities', param: 'opportunityId', label: 'activity.opportunity', group: 'customer' },
    { kind: 'text', param: 'campaignId', label: 'filters.campaign', hint: 'filters.idsHint', group: 'customer' },
    { kind: 'dates', param: 'dueDate', label: 'activity.dueDate', group: 'dates' },
  ],
};

export const GROUPS: FilterGroup[] = ['people', 'customer', 'deal', 'numbers', 'dates'];

/** The definition a URL parameter belongs to (`amount.gte` → the amount comparison). */
export function defOf(defs: FilterDef[], param: string): FilterDef | undefined {
  const exact = defs.find((def) => def.param === param && def.kind !== 'dates');
  if (exact) return exact;
  const match = /^(.+)\.(gte|lte|ne)$/.exec(param);
  return match ? defs.find((def) => def.param === match[1] && (def.kind === 'compare' || def.kind === 'dates')) : undefined;
}
