// What a user may send to create or change a contact: the API's bodies, and the import checks each row with the same.
import { z } from 'zod';
import { optionalText, requiredText, version } from '../input-fields.ts';

const emailOrEmpty = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'must be an email address' }))
  .nullish()
  .or(z.literal('').transform(() => null));

export const contactFields = {
  companyId: z.number().int().positive(),
  firstName: z.string().trim().max(100).default(''),
  lastName: requiredText(100),
  title: optionalText(100),
  email: emailOrEmpty,
  phone: optionalText(40),
  mobile: optionalText(40),
  isPrimary: z.boolean().optional(),
  isDefaultReference: z.boolean().optional(),
  notes: optionalText(10000),
};

export const createContactBody = z.strictObject(contactFields);
export const updateContactBody = z.strictObject({
  companyId: contactFields.companyId.optional(),
  firstName: z.string().trim().max(100).optional(),
  lastName: requiredText(100).optional(),
  title: contactFields.title,
  email: contactFields.email,
  phone: contactFields.phone,
  mobile: contactFields.mobile,
  isPrimary: contactFields.isPrimary,
  isDefaultReference: contactFields.isDefaultReference,
  notes: contactFields.notes,
  version,
});
