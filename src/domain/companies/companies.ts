import type { Db } from '../../db/schema.ts';
import {
  countOpenOpportunitiesOfCompany,
  findCompany,
  findCompanyOrThrow,
  insertCompany,
  lockNumbering,
  nextAccountNumber,
  setInterestTypes,
  softDeleteCompany,
  updateCompanyRow,
  type CompanyRow,
} from '../../db/companies.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import type { Actor } from '../auth/permissions.ts';
import { canEdit } from '../auth/policy.ts';
import { assertOwnerAssignable } from '../records/access.ts';
import { changedEntries, checkActiveEntries } from '../setup/active-entries.ts';
import { validateOrgNumber } from './org-number.ts';
import { recordChanges, recordLifecycle } from '../history/history.ts';

export type CompanyInput = {
  accountNumber?: string | undefined;
  name?: string | undefined;
  searchName?: string | null | undefined;
  orgNumber?: string | null | undefined;
  street?: string | null | undefined;
  postalCode?: string | null | undefined;
  city?: string | null | undefined;
  country?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  website?: string | null | undefined;
  ownerId?: number | null | undefined;
  industryId?: number | null | undefined;
  targetGroupId?: number | null | undefined;
  interestTypeIds?: number[] | undefined;
  sourceId?: number | null | undefined;
  campaignId?: number | null | undefined;
  customerProfileId?: number | null | undefined;
  notes?: string | null | undefined;
};

const SETUP_FIELDS = {
  industryId: 'industries',
  targetGroupId: 'target-groups',
  sourceId: 'sources',
  customerProfileId: 'customer-profiles',
} as const;

/** C-2: organisation numbers are checked by the country's checksum and stored without grouping. */
function normalizeOrgNumber(country: string | null | undefined, orgNumber: string | null | undefined): string | null | undefined {
  if (orgNumber === undefined || orgNumber === null) return orgNumber;
  const result = validateOrgNumber(country ?? '', orgNumber);
  if (!result.ok) throw invalid('orgNumber', result.reason);
  return result.normalized;
}

/** C-1: creates a prospect; the account number is the next free one unless given, and unique. */
export async function createCompany({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: CompanyInput & { name: string };
}): Promise<CompanyRow> {
  assertOwnerAssignable(actor, input.ownerId);
  await checkActiveEntries(db, changedEntries(SETUP_FIELDS, input, null));
  const { interestTypeIds, ...fields } = input;
  await lockNumbering(db, 'companies.account_number');
  const accountNumber = fields.accountNumber ?? (await nextAccountNumber(db));
  const id = await insertCompany(
    db,
    {
      ...fields,
      accountNumber,
      orgNumber: normalizeOrgNumber(fields.country, fields.orgNumber),
      ownerId: fields.ownerId === undefined ? actor.id : fields.ownerId,
      createdBy: actor.id,
      updatedBy: actor.id,
    },
    interestTypeIds,
  );
  const created = await findCompanyOrThrow(db, id);
  await recordLifecycle(db, 'company', id, actor.id, 'created', created.name); // O-24
  return created;
}

/** Loads a company the actor may change, or explains why not. */
async function editableCompany(db: Db, actor: Actor, id: number): Promise<CompanyRow> {
  const company = await findCompany(db, id);
  if (!company) throw notFound('Company', id);
  if (!canEdit(actor, company)) throw new AppError('FORBIDDEN', 'Only the owner, a manager or an admin can change this company');
  return company;
}

/** O-25: changes a company if `version` is still current; else 409 with the record as it is now. */
export async function updateCompany({
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
  changes: CompanyInput;
}): Promise<CompanyRow> {
  const current = await editableCompany(db, actor, id);
  // a seller hands a company only to themselves or leaves it unowned
  if (changes.ownerId !== current.ownerId) assertOwnerAssignable(actor, changes.ownerId);
  await checkActiveEntries(db, changedEntries(SETUP_FIELDS, changes, current));
  const { interestTypeIds, ...fields } = changes;
  if (fields.orgNumber !== undefined || fields.country !== undefined) {
    fields.orgNumber = normalizeOrgNumber(
      fields.country !== undefined ? fields.country : current.country,
      fields.orgNumber !== undefined ? fields.orgNumber : current.orgNumber,
    );
  }
  if (!(await updateCompanyRow(db, id, version, actor.id, fields))) {
    throw new AppError('VERSION_CONFLICT', 'The company was changed by someone else. Reload and try again.', { current });
  }
  if (interestTypeIds) await setInterestTypes(db, id, interestTypeIds);
  const updated = await findCompanyOrThrow(db, id);
  await recordChanges(db, 'company', id, actor.id, current, updated); // O-24
  return updated;
}

/** Soft delete (O-14 applies to companies too); refused while the company still has opportunities. */
export async function deleteCompany({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  const current = await editableCompany(db, actor, id);
  const opportunities = await countOpenOpportunitiesOfCompany(db, id);
  if (opportunities > 0) throw new AppError('IN_USE', `The company has ${opportunities} opportunities; delete or move them first`);
  await softDeleteCompany(db, id, actor.id);
  await recordLifecycle(db, 'company', id, actor.id, 'deleted', current.name); // O-24
}

export { nextAccountNumber };
