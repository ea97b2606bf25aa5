// L-7 opportunities: validated like POST /api/opportunities (stage within the process, setup names,
// owner, money, dates); matched on number (else external id). Closed ones are read-only (O-11) and
// are left as they are; the process of an existing one cannot change (O-5).
import { createOpportunityBody } from '../../api/opportunities/schema.ts';
import { contactsByEmail, opportunitiesByExternalRef, opportunitiesByNumber, type ExistingOpportunity } from '../../db/import-lookups.ts';
import { importedOpportunitiesCopy, importedOpportunitiesInsert, importedUpdate, realignUpdatedOpportunities, type Columns } from '../../db/import-writes.ts';
import { fold, toPriority, toStatus } from './convert.ts';
import { valuesOf, type ImportKind, type Prepared } from './import-kind.ts';
import { definedOnly, findCompanies, type FoundCompanies } from './row-check.ts';

const COLUMNS: Columns = [
  ['number', 'bigint'], ['externalRef', 'text'], ['title', 'text'], ['description', 'text'], ['companyId', 'int'], ['contactId', 'int'], ['ownerId', 'int'], ['processId', 'int'],
  ['stageId', 'int'], ['status', 'text'], ['probability', 'smallint'], ['probabilityMode', 'text'], ['amount', 'numeric'], ['currency', 'text'], ['actualAmount', 'numeric'],
  ['margin', 'numeric'], ['decisionDate', 'date'], ['deliveryDate', 'date'], ['closeDate', 'date'], ['followUpDate', 'date'], ['priority', 'text'], ['rating', 'smallint'],
  ['typeId', 'int'], ['sourceId', 'int'], ['regionId', 'int'], ['departmentId', 'int'],
];
const FIELD_OF = { ownerId: 'owner', typeId: 'type', sourceId: 'source', regionId: 'region', departmentId: 'department', stageId: 'stage', processId: 'process', contactId: 'contactEmail', externalRef: 'externalId' };

type Found = {
  companies: FoundCompanies;
  contacts: Map<string, { id: number; companyId: number }>;
  byNumber: Map<number, ExistingOpportunity>;
  byRef: Map<string, ExistingOpportunity>;
};

export const importOpportunities: ImportKind<Found> = {
  async find({ db, rows, run }) {
    const found = {
      companies: await findCompanies(db, rows, run.companies),
      contacts: await contactsByEmail(db, valuesOf(rows, 'contactEmail', true)),
      byNumber: await opportunitiesByNumber(db, valuesOf(rows, 'number').map(Number).filter(Number.isSafeInteger)),
      byRef: await opportunitiesByExternalRef(db, valuesOf(rows, 'externalId')),
    };
    // COPY writes new rows with their ids: take them now, while the database has nothing else to do
    if (run.copy) {
      const matched = rows.filter(({ values: { number, externalId } }) => (number ? found.byNumber.has(Number(number)) : externalId !== undefined && found.byRef.has(externalId))).length;
      await run.opportunityIds.topUp(db, rows.length - matched);
    }
    return found;
  },

  check({ rows, found, check, seen, lookups, baseCurrency, today }) {
    const { companies, contacts, byNumber, byRef } = found;
    const defaultProcess = lookups.processes.find((p) => p.isDefault);
    // by name, the first of equal names winning, as a search of the list would
    const byName = <T extends { name: string }>(items: T[]) => new Map([...items].reverse().map((item) => [fold(item.name), item]));
    const processByName = byName(lookups.processes);
    const stageByName = new Map(lookups.processes.map((p) => [p.id, byName(p.stages)]));
    const companyField = { account: { ...FIELD_OF, companyId: 'companyAccountNumber' }, name: { ...FIELD_OF, companyId: 'companyName' } };
    const prepared: Prepared[] = [];
    for (const row of rows) {
      const r = check(row);
      const number = r.integer('number');
      const externalRef = r.text('externalId');
      const existing: ExistingOpportunity | undefined = number !== undefined ? byNumber.get(number) : externalRef ? byRef.get(externalRef) : undefined;
      const account = r.text('companyAccountNumber');
      const companyId = r.company(companies);
      const contactEmail = r.text('contactEmail');
      const contact = contactEmail ? contacts.get(fold(contactEmail)) : undefined;
      if (contactEmail && !contact) r.fail('contactEmail', `no contact has the email "${contactEmail}"`);
      else if (contact && companyId !== undefined && contact.companyId !== companyId) r.fail('contactEmail', 'is a contact of another company');

      const processName = r.text('process');
      const process = processName ? processByName.get(fold(processName)) : existing ? lookups.processes.find((p) => p.id === existing.processId) : defaultProcess;
      if (processName && !process) r.fail('process', `"${processName}" is not a sales process`);
      else if (!process) r.fail('process', 'there is no default sales process');
      else if (existing && process.id !== existing.processId) r.fail('process', 'cannot change for an existing opportunity (O-5)');
      else if (!existing && !process.active) r.fail('process', `"${process.name}" is deactivated`);
      const stageName = r.text('stage');
      const stage = stageName ? (process ? stageByName.get(process.id)?.get(fold(stageName)) : undefined) : existing ? undefined : process?.stages[0];
      if (stageName && process && !stage) r.fail('stage', `"${stageName}" is not a stage of the process "${process.name}"`);
      const status = r.other('status', toStatus);
      if (existing && status && status !== existing.status && existing.status === 'open') r.fail('status', 'of an existing opportunity changes by closing it, not by import');
      const typed = r.integer('probability');
      const probability = typed ?? (status === 'won' ? 100 : status === 'lost' || status === 'expired' ? 0 : existing?.probabilityMode === 'manual' ? undefined : stage?.probability);
      const decisionDate = r.date('decisionDate');
      const closed = status !== undefined && status !== 'open';
      const input = {
        number,
        externalRef,
        title: r.required('title'),
        description: r.text('description'),
        companyId,
        contactId: contact?.id,
        ownerId: r.user('owner'),
        processId: process?.id,
        stageId: stage?.id,
        probability,
        probabilityMode: typed !== undefined ? ('manual' as const) : existing ? undefined : ('stage' as const),
        amount: r.number('amount'),
        currency: r.text('currency') ?? (existing ? undefined : baseCurrency),
        actualAmount: r.number('actualAmount'),
        margin: r.number('margin'),
        decisionDate,
        deliveryDate: r.date('deliveryDate'),
        followUpDate: r.date('followUpDate'),
        priority: r.other('priority', toPriority),
        rating: r.integer('rating'),
        typeId: r.setup('type', 'opportunityTypes'),
        sourceId: r.setup('source', 'sources'),
        regionId: r.setup('region', 'regions'),
        departmentId: r.setup('department', 'departments'),
      };
      const valid = r.schema(createOpportunityBody, definedOnly(input), account ? companyField.account : companyField.name);
      const key = number !== undefined ? `number ${number}` : externalRef ? `external id ${externalRef}` : null;
      if (key) {
        const first = seen.get(key);
        if (first) r.fail(number !== undefined ? 'number' : 'externalId', `${key} is on line ${first} too`);
        else seen.set(key, row.line);
      }
      const closeDate = r.date('closeDate') ?? (closed && !existing ? (decisionDate ?? today) : undefined);
      prepared.push({
        line: row.line,
        errors: r.errors,
        values: valid && !r.errors.length ? Object.assign(valid, { status: status ?? (existing ? undefined : 'open'), closeDate, probabilityMode: input.probabilityMode }) : {},
        existingId: existing?.id ?? null,
        // O-11: a closed opportunity stays as it was closed
        skip: existing !== undefined && existing.status !== 'open',
      });
    }
    return prepared;
  },

  // a million rows in 100 batches of four COPYs instead of 500 (2026-12-07, decision 0010)
  copyBatch: 10_000,

  bulk: {
    table: 'opportunities',
    tables: {
      indexesOf: ['opportunities', 'opportunity_sellers'],
      foreignKeysOf: ['opportunities', 'opportunity_steps', 'opportunity_sellers', 'change_history'],
      // read while importing: matching by number and external id, the next free number
      keep: ['opportunities_number_key', 'opportunities_external_ref_idx'],
      // read by key only to realign the steps and seller of a matched opportunity
      primaryKeysOf: ['opportunity_steps', 'opportunity_sellers'],
    },
  },

  async write({ db, actor, rows, run, lookups }) {
    const fresh = rows.filter((p) => p.existingId === null);
    const numbers = await run.numbers('opportunity', fresh.filter((p) => p.values.number === undefined).length, new Set(fresh.map((p) => String(p.values.number ?? ''))));
    // the checked values are this import's own: numbered in place rather than copied, a million times
    let next = 0;
    const created = fresh.map((p) => {
      if (p.values.number === undefined) p.values.number = Number(numbers[next++]);
      return p.values;
    });
    const defaults = { ownerId: actor.id, priority: 'normal' };
    const { copy } = run;
    const stagesOf = new Map(lookups.processes.map((p) => [p.id, p.stages]));
    const copied = copy && importedOpportunitiesCopy(COLUMNS, created, await run.opportunityIds.take(db, created.length), actor.id, defaults, stagesOf);
    const insert = copy ? null : importedOpportunitiesInsert(COLUMNS, created, actor.id, defaults);
    const updated = rows.filter((p) => p.existingId !== null && !p.skip);
    const update = importedUpdate('opportunities', COLUMNS, updated.map((p) => ({ ...p.values, id: p.existingId })), actor.id);
    const realign = updated.filter((p) => p.values.stageId !== undefined || p.values.ownerId !== undefined).map((p) => Number(p.existingId));
    return async () => {
      if (copy && copied) await copied(copy);
      await insert?.execute(db);
      await update?.execute(db);
      await realignUpdatedOpportunities(db, realign);
    };
  },
};
