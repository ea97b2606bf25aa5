// Pure sales rules (SPEC O-3, O-6, O-22, O-23). No I/O: table-driven tests live beside this file.
// The weighted value is the generated column opportunities.weighted_amount (migration 0001) and the
// pipeline value an SQL function (migration 0012): sums over many rows need them in SQL.
import type { OpportunityStatus } from '../../db/schema.ts';

const cents = (value: number) => Math.round(value * 100) / 100;

/** O-3: margin % = margin / amount × 100 when amount > 0, else null. Rounded to two decimals. */
export function marginPercent(margin: number | null, amount: number | null): number | null {
  if (margin === null || amount === null || amount <= 0) return null;
  return cents((margin / amount) * 100);
}

/**
 * O-6: the probability after a change. In `stage` mode it follows the stage; in `manual` mode the
 * seller's number stays (or the new one typed).
 */
export function nextProbability(input: {
  mode: 'stage' | 'manual';
  stageProbability: number | null;
  current: number;
  typed?: number | undefined;
}): number {
  if (input.mode === 'manual') return input.typed ?? input.current;
  return input.stageProbability ?? input.current;
}

export type DecisionColor = 'red' | 'green' | 'blue' | null;

/**
 * O-23: open opportunities are red when the decision date has passed, green on the day, blue within
 * the next 7 days; otherwise and when closed, no colour. Dates are 'YYYY-MM-DD'.
 */
export function decisionColor(status: OpportunityStatus, decisionDate: string | null, today: string): DecisionColor {
  if (status !== 'open' || decisionDate === null) return null;
  if (decisionDate < today) return 'red';
  if (decisionDate === today) return 'green';
  return decisionDate <= addDays(today, 7) ? 'blue' : null;
}

/**
 * O-22: an open opportunity with no activity and no change for `days` days is stagnant.
 * `lastTouched` is the later of its last change and its last activity.
 */
export function isStagnant(status: OpportunityStatus, lastTouched: Date, now: Date, days: number): boolean {
  if (status !== 'open') return false;
  return now.getTime() - lastTouched.getTime() >= days * 24 * 60 * 60 * 1000;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date in the company's time zone (Nordic offices share Central European Time). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // building a DateTimeFormat costs more than a list query's presenting; keep one per zone
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}
