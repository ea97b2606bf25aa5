// Who may read and who may change what (SPEC A-2, O-16, O-17): the one home of these rules, as pure
// functions. Single records are loaded through domain/records/access.ts, which applies them; lists
// narrow their rows with the same read rule in SQL, db/visibility.ts (named below), and
// policy.test.ts checks on a table of cases that the SQL selects exactly what canRead allows.
import { isManagerOrAdmin, type Actor } from './permissions.ts';

/** The settings the read rule depends on. */
export type Visibility = { sellersSeeOnlyOwn: boolean };

/** What the rules need of an opportunity: its owner and its commission sellers. */
export type OpportunityParties = { ownerId: number; sellerIds: readonly number[] };

/**
 * The seller a list is narrowed to — with "sellers see only their own" a seller reads only the
 * opportunities they own or sell on — or undefined when the actor reads them all. Lists hand it to
 * `readableOpportunities` / `readableActivities` of db/visibility.ts (their `visibleTo` filter).
 */
export function readScope(actor: Actor, settings: Visibility): number | undefined {
  return settings.sellersSeeOnlyOwn && !isManagerOrAdmin(actor) ? actor.id : undefined;
}

const sellsOn = (userId: number, opportunity: OpportunityParties) =>
  opportunity.ownerId === userId || opportunity.sellerIds.includes(userId);

/** Whether the actor may read the opportunity. One they may not read answers exactly as a missing one (404). */
export function canRead(actor: Actor, opportunity: OpportunityParties, settings: Visibility): boolean {
  const scope = readScope(actor, settings);
  return scope === undefined || sellsOn(scope, opportunity);
}

/** An activity is read with its opportunity: one tied to an opportunity the actor may not read is hidden too. */
export function canReadActivity(actor: Actor, activity: { opportunity: OpportunityParties | null }, settings: Visibility): boolean {
  return activity.opportunity === null || canRead(actor, activity.opportunity, settings);
}

/**
 * A seller changes a record they own or sell on (`sellerIds`: an opportunity's sellers, an activity's
 * participants), or one nobody owns; managers and admins change everything. Reading comes first:
 * a record the actor may not read is missing to them, whatever this says.
 */
export function canEdit(actor: Actor, record: { ownerId: number | null; sellerIds?: readonly number[] }): boolean {
  if (isManagerOrAdmin(actor)) return true;
  if (record.ownerId === null) return true;
  return record.ownerId === actor.id || (record.sellerIds ?? []).includes(actor.id);
}

/**
 * O-16, O-17: the owner hands an opportunity over and decides who sells on it and with what share;
 * a co-seller changes everything else, but cannot make himself owner or take the owner off.
 */
export function canChangeOwnerAndSellers(actor: Actor, opportunity: { ownerId: number }): boolean {
  return isManagerOrAdmin(actor) || opportunity.ownerId === actor.id;
}

/** Who may be written as the owner of a new record (or a company): anyone by a manager or an admin; by a seller only themselves, or nobody. */
export function canAssignOwner(actor: Actor, ownerId: number | null): boolean {
  return isManagerOrAdmin(actor) || ownerId === actor.id || ownerId === null;
}
