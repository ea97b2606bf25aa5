// L-7: an import batch written set-based: one INSERT … SELECT FROM json_to_recordset for the new
// rows and one UPDATE … FROM for the matched ones. Empty cells never overwrite (coalesce).
import { sql, type RawBuilder } from 'kysely';
import { copyField, copyLine, type CopyRows } from './copy-rows.ts';
import { newStepsOf, type NewStepsAt } from './opportunities.ts';
import type { Db } from './schema.ts';

/** [column, SQL type] of the values an import writes to a table. */
export type Columns = readonly (readonly [
  string,
  'text' | 'int' | 'bigint' | 'numeric' | 'date' | 'boolean' | 'smallint' | 'timestamptz',
])[];

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function recordset(columns: Columns, rows: Record<string, unknown>[], withId: boolean) {
  const keys = [...(withId ? ['id'] : []), ...columns.map(([c]) => c)];
  const definition = [...(withId ? ['id int'] : []), ...columns.map(([c, type]) => `${snake(c)} ${type}`)].join(', ');
  // json, not jsonb: read once by json_to_recordset instead of parsed into jsonb first
  return sql`json_to_recordset(${recordsJson(keys, rows)}::json) AS r(${sql.raw(definition)})`;
}

/**
 * The rows as a JSON array of objects keyed by snake_case column, written straight to text: empty
 * values are left out (json_to_recordset reads a missing key as NULL), which halves the text, and no
 * object is built per row (a tenth of a million-row import's CPU time went to that).
 */
export function recordsJson(keys: string[], rows: Record<string, unknown>[]): string {
  const names = keys.map((key) => `${JSON.stringify(snake(key))}:`);
  const objects: string[] = [];
  for (const row of rows) {
    let object = '';
    for (let i = 0; i < keys.length; i++) {
      const value = row[keys[i] as string];
      if (value === undefined || value === null) continue;
      const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : 'null') : JSON.stringify(value);
      object += object ? `,${names[i]}${text}` : `${names[i]}${text}`;
    }
    objects.push(`{${object}}`);
  }
  return `[${objects.join(',')}]`;
}

/** The SELECT list of an import's new rows: each column from the recordset `r`, `defaults` filling what the file leaves empty. */
function importedValues(columns: Columns, defaults: Record<string, unknown>) {
  return sql.join(
    columns.map(([c]) => (c in defaults ? sql`coalesce(r.${sql.ref(snake(c))}, ${defaults[c]})` : sql`r.${sql.ref(snake(c))}`)),
  );
}

/** Inserts new rows; `defaults` fill what the file leaves empty. Returns each new id with its `label` column (for the history). */
export async function insertImported(
  db: Db,
  table: 'companies' | 'contacts',
  columns: Columns,
  rows: Record<string, unknown>[],
  actorId: number,
  label: string,
  defaults: Record<string, unknown> = {},
) {
  if (!rows.length) return { ids: [], labels: [] };
  const { rows: ids } = await sql<{ id: number; label: string | number }>`
    INSERT INTO ${sql.table(table)} (${sql.raw(columns.map(([c]) => snake(c)).join(', '))}, created_by, updated_by)
    SELECT ${importedValues(columns, defaults)}, ${actorId}, ${actorId} FROM ${recordset(columns, rows, false)}
    RETURNING id, ${sql.raw(label)} AS label`.execute(db);
  return { ids: ids.map((r) => r.id), labels: ids.map((r) => String(r.label)) };
}

/**
 * New opportunities with what a new one always has: one step per stage of its process (as it stands at
 * its stage, every one done when won, as closing as won leaves them), O-16 the owner as sole seller
 * at 100 %, O-24 a "created" history entry. One statement, so the database writes a whole batch while
 * the importer checks the next one; it answers each new id with its number. Returned unsent (null for
 * no rows): the batch's JSON is made here, while the database still writes the batch before.
 */
export function importedOpportunitiesInsert(
  columns: Columns,
  rows: Record<string, unknown>[],
  actorId: number,
  defaults: Record<string, unknown>,
): RawBuilder<unknown> | null {
  if (!rows.length) return null;
  return sql`
    WITH created AS (
      INSERT INTO opportunities (${sql.raw(columns.map(([c]) => snake(c)).join(', '))}, created_by, updated_by)
      SELECT ${importedValues(columns, defaults)}, ${actorId}, ${actorId} FROM ${recordset(columns, rows, false)}
      RETURNING id, number, title, process_id, stage_id, owner_id, status
    ), steps AS (
      INSERT INTO opportunity_steps (opportunity_id, stage_id, state) ${newStepsOf(sql`created`)}
    ), sellers AS (
      INSERT INTO opportunity_sellers (opportunity_id, user_id, share, position) SELECT id, owner_id, 100, 1 FROM created
    ), history AS (
      INSERT INTO change_history (entity, entity_id, field, old_value, new_value, changed_by) SELECT 'opportunity', id, 'created', NULL, title, ${actorId} FROM created
    )
    SELECT id, number FROM created`;
}

/**
 * The same new opportunities as `importedOpportunitiesInsert`, with the same steps (`stepsAt`: as the
 * rule gives them at each stage, read once), seller and history entry, as COPY text for the four tables
 * (PostgreSQL server only, see db/copy-rows.ts). `ids` come from the table's sequence (`idReserve`),
 * one per row; a column the file leaves empty is NULL, or its `defaults` value, exactly as the INSERT
 * writes it. Returns the function that sends it.
 */
export function importedOpportunitiesCopy(
  columns: Columns,
  rows: Record<string, unknown>[],
  ids: readonly number[],
  actorId: number,
  defaults: Record<string, unknown>,
  stepsAt: NewStepsAt,
): ((copy: CopyRows) => Promise<void>) | null {
  if (!rows.length) return null;
  if (ids.length !== rows.length) throw new Error(`${rows.length} new opportunities but ${ids.length} ids`);
  const names = columns.map(([c]) => c);
  const opportunities: string[] = [];
  const steps: string[] = [];
  const sellers: string[] = [];
  const history: string[] = [];
  const fields: unknown[] = new Array(names.length + 3);
  fields[names.length + 1] = actorId;
  fields[names.length + 2] = actorId;
  // the lines of the other three tables hold numbers and fixed words, written straight (7 000 000 lines a million rows)
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Record<string, unknown>;
    const id = ids[i] as number;
    fields[0] = id;
    for (let n = 0; n < names.length; n++) fields[n + 1] = row[names[n] as string] ?? defaults[names[n] as string] ?? null;
    opportunities.push(copyLine(fields));
    for (const step of stepsAt.get(`${String(row.stageId)}:${String(row.status === 'won')}`) ?? [])
      steps.push(`${id}\t${step.stageId}\t${step.state}\n`);
    sellers.push(`${id}\t${copyField(row.ownerId ?? defaults.ownerId)}\t100\t1\n`); // O-16
    history.push(`opportunity\t${id}\tcreated\t\\N\t${copyField(row.title)}\t${actorId}\n`); // O-24
  }
  return async (copy) => {
    await copy('opportunities', ['id', ...names.map(snake), 'created_by', 'updated_by'], opportunities.join(''));
    await copy('opportunity_steps', ['opportunity_id', 'stage_id', 'state'], steps.join(''));
    await copy('opportunity_sellers', ['opportunity_id', 'user_id', 'share', 'position'], sellers.join(''));
    await copy('change_history', ['entity', 'entity_id', 'field', 'old_value', 'new_value', 'changed_by'], history.join(''));
  };
}

/** Updates matched rows (`id` set); a column the row leaves empty keeps its value. */
export async function updateImported(
  db: Db,
  table: 'companies' | 'contacts' | 'opportunities',
  columns: Columns,
  rows: Record<string, unknown>[],
  actorId: number,
) {
  await importedUpdate(table, columns, rows, actorId)?.execute(db);
}

/** The statement of `updateImported`, built and not sent (null for no rows). */
export function importedUpdate(
  table: 'companies' | 'contacts' | 'opportunities',
  columns: Columns,
  rows: Record<string, unknown>[],
  actorId: number,
): RawBuilder<unknown> | null {
  if (!rows.length) return null;
  const set = columns.map(([c]) => sql`${sql.ref(snake(c))} = coalesce(r.${sql.ref(snake(c))}, t.${sql.ref(snake(c))})`);
  return sql`
    UPDATE ${sql.table(table)} AS t SET ${sql.join(set)}, version = t.version + 1, updated_at = now(), updated_by = ${actorId}
    FROM ${recordset(columns, rows, true)}
    WHERE t.id = r.id`;
}

/** O-24: one "created" history entry per imported record, like a record made in the UI. */
export async function recordImported(
  db: Db,
  entity: 'company' | 'contact' | 'opportunity',
  ids: number[],
  labels: string[],
  actorId: number,
) {
  if (!ids.length) return;
  await sql`
    INSERT INTO change_history (entity, entity_id, field, old_value, new_value, changed_by)
    SELECT ${entity}, i.id, 'created', NULL, i.label, ${actorId} FROM unnest(${ids}::int[], ${labels}::text[]) AS i(id, label)`.execute(db);
}

/** O-9, O-10: the close of an opportunity that arrived closed, as closing it through the API keeps it. */
export type ImportedClosing = {
  opportunityId: number;
  outcome: 'won' | 'lost' | 'expired';
  closeDate: string;
  actualAmount: number | null;
  deliveryDate: string | null;
  probabilityBefore: number;
};

export async function insertImportedClosings(db: Db, rows: ImportedClosing[], actorId: number) {
  if (!rows.length) return;
  const columns: Columns = [
    ['opportunityId', 'int'],
    ['outcome', 'text'],
    ['closeDate', 'date'],
    ['actualAmount', 'numeric'],
    ['deliveryDate', 'date'],
    ['probabilityBefore', 'smallint'],
  ];
  await sql`
    INSERT INTO opportunity_closings (opportunity_id, outcome, close_date, actual_amount, delivery_date, probability_before, closed_by)
    SELECT r.opportunity_id, r.outcome, r.close_date, r.actual_amount, r.delivery_date, r.probability_before, ${actorId} FROM ${recordset(columns, rows, false)}`.execute(
    db,
  );
}

/** O-21: the task a follow-up date creates (done when the opportunity is closed, as closing finishes it), remembered with the date. */
export type ImportedFollowUp = {
  opportunityId: number;
  subject: string;
  text: string;
  dueDate: string;
  done: boolean;
  ownerId: number;
  companyId: number;
  contactId: number | null;
};

export async function insertImportedFollowUps(db: Db, rows: ImportedFollowUp[], actorId: number) {
  if (!rows.length) return;
  const columns: Columns = [
    ['opportunityId', 'int'],
    ['subject', 'text'],
    ['text', 'text'],
    ['dueDate', 'date'],
    ['done', 'boolean'],
    ['ownerId', 'int'],
    ['companyId', 'int'],
    ['contactId', 'int'],
  ];
  await sql`
    WITH tasks AS (
      INSERT INTO activities (type, subject, text, due_date, done, done_at, owner_id, company_id, contact_id, opportunity_id, created_by, updated_by)
      SELECT 'task', r.subject, r.text, r.due_date, r.done, CASE WHEN r.done THEN now() END, r.owner_id, r.company_id, r.contact_id, r.opportunity_id, ${actorId}, ${actorId}
      FROM ${recordset(columns, rows, false)}
      RETURNING id, opportunity_id, due_date
    )
    INSERT INTO opportunity_follow_ups (opportunity_id, follow_up_date, set_by, activity_id) SELECT opportunity_id, due_date, ${actorId}, id FROM tasks`.execute(
    db,
  );
}

/** O-24: history lines of many records in one statement. */
export async function insertImportedHistory(
  db: Db,
  rows: {
    entity: 'company' | 'contact' | 'opportunity';
    entityId: number;
    field: string;
    oldValue: string | null;
    newValue: string | null;
  }[],
  actorId: number,
) {
  if (!rows.length) return;
  const columns: Columns = [
    ['entity', 'text'],
    ['entityId', 'int'],
    ['field', 'text'],
    ['oldValue', 'text'],
    ['newValue', 'text'],
  ];
  await sql`
    INSERT INTO change_history (entity, entity_id, field, old_value, new_value, changed_by)
    SELECT r.entity, r.entity_id, r.field, r.old_value, r.new_value, ${actorId} FROM ${recordset(columns, rows, false)}`.execute(db);
}

/** C-4: a contact imported as primary takes the flag from the company's current primary contact. */
export async function clearPrimaryOf(db: Db, companyIds: number[], exceptIds: number[]) {
  if (!companyIds.length) return;
  await sql`UPDATE contacts SET is_primary = false WHERE company_id = ANY(${companyIds}::int[]) AND is_primary AND NOT (id = ANY(${exceptIds}::int[]))`.execute(
    db,
  );
}

export type NumberKind = 'account' | 'opportunity';
/** Hands out the next free numbers for new records: `count` of them, none in `taken` (numbers the batch gives itself). */
export type NumberCounter = (kind: NumberKind, count: number, taken: Set<string>) => Promise<string[]>;

/**
 * Account numbers (companies) or opportunity numbers for one import. The highest is read once, under
 * a lock held until the import's transaction ends, and counted on from there; numbers a batch gives
 * itself move the count past them, as they are in the table for the batches after it.
 */
export function numberCounter(db: Db): NumberCounter {
  const next = new Map<NumberKind, number>();
  return async (kind, count, taken) => {
    let n = next.get(kind);
    if (n === undefined && count === 0) return []; // the numbers given so far are in the table when the count starts
    if (n === undefined) {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${kind === 'account' ? 'companies.account_number' : 'opportunities.number'}))`.execute(
        db,
      );
      const { rows } =
        kind === 'account'
          ? await sql<{ n: number | null }>`SELECT max(account_number_value) AS n FROM companies`.execute(db)
          : await sql<{ n: number | null }>`SELECT max(number) AS n FROM opportunities`.execute(db);
      n = (rows[0]?.n ?? (kind === 'account' ? 10000 : 0)) + 1;
    }
    const numbers: string[] = [];
    while (numbers.length < count) {
      if (!taken.has(String(n))) numbers.push(String(n));
      n += 1;
    }
    for (const given of taken) if (/^\d+$/.test(given) && Number(given) >= n) n = Number(given) + 1;
    next.set(kind, n);
    return numbers;
  };
}
