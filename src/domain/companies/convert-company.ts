// C-3 (seed 002 "Overfør til debitor / kreditor"): a prospect becomes a customer and/or a supplier.
import type { Db } from '../../db/schema.ts';
import { findCompany, findCompanyOrThrow, lockNumbering, updateCompanyRow, type CompanyRow } from '../../db/companies.ts';
import { highestRoleNumber, roleNumberTaken, type CompanyRole } from '../../db/company-conversion.ts';
import type { Actor } from '../auth/permissions.ts';
import { canEdit } from '../auth/policy.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { recordChanges } from '../history/history.ts';
import { checkActiveEntries } from '../setup/active-entries.ts';

/** Customer numbers start at 20001 and supplier numbers at 30001 unless a higher one is in use. */
export const FIRST_ROLE_NUMBER: Record<CompanyRole, number> = { customer: 20001, supplier: 30001 };

/** The next free number: one above the highest numeric number in use, or the role's first number. */
export function nextRoleNumber(role: CompanyRole, highestInUse: number | null): string {
  return String(highestInUse === null ? FIRST_ROLE_NUMBER[role] : Math.max(highestInUse + 1, FIRST_ROLE_NUMBER[role]));
}

export type ConvertInput = {
  to: CompanyRole;
  customerProfileId?: number | undefined;
  number?: string | undefined;
  version?: number | undefined;
};

/**
 * C-3: gives the company the customer (or supplier) role in one step: the next free number (or the
 * one given, if free), status `active` for a customer, and the customer profile (given, or the one
 * already chosen on the company). The record and its history stay; the changes are recorded. A role
 * the company already has is refused (409 ALREADY_CONVERTED), so a repeated click never duplicates.
 */
export async function convertCompany({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: ConvertInput;
}): Promise<CompanyRow> {
  const current = await findCompany(db, id);
  if (!current) throw notFound('Company', id);
  if (!canEdit(actor, current)) throw new AppError('FORBIDDEN', 'Only the owner, a manager or an admin can convert this company');
  if (input.version !== undefined && input.version !== current.version) {
    throw new AppError('VERSION_CONFLICT', 'The company was changed by someone else. Reload and try again.', { current });
  }
  const role = input.to;
  const existing = role === 'customer' ? current.customerNumber : current.supplierNumber;
  if (existing !== null) {
    throw new AppError('ALREADY_CONVERTED', `The company is already a ${role} (number ${existing})`, {
      fields: { to: `is already a ${role}` },
    });
  }
  if (role === 'supplier' && input.customerProfileId !== undefined) {
    throw invalid('customerProfileId', 'applies only when converting to a customer');
  }
  if (input.customerProfileId !== undefined && input.customerProfileId !== current.customerProfileId) {
    await checkActiveEntries(db, { customerProfileId: ['customer-profiles', input.customerProfileId] });
  }

  await lockNumbering(db, `companies.${role}_number`);
  let number = input.number;
  if (number === undefined) {
    number = nextRoleNumber(role, await highestRoleNumber(db, role));
  } else if (await roleNumberTaken(db, role, number)) {
    throw new AppError('DUPLICATE', `${role === 'customer' ? 'Customer' : 'Supplier'} number ${number} is already in use`, {
      fields: { number: 'is already in use' },
    });
  }

  const changes =
    role === 'customer'
      ? { customerNumber: number, status: 'active' as const, customerProfileId: input.customerProfileId ?? current.customerProfileId }
      : { supplierNumber: number };
  if (!(await updateCompanyRow(db, id, current.version, actor.id, changes))) {
    throw new AppError('VERSION_CONFLICT', 'The company was changed by someone else. Reload and try again.', { current });
  }
  const converted = await findCompanyOrThrow(db, id);
  await recordChanges(db, 'company', id, actor.id, current, converted); // O-24: the number, status and profile
  return converted;
}
