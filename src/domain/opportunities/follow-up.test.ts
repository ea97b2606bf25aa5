import { describe, expect, it } from 'vitest';
import { followUpText, newFollowUpDate } from './follow-up.ts';

describe('newFollowUpDate (O-21)', () => {
  const cases: [string, string | null | undefined, string | null, string | null][] = [
    ['created with a date', undefined, '2026-05-04', '2026-05-04'],
    ['created without a date', undefined, null, null],
    ['saved with the same date', '2026-05-04', '2026-05-04', null],
    ['date moved', '2026-05-04', '2026-05-18', '2026-05-18'],
    ['date set for the first time', null, '2026-05-04', '2026-05-04'],
    ['date cleared', '2026-05-04', null, null],
    ['still no date', null, null, null],
  ];
  it.each(cases)('%s', (_label, before, after, expected) => {
    expect(newFollowUpDate(before === undefined ? null : { followUpDate: before }, { followUpDate: after })).toBe(expected);
  });
});

describe('followUpText (O-21)', () => {
  const cases: [string | null, string][] = [
    ['Ring om tilbud', 'Ring om tilbud'],
    ['  Ring om tilbud  ', 'Ring om tilbud'],
    [null, 'Titel'],
    ['', 'Titel'],
    ['   ', 'Titel'],
  ];
  it.each(cases)('description %j → %j', (description, text) => {
    expect(followUpText({ title: 'Titel', description })).toBe(text);
  });
});
