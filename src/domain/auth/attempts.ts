// password attempts are limited per account from one client address, with a delay that doubles
// after each failure beyond the free ones, so a stranger hammering an account slows only himself,
// while the owner signs in from anywhere else. A looser limit per client address only slows
// guessing across many accounts; it never locks anyone out for long.
import type { Db } from '../../db/schema.ts';
import { clearAttempts, countAttempt, deleteStaleAttempts, uncountAttempt, type ThrottleRule } from '../../db/auth.ts';
import { AppError } from '../errors.ts';

/** 5 free failures per account and address, then 1 min, 2, 4 … up to an hour between attempts; forgotten after a quiet day. */
export const ACCOUNT_RULE: ThrottleRule = { free: 5, baseSeconds: 60, maxSeconds: 3600, resetAfterSeconds: 24 * 3600 };
/** 30 free failures per address, then 1 s, 2, 4 … up to a minute between attempts; forgotten after a quiet hour. */
export const ADDRESS_RULE: ThrottleRule = { free: 30, baseSeconds: 1, maxSeconds: 60, resetAfterSeconds: 3600 };

export type Attempt = {
  /** The password was right: the account's failures from this address are forgotten, the address's count is taken back. */
  succeeded(): Promise<void>;
};

const accountKey = (email: string, ip: string) => `account:${email.trim().toLowerCase()}|${ip}`;
const addressKey = (ip: string) => `address:${ip}`;

/**
 * Counts a password attempt before the password is checked (so parallel guesses are counted too),
 * or refuses it with TOO_MANY_ATTEMPTS and the seconds to wait in `fields.retryAfter`.
 */
export async function startAttempt({
  db,
  email,
  ip,
  now = new Date(),
}: {
  db: Db;
  email: string;
  ip: string;
  now?: Date;
}): Promise<Attempt> {
  const account = accountKey(email, ip);
  const address = addressKey(ip);
  const accountWait = await countAttempt(db, account, ACCOUNT_RULE, now);
  if (accountWait) throw tooMany(accountWait, now);
  const addressWait = await countAttempt(db, address, ADDRESS_RULE, now);
  if (addressWait) {
    await uncountAttempt(db, account);
    throw tooMany(addressWait, now);
  }
  return {
    async succeeded() {
      await clearAttempts(db, account);
      await uncountAttempt(db, address);
    },
  };
}

/** Drops the counts every rule has forgotten anyway (maintenance). */
export async function forgetStaleAttempts(db: Db, now = new Date()) {
  const longest = Math.max(ACCOUNT_RULE.resetAfterSeconds, ADDRESS_RULE.resetAfterSeconds);
  await deleteStaleAttempts(db, new Date(now.getTime() - longest * 1000));
}

function tooMany(allowedAt: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((allowedAt.getTime() - now.getTime()) / 1000));
  return new AppError('TOO_MANY_ATTEMPTS', `Too many failed attempts. Try again in ${seconds} seconds.`, {
    fields: { retryAfter: String(seconds) },
  });
}
