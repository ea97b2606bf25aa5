// Checks that creating and changing an opportunity share: the stage belongs to the process (O-5),
// the contact works for the company, and named setup entries are active.
import type { Db } from '../../db/schema.ts';
import { findContact } from '../../db/contacts.ts';
import type { SalesProcess } from '../../db/sales-processes.ts';
import { AppError, invalid } from '../errors.ts';

/** The setup list each setup field of an opportunity names an entry of. */
export const SETUP_FIELDS = { typeId: 'opportunity-types', sourceId: 'sources', regionId: 'regions', departmentId: 'departments' } as const;

/** The stage of the process with this id; any other is refused. */
export function stageOf(process: SalesProcess, stageId: number) {
  const stage = process.stages.find((s) => s.id === stageId);
  if (!stage) {
    throw new AppError('STAGE_NOT_IN_PROCESS', `Stage ${stageId} is not a stage of the process "${process.name}"`, {
      fields: { stageId: 'is not in the sales process' },
    });
  }
  return stage;
}

/** The contact (when named) exists and works for the company. */
export async function checkContact(db: Db, contactId: number | null | undefined, companyId: number) {
  if (contactId === null || contactId === undefined) return;
  const contact = await findContact(db, contactId);
  if (!contact) throw invalid('contactId', 'does not exist');
  if (contact.companyId !== companyId) {
    throw new AppError('CONTACT_NOT_OF_COMPANY', 'The contact works for another company', {
      fields: { contactId: 'is not a contact of the company' },
    });
  }
}
