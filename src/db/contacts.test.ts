import { describe, expect, it } from 'vitest';
import { likePattern } from '../domain/search/text-pattern.ts';
import { isContainsPattern } from './contacts.ts';

describe('isContainsPattern', () => {
  it.each([
    ['hansen', true],
    ['hansen%', false],
    ['%hansen', false],
    ['50%', false], // starts with "50"
    ['%50%', true], // % typed at both ends: contains
    ['50\\%', false], // starts with "50\\"
    ['a%b', true], // contains "a%b"
  ])('%s → %s', (typed, contains) => {
    expect(isContainsPattern(likePattern(typed) ?? '')).toBe(contains);
  });

  it.each([
    ['%50\\%', false], // ends with a literal %
    ['%50\\\\%', true], // a literal backslash, then the wildcard
    ['%x%', true],
    ['x%', false],
    ['%', false],
  ])('pattern %s → %s', (pattern, contains) => {
    expect(isContainsPattern(pattern)).toBe(contains);
  });
});
