// L-7 opportunities: validated like POST /api/opportunities (stage within the process, setup names,
// owner, money, dates); matched on number (else external id). Closed ones are read-only (O-11) and
// are left as they are; the process of an existing one cannot change (O-5). A new one that arrives
// won, lost or expired is closed as closing it through the API would (closing.ts), with its close kept.
import { createOpportunityBody } from '../opportunities/schema.ts';
import { contactsByEmail, opportunitiesByExternalRef, opportunitiesByNumber, type ExistingOpportunity } from '../../db/import-lookups.ts';
import {
  importedOpportunitiesCopy,
  importedOpportunitiesInsert,
  importedUpdate,
  insertImportedClosings,
  insertImportedFollowUps,
  type Columns,
  type ImportedClosing,
  type ImportedFollowUp,
} from '../../db/import-writes.ts';
import { alignSteps, newStepsAt, replaceSoleSellers } from '../../db/opportunities.ts';
import { AppError } from '../errors.ts';
import { closingChanges } from '../opportunities/closing.ts';
import { currentStageId } from '../opportunities/steps.ts';
import { currencyOf, fold, toNumber, toPriority, toStatus } from './convert.ts';
import { followUpOf, updateWithHistory } from './import-effects.ts';
import { valuesOf, type ImportKind, type Prepared } from './import-kind.ts';
import { definedOnly, findCompanies, type FoundCompanies, type RowCheck } from './row-check.ts';

const COLUMNS: Columns = [
  ['number', 'bigint'],
  ['externalRef', 'text'],
  ['title', 'text'],
  ['description', 'text'],
  ['companyId', 'int'],
  ['contactId', 'int'],
  ['ownerId', 'int'],
  ['processId', 'int'],
  ['stageId', 'int'],
  ['status', 'text'],
  ['probability', 'smallint'],
  ['probabilityMode', 'text'],
  ['amount', 'numeric'],
  ['currency', 'text'],
  ['actualAmount', 'numeric'],
  ['margin', 'numeric'],
  ['decisionDate', 'date'],
  ['deliveryDate', 'date'],
  ['closeDate', 'date'],
  ['followUpDate', 'date'],
  ['priority', 'text'],
  ['rating', 'smallint'],
  ['typeId', 'int'],
  ['sourceId', 'int'],
  ['regionId', 'int'],
  ['departmentId', 'int'],
  ['createdAt', 'timestamptz'],
];
/** What an update writes: the created time is the record's, kept as it was. */
const UPDATE_COLUMNS = COLUMNS.filter(([column]) => column !== 'createdAt');
const FIELD_OF = {
  ownerId: 'owner',
  typeId: 'type',
  sourceId: 'source',
  regionId: 'region',
  departmentId: 'department',
  stageId: 'stage',
  processId: 'process',
  contactId: 'contactEmail',
  externalRef: 'externalId',
};

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
      const matched = rows.filter(({ values: { number, externalId } }) =>
        number ? found.byNumber.has(Number(number)) : externalId !== undefined && found.byRef.has(externalId),
      ).length;
      await run.opportunityIds.topUp(db, rows.length - matched);
    }
    return found;
  },

  check({ rows, found, check, seen, lookups, baseCurrency, today, preset }) {
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
      const existing: ExistingOpportunity | undefined =
        number !== undefined ? byNumber.get(number) : externalRef ? byRef.get(externalRef) : undefined;
      const account = r.text('companyAccountNumber');
      const companyId = r.company(companies);
      const contactEmail = r.text('contactEmail');
      const contact = contactEmail ? contacts.get(fold(contactEmail)) : undefined;
      if (contactEmail && !contact) r.fail('contactEmail', `no contact has the email "${contactEmail}"`);
      else if (contact && companyId !== undefined && contact.companyId !== companyId)
        r.fail('contactEmail', 'is a contact of another company');

      const processName = r.text('process');
      const process = processName
        ? processByName.get(fold(processName))
        : existing
          ? lookups.processes.find((p) => p.id === existing.processId)
          : defaultProcess;
      if (processName && !process) r.fail('process', `"${processName}" is not a sales process`);
      else if (!process) r.fail('process', 'there is no default sales process');
      else if (existing && process.id !== existing.processId) r.fail('process', 'cannot change for an existing opportunity (O-5)');
      else if (!existing && !process.active) r.fail('process', `"${process.name}" is deactivated`);
      const stageName = r.text('stage');
      let stage = stageName
        ? process
          ? stageByName.get(process.id)?.get(fold(stageName))
          : undefined
        : existing
          ? undefined
          : process?.stages[0];
      // HubSpot and Salesforce give a closed deal the stage "Closed Won" or "Closed Lost": its status, not a stage
      const stageStatus = stageName && process && !stage ? toStatus(stageName) : undefined;
      if (stageStatus?.ok && stageStatus.value !== 'open') stage = existing ? undefined : process?.stages[0];
      else if (stageName && process && !stage) r.fail('stage', `"${stageName}" is not a stage of the process "${process.name}"`);
      const status = statusOf(r, stageStatus?.ok ? stageStatus.value : undefined);
      if (existing && status && status !== existing.status && existing.status === 'open')
        r.fail('status', 'of an existing opportunity changes by closing it, not by import');
      const typed = probabilityOf(r, preset === 'hubspot');
      const probability = typed ?? (existing?.probabilityMode === 'manual' ? undefined : stage?.probability);
      const decisionDate = r.date('decisionDate');
      const closed = status !== undefined && status !== 'open';
      // O-9: winning completes the process (every step done), so a won deal stands where that leaves it
      if (closed && status === 'won' && !existing && process && stage) {
        const done = currentStageId(process.stages.map((s) => ({ stageId: s.id, position: s.position, state: 'done' as const })));
        stage = process.stages.find((s) => s.id === done) ?? stage;
      }
      const amountCurrency = r.text('amount') ? currencyOf(r.text('amount') as string) : undefined;
      const currency = r.text('currency')?.toUpperCase();
      if (currency && amountCurrency && currency !== amountCurrency)
        r.fail('currency', `is ${currency}, but the amount is written in ${amountCurrency}`);
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
        currency: currency ?? amountCurrency ?? (existing ? undefined : baseCurrency),
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
      // a stage or owner the row repeats is no change: steps and sellers move only when they change
      if (existing && input.stageId === existing.stageId) input.stageId = undefined;
      if (existing && input.ownerId === existing.ownerId) input.ownerId = undefined;
      const valid = r.schema(createOpportunityBody, definedOnly(input), account ? companyField.account : companyField.name);
      const key = number !== undefined ? `number ${number}` : externalRef ? `external id ${externalRef}` : null;
      if (key) {
        const first = seen.get(key);
        if (first) r.fail(number !== undefined ? 'number' : 'externalId', `${key} is on line ${first} too`);
        else seen.set(key, row.line);
      }
      const createdAt = r.dateTime('createdAt');
      let closeDate = r.date('closeDate');
      let closing: Omit<ImportedClosing, 'opportunityId'> | undefined;
      if (closed && !existing && valid && !r.errors.length) {
        // closed as POST /api/opportunities/{id}/close closes: its defaults, its refusals, its close kept
        try {
          const won = status === 'won';
          const changes = closingChanges(
            { status: 'open', amount: valid.amount ?? null },
            {
              outcome: status as Exclude<Status, 'open'>,
              closeDate: closeDate ?? (decisionDate && decisionDate <= today ? decisionDate : undefined),
              actualAmount: won ? valid.actualAmount : undefined,
              deliveryDate: status !== 'expired' ? valid.deliveryDate : undefined,
            },
            today,
          );
          closing = {
            outcome: changes.status,
            closeDate: changes.closeDate,
            actualAmount: changes.actualAmount,
            deliveryDate: changes.deliveryDate ?? null,
            probabilityBefore: valid.probability ?? 0,
          };
          Object.assign(valid, { probability: changes.probability, actualAmount: changes.actualAmount ?? undefined });
          closeDate = changes.closeDate;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const [field, message] = Object.entries(error.fields ?? {})[0] ?? ['status', error.message];
          r.fail(field, message);
        }
      }
      prepared.push({
        line: row.line,
        errors: r.errors,
        values:
          valid && !r.errors.length
            ? Object.assign(valid, {
                status: status ?? (existing ? undefined : 'open'),
                closeDate,
                probabilityMode: input.probabilityMode,
                createdAt,
              })
            : {},
        existingId: existing?.id ?? null,
        // O-11: a closed opportunity stays as it was closed
        skip: existing !== undefined && existing.status !== 'open',
        closing,
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

  async write({ db, actor, rows, run }) {
    const fresh = rows.filter((p) => p.existingId === null);
    const numbers = await run.numbers(
      'opportunity',
      fresh.filter((p) => p.values.number === undefined).length,
      new Set(fresh.map((p) => String(p.values.number ?? ''))),
    );
    // the checked values are this import's own: numbered in place rather than copied, a million times
    let next = 0;
    const created = fresh.map((p) => {
      if (p.values.number === undefined) p.values.number = Number(numbers[next++]);
      return p.values;
    });
    const defaults = { ownerId: actor.id, priority: 'normal', createdAt: run.startedAt };
    const { copy } = run;
    const ids = copy ? await run.opportunityIds.take(db, created.length) : null;
    const copied = copy && ids && importedOpportunitiesCopy(COLUMNS, created, ids, actor.id, defaults, await newStepsAt(db));
    const insert = copy ? null : importedOpportunitiesInsert(COLUMNS, created, actor.id, defaults);
    const updated = rows.filter((p) => p.existingId !== null && !p.skip);
    const update = importedUpdate(
      'opportunities',
      UPDATE_COLUMNS,
      updated.map((p) => ({ ...p.values, id: p.existingId })),
      actor.id,
    );
    // what an edit through the API does when the stage or the owner changes (unchanged ones are left out above)
    const moved = updated.filter((p) => p.values.stageId !== undefined).map((p) => Number(p.existingId));
    const newOwners = updated
      .filter((p) => p.values.ownerId !== undefined)
      .map((p) => ({ opportunityId: Number(p.existingId), ownerId: Number(p.values.ownerId) }));
    return async () => {
      if (copy && copied) await copied(copy);
      // the new ids: taken ahead for COPY, else answered by the INSERT, with each one's number
      let newIds = ids;
      if (insert) {
        const idOf = new Map(
          (await insert.execute(db)).rows.map((row) => {
            const r = row as { id: number; number: number | string };
            return [Number(r.number), r.id] as const;
          }),
        );
        newIds = created.map((values) => idOf.get(Number(values.number)) as number);
      }
      const { before, after } = await updateWithHistory(
        db,
        'opportunity',
        updated.map((p) => Number(p.existingId)),
        actor.id,
        async () => {
          await update?.execute(db);
          await alignSteps(db, moved);
          await replaceSoleSellers(db, newOwners);
        },
      );
      const closings: ImportedClosing[] = [];
      const tasks: ImportedFollowUp[] = [];
      fresh.forEach((p, i) => {
        const id = (newIds as number[])[i] as number;
        if (p.closing) closings.push({ opportunityId: id, ...p.closing });
        const v = p.values as {
          title: string;
          description?: string;
          followUpDate?: string;
          companyId: number;
          contactId?: number;
          ownerId?: number;
          status: string;
        };
        const task = followUpOf(null, {
          id,
          ...v,
          description: v.description ?? null,
          followUpDate: v.followUpDate ?? null,
          contactId: v.contactId ?? null,
          ownerId: v.ownerId ?? actor.id,
        });
        if (task) tasks.push(task);
      });
      for (const row of after) {
        const task = followUpOf(before.get(row.id) ?? null, row);
        if (task) tasks.push(task);
      }
      await insertImportedClosings(db, closings, actor.id);
      await insertImportedFollowUps(db, tasks, actor.id);
    };
  },
};

/**
 * The status a row gives: its status column, its stage when that is "Closed Won" or "Closed Lost",
 * and Salesforce's Won and Closed (IsWon, IsClosed); when they disagree, the row is wrong.
 */
type Status = 'open' | 'won' | 'lost' | 'expired';

function statusOf(r: RowCheck, fromStage: Status | undefined): Status | undefined {
  const given = r.other('status', toStatus);
  const isWon = r.boolean('isWon');
  const isClosed = r.boolean('isClosed');
  const fromFlags: Status | undefined = isClosed === false ? 'open' : isWon === true ? 'won' : isClosed === true ? 'lost' : undefined;
  const said = [given, fromStage, fromFlags].filter((status): status is Status => status !== undefined);
  if (said.some((status) => status !== said[0])) {
    r.fail('status', `the status, the stage and the won and closed columns disagree (${said.join(', ')})`);
    return undefined;
  }
  return said[0];
}

/** A probability in percent; HubSpot writes it as a fraction (0.2 for 20 %), which `fraction` reads. */
function probabilityOf(r: RowCheck, fraction: boolean): number | undefined {
  const text = r.text('probability');
  if (!fraction || text === undefined || text.includes('%')) return r.integer('probability');
  const value = toNumber(text);
  return value.ok && value.value >= 0 && value.value <= 1 ? Math.round(value.value * 100) : r.integer('probability');
}
