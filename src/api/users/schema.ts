import { z } from 'zod';
import type { UserRecord } from '../../db/users.ts';
import { iso, requiredText } from '../common.ts';

export const role = z.enum(['admin', 'manager', 'seller']);
export const language = z.enum(['en', 'da', 'nb', 'sv']);
export const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'must be an email address' }));

export const userSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    initials: z.string(),
    email: z.string(),
    role,
    regionId: z.number().nullable(),
    departmentId: z.number().nullable(),
    language,
    active: z.boolean(),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'User' });

export const createUserBody = z
  .strictObject({
    name: requiredText(120),
    email,
    password: z.string().max(200),
    role,
    initials: z.string().trim().max(6).optional(),
    regionId: z.number().int().positive().nullish(),
    departmentId: z.number().int().positive().nullish(),
    language: language.optional(),
  })
  .meta({ id: 'NewUser' });

export const updateUserBody = z
  .strictObject({
    version: z.number().int().positive(),
    name: requiredText(120).optional(),
    email: email.optional(),
    password: z.string().max(200).optional(),
    role: role.optional(),
    initials: z.string().trim().min(1).max(6).optional(),
    regionId: z.number().int().positive().nullish(),
    departmentId: z.number().int().positive().nullish(),
    language: language.optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'UserChanges' });

export function presentUser(user: UserRecord): z.infer<typeof userSchema> {
  return {
    id: user.id,
    name: user.name,
    initials: user.initials,
    email: user.email,
    role: user.role,
    regionId: user.regionId,
    departmentId: user.departmentId,
    language: user.language,
    active: user.active,
    version: user.version,
    createdAt: iso(user.createdAt) ?? '',
    updatedAt: iso(user.updatedAt) ?? '',
  };
}

export const sessionAnswer = z
  .object({ user: userSchema, csrfToken: z.string().nullable().describe('Send it as x-csrf-token on every write made with the cookie') })
  .meta({ id: 'Session' });
