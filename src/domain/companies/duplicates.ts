// C-6: warn when a new company looks like one that exists (name, organisation number, email domain, phone).
import type { Db } from '../../db/schema.ts';
import {
  companiesNamed,
  companiesWithEmailDomain,
  companiesWithOrgNumber,
  companiesWithPhoneTail,
  type DuplicateCandidate,
} from '../../db/company-duplicates.ts';
import { companyNameKey, emailDomainKey, orgNumberKey, phoneKey } from './duplicate-keys.ts';

export type MatchedOn = 'name' | 'orgNumber' | 'emailDomain' | 'phone';
export type Duplicate = { id: number; name: string; accountNumber: string; matchedOn: MatchedOn[] };
export type DuplicateProbe = {
  name?: string | null | undefined;
  orgNumber?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
};

const MAX_RESULTS = 20;
const ORDER: MatchedOn[] = ['name', 'orgNumber', 'emailDomain', 'phone'];

/**
 * The existing companies that match the probe on any key, the best (most keys) first, then by name.
 * Candidates come from an index each; the keys of duplicate-keys.ts decide. `excludeId` leaves out
 * the company being created or edited.
 */
export async function findDuplicates({
  db,
  probe,
  excludeId,
}: {
  db: Db;
  probe: DuplicateProbe;
  excludeId?: number | undefined;
}): Promise<Duplicate[]> {
  const found = new Map<number, Duplicate>();
  const add = (rows: DuplicateCandidate[], on: MatchedOn, same: (row: DuplicateCandidate) => boolean) => {
    for (const row of rows) {
      if (row.id === excludeId || !same(row)) continue;
      const entry = found.get(row.id) ?? { id: row.id, name: row.name, accountNumber: row.accountNumber, matchedOn: [] };
      if (!entry.matchedOn.includes(on)) entry.matchedOn.push(on);
      found.set(row.id, entry);
    }
  };

  const nameKey = probe.name ? companyNameKey(probe.name) : '';
  if (nameKey) {
    // the longest word of the key is the most selective needle for the trigram index
    const word = nameKey.split(' ').reduce((a, b) => (b.length > a.length ? b : a));
    add(await companiesNamed(db, word, probe.name ?? ''), 'name', (r) => companyNameKey(r.name) === nameKey);
  }
  const orgKey = probe.orgNumber ? orgNumberKey(probe.orgNumber) : '';
  if (orgKey)
    add(await companiesWithOrgNumber(db, orgKey), 'orgNumber', (r) => r.orgNumber !== null && orgNumberKey(r.orgNumber) === orgKey);
  const domain = probe.email ? emailDomainKey(probe.email) : null;
  if (domain) add(await companiesWithEmailDomain(db, domain), 'emailDomain', (r) => r.email !== null && emailDomainKey(r.email) === domain);
  const phone = probe.phone ? phoneKey(probe.phone) : null;
  if (phone) add(await companiesWithPhoneTail(db, phone.slice(-7)), 'phone', (r) => r.phone !== null && phoneKey(r.phone) === phone);

  return [...found.values()]
    .map((d) => ({ ...d, matchedOn: ORDER.filter((o) => d.matchedOn.includes(o)) }))
    .sort((a, b) => b.matchedOn.length - a.matchedOn.length || a.name.localeCompare(b.name, 'da') || a.id - b.id)
    .slice(0, MAX_RESULTS);
}
