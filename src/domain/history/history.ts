// O-24: every change to an opportunity, company or contact is recorded in the same transaction as
// the change itself, so the history can never disagree with the record.
import type { Db, HistoryEntity } from '../../db/schema.ts';
import { insertHistory } from '../../db/history.ts';
import { diffFields, renderValue, type FieldChange, type RenderedChange } from './diff-fields.ts';

export type { HistoryEntity };
export type { FieldChange, HistoryValue } from './diff-fields.ts';

/** The fields whose changes the history keeps, per entity (bookkeeping columns like version are left out). */
export const HISTORY_FIELDS = {
  company: [
    'accountNumber',
    'name',
    'searchName',
    'status',
    'customerNumber',
    'supplierNumber',
    'orgNumber',
    'street',
    'postalCode',
    'city',
    'country',
    'phone',
    'email',
    'website',
    'ownerId',
    'industryId',
    'targetGroupId',
    'interestTypeIds',
    'sourceId',
    'campaignId',
    'customerProfileId',
    'notes',
  ],
  contact: ['companyId', 'firstName', 'lastName', 'title', 'email', 'phone', 'mobile', 'isPrimary', 'isDefaultReference', 'notes'],
  opportunity: [
    'number',
    'title',
    'description',
    'companyId',
    'contactId',
    'ownerId',
    'sellerIds',
    'processId',
    'stageId',
    'status',
    'probability',
    'probabilityMode',
    'amount',
    'currency',
    'actualAmount',
    'margin',
    'annualMargin',
    'decisionDate',
    'deliveryDate',
    'closeDate',
    'followUpDate',
    'priority',
    'rating',
    'typeId',
    'sourceId',
    'campaignId',
    'regionId',
    'departmentId',
    'lossReasonId',
    'winReasonId',
    'winnerCompetitorId',
    'externalRef',
    'quoteNumber',
    'closeNote',
  ],
} as const satisfies Record<HistoryEntity, readonly string[]>;

/**
 * Writes history lines for one record; call it with the transaction that makes the change.
 *
 * - `entity` / `entityId`: the record ('opportunity' | 'company' | 'contact' and its id).
 * - `actorId`: the user who made the change (null for system work such as imports without a user).
 * - `changes`: one line per changed field, `{ field, old, new }`. Values may be given as they are
 *   held (numbers, 'YYYY-MM-DD' dates, booleans, arrays of ids, null); they are stored as text by
 *   `renderValue` (numbers plain, arrays joined by ',').
 *
 * Field names are the API's camelCase names (`stageId`, `followUpDate` …). Events that are not a
 * single column use a descriptive name, e.g. `{ field: 'closed', old: 'open', new: 'won' }`,
 * `{ field: 'reopened', old: 'lost', new: 'open' }`, `{ field: 'step:<stageId>', old: 'todo', new: 'done' }`,
 * `{ field: 'sellers', old: '7:100', new: '7:50,9:50' }`. Creation is `created`, deletion `deleted`.
 * An empty list writes nothing.
 */
export async function recordHistory(
  db: Db,
  entity: HistoryEntity,
  entityId: number,
  actorId: number | null,
  changes: readonly FieldChange[],
): Promise<void> {
  await insertHistory(
    db,
    changes.map((c) => ({
      entity,
      entityId,
      field: c.field,
      oldValue: renderValue(c.old),
      newValue: renderValue(c.new),
      changedBy: actorId,
    })),
  );
}

/** The fields of `HISTORY_FIELDS[entity]` that differ between the record before and after a change, as history lines. */
export function changedFields<T extends object>(entity: HistoryEntity, before: T, after: T): RenderedChange[] {
  const fields = (HISTORY_FIELDS[entity] as readonly string[]).filter((f) => f in after) as (keyof T & string)[];
  return diffFields(before, after, fields);
}

/** Records every field of `HISTORY_FIELDS[entity]` that differs between the record before and after a change. */
export async function recordChanges<T extends object>(
  db: Db,
  entity: HistoryEntity,
  entityId: number,
  actorId: number | null,
  before: T,
  after: T,
): Promise<void> {
  await recordHistory(db, entity, entityId, actorId, changedFields(entity, before, after));
}

/** Records a creation (`created`, new value = the record's name) or a deletion (`deleted`, old value = the name). */
export async function recordLifecycle(
  db: Db,
  entity: HistoryEntity,
  entityId: number,
  actorId: number | null,
  event: 'created' | 'deleted',
  label: string,
): Promise<void> {
  await recordHistory(db, entity, entityId, actorId, [
    event === 'created' ? { field: 'created', old: null, new: label } : { field: 'deleted', old: label, new: null },
  ]);
}
