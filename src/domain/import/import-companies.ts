// L-7 companies: validated like POST /api/companies; matched on account number (else external id).
import { companiesByAccountNumber, companiesByExternalId } from '../../db/import-lookups.ts';
import { insertImported, recordImported, updateImported, type Columns } from '../../db/import-writes.ts';
import { validateOrgNumber } from '../companies/org-number.ts';
import { createCompanyBody } from '../companies/schema.ts';
import { splitAddress, toCountry } from './convert.ts';
import { updateWithHistory } from './import-effects.ts';
import { valuesOf, type ImportKind, type Prepared } from './import-kind.ts';
import { definedOnly } from './row-check.ts';

const COLUMNS: Columns = [
  ['accountNumber', 'text'],
  ['externalId', 'text'],
  ['name', 'text'],
  ['searchName', 'text'],
  ['orgNumber', 'text'],
  ['street', 'text'],
  ['postalCode', 'text'],
  ['city', 'text'],
  ['country', 'text'],
  ['phone', 'text'],
  ['email', 'text'],
  ['website', 'text'],
  ['ownerId', 'int'],
  ['industryId', 'int'],
  ['targetGroupId', 'int'],
  ['sourceId', 'int'],
  ['notes', 'text'],
  ['createdAt', 'timestamptz'],
];
/** What an update writes: the created time is the record's, kept as it was. */
const UPDATE_COLUMNS = COLUMNS.filter(([column]) => column !== 'createdAt');
const FIELD_OF = { ownerId: 'owner', industryId: 'industry', targetGroupId: 'targetGroup', sourceId: 'source' };

type Found = { byAccount: Map<string, number>; byExternal: Map<string, number> };

export const importCompanies: ImportKind<Found> = {
  async find({ db, rows }) {
    return {
      byAccount: await companiesByAccountNumber(db, valuesOf(rows, 'accountNumber')),
      byExternal: await companiesByExternalId(
        db,
        valuesOf(
          rows.filter((row) => !row.values.accountNumber),
          'externalId',
        ),
      ),
    };
  },

  check({ rows, found: { byAccount, byExternal }, check, seen }) {
    const prepared: Prepared[] = [];
    for (const row of rows) {
      const r = check(row);
      // a one-line address fills what the file has no column of its own for
      const address = r.text('address') ? splitAddress(r.text('address') as string) : undefined;
      const country = r.text('country') ? r.other('country', toCountry) : address?.country;
      const houseNumber = r.text('houseNumber');
      const street = r.text('street') ?? (address?.street || undefined);
      let orgNumber = r.text('orgNumber');
      if (orgNumber) {
        const result = validateOrgNumber(country ?? '', orgNumber);
        if (result.ok) orgNumber = result.normalized;
        else {
          r.fail('orgNumber', result.reason);
          orgNumber = undefined;
        }
      }
      const input = {
        name: r.required('name'),
        accountNumber: r.text('accountNumber'),
        searchName: r.text('searchName'),
        orgNumber,
        street: street && houseNumber ? `${street} ${houseNumber}` : (street ?? houseNumber),
        postalCode: r.text('postalCode') ?? address?.postalCode,
        city: r.text('city') ?? address?.city,
        country,
        phone: r.text('phone'),
        email: r.text('email'),
        website: r.text('website'),
        ownerId: r.user('owner'),
        industryId: r.setup('industry', 'industries'),
        targetGroupId: r.setup('targetGroup', 'targetGroups'),
        sourceId: r.setup('source', 'sources'),
        notes: r.text('notes'),
      };
      const valid = r.schema(createCompanyBody, definedOnly(input), FIELD_OF);
      const externalId = r.text('externalId');
      const key = input.accountNumber ? `account ${input.accountNumber}` : externalId ? `external id ${externalId}` : null;
      if (key) {
        const first = seen.get(key);
        if (first) r.fail(input.accountNumber ? 'accountNumber' : 'externalId', `${key} is on line ${first} too`);
        else seen.set(key, row.line);
      }
      const createdAt = r.dateTime('createdAt');
      prepared.push({
        line: row.line,
        errors: r.errors,
        values:
          valid && !r.errors.length ? { ...valid, orgNumber: input.orgNumber ?? null, externalId: externalId ?? null, createdAt } : {},
        existingId: null,
      });
    }
    for (const p of prepared.filter((p) => !p.errors.length))
      p.existingId =
        (p.values.accountNumber ? byAccount.get(String(p.values.accountNumber)) : byExternal.get(String(p.values.externalId ?? ''))) ??
        null;
    return prepared;
  },

  async write({ db, actor, rows, run }) {
    // each statement reads the ids the one before made: built and sent one after the other
    return async () => {
      const fresh = rows.filter((p) => p.existingId === null);
      const numbers = await run.numbers(
        'account',
        fresh.filter((p) => !p.values.accountNumber).length,
        new Set(fresh.map((p) => String(p.values.accountNumber ?? ''))),
      );
      const inserts = fresh.map((p) => ({ ...p.values, accountNumber: p.values.accountNumber ?? numbers.shift() }));
      const created = await insertImported(db, 'companies', COLUMNS, inserts, actor.id, 'name', {
        ownerId: actor.id,
        createdAt: run.startedAt,
      });
      await recordImported(db, 'company', created.ids, created.labels, actor.id);
      const updated = rows.filter((p) => p.existingId !== null).map((p) => ({ ...p.values, id: p.existingId }));
      await updateWithHistory(
        db,
        'company',
        updated.map((p) => Number(p.id)),
        actor.id,
        () => updateImported(db, 'companies', UPDATE_COLUMNS, updated, actor.id),
      ); // O-24
    };
  },
};
