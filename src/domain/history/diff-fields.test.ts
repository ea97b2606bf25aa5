import { describe, expect, it } from 'vitest';
import { diffFields, renderValue, type HistoryValue } from './diff-fields.ts';

describe('renderValue (O-24)', () => {
  const cases: [HistoryValue, string | null][] = [
    [null, null],
    [undefined, null],
    ['', ''],
    ['Fjordkraft AS', 'Fjordkraft AS'],
    [1920000, '1920000'],
    [1234.5, '1234.5'],
    [0, '0'],
    [-12.25, '-12.25'],
    [true, 'true'],
    [false, 'false'],
    ['2026-12-31', '2026-12-31'],
    [new Date('2026-03-04T00:00:00Z'), '2026-03-04'],
    [[3, 1, 2], '3,1,2'],
    [[], ''],
  ];
  it.each(cases)('%j → %j', (value, text) => {
    expect(renderValue(value)).toBe(text);
  });
});

type Row = {
  name: string | null;
  amount: number | null;
  decisionDate: string | null;
  interestTypeIds: number[];
  isPrimary: boolean;
  version: number;
};
const base: Row = { name: 'Øresund ApS', amount: 1000, decisionDate: '2026-06-30', interestTypeIds: [1, 2], isPrimary: false, version: 1 };
const FIELDS = ['name', 'amount', 'decisionDate', 'interestTypeIds', 'isPrimary'] as const;

describe('diffFields (O-24)', () => {
  const cases: [string, Partial<Row>, { field: string; old: string | null; new: string | null }[]][] = [
    ['nothing changed', {}, []],
    ['a text', { name: 'Øresund Logistik ApS' }, [{ field: 'name', old: 'Øresund ApS', new: 'Øresund Logistik ApS' }]],
    ['a number', { amount: 2500.5 }, [{ field: 'amount', old: '1000', new: '2500.5' }]],
    ['a value cleared', { amount: null }, [{ field: 'amount', old: '1000', new: null }]],
    ['a date', { decisionDate: '2026-07-01' }, [{ field: 'decisionDate', old: '2026-06-30', new: '2026-07-01' }]],
    ['an id list', { interestTypeIds: [1, 2, 5] }, [{ field: 'interestTypeIds', old: '1,2', new: '1,2,5' }]],
    ['a flag', { isPrimary: true }, [{ field: 'isPrimary', old: 'false', new: 'true' }]],
    ['a field not listed', { version: 2 }, []],
    [
      'several, in the order of the field list',
      { isPrimary: true, name: null, amount: 1000 },
      [
        { field: 'name', old: 'Øresund ApS', new: null },
        { field: 'isPrimary', old: 'false', new: 'true' },
      ],
    ],
  ];
  it.each(cases)('%s', (_label, change, expected) => {
    expect(diffFields(base, { ...base, ...change }, FIELDS)).toEqual(expected);
  });

  it('sees an equal array in a new object as unchanged', () => {
    expect(diffFields(base, { ...base, interestTypeIds: [1, 2] }, FIELDS)).toEqual([]);
  });
});
