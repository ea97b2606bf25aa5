// Role rules of SPEC A-2, as pure functions. The API calls these before every write.
export type Role = 'admin' | 'manager' | 'seller';
export type Actor = { id: number; role: Role };

export const isAdmin = (actor: Actor) => actor.role === 'admin';
export const isManagerOrAdmin = (actor: Actor) => actor.role === 'admin' || actor.role === 'manager';

/**
 * A seller edits a record they own or sell on, or one nobody owns; managers and admins edit everything.
 * `sellerIds` are the opportunity's commission sellers (empty for other records).
 */
export function canEdit(actor: Actor, record: { ownerId: number | null; sellerIds?: readonly number[] }): boolean {
  if (isManagerOrAdmin(actor)) return true;
  if (record.ownerId === null) return true;
  return record.ownerId === actor.id || (record.sellerIds ?? []).includes(actor.id);
}

/** With the admin setting "sellers see only their own opportunities", a seller sees those they own or sell on. */
export function canSeeOpportunity(
  actor: Actor,
  opportunity: { ownerId: number; sellerIds: readonly number[] },
  sellersSeeOnlyOwn: boolean,
): boolean {
  if (!sellersSeeOnlyOwn || isManagerOrAdmin(actor)) return true;
  return opportunity.ownerId === actor.id || opportunity.sellerIds.includes(actor.id);
}
