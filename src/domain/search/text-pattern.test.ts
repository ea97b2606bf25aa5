import { describe, expect, it } from 'vitest';
import { likePattern } from './text-pattern.ts';

describe('likePattern (L-3)', () => {
  it.each([
    ['AS%', 'as%'],
    ['%AS', '%as'],
    ['AS', '%as%'],
    ['%AS%', '%as%'],
    ['  Øster  ', '%øster%'],
    ['ÆBLE%', 'æble%'],
    ['%Å', '%å'],
    ['Mål', '%mål%'],
    ['ÄPPLE', '%äpple%'],
    ['50_50', '%50\\_50%'],
    ['a\\b', '%a\\\\b%'],
    ['', null],
    ['%', null],
    ['%%', null],
  ])('%j → %j', (typed, expected) => {
    expect(likePattern(typed)).toBe(expected);
  });
});
