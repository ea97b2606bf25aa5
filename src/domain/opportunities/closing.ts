// O-8 … O-11: closing as won, lost or expired, and reopening. Pure: the domain action applies the result.
import type { OpportunityStatus } from '../../db/schema.ts';
import { AppError, invalid } from '../errors.ts';

export type Outcome = 'won' | 'lost' | 'expired';

export type CloseInput = {
  outcome: Outcome;
  actualAmount?: number | null | undefined;
  closeDate?: string | undefined;
  deliveryDate?: string | null | undefined;
  winReasonId?: number | null | undefined;
  lossReasonId?: number | null | undefined;
  winnerCompetitorId?: number | null | undefined;
  note?: string | null | undefined;
};

export type ClosingChanges = {
  status: Outcome;
  probability: number;
  actualAmount: number | null;
  closeDate: string;
  deliveryDate: string | null | undefined;
  winReasonId: number | null;
  lossReasonId: number | null;
  winnerCompetitorId: number | null;
  closeNote: string | null;
};

// which dialog fields belong to which outcome (O-9, O-10)
const ALLOWED: Record<Outcome, readonly (keyof CloseInput)[]> = {
  won: ['actualAmount', 'closeDate', 'deliveryDate', 'winReasonId', 'note'],
  lost: ['closeDate', 'deliveryDate', 'lossReasonId', 'winnerCompetitorId', 'note'],
  expired: ['closeDate', 'note'],
};

/**
 * The changes that close an open opportunity. Won: actual amount defaults to the amount and counts
 * 100 %; lost and expired count 0 %. The close date defaults to today and cannot lie ahead.
 */
export function closingChanges(
  opportunity: { status: OpportunityStatus; amount: number | null },
  input: CloseInput,
  today: string,
): ClosingChanges {
  if (opportunity.status !== 'open') {
    throw new AppError('OPPORTUNITY_CLOSED', `The opportunity is already ${opportunity.status}; reopen it first`, {
      fields: { status: opportunity.status },
    });
  }
  for (const field of Object.keys(input) as (keyof CloseInput)[]) {
    if (field !== 'outcome' && input[field] !== undefined && input[field] !== null && !ALLOWED[input.outcome].includes(field)) {
      throw invalid(field, `does not apply when closing as ${input.outcome}`);
    }
  }
  const closeDate = input.closeDate ?? today;
  if (closeDate > today) throw invalid('closeDate', 'cannot be in the future');
  const won = input.outcome === 'won';
  return {
    status: input.outcome,
    probability: won ? 100 : 0,
    actualAmount: won ? (input.actualAmount ?? opportunity.amount) : null,
    closeDate,
    deliveryDate: input.deliveryDate,
    winReasonId: won ? (input.winReasonId ?? null) : null,
    lossReasonId: input.outcome === 'lost' ? (input.lossReasonId ?? null) : null,
    winnerCompetitorId: input.outcome === 'lost' ? (input.winnerCompetitorId ?? null) : null,
    closeNote: input.note ?? null,
  };
}

/** O-11: reopening makes it open again; the probability comes back from the stage or from before closing. */
export function reopeningChanges(
  opportunity: { status: OpportunityStatus; probabilityMode: 'stage' | 'manual' },
  context: { stageProbability: number | null; probabilityBeforeClosing: number | null },
) {
  if (opportunity.status === 'open') throw new AppError('OPPORTUNITY_OPEN', 'The opportunity is already open');
  const probability =
    opportunity.probabilityMode === 'stage'
      ? (context.stageProbability ?? context.probabilityBeforeClosing ?? 0)
      : (context.probabilityBeforeClosing ?? context.stageProbability ?? 0);
  return {
    status: 'open' as const,
    probability,
    actualAmount: null,
    closeDate: null,
    winReasonId: null,
    lossReasonId: null,
    winnerCompetitorId: null,
    closeNote: null,
  };
}
