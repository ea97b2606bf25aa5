import type { Db } from '../../db/schema.ts';
import { findCompany, lockNumbering } from '../../db/companies.ts';
import { findContact } from '../../db/contacts.ts';
import { findDefaultProcess, findProcess, type SalesProcess } from '../../db/sales-processes.ts';
import {
  addSeller,
  findOpportunity,
  insertOpportunity,
  nextOpportunityNumber,
  replaceSoleSeller,
  softDeleteOpportunity,
  updateOpportunityRow,
  writeSteps,
  type OpportunityRow,
} from '../../db/opportunities.ts';
import { AppError, invalid } from '../errors.ts';
import type { Actor } from '../auth/permissions.ts';
import { canChangeOwnerAndSellers } from '../auth/policy.ts';
import { assertOwnerAssignable, changeableOpportunity } from '../records/access.ts';
import { changedEntries, checkActiveEntries } from '../setup/active-entries.ts';
import { nextProbability } from './rules.ts';
import { moveStepsToStage } from './lifecycle.ts';
import { recordChanges, recordLifecycle } from '../history/history.ts';
import { applyFollowUp } from './follow-up.ts';

export type OpportunityInput = {
  number?: number | undefined;
  title?: string | undefined;
  description?: string | null | undefined;
  companyId?: number | undefined;
  contactId?: number | null | undefined;
  ownerId?: number | undefined;
  processId?: number | undefined;
  stageId?: number | undefined;
  probability?: number | undefined;
  probabilityMode?: 'stage' | 'manual' | undefined;
  amount?: number | null | undefined;
  currency?: string | undefined;
  actualAmount?: number | null | undefined;
  margin?: number | null | undefined;
  annualMargin?: number | null | undefined;
  decisionDate?: string | null | undefined;
  deliveryDate?: string | null | undefined;
  followUpDate?: string | null | undefined;
  priority?: 'low' | 'normal' | 'high' | undefined;
  rating?: number | null | undefined;
  typeId?: number | null | undefined;
  sourceId?: number | null | undefined;
  campaignId?: number | null | undefined;
  regionId?: number | null | undefined;
  departmentId?: number | null | undefined;
  externalRef?: string | null | undefined;
  quoteNumber?: string | null | undefined;
};

const SETUP_FIELDS = { typeId: 'opportunity-types', sourceId: 'sources', regionId: 'regions', departmentId: 'departments' } as const;

function stageOf(process: SalesProcess, stageId: number) {
  const stage = process.stages.find((s) => s.id === stageId);
  if (!stage) {
    throw new AppError('STAGE_NOT_IN_PROCESS', `Stage ${stageId} is not a stage of the process "${process.name}"`, { fields: { stageId: 'is not in the sales process' } });
  }
  return stage;
}

async function checkContact(db: Db, contactId: number | null | undefined, companyId: number) {
  if (contactId === null || contactId === undefined) return;
  const contact = await findContact(db, contactId);
  if (!contact) throw invalid('contactId', 'does not exist');
  if (contact.companyId !== companyId) {
    throw new AppError('CONTACT_NOT_OF_COMPANY', 'The contact works for another company', { fields: { contactId: 'is not a contact of the company' } });
  }
}

/**
 * O-1: creates an open opportunity with the next number (unless given), now as created time, the
 * actor as owner and only seller, and the first stage of the chosen (or default) process.
 * O-6: probability follows the stage unless typed, which makes it manual.
 */
export async function createOpportunity({ db, actor, input, baseCurrency }: {
  db: Db;
  actor: Actor;
  input: OpportunityInput & { title: string; companyId: number };
  baseCurrency: string;
}): Promise<OpportunityRow> {
  assertOwnerAssignable(actor, input.ownerId);
  if (!(await findCompany(db, input.companyId))) throw invalid('companyId', 'does not exist');
  const process = input.processId ? await findProcess(db, input.processId) : await findDefaultProcess(db);
  if (!process) throw input.processId ? invalid('processId', 'does not exist') : invalid('processId', 'there is no default sales process');
  if (!process.active) throw new AppError('INACTIVE_ENTRY', `The sales process "${process.name}" is deactivated`, { fields: { processId: 'is deactivated' } });
  const stage = input.stageId ? stageOf(process, input.stageId) : process.stages[0];
  if (!stage) throw invalid('processId', 'the sales process has no stages');
  await checkContact(db, input.contactId, input.companyId);
  await checkActiveEntries(db, changedEntries(SETUP_FIELDS, input, null));

  const probabilityMode = input.probabilityMode ?? (input.probability !== undefined ? 'manual' : 'stage');
  const probability = nextProbability({ mode: probabilityMode, stageProbability: stage.probability, current: stage.probability, typed: input.probability });
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
  await writeSteps(db, id, process.stages, stage.position);
  await addSeller(db, id, ownerId, 100, 1);
  const created = (await findOpportunity(db, id)) as OpportunityRow;
  await recordLifecycle(db, 'opportunity', id, actor.id, 'created', created.title); // O-24
  await applyFollowUp({ db, actor, before: null, after: created }); // O-21
  return created;
}

/** Loads an opportunity the actor may change (404 when hidden, A-2); closed ones refuse every change (O-11). */
export async function editableOpportunity(db: Db, actor: Actor, id: number): Promise<OpportunityRow> {
  const current = await changeableOpportunity(db, actor, id);
  if (current.status !== 'open') {
    throw new AppError('OPPORTUNITY_CLOSED', `The opportunity is ${current.status}; reopen it to change it`, { fields: { status: current.status } });
  }
  return current;
}

/**
 * Changes an open opportunity (O-25 version check). The process is fixed once chosen (O-5); a new
 * stage must belong to it and, in stage mode, brings its probability (O-6).
 */
export async function updateOpportunity({ db, actor, id, version, changes }: { db: Db; actor: Actor; id: number; version: number; changes: OpportunityInput }): Promise<OpportunityRow> {
  const current = await editableOpportunity(db, actor, id);
  if (changes.ownerId !== undefined && changes.ownerId !== current.ownerId && !canChangeOwnerAndSellers(actor, current)) {
    throw new AppError('FORBIDDEN', 'Only the owner, a manager or an admin can hand this opportunity to another owner', { fields: { ownerId: 'can be changed only by the owner' } });
  }
  if (changes.processId !== undefined && changes.processId !== current.processId) {
    throw new AppError('PROCESS_FIXED', 'An opportunity keeps the sales process it was created with', { fields: { processId: 'cannot be changed' } });
  }
  const companyId = changes.companyId ?? current.companyId;
  if (changes.companyId !== undefined && changes.companyId !== current.companyId && !(await findCompany(db, changes.companyId))) {
    throw invalid('companyId', 'does not exist');
  }
  const contactId = changes.contactId !== undefined ? changes.contactId : current.contactId;
  if (changes.contactId !== undefined || changes.companyId !== undefined) await checkContact(db, contactId, companyId);
  await checkActiveEntries(db, changedEntries(SETUP_FIELDS, changes, current));

  const process = (await findProcess(db, current.processId)) as SalesProcess;
  const stage = stageOf(process, changes.stageId ?? current.stageId ?? process.stages[0]?.id ?? 0);
  const probabilityMode = changes.probabilityMode ?? (changes.probability !== undefined ? 'manual' : current.probabilityMode);
  const probability = nextProbability({ mode: probabilityMode, stageProbability: stage.probability, current: current.probability, typed: changes.probability });

  const { processId: _fixed, ...rest } = changes;
  if (!(await updateOpportunityRow(db, id, version, actor.id, { ...rest, stageId: stage.id, probability, probabilityMode }))) {
    throw new AppError('VERSION_CONFLICT', 'The opportunity was changed by someone else. Reload and try again.', { current });
  }
  if (changes.stageId !== undefined && changes.stageId !== current.stageId) await moveStepsToStage(db, id, stage.id);
  if (changes.ownerId !== undefined && changes.ownerId !== current.ownerId) await replaceSoleSeller(db, id, changes.ownerId);
  const updated = (await findOpportunity(db, id)) as OpportunityRow;
  await recordChanges(db, 'opportunity', id, actor.id, current, updated); // O-24
  await applyFollowUp({ db, actor, before: current, after: updated }); // O-21
  return updated;
}

/** O-14: soft delete; an admin can restore within 30 days. */
export async function deleteOpportunity({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  const current = await changeableOpportunity(db, actor, id);
  await softDeleteOpportunity(db, id, actor.id);
  await recordLifecycle(db, 'opportunity', id, actor.id, 'deleted', current.title); // O-24
}
