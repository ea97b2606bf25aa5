import type { Db } from '../../db/schema.ts';
import { findUserByEmail, insertSession, logAuthEvent, type UserRow } from '../../db/auth.ts';
import { AppError } from '../errors.ts';
import { startAttempt } from './attempts.ts';
import { verifyPassword } from './password.ts';
import { hashSecret, newSecret } from './tokens.ts';

export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

/** counts the attempt (attempts.ts), checks the password, logs the attempt, and opens a session. */
export async function signIn({
  db,
  email,
  password,
  ip,
  now = new Date(),
}: {
  db: Db;
  email: string;
  password: string;
  ip: string;
  now?: Date;
}): Promise<{
  user: UserRow;
  sessionToken: string;
  csrfToken: string;
}> {
  const attempt = await startAttempt({ db, email, ip, now }).catch(async (error: unknown) => {
    if (error instanceof AppError) await logAuthEvent(db, { kind: 'login_limited', email, ip });
    throw error;
  });
  const user = await findUserByEmail(db, email);
  // verify even when the user is unknown, so response time does not reveal which emails exist
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !ok || !user.active) {
    await logAuthEvent(db, {
      kind: 'login_failed',
      email,
      ip,
      userId: user?.id ?? null,
      detail: user && !user.active ? 'inactive user' : null,
    });
    throw new AppError('INVALID_CREDENTIALS', 'Wrong email or password', { fields: { email: 'wrong email or password' } });
  }
  await attempt.succeeded();
  const sessionToken = newSecret();
  const csrfToken = newSecret();
  await insertSession(db, {
    tokenHash: hashSecret(sessionToken),
    userId: user.id,
    csrfToken,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
  });
  await logAuthEvent(db, { kind: 'login', email, ip, userId: user.id });
  return { user, sessionToken, csrfToken };
}

/** Opens a session for a user without a password check (right after first-start setup). */
export async function openSession(db: Db, userId: number, now = new Date()) {
  const sessionToken = newSecret();
  const csrfToken = newSecret();
  await insertSession(db, { tokenHash: hashSecret(sessionToken), userId, csrfToken, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) });
  return { sessionToken, csrfToken };
}

// argon2id hash of a random string nobody knows
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0qJ4Nvx1h5Cd2QoXx6VpBvKq1Nf5m5x0CkQy6mR7hCs';
