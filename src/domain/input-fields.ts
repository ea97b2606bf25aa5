// Zod building blocks of the input the API and the import both check (SPEC "API conventions"):
// they live in the domain so that the import checks a row without reaching into the API.
import { z } from 'zod';

export const id = z.coerce.number().int().positive();

export const date = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
export const timestamp = z.iso.datetime({ offset: true });
/** Money: a decimal number with at most 2 decimals. */
export const money = z
  .number()
  .refine((n) => Number.isFinite(n) && Math.abs(n) < 1e12, 'is out of range')
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'may have at most 2 decimals');
export const percent = z.number().int('must be a whole number').min(0).max(100);
export const version = z.number().int().positive();
export const trimmed = (max = 200) => z.string().trim().max(max);
export const requiredText = (max = 200) => z.string().trim().min(1, 'is required').max(max);
/** Optional free text: empty becomes null (clears it); left out stays undefined (leaves it as it is). */
export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null));
