// What a user may send to create or change a company: the API's bodies, and the import checks each row with the same.
import { z } from 'zod';
import { optionalText, requiredText, version } from '../input-fields.ts';

const country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be a 2-letter country code (DK, NO, SE …)')
  .nullish();
const ref = z.number().int().positive().nullish();

export const companyFields = {
  accountNumber: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(30)
    .regex(/^[\p{L}\p{N}._\-/ ]+$/u, 'may hold letters, digits and . _ - /')
    .optional(),
  name: requiredText(200),
  searchName: optionalText(100),
  orgNumber: optionalText(30),
  street: optionalText(200),
  postalCode: optionalText(20),
  city: optionalText(100),
  country,
  phone: optionalText(40),
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email({ error: 'must be an email address' }))
    .nullish()
    .or(z.literal('').transform(() => null)),
  website: optionalText(300),
  ownerId: ref,
  industryId: ref,
  targetGroupId: ref,
  interestTypeIds: z.array(z.number().int().positive()).max(50).optional(),
  sourceId: ref,
  campaignId: ref,
  customerProfileId: ref,
  notes: optionalText(10000),
};

export const createCompanyBody = z.strictObject(companyFields);
export const updateCompanyBody = z.strictObject({
  ...Object.fromEntries(Object.entries(companyFields).map(([k, v]) => [k, v.optional()])),
  version,
} as { [K in keyof typeof companyFields]: z.ZodOptional<(typeof companyFields)[K]> } & { version: typeof version });

// C-3
export const convertCompanyBody = z.strictObject({
  to: z.enum(['customer', 'supplier']),
  customerProfileId: z.number().int().positive().optional(),
  number: z
    .string()
    .trim()
    .regex(/^[1-9][0-9]{0,14}$/, 'must be a whole number without leading zeros')
    .optional(),
  version: version.optional(),
});
