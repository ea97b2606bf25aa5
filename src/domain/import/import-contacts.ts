// L-7 contacts: validated like POST /api/contacts; the company by account number or exact name;
// matched on email (else external id).
import { contactsByEmail, contactsByExternalId } from '../../db/import-lookups.ts';
import { clearPrimaryOf, insertImported, recordImported, updateImported, type Columns } from '../../db/import-writes.ts';
import { createContactBody } from '../contacts/schema.ts';
import { fold, splitName } from './convert.ts';
import { updateWithHistory } from './import-effects.ts';
import { valuesOf, type ImportKind, type Prepared } from './import-kind.ts';
import { definedOnly, findCompanies, type FoundCompanies } from './row-check.ts';

const COLUMNS: Columns = [
  ['companyId', 'int'],
  ['externalId', 'text'],
  ['firstName', 'text'],
  ['lastName', 'text'],
  ['title', 'text'],
  ['email', 'text'],
  ['phone', 'text'],
  ['mobile', 'text'],
  ['isPrimary', 'boolean'],
  ['notes', 'text'],
  ['createdAt', 'timestamptz'],
];
/** What an update writes: the created time is the record's, kept as it was. */
const UPDATE_COLUMNS = COLUMNS.filter(([column]) => column !== 'createdAt');

type Found = {
  companies: FoundCompanies;
  byEmail: Map<string, { id: number; companyId: number }>;
  byExternal: Map<string, number>;
};

export const importContacts: ImportKind<Found> = {
  async find({ db, rows, run }) {
    return {
      companies: await findCompanies(db, rows, run.companies),
      byEmail: await contactsByEmail(db, valuesOf(rows, 'email', true)),
      byExternal: await contactsByExternalId(
        db,
        valuesOf(
          rows.filter((row) => !row.values.email),
          'externalId',
        ),
      ),
    };
  },

  check({ rows, found: { companies, byEmail, byExternal }, check, seen }) {
    const prepared: Prepared[] = [];
    for (const row of rows) {
      const r = check(row);
      const account = r.text('companyAccountNumber');
      const companyId = r.company(companies);
      const full = r.text('fullName');
      const split = full ? splitName(full) : { firstName: undefined, lastName: undefined };
      const lastName = r.text('lastName') ?? split.lastName;
      if (lastName === undefined) r.fail('lastName', 'is required');
      const input = {
        companyId,
        firstName: r.text('firstName') ?? split.firstName,
        lastName,
        title: r.text('title'),
        email: r.text('email'),
        phone: r.text('phone'),
        mobile: r.text('mobile'),
        isPrimary: r.boolean('isPrimary'),
        notes: r.text('notes'),
      };
      const valid = r.schema(createContactBody, definedOnly(input), { companyId: account ? 'companyAccountNumber' : 'companyName' });
      const externalId = r.text('externalId');
      const key = input.email ? `email ${fold(input.email)}` : externalId ? `external id ${externalId}` : null;
      if (key) {
        const first = seen.get(key);
        if (first) r.fail(input.email ? 'email' : 'externalId', `${key} is on line ${first} too`);
        else seen.set(key, row.line);
      }
      if (input.isPrimary && companyId !== undefined) {
        const first = seen.get(`primary ${companyId}`);
        if (first) r.fail('isPrimary', `the company has its primary contact on line ${first} already`);
        else seen.set(`primary ${companyId}`, row.line);
      }
      const createdAt = r.dateTime('createdAt');
      prepared.push({
        line: row.line,
        errors: r.errors,
        values:
          valid && !r.errors.length ? { ...valid, firstName: input.firstName ?? null, externalId: externalId ?? null, createdAt } : {},
        existingId: null,
      });
    }
    for (const p of prepared.filter((p) => !p.errors.length)) {
      p.existingId =
        (p.values.email ? byEmail.get(fold(String(p.values.email)))?.id : byExternal.get(String(p.values.externalId ?? ''))) ?? null;
    }
    return prepared;
  },

  async write({ db, actor, rows, run }) {
    // each statement reads the ids the one before made: built and sent one after the other
    return async () => {
      const primary = rows.filter((p) => p.values.isPrimary === true);
      await clearPrimaryOf(
        db,
        primary.map((p) => Number(p.values.companyId)),
        primary.flatMap((p) => (p.existingId ? [p.existingId] : [])),
      );
      const fresh = rows.filter((p) => p.existingId === null);
      const created = await insertImported(
        db,
        'contacts',
        COLUMNS,
        fresh.map((p) => p.values),
        actor.id,
        "btrim(first_name || ' ' || last_name)",
        { firstName: '', isPrimary: false, createdAt: run.startedAt },
      );
      await recordImported(db, 'contact', created.ids, created.labels, actor.id);
      const updated = rows.filter((p) => p.existingId !== null).map((p) => ({ ...p.values, id: p.existingId }));
      await updateWithHistory(
        db,
        'contact',
        updated.map((p) => Number(p.id)),
        actor.id,
        () => updateImported(db, 'contacts', UPDATE_COLUMNS, updated, actor.id),
      ); // O-24
    };
  },
};
