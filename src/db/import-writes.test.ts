import { describe, expect, it } from 'vitest';
import { recordsJson } from './import-writes.ts';

describe('import batches as JSON (L-7)', () => {
  it.each([
    [
      { title: 'Aftale "A"\nlinje 2', amount: 1250.5, stageId: 3 },
      { title: 'Aftale "A"\nlinje 2', amount: 1250.5, stage_id: 3 },
    ],
    [
      { title: 'Blåbær ÆØÅ äö \\ / \u2028', isPrimary: false },
      { title: 'Blåbær ÆØÅ äö \\ / \u2028', is_primary: false },
    ],
    [{ title: 'Tom', amount: null, stageId: undefined }, { title: 'Tom' }],
    [{ amount: Number.NaN }, { amount: null }],
    [{}, {}],
  ])('writes %j as the object json_to_recordset reads', (row, expected) => {
    expect(JSON.parse(recordsJson(['title', 'amount', 'stageId', 'isPrimary'], [row]))).toEqual([expected]);
  });

  it('writes every row, in order', () => {
    expect(JSON.parse(recordsJson(['id', 'title'], [{ id: 2, title: 'b' }, { id: 1 }]))).toEqual([{ id: 2, title: 'b' }, { id: 1 }]);
    expect(recordsJson(['id'], [])).toBe('[]');
  });
});
