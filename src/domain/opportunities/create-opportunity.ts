import type { Db } from '../../db/schema.ts';
import { findCompany, lockNumbering } from '../../db/companies.ts';
import { findDefaultProcess, findProcess } from '../../db/sales-processes.ts';
import { addSeller, insertOpportunity, insertSteps, nextOpportunityNumber, type OpportunityRow } from '../../db/opportunities.ts';
import { AppError, invalid } from '../errors.ts';
import type { Actor } from '../auth/permissions.ts';
import { assertOwnerAssignable } from '../records/access.ts';
import { changedEntries, checkActiveEntries } from '../setup/active-entries.ts';
import { recordLifecycle } from '../history/history.ts';
import { nextProbability } from './rules.ts';
import { applyFollowUp } from './follow-up.ts';
import { checkContact, SETUP_FIELDS, stageOf } from './opportunity-input-checks.ts';
import { reloadOpportunity } from './opportunity-writes.ts';
import type { NewOpportunityInput } from './schema.ts';

/**
 * O-1: creates an open opportunity with the next number (unless given), now as created time, the
 * actor as owner and only seller, and the first stage of the chosen (or default) process.
 * O-6: probability follows the stage unless typed, which makes it manual.
 */
export async function createOpportunity({
  db,
  actor,
  input,
  baseCurrency,
}: {
  db: Db;
  actor: Actor;
  input: NewOpportunityInput;
  baseCurrency: string;
}): Promise<OpportunityRow> {
  assertOwnerAssignable(actor, input.ownerId);
  if (!(await findCompany(db, input.companyId))) throw invalid('companyId', 'does not exist');
  const process = input.processId ? await findProcess(db, input.processId) : await findDefaultProcess(db);
  if (!process) throw input.processId ? invalid('processId', 'does not exist') : invalid('processId', 'there is no default sales process');
  if (!process.active)
    throw new AppError('INACTIVE_ENTRY', `The sales process "${process.name}" is deactivated`, { fields: { processId: 'is deactivated' } });
  const stage = input.stageId ? stageOf(process, input.stageId) : process.stages[0];
  if (!stage) throw invalid('processId', 'the sales process has no stages');
  await checkContact(db, input.contactId, input.companyId);
  await checkActiveEntries(db, changedEntries(SETUP_FIELDS, input, null));

  const probabilityMode = input.probabilityMode ?? (input.probability !== undefined ? 'manual' : 'stage');
  const probability = nextProbability({
    mode: probabilityMode,
    stageProbability: stage.probability,
    current: stage.probability,
    typed: input.probability,
  });
  const ownerId = input.ownerId ?? actor.id;

  await lockNumbering(db, 'opportunities.number');
  const number = input.number ?? (await nextOpportunityNumber(db));
  const id = await insertOpportunity(db, {
    ...input,
    number,
    processId: process.id,
    stageId: stage.id,
    probability,
    probabilityMode,
    ownerId,
    currency: input.currency ?? baseCurrency,
    createdBy: actor.id,
    updatedBy: actor.id,
  });
  await insertSteps(db, [id]);
  await addSeller(db, id, ownerId, 100, 1);
  const created = await reloadOpportunity(db, id);
  await recordLifecycle(db, 'opportunity', id, actor.id, 'created', created.title); // O-24
  await applyFollowUp({ db, actor, before: null, after: created }); // O-21
  return created;
}
