import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import type { ContactsTable, Db } from './schema.ts';
import { pagePart, readPageParts, searchOrder, type PagePart, type SortColumn, type Sort, type decodeCursor } from './paging.ts';
import { compilePerShape } from './compile-once.ts';
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

/** One the caller just wrote, read back in its transaction: a missing row is a bug, not a 404. */
export function findContactOrThrow(db: Db, id: number): Promise<ContactRow> {
  return selectContacts(db).where('p.id', '=', id).executeTakeFirstOrThrow();
}

/** Several, each as `findContact` reads it: the ones an import updates, before and after, for their history (O-24). */
export async function findContacts(db: Db, ids: readonly number[]): Promise<ContactRow[]> {
  return ids.length ? selectContacts(db).where('p.id', 'in', ids).execute() : [];
}

export type ContactFilters = {
  q?: string | undefined;
  letter?: string | undefined;
  companyId?: number[] | undefined;
  email?: string | undefined;
};

/** The WHERE conditions of a selection of `contacts p` (L-1, L-3), shared by the list and the exports. */
export function contactConditions(f: ContactFilters): RawBuilder<boolean>[] {
  return conditionsOf({ ...f, letter: f.letter ? initialPattern(f.letter) : undefined }, f.q !== undefined && isContainsPattern(f.q));
}

/**
 * Whether a LIKE pattern from `likePattern` is a `contains` one (`%x%`): a leading `%` and a trailing
 * one that is not escaped (an even number of backslashes before it).
 */
export function isContainsPattern(pattern: string): boolean {
  if (pattern.length < 2 || !pattern.startsWith('%') || !pattern.endsWith('%')) return false;
  let backslashes = 0;
  for (let i = pattern.length - 2; i >= 0 && pattern[i] === '\\'; i--) backslashes += 1;
  return backslashes % 2 === 0;
}

// the LIKE pattern of a last name's initial letter
const initialPattern = (letter: string) => `${letter.toLocaleLowerCase('da')}%`;

/**
 * The conditions, with `letter` already the LIKE pattern of its initial. `contains`: `q` is a contains
 * pattern, and "first last" contains whatever the first or the last name contains (both are NOT NULL),
 * so the full name and the email are searched alone — a trigram index scan and a recheck less per row
 * (`q=hansen` at 400 000 contacts: ~45 → ~36 ms).
 */
function conditionsOf(f: ContactFilters, contains: boolean): RawBuilder<boolean>[] {
  const where: RawBuilder<boolean>[] = [sql<boolean>`p.deleted_at IS NULL`];
  if (f.companyId) where.push(sql<boolean>`p.company_id IN (${sql.join(f.companyId)})`);
  if (f.email) where.push(sql<boolean>`lower(p.email) = lower(${f.email})`);
  if (f.letter) where.push(sql<boolean>`lower(p.last_name) LIKE ${f.letter}`);
  if (f.q && contains) {
    where.push(sql<boolean>`(lower(p.first_name || ' ' || p.last_name) LIKE ${f.q} OR lower(p.email) LIKE ${f.q})`);
  } else if (f.q) {
    where.push(
      sql<boolean>`(lower(p.last_name) LIKE ${f.q} OR lower(p.first_name) LIKE ${f.q} OR lower(p.first_name || ' ' || p.last_name) LIKE ${f.q} OR lower(p.email) LIKE ${f.q})`,
    );
  }
  return where;
}

const sortColumn = (sort: Sort, search: boolean) => {
  const sorted = CONTACT_SORTS[sort.field] as SortColumn;
  return search ? searchOrder(sorted) : sorted;
};

// one part of a page (paging.ts), compiled once per sort, filters set and part
const contactPage = compilePerShape(
  (
    db,
    shape: { sort: Sort; search: boolean; contains: boolean; part: PagePart },
    v: ContactFilters & { cursorValue: string | null | undefined; cursorId: number | undefined; limit: number },
  ) => {
    const column = sortColumn(shape.sort, shape.search);
    const cursor = v.cursorId === undefined ? null : { v: v.cursorValue ?? null, id: v.cursorId };
    const { where, order } = pagePart(column, sql`p.id`, shape.sort, shape.part, cursor);
    const selection = sql<boolean>`(${sql.join(conditionsOf(v, shape.contains), sql` AND `)})`;
    const page = selectContacts(db)
      .select(sql<string | null>`(${column.expr})::text`.as('sortKey'))
      .orderBy(order)
      .limit(v.limit);
    if (!shape.search) return page.where(selection).where(where);
    // A search sorts its matches (searchOrder), thousands for a common name: only their ids and sort keys
    // are sorted, and only the page's rows are read whole and joined (q=hansen at 400 000 contacts, 17 629
    // matches: ~40 → ~31 ms). The company is joined for the sort by company only.
    const company = shape.sort.field === 'company' ? sql`JOIN companies c ON c.id = p.company_id` : sql``;
    return page.where(
      sql<boolean>`p.id IN (SELECT p.id FROM contacts p ${company} WHERE ${selection} AND ${where} ORDER BY ${order} LIMIT ${v.limit})`,
    );
  },
);

export async function listContacts(
  db: Db,
  query: { sort: Sort; cursor: ReturnType<typeof decodeCursor>; limit: number; filters: ContactFilters },
) {
  const { sort, cursor, filters: f } = query;
  const search = Boolean(f.q);
  const contains = f.q !== undefined && isContainsPattern(f.q);
  const filters = { q: f.q, letter: f.letter ? initialPattern(f.letter) : undefined, companyId: f.companyId, email: f.email };
  return readPageParts(sortColumn(sort, search).nullable, sort, cursor, query.limit, async (part, limit) => {
    const { rows } = await contactPage(
      db,
      { sort, search, contains, part },
      { ...filters, cursorValue: cursor?.v, cursorId: cursor?.id, limit },
    );
    return rows;
  });
}

/** Whether the company has a contact that is not deleted. */
export async function companyHasContacts(db: Db, companyId: number): Promise<boolean> {
  const row = await db
    .selectFrom('contacts')
    .select('id')
    .where('companyId', '=', companyId)
    .where('deletedAt', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertContact(db: Db, row: Insertable<ContactsTable>) {
  const { id } = await db.insertInto('contacts').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function updateContactRow(
  db: Db,
  id: number,
  version: number,
  actorId: number,
  changes: Updateable<ContactsTable>,
): Promise<boolean> {
  return updateAtVersion(db, 'contacts', id, version, actorId, changes);
}

/** Only one primary contact / default reference per company: clear the flag on the others first. */
export async function clearFlag(db: Db, companyId: number, flag: 'isPrimary' | 'isDefaultReference', exceptId: number | null) {
  let query = db
    .updateTable('contacts')
    .set({ [flag]: false })
    .where('companyId', '=', companyId)
    .where(flag, '=', true);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  await query.execute();
}

export async function softDeleteContact(db: Db, id: number, actorId: number) {
  await softDeleteRow(db, 'contacts', id, actorId, { isPrimary: false, isDefaultReference: false });
}
