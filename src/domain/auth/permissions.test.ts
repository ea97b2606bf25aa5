import { describe, expect, it } from 'vitest';
import { canEdit, canSeeOpportunity, type Actor } from './permissions.ts';

const seller: Actor = { id: 7, role: 'seller' };
const manager: Actor = { id: 8, role: 'manager' };
const admin: Actor = { id: 9, role: 'admin' };

describe('canEdit (A-2)', () => {
  it.each([
    ['seller, own record', seller, { ownerId: 7 }, true],
    ['seller, unowned record', seller, { ownerId: null }, true],
    ['seller, someone else’s record', seller, { ownerId: 3 }, false],
    ['seller, sells on it', seller, { ownerId: 3, sellerIds: [3, 7] }, true],
    ['seller, others sell on it', seller, { ownerId: 3, sellerIds: [3, 4] }, false],
    ['manager, someone else’s record', manager, { ownerId: 3 }, true],
    ['admin, someone else’s record', admin, { ownerId: 3 }, true],
  ] as const)('%s → %s', (_name, actor, record, expected) => {
    expect(canEdit(actor, record)).toBe(expected);
  });
});

describe('canSeeOpportunity', () => {
  it.each([
    ['setting off: seller sees all', seller, { ownerId: 3, sellerIds: [3] }, false, true],
    ['setting on: seller sees own', seller, { ownerId: 7, sellerIds: [7] }, true, true],
    ['setting on: seller sees shared', seller, { ownerId: 3, sellerIds: [3, 7] }, true, true],
    ['setting on: seller does not see others', seller, { ownerId: 3, sellerIds: [3] }, true, false],
    ['setting on: manager sees all', manager, { ownerId: 3, sellerIds: [3] }, true, true],
  ] as const)('%s', (_name, actor, opportunity, setting, expected) => {
    expect(canSeeOpportunity(actor, opportunity, setting)).toBe(expected);
  });
});
