import { describe, expect, it } from 'vitest';
import { nextRoleNumber } from './convert-company.ts';

describe('nextRoleNumber (C-3)', () => {
  const cases: ['customer' | 'supplier', number | null, string][] = [
    ['customer', null, '20001'],
    ['supplier', null, '30001'],
    ['customer', 20001, '20002'],
    ['customer', 24999, '25000'],
    ['supplier', 35000, '35001'],
    // imported numbers below the start do not pull the sequence down
    ['customer', 512, '20001'],
    ['supplier', 20001, '30001'],
  ];
  it.each(cases)('%s after %j → %s', (role, highest, next) => {
    expect(nextRoleNumber(role, highest)).toBe(next);
  });
});
