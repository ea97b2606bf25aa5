import type { Db } from '../../db/schema.ts';
import { countActiveAdmins, findUser, insertUser, setPasswordHash, updateUser as updateUserRow, type UserRecord } from '../../db/users.ts';
import { deleteSessionsOfUser, findCredentials, logAuthEvent, revokeTokensOfUser } from '../../db/auth.ts';
import { startAttempt } from '../auth/attempts.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../auth/password.ts';
import { isAdmin, type Actor } from '../auth/permissions.ts';

export type Language = 'en' | 'da' | 'nb' | 'sv';
export type Role = 'admin' | 'manager' | 'seller';

/** Initials from a name: first letter of each part, at most three ("Anne Sofie Ølgaard" → "ASØ"). */
export function initialsFor(name: string): string {
  const parts = name
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean);
  const letters = parts.length <= 3 ? parts : [parts[0], parts[1], parts.at(-1)];
  return letters.map((p) => (p ?? '').charAt(0).toLocaleUpperCase('da')).join('');
}

function checkPassword(password: string, field = 'password') {
  if (password.length < MIN_PASSWORD_LENGTH) throw invalid(field, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
}

export type NewUser = {
  name: string;
  email: string;
  password: string;
  role: Role;
  initials?: string | undefined;
  regionId?: number | null | undefined;
  departmentId?: number | null | undefined;
  language?: Language | undefined;
};

/** Creates a user. `actor` null only for the first admin at first start. */
export async function createUser({ db, actor, input }: { db: Db; actor: Actor | null; input: NewUser }): Promise<UserRecord> {
  if (actor && !isAdmin(actor)) throw new AppError('FORBIDDEN', 'Only an admin can create users');
  checkPassword(input.password);
  return insertUser(db, {
    name: input.name,
    initials: input.initials?.trim() || initialsFor(input.name),
    email: input.email.trim(),
    passwordHash: await hashPassword(input.password),
    role: input.role,
    regionId: input.regionId ?? null,
    departmentId: input.departmentId ?? null,
    language: input.language ?? 'en',
  });
}

export type UserChanges = {
  version: number;
  name?: string | undefined;
  initials?: string | undefined;
  email?: string | undefined;
  role?: Role | undefined;
  regionId?: number | null | undefined;
  departmentId?: number | null | undefined;
  language?: Language | undefined;
  active?: boolean | undefined;
  password?: string | undefined;
};

const SELF_EDITABLE = new Set(['version', 'name', 'initials', 'language']);

/**
 * Admins change any user; everyone changes their own name, initials and language. A password set
 * by an admin ends all the user's sessions and revokes their API tokens (`revokedTokens`).
 */
export async function updateUser({ db, actor, id, changes }: { db: Db; actor: Actor; id: number; changes: UserChanges }): Promise<{
  user: UserRecord;
  revokedTokens: number | null;
}> {
  const current = await findUser(db, id);
  if (!current) throw notFound('User', id);
  if (!isAdmin(actor)) {
    const forbidden = Object.keys(changes).filter((k) => !SELF_EDITABLE.has(k) && changes[k as keyof UserChanges] !== undefined);
    if (actor.id !== id || forbidden.length > 0) {
      throw new AppError(
        'FORBIDDEN',
        actor.id !== id ? 'Only an admin can change other users' : `Only an admin can change ${forbidden.join(', ')}`,
      );
    }
  }
  const losesAdmin = current.role === 'admin' && current.active && ((changes.role && changes.role !== 'admin') || changes.active === false);
  if (losesAdmin && (await countActiveAdmins(db)) <= 1) {
    throw new AppError('LAST_ADMIN', 'The last active admin cannot be demoted or deactivated', { fields: { role: 'last admin' } });
  }
  const { version, password, ...rest } = changes;
  const fields = Object.fromEntries(Object.entries(rest as Record<string, unknown>).filter(([, v]) => v !== undefined));
  if (password !== undefined) {
    checkPassword(password);
    await setPasswordHash(db, id, await hashPassword(password));
  }
  const updated = await updateUserRow(db, id, version, fields);
  if (!updated) throw new AppError('VERSION_CONFLICT', 'The user was changed by someone else', { current: await findUser(db, id) });
  if (changes.active === false || password !== undefined) await deleteSessionsOfUser(db, id);
  // a reset password means the old one may be known to someone: what it gave access to ends too
  const revokedTokens = password !== undefined ? await revokeTokensOfUser(db, id, new Date()) : null;
  return { user: updated, revokedTokens };
}

/**
 * a signed-in user changes their own password. Guesses at the current one are limited like
 * sign-ins; afterwards the user's API tokens are revoked and their other sessions end.
 */
export async function changePassword({
  db,
  actor,
  currentPassword,
  newPassword,
  keepSessionHash,
  ip,
  now = new Date(),
}: {
  db: Db;
  actor: Actor;
  currentPassword: string;
  newPassword: string;
  keepSessionHash?: string | undefined;
  ip: string;
  now?: Date;
}): Promise<{ revokedTokens: number; endedSessions: number }> {
  checkPassword(newPassword, 'newPassword');
  const stored = await findCredentials(db, actor.id);
  if (!stored) throw notFound('User', actor.id);
  const { email } = stored;
  // the same count as sign-ins of this account from this address: guessing here gains nothing
  const attempt = await startAttempt({ db, email, ip, now }).catch(async (error: unknown) => {
    if (error instanceof AppError)
      await logAuthEvent(db, { kind: 'login_limited', email, userId: actor.id, ip, detail: 'password change' });
    throw error;
  });
  if (!(await verifyPassword(stored.passwordHash, currentPassword))) {
    await logAuthEvent(db, { kind: 'login_failed', email, userId: actor.id, ip, detail: 'password change' });
    throw invalid('currentPassword', 'is wrong');
  }
  await attempt.succeeded();
  const passwordHash = await hashPassword(newPassword);
  // the attempt count above stays outside: a rolled-back transaction would take it back
  return db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, actor.id, passwordHash);
    const revokedTokens = await revokeTokensOfUser(trx, actor.id, now);
    const endedSessions = await deleteSessionsOfUser(trx, actor.id, keepSessionHash);
    return { revokedTokens, endedSessions };
  });
}
