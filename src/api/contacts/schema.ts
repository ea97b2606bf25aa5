import { z } from 'zod';
import type { ContactRow } from '../../db/contacts.ts';
import { createContactBody, updateContactBody } from '../../domain/contacts/schema.ts';
import { idList, iso, listQueryBase, page } from '../common.ts';

export const contactQuery = z.strictObject({
  ...listQueryBase,
  q: z.string().max(200).optional(),
  letter: z
    .string()
    .regex(/^\p{L}$/u, 'must be one letter')
    .optional(),
  companyId: idList.optional(),
  email: z.string().max(254).optional(),
});

export const contactSchema = z
  .object({
    id: z.number(),
    companyId: z.number(),
    companyName: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    title: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    mobile: z.string().nullable(),
    isPrimary: z.boolean(),
    isDefaultReference: z.boolean(),
    notes: z.string().nullable(),
    version: z.number(),
    createdAt: z.string(),
    createdBy: z.number().nullable(),
    updatedAt: z.string(),
    updatedBy: z.number().nullable(),
    updatedByInitials: z.string().nullable(),
  })
  .meta({ id: 'Contact' });

export const contactPage = page(contactSchema).meta({ id: 'ContactPage' });
export const newContactBody = createContactBody.meta({ id: 'NewContact' });
export const contactChangesBody = updateContactBody.meta({ id: 'ContactChanges' });

export function presentContact(p: ContactRow): z.infer<typeof contactSchema> {
  return {
    id: p.id,
    companyId: p.companyId,
    companyName: p.companyName,
    firstName: p.firstName,
    lastName: p.lastName,
    title: p.title,
    email: p.email,
    phone: p.phone,
    mobile: p.mobile,
    isPrimary: p.isPrimary,
    isDefaultReference: p.isDefaultReference,
    notes: p.notes,
    version: p.version,
    createdAt: iso(p.createdAt) ?? '',
    createdBy: p.createdBy,
    updatedAt: iso(p.updatedAt) ?? '',
    updatedBy: p.updatedBy,
    updatedByInitials: p.updatedByInitials,
  };
}
