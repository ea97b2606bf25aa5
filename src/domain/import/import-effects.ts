// L-7: what an imported row sets off, by the same rules as the API: the history of an update (O-24),
// the task of a new follow-up date (O-21), the close of a deal that arrives closed (O-9, O-10). The
// rules live with the API's actions (history.ts, follow-up.ts, closing.ts); here they are applied a
// batch at a time.
import { findCompanies, type CompanyRow } from '../../db/companies.ts';
import { findContacts, type ContactRow } from '../../db/contacts.ts';
import { insertImportedHistory, type ImportedFollowUp } from '../../db/import-writes.ts';
import { findOpportunities, type OpportunityRow } from '../../db/opportunities.ts';
import type { Db } from '../../db/schema.ts';
import { changedFields } from '../history/history.ts';
import { followUpTask, newFollowUpDate } from '../opportunities/follow-up.ts';

type Rows = { company: CompanyRow; contact: ContactRow; opportunity: OpportunityRow };
const READ: { [E in keyof Rows]: (db: Db, ids: readonly number[]) => Promise<Rows[E][]> } = {
  company: findCompanies,
  contact: findContacts,
  opportunity: findOpportunities,
};

/**
 * Runs `update` (the batch's UPDATE of the matched records) and records what it changed, field by
 * field, as `recordChanges` does for a change through the API: each record is read as the API reads
 * it before and after. Returns the records before and after.
 */
export async function updateWithHistory<E extends keyof Rows>(
  db: Db,
  entity: E,
  ids: readonly number[],
  actorId: number,
  update: () => Promise<void>,
) {
  const before = new Map((await READ[entity](db, ids)).map((row) => [row.id, row]));
  await update();
  const after = ids.length ? await READ[entity](db, ids) : [];
  const lines = after.flatMap((row) => {
    const old = before.get(row.id);
    return old
      ? changedFields(entity, old, row).map((change) => ({
          entity,
          entityId: row.id,
          field: change.field,
          oldValue: change.old,
          newValue: change.new,
        }))
      : [];
  });
  await insertImportedHistory(db, lines, actorId);
  return { before, after };
}

type FollowUpOf = {
  id: number;
  title: string;
  description: string | null;
  followUpDate: string | null;
  companyId: number;
  contactId: number | null;
  ownerId: number;
  status: string;
};

/** O-21: the task a saved opportunity's follow-up date creates (none when the date is unset or unchanged); done when the opportunity is closed. */
export function followUpOf(before: { followUpDate: string | null } | null, after: FollowUpOf): ImportedFollowUp | null {
  const date = newFollowUpDate(before, after);
  if (date === null) return null;
  return {
    opportunityId: after.id,
    ...followUpTask(after),
    dueDate: date,
    done: after.status !== 'open',
    ownerId: after.ownerId,
    companyId: after.companyId,
    contactId: after.contactId,
  };
}
