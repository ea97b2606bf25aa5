import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from './connect.ts';
import { compileOnce } from './compile-once.ts';
import { freshDatabase } from '../../test/helpers/database.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

describe('compileOnce', () => {
  it('compiles once per handle and runs with each call’s own values, rows mapped to camelCase', async () => {
    let builds = 0;
    const pick = compileOnce((db, key: string, limit: number) => {
      builds++;
      return db.selectFrom('settings').select(['key', sql<string>`'x'`.as('some_value')]).where('key', '=', key).limit(limit);
    });
    expect((await pick(database.db, 'stagnationDays', 1)).rows).toEqual([{ key: 'stagnationDays', someValue: 'x' }]);
    expect((await pick(database.db, 'language', 1)).rows).toEqual([{ key: 'language', someValue: 'x' }]);
    expect((await pick(database.db, 'no such key', 1)).rows).toEqual([]);
    expect(builds).toBe(1);
    await database.db.transaction().execute(async (trx) => {
      expect((await pick(trx, 'language', 1)).rows).toHaveLength(1);
    });
    expect(builds).toBe(2);
  });

  it('builds on every call when a value does not end up as one parameter', async () => {
    let builds = 0;
    const raw = compileOnce((db, column: string) => {
      builds++;
      return db.selectFrom('settings').select(sql.ref<string>(column).as('picked')).where('key', '=', 'language');
    });
    expect((await raw(database.db, 'key')).rows).toEqual([{ picked: 'language' }]);
    expect((await raw(database.db, 'key')).rows).toEqual([{ picked: 'language' }]);
    expect(builds).toBe(3);
  });
});
