import { sql } from 'kysely';
import type { Db, HistoryEntity } from './schema.ts';
import { keyset, pageOf, type Sort, type decodeCursor } from './paging.ts';

export type HistoryInsert = {
  entity: HistoryEntity;
  entityId: number;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  changedBy: number | null;
};

export async function insertHistory(db: Db, rows: HistoryInsert[]) {
  if (rows.length) await db.insertInto('changeHistory').values(rows).execute();
}

/** Always newest first: changed time, then id (rows of one transaction share their time). */
export const HISTORY_SORT: Sort = { field: 'changedAt', direction: 'desc' };

/** One record's history, newest first, a keyset page at a time (index change_history_entity_idx). */
export async function listHistory(
  db: Db,
  query: { entity: HistoryEntity; entityId: number; cursor: ReturnType<typeof decodeCursor>; limit: number },
) {
  const { where, order } = keyset({ expr: sql`h.changed_at`, nullable: false }, sql`h.id`, HISTORY_SORT, query.cursor);
  const rows = await db
    .selectFrom('changeHistory as h')
    .leftJoin('users as u', 'u.id', 'h.changedBy')
    .select([
      'h.id',
      'h.field',
      'h.oldValue',
      'h.newValue',
      'h.changedAt',
      'h.changedBy',
      'u.name as changedByName',
      'u.initials as changedByInitials',
    ])
    .select(sql<string | null>`h.changed_at::text`.as('sortKey'))
    .where('h.entity', '=', query.entity)
    .where('h.entityId', '=', query.entityId)
    .where(where)
    .orderBy(order)
    .limit(query.limit + 1)
    .execute();
  return pageOf(rows, query.limit, HISTORY_SORT);
}
