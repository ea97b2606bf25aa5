import { describe, expect, it } from 'vitest';
import { addDays, decisionColor, isStagnant, marginPercent, nextProbability, todayIn } from './rules.ts';

describe('marginPercent (O-3)', () => {
  it.each([
    [25000, 100000, 25],
    [1, 3, 33.33],
    [500, 0, null],
    [500, null, null],
    [null, 1000, null],
    [-200, 1000, -20],
  ])('margin %s of amount %s → %s', (margin, amount, expected) => {
    expect(marginPercent(margin, amount)).toBe(expected);
  });
});

describe('nextProbability (O-6)', () => {
  it.each([
    ['stage mode follows the stage', { mode: 'stage', stageProbability: 50, current: 10 }, 50],
    ['stage mode ignores a typed number', { mode: 'stage', stageProbability: 50, current: 10, typed: 90 }, 50],
    ['manual mode keeps the current number', { mode: 'manual', stageProbability: 50, current: 35 }, 35],
    ['manual mode takes a typed number', { mode: 'manual', stageProbability: 50, current: 35, typed: 80 }, 80],
    ['stage mode without a stage keeps current', { mode: 'stage', stageProbability: null, current: 20 }, 20],
  ] as const)('%s', (_name, input, expected) => {
    expect(nextProbability(input)).toBe(expected);
  });
});

describe('decisionColor (O-23)', () => {
  const today = '2026-11-23';
  it.each([
    ['open, yesterday', 'open', '2026-11-22', 'red'],
    ['open, long ago', 'open', '2025-01-01', 'red'],
    ['open, today', 'open', '2026-11-23', 'green'],
    ['open, tomorrow', 'open', '2026-11-24', 'blue'],
    ['open, in 7 days', 'open', '2026-11-30', 'blue'],
    ['open, in 8 days', 'open', '2026-12-01', null],
    ['open, no date', 'open', null, null],
    ['won, overdue', 'won', '2026-11-01', null],
    ['lost, today', 'lost', '2026-11-23', null],
    ['expired, tomorrow', 'expired', '2026-11-24', null],
  ] as const)('%s → %s', (_name, status, date, expected) => {
    expect(decisionColor(status, date, today)).toBe(expected);
  });
});

describe('isStagnant (O-22)', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it.each([
    ['open, touched 31 days ago', 'open', '2026-10-23T11:00:00Z', 30, true],
    ['open, touched exactly 30 days ago', 'open', '2026-10-24T12:00:00Z', 30, true],
    ['open, touched 29 days ago', 'open', '2026-10-25T12:00:00Z', 30, false],
    ['won, touched long ago', 'won', '2025-01-01T00:00:00Z', 30, false],
    ['open, 7-day setting', 'open', '2026-11-15T12:00:00Z', 7, true],
  ] as const)('%s → %s', (_name, status, touched, days, expected) => {
    expect(isStagnant(status, new Date(touched), now, days)).toBe(expected);
  });
});

describe('dates', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
  it('today is taken in the given time zone', () => {
    // 23:30 UTC on 23 Nov is already 24 Nov in Copenhagen
    expect(todayIn('Europe/Copenhagen', new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
    expect(todayIn('UTC', new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-23');
  });
});
