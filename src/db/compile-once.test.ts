import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from './connect.ts';
import { compileOnce, compilePerShape } from './compile-once.ts';
import { saveSettings } from './settings.ts';
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
      return db
        .selectFrom('settings')
        .select(['key', sql<string>`'x'`.as('some_value')])
        .where('key', '=', key)
        .limit(limit);
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

describe('compilePerShape', () => {
  it('compiles once per shape and runs with each call’s own values, lists one parameter per element', async () => {
    let builds = 0;
    const pick = compilePerShape((db, shape: { desc: boolean }, v: { keys: string[]; prefix: string | undefined; limit: number }) => {
      builds++;
      let query = db.selectFrom('settings').select('key').where('key', 'in', v.keys);
      if (v.prefix) query = query.where('key', 'like', v.prefix);
      return query.orderBy('key', shape.desc ? 'desc' : 'asc').limit(v.limit);
    });
    await saveSettings(database.db, { stagnationDays: 30, language: 'en', companyName: 'Trakt' });
    const keys = async (shape: { desc: boolean }, v: { keys: string[]; prefix: string | undefined; limit: number }) =>
      (await pick(database.db, shape, v)).rows.map((r) => r.key);
    expect(await keys({ desc: false }, { keys: ['language', 'stagnationDays'], prefix: undefined, limit: 5 })).toEqual([
      'language',
      'stagnationDays',
    ]);
    expect(await keys({ desc: false }, { keys: ['companyName', 'language'], prefix: undefined, limit: 1 })).toEqual(['companyName']);
    expect(builds).toBe(1);
    // another order, another number of keys, a prefix: three more shapes
    expect(await keys({ desc: true }, { keys: ['companyName', 'language'], prefix: undefined, limit: 5 })).toEqual([
      'language',
      'companyName',
    ]);
    expect(await keys({ desc: false }, { keys: ['companyName', 'language', 'stagnationDays'], prefix: undefined, limit: 5 })).toEqual([
      'companyName',
      'language',
      'stagnationDays',
    ]);
    expect(await keys({ desc: false }, { keys: ['companyName', 'language'], prefix: 'l%', limit: 5 })).toEqual(['language']);
    expect(await keys({ desc: false }, { keys: ['companyName', 'language'], prefix: 'c%', limit: 5 })).toEqual(['companyName']);
    expect(builds).toBe(4);
  });

  it('builds on every call when a value is changed on its way into the SQL', async () => {
    let builds = 0;
    const starting = compilePerShape((db, _shape: null, v: { letter: string }) => {
      builds++;
      return db.selectFrom('settings').select('key').where('key', 'like', `${v.letter}%`);
    });
    expect((await starting(database.db, null, { letter: 'l' })).rows.map((r) => r.key)).toEqual(['language']);
    expect((await starting(database.db, null, { letter: 'stag' })).rows.map((r) => r.key)).toEqual(['stagnationDays']);
    expect(builds).toBe(3);
  });
});
