// Loading a record for an actor by the rules of auth/policy.ts: what every route and action
// that reads or changes one record goes through. A record the actor may not read answers exactly
// as a missing one (same 404, code and message), never as 403; 403 is for one they may read but
// not change.
import type { Db } from '../../db/schema.ts';
import { findActivity, type ActivityRow } from '../../db/activities.ts';
import { findCompany } from '../../db/companies.ts';
import { findContact } from '../../db/contacts.ts';
import { findOpportunity, type OpportunityRow } from '../../db/opportunities.ts';
import { currentSettings } from '../../db/settings.ts';
import { opportunityParties } from '../../db/visibility.ts';
import type { Actor } from '../auth/permissions.ts';
import { canAssignOwner, canEdit, canRead, canReadActivity, readScope, type Visibility } from '../auth/policy.ts';
import { AppError, notFound } from '../errors.ts';

export type RecordKind = 'company' | 'contact' | 'opportunity' | 'activity';

const NAMES: Record<RecordKind, string> = { company: 'Company', contact: 'Contact', opportunity: 'Opportunity', activity: 'Activity' };

/** The seller whose own opportunities (and their activities) are all a list may show the actor, or undefined for all. */
export async function listScope(db: Db, actor: Actor): Promise<number | undefined> {
  return readScope(actor, await currentSettings(db));
}

/** The opportunity if the actor may read it, else 404. Pass the settings when the caller has them. */
export async function visibleOpportunity(db: Db, actor: Actor, id: number, settings?: Visibility): Promise<OpportunityRow> {
  // one after the other: `db` may be a transaction, whose one connection runs one query at a time
  const opportunity = await findOpportunity(db, id);
  const visibility = settings ?? (await currentSettings(db));
  if (!opportunity || !canRead(actor, opportunity, visibility)) throw notFound('Opportunity', id);
  return opportunity;
}

/** The opportunity if the actor may change it: 404 when missing or hidden, 403 when they may only read it. */
export async function changeableOpportunity(db: Db, actor: Actor, id: number): Promise<OpportunityRow> {
  const opportunity = await visibleOpportunity(db, actor, id);
  if (!canEdit(actor, opportunity))
    throw new AppError('FORBIDDEN', 'Only the owner, its sellers, a manager or an admin can change this opportunity');
  return opportunity;
}

/** The activity if the actor may read it (not tied to an opportunity hidden from them), else 404. */
export async function visibleActivity(db: Db, actor: Actor, id: number): Promise<ActivityRow> {
  const activity = await findActivity(db, id);
  const settings = await currentSettings(db);
  if (activity) {
    const opportunity = activity.opportunityId === null ? null : ((await opportunityParties(db, activity.opportunityId)) ?? null);
    if (canReadActivity(actor, { opportunity }, settings)) return activity;
  }
  throw notFound('Activity', id);
}

/** The opportunity an activity is to be tied to: one the actor may not read is refused exactly as a missing one (404). */
export async function opportunityToLink(db: Db, actor: Actor, id: number): Promise<OpportunityRow> {
  try {
    return await visibleOpportunity(db, actor, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      throw new AppError('NOT_FOUND', `Opportunity ${id} was not found`, { fields: { opportunityId: 'does not exist' } });
    }
    throw error;
  }
}

/** Refuses (403 naming `ownerId`) a seller writing someone else as the owner of a new record. */
export function assertOwnerAssignable(actor: Actor, ownerId: number | null | undefined) {
  if (ownerId === undefined || canAssignOwner(actor, ownerId)) return;
  throw new AppError('FORBIDDEN', 'A seller can make only themselves the owner; a manager or an admin can choose another', {
    fields: { ownerId: 'can only be yourself' },
  });
}

/**
 * Loads the record's access for the actor: throws 404 when it does not exist (or is deleted, or the
 * actor may not read it), else tells whether the actor may change it. A contact is changed by whoever
 * may change its company; an activity by its owner or a participant; managers and admins change all.
 */
export async function recordAccess(db: Db, actor: Actor, kind: RecordKind, id: number): Promise<{ editable: boolean }> {
  switch (kind) {
    case 'company': {
      const company = await findCompany(db, id);
      if (company) return { editable: canEdit(actor, company) };
      break;
    }
    case 'contact': {
      const contact = await findContact(db, id);
      if (contact) return { editable: canEdit(actor, { ownerId: contact.companyOwnerId }) };
      break;
    }
    case 'opportunity':
      return { editable: canEdit(actor, await visibleOpportunity(db, actor, id)) };
    case 'activity': {
      const activity = await visibleActivity(db, actor, id);
      return { editable: canEdit(actor, { ownerId: activity.ownerId, sellerIds: activity.participantIds }) };
    }
  }
  throw notFound(NAMES[kind], id);
}

/** Like `recordAccess`, and refuses with 403 when the actor may see but not change the record. */
export async function assertEditable(db: Db, actor: Actor, kind: RecordKind, id: number): Promise<void> {
  const { editable } = await recordAccess(db, actor, kind, id);
  if (!editable) throw new AppError('FORBIDDEN', `You may not change this ${kind}; only its owner, a manager or an admin can`);
}
