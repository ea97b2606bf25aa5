// SQL for sessions, personal API tokens and the sign-in log.
import { sql } from 'kysely';
import type { Db, UsersTable } from './schema.ts';
import type { Selectable } from 'kysely';
import { compileOnce } from './compile-once.ts';

export type UserRow = Selectable<UsersTable>;

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql<boolean>`lower(email) = lower(${email})`)
    .executeTakeFirst();
}

/** The email and password hash of a user, for checking a password they type while signed in. */
export function findCredentials(db: Db, userId: number) {
  return db.selectFrom('users').select(['email', 'passwordHash']).where('id', '=', userId).executeTakeFirst();
}

export async function insertSession(db: Db, row: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date }) {
  await db.insertInto('sessions').values(row).execute();
}

// every column of users but the password hash: the request's actor (a column missing here fails to type-check there)
const ACTOR_COLUMNS = [
  'users.id',
  'users.name',
  'users.initials',
  'users.email',
  'users.role',
  'users.regionId',
  'users.departmentId',
  'users.language',
  'users.active',
  'users.version',
  'users.createdAt',
  'users.updatedAt',
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
    await db
      .updateTable('sessions')
      .set({ expiresAt: new Date(now.getTime() + ttlMs) })
      .where('tokenHash', '=', tokenHash)
      .execute();
  }
  return row;
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
}

/** Ends a user's sessions (but the one kept); returns how many ended. */
export async function deleteSessionsOfUser(db: Db, userId: number, exceptTokenHash?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('userId', '=', userId);
  if (exceptTokenHash) query = query.where('tokenHash', '!=', exceptTokenHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
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

/** Revokes every live API token of a user; returns how many. */
export async function revokeTokensOfUser(db: Db, userId: number, now: Date): Promise<number> {
  const result = await db
    .updateTable('apiTokens')
    .set({ revokedAt: now })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export type AuthEventKind = 'login' | 'login_failed' | 'login_limited' | 'logout' | 'denied';

export async function logAuthEvent(
  db: Db,
  event: { kind: AuthEventKind; email?: string | null; userId?: number | null; ip?: string | null; detail?: string | null },
) {
  await db
    .insertInto('authEvents')
    .values({
      kind: event.kind,
      email: event.email ?? null,
      userId: event.userId ?? null,
      ip: event.ip ?? null,
      detail: event.detail ?? null,
    })
    .execute();
}

/** How many attempts a key gets for free, and how long it waits after each one beyond them (doubling up to a maximum). */
export type ThrottleRule = { free: number; baseSeconds: number; maxSeconds: number; resetAfterSeconds: number };

// when the next attempt is allowed once the free ones are used: the one home of the delay formula
const allowedAt = (rule: ThrottleRule) =>
  sql<Date>`t.last_attempt_at + make_interval(secs => least(${rule.maxSeconds}::float8, ${rule.baseSeconds}::float8 * power(2::float8, greatest(least(t.failures - ${rule.free}::int, 30), 0))))`;

/**
 * Counts one attempt on `key` in a single statement, so parallel attempts each see the others'
 * count (on PGlite and on a server, across instances). Returns null when the attempt was counted
 * and may go on; else the time the next one is allowed.
 */
export async function countAttempt(db: Db, key: string, rule: ThrottleRule, now: Date): Promise<Date | null> {
  const resetBefore = new Date(now.getTime() - rule.resetAfterSeconds * 1000);
  const counted = await sql<{ failures: number }>`
    INSERT INTO sign_in_throttles AS t (key, failures, last_attempt_at) VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.last_attempt_at <= ${resetBefore} THEN 1 ELSE t.failures + 1 END,
      -- parallel attempts may arrive with their clocks a little out of order
      last_attempt_at = greatest(t.last_attempt_at, ${now})
    WHERE t.failures < ${rule.free}::int OR t.last_attempt_at <= ${resetBefore} OR ${allowedAt(rule)} <= ${now}
    RETURNING failures`.execute(db);
  if (counted.rows.length > 0) return null;
  const { rows } = await sql<{
    allowedAt: Date;
  }>`SELECT ${allowedAt(rule)} AS allowed_at FROM sign_in_throttles t WHERE t.key = ${key}`.execute(db);
  return rows[0]?.allowedAt ?? now;
}

/** Takes back one counted attempt (it turned out right, or another limit refused it). */
export async function uncountAttempt(db: Db, key: string) {
  await db
    .updateTable('signInThrottles')
    .set({ failures: sql`greatest(failures - 1, 0)` })
    .where('key', '=', key)
    .execute();
}

/** Forgets a key's failures (after a successful sign-in). */
export async function clearAttempts(db: Db, key: string) {
  await db.deleteFrom('signInThrottles').where('key', '=', key).execute();
}

/** Drops counts nobody has added to since `before`. */
export async function deleteStaleAttempts(db: Db, before: Date) {
  await db.deleteFrom('signInThrottles').where('lastAttemptAt', '<', before).execute();
}
