// L-4: saved views, a user's own and those shared with the team.
import { sql } from 'kysely';
import type { Db, ListResource } from './schema.ts';

const columns = [
  'v.id',
  'v.ownerId',
  'v.resource',
  'v.name',
  'v.query',
  'v.columns',
  'v.shared',
  'v.version',
  'v.createdAt',
  'v.updatedAt',
  'u.name as ownerName',
] as const;

function selectViews(db: Db) {
  return db.selectFrom('savedViews as v').innerJoin('users as u', 'u.id', 'v.ownerId').select(columns);
}

export type SavedViewRow = Awaited<ReturnType<ReturnType<typeof selectViews>['executeTakeFirstOrThrow']>>;

/** The user's own views and the shared ones, by name. */
export function listViews(db: Db, userId: number, resource: ListResource | undefined): Promise<SavedViewRow[]> {
  let query = selectViews(db).where((eb) => eb.or([eb('v.ownerId', '=', userId), eb('v.shared', '=', true)]));
  if (resource) query = query.where('v.resource', '=', resource);
  return query
    .orderBy(sql`lower(v.name)`)
    .orderBy('v.id')
    .execute();
}

export function findView(db: Db, id: number): Promise<SavedViewRow | undefined> {
  return selectViews(db).where('v.id', '=', id).executeTakeFirst();
}

/** One the caller just wrote, read back in its transaction: a missing row is a bug, not a 404. */
export function findViewOrThrow(db: Db, id: number): Promise<SavedViewRow> {
  return selectViews(db).where('v.id', '=', id).executeTakeFirstOrThrow();
}

export type ViewValues = { name: string; query: Record<string, string>; columns: string[]; shared: boolean };

export async function insertView(db: Db, ownerId: number, resource: ListResource, values: ViewValues): Promise<number> {
  const row = await db
    .insertInto('savedViews')
    .values({
      ownerId,
      resource,
      name: values.name,
      query: JSON.stringify(values.query),
      columns: JSON.stringify(values.columns),
      shared: values.shared,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateViewRow(db: Db, id: number, version: number, values: Partial<ViewValues>): Promise<boolean> {
  const result = await db
    .updateTable('savedViews')
    .set({
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.query !== undefined ? { query: JSON.stringify(values.query) } : {}),
      ...(values.columns !== undefined ? { columns: JSON.stringify(values.columns) } : {}),
      ...(values.shared !== undefined ? { shared: values.shared } : {}),
      version: sql`version + 1`,
      updatedAt: sql`now()`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteViewRow(db: Db, id: number) {
  await db.deleteFrom('savedViews').where('id', '=', id).execute();
}
