import type { Db } from '../../db/schema.ts';
import {
  findActivityOrThrow,
  findActivityType,
  insertActivity,
  setParticipants,
  softDeleteActivity,
  touchOpportunity,
  updateActivityRow,
  type ActivityRow,
} from '../../db/activities.ts';
import { findContact } from '../../db/contacts.ts';
import { AppError, invalid } from '../errors.ts';
import type { Actor } from '../auth/permissions.ts';
import { canEdit } from '../auth/policy.ts';
import { assertOwnerAssignable, opportunityToLink, visibleActivity } from '../records/access.ts';

export type ActivityInput = {
  type?: string | undefined;
  subject?: string | undefined;
  text?: string | null | undefined;
  dueDate?: string | null | undefined;
  dueTime?: string | null | undefined;
  durationMinutes?: number | null | undefined;
  done?: boolean | undefined;
  ownerId?: number | undefined;
  companyId?: number | null | undefined;
  contactId?: number | null | undefined;
  opportunityId?: number | null | undefined;
  campaignId?: number | null | undefined;
  participantIds?: number[] | undefined;
};

async function checkType(db: Db, key: string | undefined) {
  if (key === undefined) return;
  const type = await findActivityType(db, key);
  if (!type) throw invalid('type', `"${key}" is not an activity type`);
  if (!type.active)
    throw new AppError('INACTIVE_ENTRY', `The activity type "${type.name}" is deactivated`, { fields: { type: 'is deactivated' } });
}

/**
 * Links follow each other: an opportunity's activity belongs to its company, a contact's to the
 * contact's company. An opportunity the actor may not read is refused as a missing one (404, A-2).
 */
async function resolveLinks(
  db: Db,
  actor: Actor,
  input: ActivityInput,
  current: { companyId: number | null; contactId: number | null; opportunityId: number | null } | null,
) {
  const links = {
    companyId: input.companyId !== undefined ? input.companyId : (current?.companyId ?? null),
    contactId: input.contactId !== undefined ? input.contactId : (current?.contactId ?? null),
    opportunityId: input.opportunityId !== undefined ? input.opportunityId : (current?.opportunityId ?? null),
  };
  if (links.opportunityId !== null) {
    const opportunity = await opportunityToLink(db, actor, links.opportunityId);
    if (links.companyId === null) links.companyId = opportunity.companyId;
    else if (links.companyId !== opportunity.companyId) throw invalid('companyId', 'differs from the opportunity’s company');
  }
  if (links.contactId !== null) {
    const contact = await findContact(db, links.contactId);
    if (!contact) throw invalid('contactId', 'does not exist');
    if (links.companyId === null) links.companyId = contact.companyId;
    else if (links.companyId !== contact.companyId) {
      throw new AppError('CONTACT_NOT_OF_COMPANY', 'The contact works for another company', {
        fields: { contactId: 'is not a contact of the company' },
      });
    }
  }
  return links;
}

/** T-2: creates an activity owned by the actor unless another owner is given (by a manager or an admin, A-2). */
export async function createActivity({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: ActivityInput & { type: string; subject: string };
}): Promise<ActivityRow> {
  assertOwnerAssignable(actor, input.ownerId);
  await checkType(db, input.type);
  const links = await resolveLinks(db, actor, input, null);
  const { participantIds, ...fields } = input;
  const done = fields.done ?? false;
  const id = await insertActivity(db, {
    ...fields,
    ...links,
    done,
    doneAt: done ? new Date() : null,
    ownerId: fields.ownerId ?? actor.id,
    createdBy: actor.id,
    updatedBy: actor.id,
  });
  if (participantIds) await setParticipants(db, id, participantIds);
  if (links.opportunityId !== null) await touchOpportunity(db, links.opportunityId);
  return findActivityOrThrow(db, id);
}

export async function updateActivity({
  db,
  actor,
  id,
  version,
  changes,
}: {
  db: Db;
  actor: Actor;
  id: number;
  version: number;
  changes: ActivityInput;
}): Promise<ActivityRow> {
  const current = await visibleActivity(db, actor, id);
  const editors = [...current.participantIds];
  if (!canEdit(actor, { ownerId: current.ownerId, sellerIds: editors })) {
    throw new AppError('FORBIDDEN', 'Only the owner, a participant, a manager or an admin can change this activity');
  }
  await checkType(db, changes.type);
  const links = await resolveLinks(db, actor, changes, current);
  const { participantIds, ...fields } = changes;
  const doneAt = changes.done === undefined || changes.done === current.done ? {} : { doneAt: changes.done ? new Date() : null };
  if (!(await updateActivityRow(db, id, version, actor.id, { ...fields, ...links, ...doneAt }))) {
    throw new AppError('VERSION_CONFLICT', 'The activity was changed by someone else. Reload and try again.', { current });
  }
  if (participantIds) await setParticipants(db, id, participantIds);
  if (links.opportunityId !== null) await touchOpportunity(db, links.opportunityId);
  return findActivityOrThrow(db, id);
}

export async function deleteActivity({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  const current = await visibleActivity(db, actor, id);
  if (!canEdit(actor, { ownerId: current.ownerId }))
    throw new AppError('FORBIDDEN', 'Only the owner, a manager or an admin can delete this activity');
  await softDeleteActivity(db, id, actor.id);
}
