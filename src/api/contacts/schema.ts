import { z } from 'zod';
import type { ContactRow } from '../../db/contacts.ts';
import { idList, iso, listQueryBase, optionalText, requiredText, version } from '../common.ts';

const emailOrEmpty = z.string().trim().max(254).pipe(z.email({ error: 'must be an email address' })).nullish().or(z.literal('').transform(() => null));

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

export const contactQuery = z.strictObject({
  ...listQueryBase,
  q: z.string().max(200).optional(),
  letter: z.string().regex(/^\p{L}$/u, 'must be one letter').optional(),
  companyId: idList.optional(),
  email: z.string().max(254).optional(),
});

export const contactSchema = z.object({
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
});

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
