import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { closingChanges, reopeningChanges, type CloseInput } from './closing.ts';

const today = '2026-11-23';
const open = { status: 'open' as const, amount: 150000 };

describe('closingChanges (O-8 … O-10)', () => {
  it.each<[string, CloseInput, Record<string, unknown>]>([
    [
      'won: actual amount defaults to the amount, close date to today, counts 100 %',
      { outcome: 'won' },
      { status: 'won', probability: 100, actualAmount: 150000, closeDate: today },
    ],
    [
      'won: actual amount and reason as typed',
      { outcome: 'won', actualAmount: 140000, winReasonId: 3, closeDate: '2026-11-20', deliveryDate: '2027-01-15' },
      { actualAmount: 140000, winReasonId: 3, closeDate: '2026-11-20', deliveryDate: '2027-01-15' },
    ],
    [
      'lost: reason and winner, counts 0 %, no actual amount',
      { outcome: 'lost', lossReasonId: 2, winnerCompetitorId: 7 },
      { status: 'lost', probability: 0, actualAmount: null, lossReasonId: 2, winnerCompetitorId: 7, winReasonId: null },
    ],
    [
      'expired: close date and note only',
      { outcome: 'expired', note: 'Budget frozen' },
      { status: 'expired', probability: 0, closeNote: 'Budget frozen', lossReasonId: null },
    ],
  ])('%s', (_name, input, expected) => {
    expect(closingChanges(open, input, today)).toMatchObject(expected);
  });

  it('won without an amount keeps the actual amount empty', () => {
    expect(closingChanges({ status: 'open', amount: null }, { outcome: 'won' }, today).actualAmount).toBeNull();
  });

  it.each<[string, CloseInput, string]>([
    ['a future close date', { outcome: 'won', closeDate: '2026-11-24' }, 'closeDate'],
    ['a loss reason when won', { outcome: 'won', lossReasonId: 1 }, 'lossReasonId'],
    ['a winner when won', { outcome: 'won', winnerCompetitorId: 1 }, 'winnerCompetitorId'],
    ['a win reason when lost', { outcome: 'lost', winReasonId: 1 }, 'winReasonId'],
    ['an actual amount when lost', { outcome: 'lost', actualAmount: 5 }, 'actualAmount'],
    ['a delivery date when expired', { outcome: 'expired', deliveryDate: '2026-12-01' }, 'deliveryDate'],
  ])('refuses %s, naming the field', (_name, input, field) => {
    try {
      closingChanges(open, input, today);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields).toHaveProperty(field);
    }
  });

  it.each(['won', 'lost', 'expired'] as const)('refuses to close an opportunity that is already %s', (status) => {
    expect(() => closingChanges({ status, amount: 1 }, { outcome: 'won' }, today)).toThrow(/already/);
  });
});

describe('reopeningChanges (O-11)', () => {
  it.each([
    ['stage mode takes the stage probability', 'stage', 50, 80, 50],
    ['manual mode takes the probability from before closing', 'manual', 50, 80, 80],
    ['manual mode without a record falls back to the stage', 'manual', 50, null, 50],
  ] as const)('%s', (_name, mode, stageProbability, before, expected) => {
    const changes = reopeningChanges({ status: 'lost', probabilityMode: mode }, { stageProbability, probabilityBeforeClosing: before });
    expect(changes).toMatchObject({
      status: 'open',
      probability: expected,
      closeDate: null,
      actualAmount: null,
      lossReasonId: null,
      winnerCompetitorId: null,
    });
  });

  it('refuses to reopen an open opportunity', () => {
    expect(() =>
      reopeningChanges({ status: 'open', probabilityMode: 'stage' }, { stageProbability: 10, probabilityBeforeClosing: null }),
    ).toThrow(/already open/);
  });
});
