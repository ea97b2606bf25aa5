import { describe, expect, it } from 'vitest';
import { isOverdue } from './activity-views.ts';

describe('isOverdue (T-3)', () => {
  const today = '2026-05-04';
  const cases: [boolean, string | null, boolean][] = [
    [false, '2026-05-03', true],
    [false, '2025-12-31', true],
    [false, '2026-05-04', false],
    [false, '2026-05-05', false],
    [false, null, false],
    [true, '2026-05-03', false],
  ];
  it.each(cases)('done %s, due %s → %s', (done, dueDate, overdue) => {
    expect(isOverdue({ done, dueDate }, today)).toBe(overdue);
  });
});
