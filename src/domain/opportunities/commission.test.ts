import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { addSeller, changeShare, evenSplit, removeSeller, summarize, type Seller } from './commission.ts';

// Sellers 1, 2, 3 … added in that order; `shares` in the same order.
const sellers = (...shares: number[]): Seller[] => shares.map((share, i) => ({ userId: i + 1, share }));
const shares = (list: readonly Seller[]) => list.map((s) => s.share);

/** Adds users 1 … n one after the other without a share, as a user clicking "add" n times would. */
function addedEvenly(n: number): Seller[] {
  let list: Seller[] = [];
  for (let userId = 1; userId <= n; userId += 1) list = addSeller(list, userId).sellers;
  return list;
}

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

// One test per sentence of seed 003 "Förklaring av säljare" that states a rule of the split. The two
// on changing the owner (O-17) are tested through their SQL in db/sole-sellers.test.ts.
describe('seed 003 "Förklaring av säljare", sentence by sentence', () => {
  it('«Man kan dela provisionen mellan flera personer.» — several sellers can share the commission', () => {
    const result = addSeller(addSeller(sellers(100), 2, 40).sellers, 3, 20);
    expect(result.sellers).toEqual([
      { userId: 1, share: 40 },
      { userId: 2, share: 40 },
      { userId: 3, share: 20 },
    ]);
    expect(result).toMatchObject({ sum: 100, warning: null });
  });

  it('«Kundansvarig sätts automatiskt som säljare med 100% andel om det bara ska finnas en säljare på säljmöjligheten.» — a lone seller holds 100 %', () => {
    expect(addSeller([], 7).sellers).toEqual([{ userId: 7, share: 100 }]);
    expect(addSeller([], 7, 40).sellers).toEqual([{ userId: 7, share: 100 }]);
  });

  it('«Lägger man in en säljare med 25% andel kommer de övriga 75% delas jämt mellan övriga säljare om inget annat anges.»', () => {
    expect(shares(addSeller(sellers(50, 50), 3, 25).sellers)).toEqual([37.5, 37.5, 25]);
    expect(shares(addSeller(sellers(100), 2, 25).sellers)).toEqual([75, 25]);
  });

  it('«Raderar man säljare tills endast en återstår kommer denna få 100% andel.»', () => {
    const two = removeSeller(sellers(20, 50, 30), 2);
    expect(two.sellers).toEqual([
      { userId: 1, share: 20 },
      { userId: 3, share: 30 },
    ]);
    expect(removeSeller(two.sellers, 1)).toEqual({ sellers: [{ userId: 3, share: 100 }], sum: 100, warning: null });
  });

  it('«Raderar man en säljare och det finns mer än en säljare kvar kommer inget att göras av andelarna, men ett meddelande visas att andelssumman är mindre än 100%.»', () => {
    const result = removeSeller(addedEvenly(3), 1);
    expect(result).toEqual({
      sellers: [
        { userId: 2, share: 33.33 },
        { userId: 3, share: 33.33 },
      ],
      sum: 66.66,
      warning: 'The shares sum to 66.66 %, not 100 %.',
    });
  });

  it('«Om procentsatsen ändras på en av flera säljare kommer inte övriga procentsatser att förändras, men det visas ett meddelande om vad summan av andelarna blir (i de fall den inte går jämt upp i 100%).»', () => {
    const changed = changeShare(sellers(50, 25, 25), 2, 8.33);
    expect(changed).toEqual({ sellers: sellers(50, 8.33, 25), sum: 83.33, warning: 'The shares sum to 83.33 %, not 100 %.' });
    // when it does add up to 100 there is nothing to say
    expect(changeShare(changed.sellers, 2, 25)).toEqual({ sellers: sellers(50, 25, 25), sum: 100, warning: null });
  });
});

describe('rounding to cents, remainder to the earliest-added sellers (O-18)', () => {
  it.each([
    ['3 sellers added without a share', [33.34, 33.33, 33.33], addedEvenly(3)],
    ['a 4th added with 25 to 33.34/33.33/33.33', [25, 25, 25, 25], addSeller(addedEvenly(3), 4, 25).sellers],
    ['added with 10 to 3 existing', [30, 30, 30, 10], addSeller(addedEvenly(3), 4, 10).sellers],
    ['7 sellers added without a share', [14.29, 14.29, 14.29, 14.29, 14.28, 14.28, 14.28], addedEvenly(7)],
    ['6 sellers added without a share', [16.67, 16.67, 16.67, 16.67, 16.66, 16.66], addedEvenly(6)],
    ['added with 33.33 to 2 existing', [33.34, 33.33, 33.33], addSeller(sellers(50, 50), 3, 33.33).sellers],
    ['added with 0.01 to 3 existing', [33.33, 33.33, 33.33, 0.01], addSeller(addedEvenly(3), 4, 0.01).sellers],
    ['added with 99.99 to 2 existing', [0.01, 0, 99.99], addSeller(sellers(50, 50), 3, 99.99).sellers],
    ['added with 100 to 2 existing', [0, 0, 100], addSeller(sellers(50, 50), 3, 100).sellers],
    ['added with 0 to 2 existing', [50, 50, 0], addSeller(sellers(90, 10), 3, 0).sellers],
    ['added without a share to uneven shares', [33.34, 33.33, 33.33], addSeller(sellers(90, 10), 3).sellers],
  ] as const)('%s → %j', (_name, expected, result) => {
    expect(shares(result)).toEqual(expected);
    expect(summarize(result)).toMatchObject({ sum: 100, warning: null });
  });

  it('the split always adds up to exactly 100.00 %', () => {
    for (let n = 1; n <= 40; n += 1) {
      const list = addedEvenly(n);
      expect(summarize(list).sum, `${n} sellers`).toBe(100);
      expect(Math.max(...shares(list)) - Math.min(...shares(list)), `${n} sellers`).toBeLessThanOrEqual(0.0100001);
    }
  });

  it.each([
    [10000, 3, [3334, 3333, 3333]],
    [7500, 3, [2500, 2500, 2500]],
    [1, 3, [1, 0, 0]],
    [0, 2, [0, 0]],
    [100, 0, []],
  ])('evenSplit(%s cents, %s) → %j', (total, count, expected) => {
    expect(evenSplit(total, count)).toEqual(expected);
  });

  it('changing a share keeps what was typed to the cent and does not drift', () => {
    const result = changeShare(sellers(0.1, 0.2, 99.6), 3, 99.7);
    expect(result.sum).toBe(100);
    expect(result.warning).toBeNull();
  });
});

describe('refusals and edge cases', () => {
  it.each([
    ['adding an existing seller', () => addSeller(sellers(50, 50), 2), 'DUPLICATE'],
    ['a share above 100', () => addSeller(sellers(100), 2, 100.01), 'VALIDATION'],
    ['a negative share', () => addSeller(sellers(100), 2, -1), 'VALIDATION'],
    ['a share with 3 decimals', () => addSeller(sellers(100), 2, 12.345), 'VALIDATION'],
    ['a share that is not a number', () => changeShare(sellers(100), 1, Number.NaN), 'VALIDATION'],
    ['changing the share of someone who is not a seller', () => changeShare(sellers(100), 5, 10), 'NOT_FOUND'],
    ['removing someone who is not a seller', () => removeSeller(sellers(50, 50), 5), 'NOT_FOUND'],
    ['removing the last seller', () => removeSeller(sellers(100), 1), 'LAST_SELLER'],
  ])('%s → %s', (_name, action, code) => {
    expect(codeOf(action)).toBe(code);
  });

  it('never changes the list it was given', () => {
    const before = sellers(50, 50);
    const copy = structuredClone(before);
    addSeller(before, 3, 20);
    removeSeller(before, 1);
    changeShare(before, 1, 10);
    expect(before).toEqual(copy);
  });

  it('a sum above 100 warns too', () => {
    expect(changeShare(sellers(50, 50), 1, 60.5)).toMatchObject({ sum: 110.5, warning: 'The shares sum to 110.50 %, not 100 %.' });
  });
});
