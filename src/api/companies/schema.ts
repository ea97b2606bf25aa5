import { z } from 'zod';
import type { CompanyRow } from '../../db/companies.ts';
import { validateOrgNumber } from '../../domain/companies/org-number.ts';
import { createCompanyBody, updateCompanyBody } from '../../domain/companies/schema.ts';
import { csv, idList, iso, listQueryBase, page } from '../common.ts';

export const companyQuery = z.strictObject({
  ...listQueryBase,
  q: z.string().max(200).optional(),
  letter: z
    .string()
    .regex(/^\p{L}$/u, 'must be one letter')
    .optional(),
  status: csv(z.enum(['prospect', 'active'])).optional(),
  ownerId: idList.optional(),
  country: csv(
    z
      .string()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/),
  ).optional(),
  industryId: idList.optional(),
  targetGroupId: idList.optional(),
  interestTypeId: idList.optional(),
  sourceId: idList.optional(),
  campaignId: idList.optional(),
  accountNumber: z.string().max(30).optional(),
});

export const companySchema = z
  .object({
    id: z.number(),
    accountNumber: z.string(),
    name: z.string(),
    searchName: z.string().nullable(),
    status: z.enum(['prospect', 'active']),
    customerNumber: z.string().nullable(),
    supplierNumber: z.string().nullable(),
    orgNumber: z.string().nullable(),
    orgNumberFormatted: z.string().nullable(),
    street: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    ownerId: z.number().nullable(),
    industryId: z.number().nullable(),
    targetGroupId: z.number().nullable(),
    interestTypeIds: z.array(z.number()),
    sourceId: z.number().nullable(),
    campaignId: z.number().nullable(),
    customerProfileId: z.number().nullable(),
    notes: z.string().nullable(),
    version: z.number(),
    createdAt: z.string(),
    createdBy: z.number().nullable(),
    updatedAt: z.string(),
    updatedBy: z.number().nullable(),
    updatedByInitials: z.string().nullable(),
  })
  .meta({ id: 'Company' });

export const companyPage = page(companySchema).meta({ id: 'CompanyPage' });
export const newCompanyBody = createCompanyBody.meta({ id: 'NewCompany' });
export const companyChangesBody = updateCompanyBody.meta({ id: 'CompanyChanges' });

export function presentCompany(c: CompanyRow): z.infer<typeof companySchema> {
  const formatted = c.orgNumber ? validateOrgNumber(c.country ?? '', c.orgNumber) : null;
  return {
    id: c.id,
    accountNumber: c.accountNumber,
    name: c.name,
    searchName: c.searchName,
    status: c.status,
    customerNumber: c.customerNumber,
    supplierNumber: c.supplierNumber,
    orgNumber: c.orgNumber,
    orgNumberFormatted: formatted?.ok ? formatted.formatted : c.orgNumber,
    street: c.street,
    postalCode: c.postalCode,
    city: c.city,
    country: c.country,
    phone: c.phone,
    email: c.email,
    website: c.website,
    ownerId: c.ownerId,
    industryId: c.industryId,
    targetGroupId: c.targetGroupId,
    interestTypeIds: c.interestTypeIds,
    sourceId: c.sourceId,
    campaignId: c.campaignId,
    customerProfileId: c.customerProfileId,
    notes: c.notes,
    version: c.version,
    createdAt: iso(c.createdAt) ?? '',
    createdBy: c.createdBy,
    updatedAt: iso(c.updatedAt) ?? '',
    updatedBy: c.updatedBy,
    updatedByInitials: c.updatedByInitials,
  };
}

// C-6
export const duplicateSchema = z.object({
  id: z.number(),
  name: z.string(),
  accountNumber: z.string(),
  matchedOn: z.array(z.enum(['name', 'orgNumber', 'emailDomain', 'phone'])),
});

/** POST /api/companies answers the company and the existing companies it may duplicate (creation still succeeds). */
export const createdCompanySchema = companySchema.extend({ warnings: z.array(duplicateSchema) }).meta({ id: 'CreatedCompany' });

export const duplicatesQuery = z.strictObject({
  name: z.string().trim().max(200).optional(),
  orgNumber: z.string().trim().max(30).optional(),
  email: z.string().trim().max(254).optional(),
  phone: z.string().trim().max(40).optional(),
  excludeId: z.coerce.number().int().positive().optional().describe('Leave out this company (the one being edited)'),
});
