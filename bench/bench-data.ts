// What the generator and the benchmark share: the counts at a scale, the fixed "today", the sign-in.

export const countsAt = (scale: number) => ({
  users: 50,
  companies: Math.round(200_000 * scale),
  contacts: Math.round(400_000 * scale),
  opportunities: Math.round(1_000_000 * scale),
  activities: Math.round(5_000_000 * scale),
});

/** The benchmark's "today": fixed, so the data never depends on the day it is made. */
export const BENCH_TODAY = '2026-06-01';
export const BENCH_PASSWORD = 'bench password 1';
/** seller1 is the admin, seller2–3 managers, the rest sellers. */
export const benchEmail = (n: number) => `seller${n}@bench.trakt`;
