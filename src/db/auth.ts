// SQL for sessions, personal API tokens and the sign-in log.
import { sql } from 'kysely';
import type { Db, UsersTable } from './schema.ts';
import type { Selectable } from 'kysely';
import { compileOnce } from './compile-once.ts';

export type UserRow = Selectable<UsersTable>;

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where(sql<boolean>`lower(email) = lower(${email})`).executeTakeFirst();
}

export async function insertSession(db: Db, row: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date }) {
  await db.insertInto('sessions').values(row).execute();
}

// every column of users but the password hash: the request's actor (a column missing here fails to type-check there)
const ACTOR_COLUMNS = [
  'users.id', 'users.name', 'users.initials', 'users.email', 'users.role', 'users.regionId', 'users.departmentId',
  'users.language', 'users.active', 'users.version', 'users.createdAt', 'users.updatedAt',
] as const;

const sessionUser = compileOnce((db, tokenHash: string, now: Date) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(ACTOR_COLUMNS)
    .select(['sessions.csrfToken', 'sessions.expiresAt'])
    .where('sessions.tokenHash', '=', tokenHash)
    .where('sessions.expiresAt', '>', now)
    .where('users.active', '=', true),
);

/** The signed-in user of a live session (without the password hash), sliding its expiry forward when more than a day has passed. */
export async function findSessionUser(db: Db, tokenHash: string, now: Date, ttlMs: number) {
  const row = (await sessionUser(db, tokenHash, now)).rows[0];
  if (row && row.expiresAt.getTime() - now.getTime() < ttlMs - 24 * 3600 * 1000) {
    await db.updateTable('sessions').set({ expiresAt: new Date(now.getTime() + ttlMs) }).where('tokenHash', '=', tokenHash).execute();
  }
  return row;
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: number, exceptTokenHash?: string) {
  let query = db.deleteFrom('sessions').where('userId', '=', userId);
  if (exceptTokenHash) query = query.where('tokenHash', '!=', exceptTokenHash);
  await query.execute();
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.deleteFrom('sessions').where('expiresAt', '<=', now).execute();
}

const tokenUser = compileOnce((db, tokenHash: string) =>
  db
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
    .select(ACTOR_COLUMNS)
    .select(['apiTokens.id as tokenId', 'apiTokens.lastUsedAt'])
    .where('apiTokens.tokenHash', '=', tokenHash)
    .where('apiTokens.revokedAt', 'is', null)
    .where('users.active', '=', true),
);

export async function findTokenUser(db: Db, tokenHash: string) {
  const row = (await tokenUser(db, tokenHash)).rows[0];
  // note the use at most once a minute, so a busy integration does not write on every request
  if (row && (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000)) {
    await db.updateTable('apiTokens').set({ lastUsedAt: new Date() }).where('id', '=', row.tokenId).execute();
  }
  return row;
}

export function insertToken(db: Db, row: { userId: number; name: string; tokenHash: string }) {
  return db.insertInto('apiTokens').values(row).returning(['id', 'name', 'createdAt']).executeTakeFirstOrThrow();
}

export function listTokens(db: Db, userId: number) {
  return db
    .selectFrom('apiTokens')
    .select(['id', 'name', 'createdAt', 'lastUsedAt', 'revokedAt'])
    .where('userId', '=', userId)
    .orderBy('id', 'desc')
    .execute();
}

export async function revokeToken(db: Db, userId: number, tokenId: number): Promise<boolean> {
  const result = await db
    .updateTable('apiTokens')
    .set({ revokedAt: new Date() })
    .where('id', '=', tokenId)
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export type AuthEventKind = 'login' | 'login_failed' | 'login_limited' | 'logout' | 'denied';

export async function logAuthEvent(
  db: Db,
  event: { kind: AuthEventKind; email?: string | null; userId?: number | null; ip?: string | null; detail?: string | null },
) {
  await db
    .insertInto('authEvents')
    .values({ kind: event.kind, email: event.email ?? null, userId: event.userId ?? null, ip: event.ip ?? null, detail: event.detail ?? null })
    .execute();
}

/** Failed sign-ins since `since`, for one email address and for one client address. */
export async function countFailures(db: Db, email: string, ip: string, since: Date) {
  const row = await db
    .selectFrom('authEvents')
    .select([
      sql<number>`count(*) FILTER (WHERE lower(email) = lower(${email}))`.as('byEmail'),
      sql<number>`count(*) FILTER (WHERE ip = ${ip})`.as('byIp'),
    ])
    .where('kind', '=', 'login_failed')
    .where('at', '>', since)
    .where((eb) => eb.or([eb(sql`lower(email)`, '=', email.toLowerCase()), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  return { byEmail: Number(row.byEmail), byIp: Number(row.byIp) };
}
