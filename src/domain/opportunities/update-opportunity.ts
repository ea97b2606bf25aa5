import type { Db } from '../../db/schema.ts';
import { findCompany } from '../../db/companies.ts';
import { findProcess } from '../../db/sales-processes.ts';
import { alignSteps, replaceSoleSellers, updateOpportunityRow, type OpportunityRow } from '../../db/opportunities.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import type { Actor } from '../auth/permissions.ts';
import { canChangeOwnerAndSellers } from '../auth/policy.ts';
import { changedEntries, checkActiveEntries } from '../setup/active-entries.ts';
import { recordChanges } from '../history/history.ts';
import { nextProbability } from './rules.ts';
import { applyFollowUp } from './follow-up.ts';
import { checkContact, SETUP_FIELDS, stageOf } from './opportunity-input-checks.ts';
import { editableOpportunity, opportunityConflict, reloadOpportunity } from './opportunity-writes.ts';
import type { OpportunityInput } from './schema.ts';

/**
 * Changes an open opportunity (O-25 version check). The process is fixed once chosen (O-5); a new
 * stage must belong to it and, in stage mode, brings its probability (O-6).
 */
export async function updateOpportunity({
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
  changes: OpportunityInput;
}): Promise<OpportunityRow> {
  const current = await editableOpportunity(db, actor, id);
  if (changes.ownerId !== undefined && changes.ownerId !== current.ownerId && !canChangeOwnerAndSellers(actor, current)) {
    throw new AppError('FORBIDDEN', 'Only the owner, a manager or an admin can hand this opportunity to another owner', {
      fields: { ownerId: 'can be changed only by the owner' },
    });
  }
  if (changes.processId !== undefined && changes.processId !== current.processId) {
    throw new AppError('PROCESS_FIXED', 'An opportunity keeps the sales process it was created with', {
      fields: { processId: 'cannot be changed' },
    });
  }
  const companyId = changes.companyId ?? current.companyId;
  if (changes.companyId !== undefined && changes.companyId !== current.companyId && !(await findCompany(db, changes.companyId))) {
    throw invalid('companyId', 'does not exist');
  }
  const contactId = changes.contactId !== undefined ? changes.contactId : current.contactId;
  if (changes.contactId !== undefined || changes.companyId !== undefined) await checkContact(db, contactId, companyId);
  await checkActiveEntries(db, changedEntries(SETUP_FIELDS, changes, current));

  const process = await findProcess(db, current.processId);
  if (!process) throw notFound('Sales process', current.processId);
  const stage = stageOf(process, changes.stageId ?? current.stageId ?? process.stages[0]?.id ?? 0);
  const probabilityMode = changes.probabilityMode ?? (changes.probability !== undefined ? 'manual' : current.probabilityMode);
  const probability = nextProbability({
    mode: probabilityMode,
    stageProbability: stage.probability,
    current: current.probability,
    typed: changes.probability,
  });

  const { processId: _fixed, ...rest } = changes;
  if (!(await updateOpportunityRow(db, id, version, actor.id, { ...rest, stageId: stage.id, probability, probabilityMode }))) {
    throw opportunityConflict(current);
  }
  // moving to a stage (board, stage picker): earlier steps done, later ones to do again
  if (changes.stageId !== undefined && changes.stageId !== current.stageId) await alignSteps(db, [id]);
  if (changes.ownerId !== undefined && changes.ownerId !== current.ownerId) {
    await replaceSoleSellers(db, [{ opportunityId: id, ownerId: changes.ownerId }]); // O-17
  }
  const updated = await reloadOpportunity(db, id);
  await recordChanges(db, 'opportunity', id, actor.id, current, updated); // O-24
  await applyFollowUp({ db, actor, before: current, after: updated }); // O-21
  return updated;
}
