// Who may see and who may change a record, for features that hang off any record type:
// history, attachments. A record the actor may not see answers as missing (404), never as 403.
import type { Db } from '../../db/schema.ts';
import { findActivity } from '../../db/activities.ts';
import { findCompany } from '../../db/companies.ts';
import { findContact } from '../../db/contacts.ts';
import { findOpportunity } from '../../db/opportunities.ts';
import { currentSettings } from '../../db/settings.ts';
import { canEdit, canSeeOpportunity, type Actor } from '../auth/permissions.ts';
import { AppError, notFound } from '../errors.ts';

export type RecordKind = 'company' | 'contact' | 'opportunity' | 'activity';

const NAMES: Record<RecordKind, string> = { company: 'Company', contact: 'Contact', opportunity: 'Opportunity', activity: 'Activity' };

/**
 * Loads the record's access for the actor: throws 404 when it does not exist (or is deleted, or the
 * actor may not see it), else tells whether the actor may change it. A contact is changed by whoever
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
    case 'opportunity': {
      const [opportunity, settings] = await Promise.all([findOpportunity(db, id), currentSettings(db)]);
      if (opportunity && canSeeOpportunity(actor, opportunity, settings.sellersSeeOnlyOwn)) return { editable: canEdit(actor, opportunity) };
      break;
    }
    case 'activity': {
      const activity = await findActivity(db, id);
      if (activity) return { editable: canEdit(actor, { ownerId: activity.ownerId, sellerIds: activity.participantIds }) };
      break;
    }
  }
  throw notFound(NAMES[kind], id);
}

/** Like `recordAccess`, and refuses with 403 when the actor may see but not change the record. */
export async function assertEditable(db: Db, actor: Actor, kind: RecordKind, id: number): Promise<void> {
  const { editable } = await recordAccess(db, actor, kind, id);
  if (!editable) throw new AppError('FORBIDDEN', `You may not change this ${kind}; only its owner, a manager or an admin can`);
}
