import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import type { ActivitiesTable, Db } from './schema.ts';
import { pagePart, readPageParts, type PagePart, type SortColumn, type Sort, type decodeCursor } from './paging.ts';
import { compilePerShape } from './compile-once.ts';
import { softDeleteRow, updateAtVersion } from './versioned.ts';
import { readableActivities } from './visibility.ts';

export const ACTIVITY_SORTS: Record<string, SortColumn> = {
  dueDate: { expr: sql`a.due_date`, nullable: true },
  subject: { expr: sql`lower(a.subject)`, nullable: false },
  type: { expr: sql`a.type`, nullable: false },
  createdAt: { expr: sql`a.created_at`, nullable: false },
  updatedAt: { expr: sql`a.updated_at`, nullable: false },
};

/** An activity with the names a list shows beside it (owner, company, opportunity, contact). */
export function selectActivities(db: Db) {
  return db
    .selectFrom('activities as a')
    .innerJoin('users as owner', 'owner.id', 'a.ownerId')
    .leftJoin('companies as c', 'c.id', 'a.companyId')
    .leftJoin('opportunities as o', 'o.id', 'a.opportunityId')
    .leftJoin('contacts as p', 'p.id', 'a.contactId')
    .selectAll('a')
    .select([
      'owner.initials as ownerInitials',
      'c.name as companyName',
      'o.title as opportunityTitle',
      sql<string | null>`nullif(trim(p.first_name || ' ' || p.last_name), '')`.as('contactName'),
      sql<number[]>`array(SELECT user_id FROM activity_participants x WHERE x.activity_id = a.id ORDER BY 1)`.as('participantIds'),
    ])
    .where('a.deletedAt', 'is', null);
}

export type ActivityRow = Awaited<ReturnType<ReturnType<typeof selectActivities>['executeTakeFirstOrThrow']>>;

export function findActivity(db: Db, id: number): Promise<ActivityRow | undefined> {
  return selectActivities(db).where('a.id', '=', id).executeTakeFirst();
}

/** One the caller just wrote, read back in its transaction: a missing row is a bug, not a 404. */
export function findActivityOrThrow(db: Db, id: number): Promise<ActivityRow> {
  return selectActivities(db).where('a.id', '=', id).executeTakeFirstOrThrow();
}

export type ActivityFilters = {
  q?: string | undefined;
  type?: string[] | undefined;
  done?: boolean | undefined;
  ownerId?: number[] | undefined;
  companyId?: number[] | undefined;
  contactId?: number[] | undefined;
  opportunityId?: number[] | undefined;
  campaignId?: number[] | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  /** With "sellers see only their own": the seller reading (policy.ts readScope); activities of opportunities hidden from them are left out. */
  visibleTo?: number | undefined;
};

/** The WHERE conditions of a selection of `activities a` (L-1, L-3), shared by the list and the exports. */
export function activityConditions(f: ActivityFilters): RawBuilder<boolean>[] {
  const where: RawBuilder<boolean>[] = [sql<boolean>`a.deleted_at IS NULL`];
  if (f.q) where.push(sql<boolean>`(lower(a.subject) LIKE ${f.q} OR lower(a.text) LIKE ${f.q})`);
  if (f.type) where.push(sql<boolean>`a.type IN (${sql.join(f.type)})`);
  if (f.done !== undefined) where.push(sql<boolean>`a.done = ${f.done}`);
  const lists = {
    ownerId: 'owner_id',
    companyId: 'company_id',
    contactId: 'contact_id',
    opportunityId: 'opportunity_id',
    campaignId: 'campaign_id',
  } as const;
  for (const [filter, column] of Object.entries(lists)) {
    const values = f[filter as keyof typeof lists];
    if (values) where.push(sql<boolean>`${sql.ref(`a.${column}`)} IN (${sql.join(values)})`);
  }
  if (f.dueFrom) where.push(sql<boolean>`a.due_date >= ${f.dueFrom}`);
  if (f.dueTo) where.push(sql<boolean>`a.due_date <= ${f.dueTo}`);
  if (f.visibleTo !== undefined) where.push(readableActivities(f.visibleTo));
  return where;
}

// one part of a page (paging.ts), compiled once per sort, filters set and part
const activityPage = compilePerShape(
  (
    db,
    shape: { sort: Sort; part: PagePart },
    v: ActivityFilters & { cursorValue: string | null | undefined; cursorId: number | undefined; limit: number },
  ) => {
    const column = ACTIVITY_SORTS[shape.sort.field] as SortColumn;
    const cursor = v.cursorId === undefined ? null : { v: v.cursorValue ?? null, id: v.cursorId };
    const { where, order } = pagePart(column, sql`a.id`, shape.sort, shape.part, cursor);
    return selectActivities(db)
      .select(sql<string | null>`(${column.expr})::text`.as('sortKey'))
      .where(sql<boolean>`(${sql.join(activityConditions(v), sql` AND `)})`)
      .where(where)
      .orderBy(order)
      .limit(v.limit);
  },
);

export async function listActivities(
  db: Db,
  query: { sort: Sort; cursor: ReturnType<typeof decodeCursor>; limit: number; filters: ActivityFilters },
) {
  const { sort, cursor, filters: f } = query;
  const filters = {
    q: f.q,
    type: f.type,
    done: f.done,
    ownerId: f.ownerId,
    companyId: f.companyId,
    contactId: f.contactId,
    opportunityId: f.opportunityId,
    campaignId: f.campaignId,
    dueFrom: f.dueFrom,
    dueTo: f.dueTo,
    visibleTo: f.visibleTo,
  };
  return readPageParts((ACTIVITY_SORTS[sort.field] as SortColumn).nullable, sort, cursor, query.limit, async (part, limit) => {
    const { rows } = await activityPage(db, { sort, part }, { ...filters, cursorValue: cursor?.v, cursorId: cursor?.id, limit });
    return rows;
  });
}

export async function insertActivity(db: Db, row: Insertable<ActivitiesTable>) {
  const { id } = await db.insertInto('activities').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function updateActivityRow(
  db: Db,
  id: number,
  version: number,
  actorId: number,
  changes: Updateable<ActivitiesTable>,
): Promise<boolean> {
  return updateAtVersion(db, 'activities', id, version, actorId, changes);
}

export async function setParticipants(db: Db, activityId: number, userIds: number[]) {
  await db.deleteFrom('activityParticipants').where('activityId', '=', activityId).execute();
  const unique = [...new Set(userIds)];
  if (unique.length)
    await db
      .insertInto('activityParticipants')
      .values(unique.map((userId) => ({ activityId, userId })))
      .execute();
}

export async function softDeleteActivity(db: Db, id: number, actorId: number) {
  await softDeleteRow(db, 'activities', id, actorId);
}

/** O-22: an activity on an opportunity counts as a touch, so it is not stagnant. */
export async function touchOpportunity(db: Db, opportunityId: number) {
  await db
    .updateTable('opportunities')
    .set({ lastActivityAt: sql`now()` })
    .where('id', '=', opportunityId)
    .execute();
}

export async function findActivityType(db: Db, key: string) {
  return db.selectFrom('activityTypes').select(['key', 'name', 'active']).where('key', '=', key).executeTakeFirst();
}
