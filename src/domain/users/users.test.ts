import { describe, expect, it } from 'vitest';
import { initialsFor } from './users.ts';

describe('initialsFor', () => {
  it.each([
    ['Anne Sofie Ølgaard', 'ASØ'],
    ['Lars Løkke', 'LL'],
    ['åsa berg', 'ÅB'],
    ['Per-Erik Nordström', 'PEN'],
    ['Jens Peter Holm Madsen', 'JPM'],
    ['Cher', 'C'],
  ])('%s → %s', (name, expected) => {
    expect(initialsFor(name)).toBe(expected);
  });
});
