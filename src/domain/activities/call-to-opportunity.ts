// T-4: a call that turned up a deal becomes an opportunity, prefilled from the call.
import type { Db } from '../../db/schema.ts';
import { touchOpportunity, updateActivityRow } from '../../db/activities.ts';
import type { OpportunityRow } from '../../db/opportunities.ts';
import type { Actor } from '../auth/permissions.ts';
import { canEdit } from '../auth/policy.ts';
import { AppError } from '../errors.ts';
import { visibleActivity } from '../records/access.ts';
import { createOpportunity } from '../opportunities/create-opportunity.ts';

const TITLE_MAX = 200;

/**
 * Creates an opportunity from a call activity: its company (required), contact and text (as the
 * description); the title is the one given or the call's subject. The call is then linked to the
 * new opportunity. Refused for other activity types (NOT_A_CALL), for a call without a company,
 * and for a call already linked to an opportunity (its link would be lost).
 */
export async function opportunityFromCall({
  db,
  actor,
  activityId,
  title,
  baseCurrency,
}: {
  db: Db;
  actor: Actor;
  activityId: number;
  title?: string | undefined;
  baseCurrency: string;
}): Promise<OpportunityRow> {
  const call = await visibleActivity(db, actor, activityId);
  if (!canEdit(actor, { ownerId: call.ownerId, sellerIds: call.participantIds })) {
    throw new AppError('FORBIDDEN', 'Only the owner, a participant, a manager or an admin can turn this call into an opportunity');
  }
  if (call.type !== 'call')
    throw new AppError('NOT_A_CALL', `Only a call can become an opportunity; this activity is a ${call.type}`, {
      fields: { type: 'is not a call' },
    });
  if (call.companyId === null) {
    throw new AppError('ACTIVITY_WITHOUT_COMPANY', 'The call has no company; link it to a company first', {
      fields: { companyId: 'is required' },
    });
  }
  if (call.opportunityId !== null) {
    throw new AppError('ACTIVITY_HAS_OPPORTUNITY', `The call already belongs to opportunity ${call.opportunityId}`, {
      fields: { opportunityId: 'is already set' },
    });
  }
  const opportunity = await createOpportunity({
    db,
    actor,
    baseCurrency,
    input: {
      title: (title ?? call.subject).slice(0, TITLE_MAX),
      description: call.text,
      companyId: call.companyId,
      contactId: call.contactId,
    },
  });
  if (!(await updateActivityRow(db, call.id, call.version, actor.id, { opportunityId: opportunity.id }))) {
    throw new AppError('VERSION_CONFLICT', 'The call was changed by someone else. Reload and try again.');
  }
  await touchOpportunity(db, opportunity.id);
  return opportunity;
}
