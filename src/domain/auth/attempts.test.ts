// the attempt counter itself, with a clock the test moves: free attempts, a doubling delay, and
// what a success forgets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { freshDatabase } from '../../../test/helpers/database.ts';
import { AppError } from '../errors.ts';
import { ADDRESS_RULE, forgetStaleAttempts, startAttempt } from './attempts.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

const t0 = new Date('2030-01-01T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

/** null when the attempt was counted (and left as a failure), else the seconds it has to wait */
async function attempt(email: string, ip: string, seconds: number): Promise<number | null> {
  try {
    await startAttempt({ db: database.db, email, ip, now: at(seconds) });
    return null;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'TOO_MANY_ATTEMPTS') throw error;
    return Number(error.fields?.retryAfter);
  }
}

describe('password attempts per account and address (A-5)', () => {
  it('gives five free failures, then waits 1, 2, 4 minutes between attempts', async () => {
    for (let i = 0; i < 5; i += 1) expect(await attempt('Eve@Example.com', '192.0.2.1', i)).toBeNull();
    expect(await attempt('eve@example.com', '192.0.2.1', 34)).toBe(30);
    expect(await attempt('eve@example.com', '192.0.2.1', 64)).toBeNull();
    expect(await attempt('eve@example.com', '192.0.2.1', 65)).toBe(119);
    expect(await attempt('eve@example.com', '192.0.2.1', 184)).toBeNull();
    expect(await attempt('eve@example.com', '192.0.2.1', 185)).toBe(239);
    // the same account from another address, and another account from this one, are not held up
    expect(await attempt('eve@example.com', '192.0.2.2', 185)).toBeNull();
    expect(await attempt('ann@example.com', '192.0.2.1', 185)).toBeNull();
    // after a quiet day the failures are forgotten
    expect(await attempt('eve@example.com', '192.0.2.1', 185 + 24 * 3600)).toBeNull();
    expect(await attempt('eve@example.com', '192.0.2.1', 186 + 24 * 3600)).toBeNull();
  });

  it('forgets an account’s failures after the right password', async () => {
    for (let i = 0; i < 4; i += 1) expect(await attempt('bo@example.com', '192.0.2.9', i)).toBeNull();
    const right = await startAttempt({ db: database.db, email: 'bo@example.com', ip: '192.0.2.9', now: at(5) });
    await right.succeeded();
    for (let i = 0; i < 5; i += 1) expect(await attempt('bo@example.com', '192.0.2.9', 10 + i)).toBeNull();
    expect(await attempt('bo@example.com', '192.0.2.9', 20)).toBe(54);
  });

  it('only slows an address that guesses across many accounts, and a success does not count', async () => {
    const ip = '198.51.100.7';
    for (let i = 0; i < 10; i += 1)
      await (await startAttempt({ db: database.db, email: `ok${i}@example.com`, ip, now: at(0) })).succeeded();
    for (let i = 0; i < ADDRESS_RULE.free; i += 1) expect(await attempt(`user${i}@example.com`, ip, 1)).toBeNull();
    expect(await attempt('someone@example.com', ip, 1)).toBe(1);
    // the refusal by address did not count against the account
    for (let i = 0; i < 5; i += 1) expect(await attempt('someone@example.com', '198.51.100.8', 1)).toBeNull();
    expect(await attempt('other@example.com', ip, 2)).toBeNull();
    expect(await attempt('other2@example.com', ip, 2)).toBe(2);
    expect(await attempt('other2@example.com', ip, 4)).toBeNull();
  });

  it('doubles an address’s wait up to a minute, never more', async () => {
    const ip = '198.51.100.99';
    for (let i = 0; i < ADDRESS_RULE.free; i += 1) expect(await attempt(`spray${i}@example.com`, ip, 0)).toBeNull();
    let seconds = 0;
    const waits: (number | null)[] = [];
    for (let i = 0; i < 9; i += 1) {
      const wait = await attempt(`more${i}@example.com`, ip, seconds);
      waits.push(wait);
      seconds += wait ?? 0;
      expect(await attempt(`more${i}@example.com`, ip, seconds)).toBeNull();
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('counts forty parallel attempts one by one: five go on, the others wait', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, () => attempt('par@example.com', '203.0.113.40', 0)));
    expect(results.filter((r) => r === null)).toHaveLength(5);
    expect(results.filter((r) => r === 60)).toHaveLength(35);
  });

  it('drops the counts of keys quiet for longer than every rule remembers', async () => {
    const late = new Date('2031-06-01T00:00:00Z');
    await startAttempt({ db: database.db, email: 'fresh@example.com', ip: '192.0.2.77', now: late });
    await forgetStaleAttempts(database.db, new Date(late.getTime() + 3600_000));
    const keys = (await database.db.selectFrom('signInThrottles').select('key').execute()).map((r) => r.key);
    expect(keys.sort()).toEqual(['account:fresh@example.com|192.0.2.77', 'address:192.0.2.77']);
  });
});
