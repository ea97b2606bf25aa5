import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import type { CompaniesTable, Db } from './schema.ts';
import { readPage, searchOrder, type SortColumn, type Sort, type decodeCursor } from './paging.ts';
import { softDeleteRow, updateAtVersion } from './versioned.ts';

export const COMPANY_SORTS: Record<string, SortColumn> = {
  name: { expr: sql`lower(c.name)`, nullable: false, text: true },
  accountNumber: { expr: sql`c.account_number`, nullable: false },
  status: { expr: sql`c.status`, nullable: false },
  country: { expr: sql`c.country`, nullable: true },
  city: { expr: sql`lower(c.city)`, nullable: true, text: true },
  ownerId: { expr: sql`c.owner_id`, nullable: true },
  createdAt: { expr: sql`c.created_at`, nullable: false },
  updatedAt: { expr: sql`c.updated_at`, nullable: false },
};

const interestTypeIds = sql<number[]>`array(SELECT interest_type_id FROM company_interest_types t WHERE t.company_id = c.id ORDER BY 1)`;

function selectCompanies(db: Db) {
  return db
    .selectFrom('companies as c')
    .leftJoin('users as editor', 'editor.id', 'c.updatedBy')
    .selectAll('c')
    .select(interestTypeIds.as('interestTypeIds'))
    .select('editor.initials as updatedByInitials')
    .where('c.deletedAt', 'is', null);
}

export type CompanyRow = Awaited<ReturnType<ReturnType<typeof selectCompanies>['executeTakeFirstOrThrow']>>;

/** One the caller just wrote, read back in its transaction: a missing row is a bug, not a 404. */
export function findCompanyOrThrow(db: Db, id: number): Promise<CompanyRow> {
  return selectCompanies(db).where('c.id', '=', id).executeTakeFirstOrThrow();
}

export function findCompany(db: Db, id: number): Promise<CompanyRow | undefined> {
  return selectCompanies(db).where('c.id', '=', id).executeTakeFirst();
}

/** Several, each as `findCompany` reads it: the ones an import updates, before and after, for their history (O-24). */
export async function findCompanies(db: Db, ids: readonly number[]): Promise<CompanyRow[]> {
  return ids.length ? selectCompanies(db).where('c.id', 'in', ids).execute() : [];
}

export type CompanyFilters = {
  q?: string | undefined;
  letter?: string | undefined;
  status?: ('prospect' | 'active')[] | undefined;
  ownerId?: number[] | undefined;
  country?: string[] | undefined;
  industryId?: number[] | undefined;
  targetGroupId?: number[] | undefined;
  interestTypeId?: number[] | undefined;
  sourceId?: number[] | undefined;
  campaignId?: number[] | undefined;
  accountNumber?: string | undefined;
};

const LIST_FILTERS = {
  status: 'status',
  ownerId: 'owner_id',
  country: 'country',
  industryId: 'industry_id',
  targetGroupId: 'target_group_id',
  sourceId: 'source_id',
  campaignId: 'campaign_id',
} as const;

/** The WHERE conditions of a selection of `companies c` (L-1, L-3), shared by the list and the exports. */
export function companyConditions(f: CompanyFilters): RawBuilder<boolean>[] {
  const where: RawBuilder<boolean>[] = [sql<boolean>`c.deleted_at IS NULL`];
  if (f.q) {
    // each column has a trigram index (migration 0006), so this is a BitmapOr, not a scan
    where.push(sql<boolean>`(lower(c.name) LIKE ${f.q} OR lower(c.search_name) LIKE ${f.q} OR lower(c.account_number) LIKE ${f.q}
      OR lower(c.org_number) LIKE ${f.q} OR lower(c.city) LIKE ${f.q})`);
  }
  if (f.letter) where.push(sql<boolean>`lower(c.name) LIKE ${`${f.letter.toLocaleLowerCase('da')}%`}`);
  for (const [filter, column] of Object.entries(LIST_FILTERS)) {
    const values = f[filter as keyof typeof LIST_FILTERS];
    if (values) where.push(sql<boolean>`${sql.ref(`c.${column}`)} IN (${sql.join(values)})`);
  }
  if (f.accountNumber) where.push(sql<boolean>`c.account_number = ${f.accountNumber}`);
  if (f.interestTypeId) {
    where.push(
      sql<boolean>`EXISTS (SELECT 1 FROM company_interest_types t WHERE t.company_id = c.id AND t.interest_type_id IN (${sql.join(f.interestTypeId)}))`,
    );
  }
  return where;
}

export async function listCompanies(
  db: Db,
  query: { sort: Sort; cursor: ReturnType<typeof decodeCursor>; limit: number; filters: CompanyFilters },
) {
  const sorted = COMPANY_SORTS[query.sort.field] as SortColumn;
  const column = query.filters.q ? searchOrder(sorted) : sorted;
  const selection = sql<boolean>`(${sql.join(companyConditions(query.filters), sql` AND `)})`;
  return readPage(column, sql`c.id`, query.sort, query.cursor, query.limit, (where, order, limit) =>
    selectCompanies(db)
      .select(sql<string | null>`(${column.expr})::text`.as('sortKey'))
      .where(selection)
      .where(where)
      .orderBy(order)
      .limit(limit)
      .execute(),
  );
}

/** C-1: the next free account number — one above the highest numeric one (an index lookup). */
export async function nextAccountNumber(db: Db): Promise<string> {
  const row = await db
    .selectFrom('companies')
    .select('accountNumberValue')
    .where('accountNumberValue', 'is not', null)
    .orderBy('accountNumberValue', 'desc')
    .limit(1)
    .executeTakeFirst();
  return String((row?.accountNumberValue ?? 10000) + 1);
}

/** Serialises number assignment inside a transaction, so two creates never pick the same number. */
export async function lockNumbering(db: Db, name: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${name}))`.execute(db);
}

export async function insertCompany(db: Db, row: Insertable<CompaniesTable>, interestTypeIds: number[] | undefined) {
  const { id } = await db.insertInto('companies').values(row).returning('id').executeTakeFirstOrThrow();
  if (interestTypeIds?.length) await setInterestTypes(db, id, interestTypeIds);
  return id;
}

export function updateCompanyRow(
  db: Db,
  id: number,
  version: number,
  actorId: number,
  changes: Updateable<CompaniesTable>,
): Promise<boolean> {
  return updateAtVersion(db, 'companies', id, version, actorId, changes);
}

export async function setInterestTypes(db: Db, companyId: number, ids: number[]) {
  await db.deleteFrom('companyInterestTypes').where('companyId', '=', companyId).execute();
  const unique = [...new Set(ids)];
  if (unique.length)
    await db
      .insertInto('companyInterestTypes')
      .values(unique.map((interestTypeId) => ({ companyId, interestTypeId })))
      .execute();
}

export async function softDeleteCompany(db: Db, id: number, actorId: number) {
  await softDeleteRow(db, 'companies', id, actorId);
}

export async function countOpenOpportunitiesOfCompany(db: Db, companyId: number): Promise<number> {
  const row = await db
    .selectFrom('opportunities')
    .select(sql<number>`count(*)`.as('n'))
    .where('companyId', '=', companyId)
    .where('deletedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}
