// T-3: my open activities, the team's open activities, the latest 30.
import type { Db } from '../../db/schema.ts';
import { listActivities } from '../../db/activities.ts';
import { listTeamActivities, TEAM_SORT, type TeamCursor } from '../../db/activity-views.ts';
import { decodeCursor, type Sort } from '../../db/paging.ts';
import { isManagerOrAdmin, type Actor } from '../auth/permissions.ts';
import { AppError, invalid } from '../errors.ts';
import { listScope } from '../records/access.ts';

/** An open activity is overdue once its due date has passed (dates 'YYYY-MM-DD' in the company's time zone). */
export function isOverdue(activity: { done: boolean; dueDate: string | null }, today: string): boolean {
  return !activity.done && activity.dueDate !== null && activity.dueDate < today;
}

// ascending due date puts the overdue first, then today and later; undated ones come last
export const MINE_SORT: Sort = { field: 'dueDate', direction: 'asc' };

/** The actor's own open activities (not those of opportunities hidden from them): overdue first, then by due date, undated last. */
export async function myOpenActivities({ db, actor, cursor, limit }: { db: Db; actor: Actor; cursor?: string | undefined; limit: number }) {
  const filters = { ownerId: [actor.id], done: false, visibleTo: await listScope(db, actor) };
  return listActivities(db, { sort: MINE_SORT, cursor: decodeCursor(cursor, MINE_SORT), limit, filters });
}

function decodeTeamCursor(token: string | undefined): TeamCursor | null {
  const cursor = decodeCursor(token, TEAM_SORT);
  if (!cursor) return null;
  try {
    const [ownerId, due] = JSON.parse(cursor.v ?? '') as unknown[];
    if (Number.isInteger(ownerId) && typeof due === 'string' && /^(\d{4}-\d{2}-\d{2}|infinity)$/.test(due))
      return { ownerId: ownerId as number, due, id: cursor.id };
  } catch {
    // fall through
  }
  throw invalid('cursor', 'is not a cursor of this list and sort order');
}

/** Managers and admins: open activities across sellers, by owner and then due date. */
export function teamActivities({
  db,
  actor,
  ownerIds,
  cursor,
  limit,
}: {
  db: Db;
  actor: Actor;
  ownerIds: number[] | undefined;
  cursor?: string | undefined;
  limit: number;
}) {
  if (!isManagerOrAdmin(actor)) throw new AppError('FORBIDDEN', 'The team view is for managers and admins');
  return listTeamActivities(db, { ownerIds, cursor: decodeTeamCursor(cursor), limit });
}

export const LATEST_COUNT = 30;
const LATEST_SORT: Sort = { field: 'createdAt', direction: 'desc' };

/** The latest 30 activities of every kind and owner that the actor may read, newest first. */
export async function latestActivities({ db, actor }: { db: Db; actor: Actor }) {
  const page = await listActivities(db, {
    sort: LATEST_SORT,
    cursor: null,
    limit: LATEST_COUNT,
    filters: { visibleTo: await listScope(db, actor) },
  });
  return page.items;
}
