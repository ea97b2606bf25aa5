// T-3 views over activities that the general list cannot sort: the team's open activities by owner.
import { sql } from 'kysely';
import type { Db } from './schema.ts';
import { encodeCursor, type Sort } from './paging.ts';
import { selectActivities } from './activities.ts';

export const TEAM_SORT: Sort = { field: 'team', direction: 'asc' };

/** The row of the activity list, plus the owner's name for grouping. */
function selectTeamActivities(db: Db) {
  return selectActivities(db).select('owner.name as ownerName');
}

export type TeamCursor = { ownerId: number; due: string; id: number };

// undated activities sort after every date of their owner
const due = sql`coalesce(a.due_date, 'infinity'::date)`;

/**
 * Open activities of all owners (or the given ones), by owner, then due date (undated last), then id;
 * a keyset page at a time on activities_open_owner_due_idx.
 */
export async function listTeamActivities(db: Db, query: { ownerIds: number[] | undefined; cursor: TeamCursor | null; limit: number }) {
  let select = selectTeamActivities(db)
    .select(sql<string>`${due}::text`.as('dueKey'))
    .where('a.done', '=', false);
  if (query.ownerIds) select = select.where('a.ownerId', 'in', query.ownerIds);
  const c = query.cursor;
  if (c) select = select.where(sql<boolean>`(a.owner_id, ${due}, a.id) > (${c.ownerId}, ${c.due}::date, ${c.id})`);
  const rows = await select
    .orderBy(sql`a.owner_id, ${due}, a.id`)
    .limit(query.limit + 1)
    .execute();
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor(TEAM_SORT, JSON.stringify([last.ownerId, last.dueKey]), last.id) : null;
  return { items, nextCursor };
}
