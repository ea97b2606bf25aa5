import { describe, expect, it } from 'vitest';
import { CamelCasePlugin, type QueryId, type QueryResult, type UnknownRow } from 'kysely';
import { CamelCaseRowsPlugin } from './camel-case-rows.ts';

const queryId = { queryId: 'q' } as QueryId;
const through = (plugin: CamelCasePlugin, result: QueryResult<UnknownRow>) => plugin.transformResult({ result, queryId });

describe('CamelCaseRowsPlugin', () => {
  it('maps rows exactly as CamelCasePlugin does', async () => {
    const when = new Date('2026-11-23T10:00:00Z');
    const bytes = Buffer.from('x');
    const rows: UnknownRow[] = [
      {
        id: 1,
        company_name: 'Fjord',
        seller_ids: [1, 2],
        created_at: when,
        file_data: bytes,
        extra_json: { nested_key: [{ deep_key: 1 }, 'a'] },
        null_value: null,
      },
      {
        id: 2,
        company_name: 'Nord',
        seller_ids: [],
        created_at: when,
        file_data: bytes,
        extra_json: [{ list_key: true }],
        null_value: null,
      },
      {
        id: 3,
        company_name: 'Ø',
        seller_ids: null,
        created_at: null,
        file_data: null,
        extra_json: Object.assign(Object.create(null), { bare_object: 1 }),
        null_value: 'x',
      },
    ];
    const result = { rows, numAffectedRows: 3n };
    const expected = await through(new CamelCasePlugin(), result);
    const actual = await through(new CamelCaseRowsPlugin(), result);
    expect(actual).toEqual(expected);
    expect(Object.keys(actual.rows[0] ?? {})).toEqual(Object.keys(expected.rows[0] ?? {}));
    expect(actual.rows[0]?.createdAt).toBe(when);
    expect(actual.rows[0]?.fileData).toBe(bytes);
  });

  it('maps columns that need quoting, and keeps a __proto__ column as the plugin does', async () => {
    const rows: UnknownRow[] = [{ 'odd "name"\\': 1, 'line\nbreak': 2, __proto__x: 3 }];
    const result = { rows };
    expect(await through(new CamelCaseRowsPlugin(), result)).toEqual(await through(new CamelCasePlugin(), result));
    const proto = [JSON.parse('{"__proto__": {"polluted": true}, "a_b": 1}') as UnknownRow];
    const mapped = (await through(new CamelCaseRowsPlugin(), { rows: proto })).rows[0];
    expect(mapped).toEqual((await through(new CamelCasePlugin(), { rows: proto })).rows[0]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('passes empty results through', async () => {
    expect(await through(new CamelCaseRowsPlugin(), { rows: [] })).toEqual({ rows: [] });
  });
});
