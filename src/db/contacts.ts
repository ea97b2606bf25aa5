import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import type { ContactsTable, Db } from './schema.ts';
import { readPage, searchOrder, type SortColumn, type Sort, type decodeCursor } from './paging.ts';
import { softDeleteRow, updateAtVersion } from './versioned.ts';

export const CONTACT_SORTS: Record<string, SortColumn> = {
  lastName: { expr: sql`lower(p.last_name)`, nullable: false, text: true },
  firstName: { expr: sql`lower(p.first_name)`, nullable: false, text: true },
  email: { expr: sql`lower(p.email)`, nullable: true, text: true },
  company: { expr: sql`lower(c.name)`, nullable: false, text: true },
  // C-4: within a company the primary contact first, then by last name
  primaryFirst: { expr: sql`(CASE WHEN p.is_primary THEN '0' ELSE '1' END || lower(p.last_name))`, nullable: false, text: true },
  createdAt: { expr: sql`p.created_at`, nullable: false },
  updatedAt: { expr: sql`p.updated_at`, nullable: false },
};

function selectContacts(db: Db) {
  return db
    .selectFrom('contacts as p')
    .innerJoin('companies as c', 'c.id', 'p.companyId')
    .leftJoin('users as editor', 'editor.id', 'p.updatedBy')
    .selectAll('p')
    .select(['c.name as companyName', 'c.ownerId as companyOwnerId', 'editor.initials as updatedByInitials'])
    .where('p.deletedAt', 'is', null);
}

export type ContactRow = Awaited<ReturnType<ReturnType<typeof selectContacts>['executeTakeFirstOrThrow']>>;

export function findContact(db: Db, id: number): Promise<ContactRow | undefined> {
  return selectContacts(db).where('p.id', '=', id).executeTakeFirst();
}

export type ContactFilters = { q?: string | undefined; letter?: string | undefined; companyId?: number[] | undefined; email?: string | undefined };

/** The WHERE conditions of a selection of `contacts p` (L-1, L-3), shared by the list and the exports. */
export function contactConditions(f: ContactFilters): RawBuilder<boolean>[] {
  const where: RawBuilder<boolean>[] = [sql<boolean>`p.deleted_at IS NULL`];
  if (f.companyId) where.push(sql<boolean>`p.company_id IN (${sql.join(f.companyId)})`);
  if (f.email) where.push(sql<boolean>`lower(p.email) = lower(${f.email})`);
  if (f.letter) where.push(sql<boolean>`lower(p.last_name) LIKE ${`${f.letter.toLocaleLowerCase('da')}%`}`);
  if (f.q) {
    where.push(
      sql<boolean>`(lower(p.last_name) LIKE ${f.q} OR lower(p.first_name) LIKE ${f.q} OR lower(p.first_name || ' ' || p.last_name) LIKE ${f.q} OR lower(p.email) LIKE ${f.q})`,
    );
  }
  return where;
}

export async function listContacts(db: Db, query: { sort: Sort; cursor: ReturnType<typeof decodeCursor>; limit: number; filters: ContactFilters }) {
  const sorted = CONTACT_SORTS[query.sort.field] as SortColumn;
  const column = query.filters.q ? searchOrder(sorted) : sorted;
  const selection = sql<boolean>`(${sql.join(contactConditions(query.filters), sql` AND `)})`;
  return readPage(column, sql`p.id`, query.sort, query.cursor, query.limit, (where, order, limit) =>
    selectContacts(db).select(sql<string | null>`(${column.expr})::text`.as('sortKey')).where(selection).where(where).orderBy(order).limit(limit).execute(),
  );
}

export async function insertContact(db: Db, row: Insertable<ContactsTable>) {
  const { id } = await db.insertInto('contacts').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function updateContactRow(db: Db, id: number, version: number, actorId: number, changes: Updateable<ContactsTable>): Promise<boolean> {
  return updateAtVersion(db, 'contacts', id, version, actorId, changes);
}

/** Only one primary contact / default reference per company: clear the flag on the others first. */
export async function clearFlag(db: Db, companyId: number, flag: 'isPrimary' | 'isDefaultReference', exceptId: number | null) {
  let query = db.updateTable('contacts').set({ [flag]: false }).where('companyId', '=', companyId).where(flag, '=', true);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  await query.execute();
}

export async function softDeleteContact(db: Db, id: number, actorId: number) {
  await softDeleteRow(db, 'contacts', id, actorId, { isPrimary: false, isDefaultReference: false });
}
