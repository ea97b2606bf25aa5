import { sql } from 'kysely';
import type { Db } from './schema.ts';

export type CompanyRole = 'customer' | 'supplier';

const COLUMN = { customer: 'customer_number', supplier: 'supplier_number' } as const;

/**
 * C-3: the highest numeric customer (or supplier) number in use, deleted companies included since
 * the unique index covers them too. Reads the expression index companies_<role>_number_value_idx.
 */
export async function highestRoleNumber(db: Db, role: CompanyRole): Promise<number | null> {
  const column = sql.ref(COLUMN[role]);
  const value = sql<number | null>`(CASE WHEN ${column} ~ '^[0-9]{1,15}$' THEN ${column}::bigint END)`;
  const { rows } = await sql<{ value: number | null }>`
    SELECT ${value} AS value FROM companies WHERE ${value} IS NOT NULL ORDER BY ${value} DESC LIMIT 1`.execute(db);
  return rows[0]?.value ?? null;
}

/** Whether a customer (or supplier) number is taken by any company, deleted ones included. */
export async function roleNumberTaken(db: Db, role: CompanyRole, number: string): Promise<boolean> {
  const column = role === 'customer' ? 'customerNumber' : 'supplierNumber';
  const row = await db.selectFrom('companies').select('id').where(column, '=', number).executeTakeFirst();
  return row !== undefined;
}
