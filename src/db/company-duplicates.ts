// C-6: candidate companies for the duplicate warning. Each query reads one index; the exact
// comparison happens in domain/companies/duplicates.ts with the same keys for both sides.
import { sql } from 'kysely';
import type { Db } from './schema.ts';

export type DuplicateCandidate = {
  id: number;
  name: string;
  accountNumber: string;
  orgNumber: string | null;
  email: string | null;
  phone: string | null;
};

const CANDIDATES = 200;

function live(db: Db) {
  return db
    .selectFrom('companies as c')
    .select(['c.id', 'c.name', 'c.accountNumber', 'c.orgNumber', 'c.email', 'c.phone'])
    .where('c.deletedAt', 'is', null);
}

/** Companies whose name contains `word` (trigram index), closest in length to `name` first. */
export function companiesNamed(db: Db, word: string, name: string): Promise<DuplicateCandidate[]> {
  const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return live(db)
    .where(sql<boolean>`lower(c.name) LIKE ${pattern}`)
    .orderBy(sql`abs(length(c.name) - ${name.length})`)
    .orderBy('c.id')
    .limit(CANDIDATES)
    .execute();
}

/** Companies with this organisation number key (companies_org_number_key_idx). */
export function companiesWithOrgNumber(db: Db, key: string): Promise<DuplicateCandidate[]> {
  return live(db)
    .where(sql<boolean>`upper(regexp_replace(c.org_number, '[^0-9A-Za-z]', '', 'g')) = ${key}`)
    .limit(CANDIDATES)
    .execute();
}

/** Companies whose email is at this domain (companies_email_domain_idx). */
export function companiesWithEmailDomain(db: Db, domain: string): Promise<DuplicateCandidate[]> {
  return live(db)
    .where(sql<boolean>`lower(split_part(c.email, '@', 2)) = ${domain}`)
    .limit(CANDIDATES)
    .execute();
}

/** Companies whose phone ends in these 7 digits (companies_phone_tail_idx). */
export function companiesWithPhoneTail(db: Db, tail: string): Promise<DuplicateCandidate[]> {
  return live(db)
    .where(sql<boolean>`right(regexp_replace(c.phone, '[^0-9]', '', 'g'), 7) = ${tail}`)
    .limit(CANDIDATES)
    .execute();
}
