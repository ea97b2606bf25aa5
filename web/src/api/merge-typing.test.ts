import { describe, expect, it } from 'vitest';
import { mergeTyping } from './merge-typing';

const before = { title: 'Cranes', amount: 1000, ownerId: 1, description: '' };

describe('mergeTyping: a record that moved on while the user was typing', () => {
  it.each([
    [
      'only the version moved (a competitor was added): the typing stays',
      { ...before },
      { ...before, title: 'Cranes (typed)' },
      { ...before, title: 'Cranes (typed)' },
    ],
    [
      'an untouched field changed (the owner followed the sellers): it is taken',
      { ...before, ownerId: 2 },
      { ...before, title: 'Typed' },
      { ...before, ownerId: 2, title: 'Typed' },
    ],
    [
      'the record has what was typed (one’s own save): no conflict',
      { ...before, title: 'Typed' },
      { ...before, title: 'Typed' },
      { ...before, title: 'Typed' },
    ],
    [
      'someone else changed a field that is being typed in: null, so saving shows the conflict',
      { ...before, amount: 2000 },
      { ...before, amount: 3000 },
      null,
    ],
  ])('%s', (_name, next, typed, merged) => {
    expect(mergeTyping(before, next, typed)).toEqual(merged);
  });
});
