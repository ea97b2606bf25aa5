// Pure commission-split rules (SPEC O-16 … O-20, seed 003 "Förklaring av säljare"). No I/O.
// Sellers are kept in the order they were added; shares are percents with two decimals. All
// arithmetic is in integer hundredths of a percent ("cents") so no float drift can creep in.
import { AppError, invalid, notFound } from '../errors.ts';

export type Seller = { userId: number; share: number };
export type SplitResult = { sellers: Seller[]; sum: number; warning: string | null };

const WHOLE = 100_00; // 100 % in cents

const toCents = (share: number) => Math.round(share * 100);
const fromCents = (cents: number) => cents / 100;

/** A share is 0–100 with at most two decimals. */
export function checkShare(share: number): void {
  const ok = Number.isFinite(share) && share >= 0 && share <= 100 && Math.abs(share * 100 - Math.round(share * 100)) < 1e-6;
  if (!ok) throw invalid('share', 'must be between 0 and 100 with at most 2 decimals');
}

/**
 * `total` cents split evenly over `count` sellers; the cents that do not divide evenly go one each
 * to the earliest-added sellers, so the parts always add up to `total` exactly (O-18).
 */
export function evenSplit(total: number, count: number): number[] {
  if (count === 0) return [];
  const base = Math.floor(total / count);
  const remainder = total - base * count;
  return Array.from({ length: count }, (_, index) => base + (index < remainder ? 1 : 0));
}

/** "83.33", "100", "0.5" → how the sum reads in a warning. */
function formatPercent(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** The sum of the shares, and a warning when it is not exactly 100 % (O-19, O-20). */
export function summarize(sellers: readonly Seller[]): SplitResult {
  const cents = sellers.reduce((total, seller) => total + toCents(seller.share), 0);
  const sum = fromCents(cents);
  const warning = cents === WHOLE ? null : `The shares sum to ${formatPercent(sum)} %, not 100 %.`;
  return { sellers: sellers.map((s) => ({ userId: s.userId, share: s.share })), sum, warning };
}

function indexOf(sellers: readonly Seller[], userId: number): number {
  const index = sellers.findIndex((s) => s.userId === userId);
  if (index < 0) throw notFound('Seller', userId);
  return index;
}

/**
 * O-18: adding a seller with share X gives the other sellers (100 − X) split evenly; without a
 * share, 100 is split evenly among all. Remainder cents go to the earliest-added sellers. A lone
 * seller always holds 100 %, whatever share was asked for.
 */
export function addSeller(sellers: readonly Seller[], userId: number, share?: number): SplitResult {
  if (sellers.some((s) => s.userId === userId)) {
    throw new AppError('DUPLICATE', `User ${userId} is already a seller on this opportunity`, {
      fields: { userId: 'is already a seller' },
    });
  }
  if (share !== undefined) checkShare(share);
  if (sellers.length === 0) return summarize([{ userId, share: 100 }]);
  if (share === undefined) {
    const parts = evenSplit(WHOLE, sellers.length + 1);
    return summarize([...sellers, { userId, share: 0 }].map((s, i) => ({ userId: s.userId, share: fromCents(parts[i] ?? 0) })));
  }
  const own = toCents(share);
  const parts = evenSplit(WHOLE - own, sellers.length);
  return summarize([...sellers.map((s, i) => ({ userId: s.userId, share: fromCents(parts[i] ?? 0) })), { userId, share: fromCents(own) }]);
}

/**
 * O-19: removing sellers until one remains gives that seller 100 %; removing one while more than
 * one remain changes no share (the result warns when the sum is no longer 100). The last seller
 * cannot be removed: an opportunity always has one (O-16).
 */
export function removeSeller(sellers: readonly Seller[], userId: number): SplitResult {
  const index = indexOf(sellers, userId);
  if (sellers.length === 1) {
    throw new AppError('LAST_SELLER', 'An opportunity keeps at least one seller; add another seller before removing this one', {
      fields: { userId: 'is the last seller' },
    });
  }
  const rest = sellers.filter((_, i) => i !== index);
  if (rest.length === 1) return summarize(rest.map((s) => ({ userId: s.userId, share: 100 })));
  return summarize(rest);
}

/** O-20: changing one seller's share changes no other; the result warns when the sum is not 100. */
export function changeShare(sellers: readonly Seller[], userId: number, share: number): SplitResult {
  const index = indexOf(sellers, userId);
  checkShare(share);
  return summarize(sellers.map((s, i) => (i === index ? { userId: s.userId, share: fromCents(toCents(share)) } : s)));
}
