import type { Db } from '../../db/schema.ts';
import { findCompany } from '../../db/companies.ts';
import {
  clearFlag,
  companyHasContacts,
  findContact,
  findContactOrThrow,
  insertContact,
  softDeleteContact,
  updateContactRow,
  type ContactRow,
} from '../../db/contacts.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import type { Actor } from '../auth/permissions.ts';
import { canEdit } from '../auth/policy.ts';
import { recordChanges, recordLifecycle } from '../history/history.ts';

export type ContactInput = {
  companyId?: number | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  title?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  mobile?: string | null | undefined;
  isPrimary?: boolean | undefined;
  isDefaultReference?: boolean | undefined;
  notes?: string | null | undefined;
};

const fullName = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`.trim();

/** A contact is changed by whoever may change its company. */
async function companyForEdit(db: Db, actor: Actor, companyId: number, field = 'companyId') {
  const company = await findCompany(db, companyId);
  if (!company) throw invalid(field, 'does not exist');
  if (!canEdit(actor, company)) throw new AppError('FORBIDDEN', 'Only the company’s owner, a manager or an admin can change its contacts');
  return company;
}

/** C-4: a company's first contact becomes its primary contact; a new primary replaces the old one. */
export async function createContact({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: ContactInput & { companyId: number; lastName: string };
}): Promise<ContactRow> {
  await companyForEdit(db, actor, input.companyId);
  const isPrimary = input.isPrimary ?? !(await companyHasContacts(db, input.companyId));
  if (isPrimary) await clearFlag(db, input.companyId, 'isPrimary', null);
  if (input.isDefaultReference) await clearFlag(db, input.companyId, 'isDefaultReference', null);
  const id = await insertContact(db, { ...input, isPrimary, createdBy: actor.id, updatedBy: actor.id });
  const created = await findContactOrThrow(db, id);
  await recordLifecycle(db, 'contact', id, actor.id, 'created', fullName(created)); // O-24
  return created;
}

export async function updateContact({
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
  changes: ContactInput;
}): Promise<ContactRow> {
  const current = await findContact(db, id);
  if (!current) throw notFound('Contact', id);
  await companyForEdit(db, actor, current.companyId);
  if (changes.companyId !== undefined && changes.companyId !== current.companyId) await companyForEdit(db, actor, changes.companyId);
  const companyId = changes.companyId ?? current.companyId;
  if (changes.isPrimary) await clearFlag(db, companyId, 'isPrimary', id);
  if (changes.isDefaultReference) await clearFlag(db, companyId, 'isDefaultReference', id);
  if (!(await updateContactRow(db, id, version, actor.id, changes))) {
    throw new AppError('VERSION_CONFLICT', 'The contact was changed by someone else. Reload and try again.', { current });
  }
  const updated = await findContactOrThrow(db, id);
  await recordChanges(db, 'contact', id, actor.id, current, updated); // O-24
  return updated;
}

export async function deleteContact({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  const current = await findContact(db, id);
  if (!current) throw notFound('Contact', id);
  await companyForEdit(db, actor, current.companyId);
  await softDeleteContact(db, id, actor.id);
  await recordLifecycle(db, 'contact', id, actor.id, 'deleted', fullName(current)); // O-24
}
