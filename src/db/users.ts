import { sql, type Selectable } from 'kysely';
import type { Db, UsersTable } from './schema.ts';
import { keyset, pageOf, type Sort } from './paging.ts';

export type UserRecord = Omit<Selectable<UsersTable>, 'passwordHash'>;

const columns = [
  'id',
  'name',
  'initials',
  'email',
  'role',
  'regionId',
  'departmentId',
  'language',
  'active',
  'version',
  'createdAt',
  'updatedAt',
] as const;

export const USER_SORTS = {
  name: { expr: sql`lower(name)`, nullable: false },
  email: { expr: sql`lower(email)`, nullable: false },
  initials: { expr: sql`lower(initials)`, nullable: false },
  createdAt: { expr: sql`created_at`, nullable: false },
} as const;

export function findUser(db: Db, id: number): Promise<UserRecord | undefined> {
  return db.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst();
}

/** The active user with this email; without an email, the first active admin. */
export function findActiveUser(db: Db, email: string | undefined): Promise<UserRecord | undefined> {
  const query = db.selectFrom('users').select(columns).where('active', '=', true);
  return (email ? query.where('email', '=', email) : query.where('role', '=', 'admin').orderBy('id')).executeTakeFirst();
}

export async function listUsers(
  db: Db,
  query: {
    sort: Sort;
    cursor: ReturnType<typeof import('./paging.ts').decodeCursor>;
    limit: number;
    active?: boolean;
    role?: string[];
    q?: string;
  },
) {
  const column = USER_SORTS[query.sort.field as keyof typeof USER_SORTS];
  const { where, order } = keyset(column, sql`id`, query.sort, query.cursor);
  let select = db
    .selectFrom('users')
    .select(columns)
    .select(sql<string | null>`(${column.expr})::text`.as('sortKey'))
    .where(where);
  if (query.active !== undefined) select = select.where('active', '=', query.active);
  if (query.role) select = select.where('role', 'in', query.role as UsersTable['role'][]);
  if (query.q) select = select.where(sql<boolean>`(lower(name) LIKE ${query.q} OR lower(email) LIKE ${query.q})`);
  const rows = await select
    .orderBy(order)
    .limit(query.limit + 1)
    .execute();
  return pageOf(rows, query.limit, query.sort);
}

export function insertUser(
  db: Db,
  row: {
    name: string;
    initials: string;
    email: string;
    passwordHash: string;
    role: UsersTable['role'];
    regionId: number | null;
    departmentId: number | null;
    language: 'en' | 'da' | 'nb' | 'sv';
  },
) {
  return db.insertInto('users').values(row).returning(columns).executeTakeFirstOrThrow();
}

export async function updateUser(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<Omit<Selectable<UsersTable>, 'id' | 'version' | 'createdAt'>>,
) {
  return db
    .updateTable('users')
    .set({ ...changes, version: sql`version + 1`, updatedAt: new Date() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning(columns)
    .executeTakeFirst();
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)`.as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function setPasswordHash(db: Db, id: number, passwordHash: string) {
  await db.updateTable('users').set({ passwordHash, updatedAt: new Date() }).where('id', '=', id).execute();
}
