// Shared zod building blocks for the API conventions (SPEC "API conventions").
import { z } from 'zod';

export const id = z.coerce.number().int().positive();
export const idParams = z.object({ id });

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

export const listQueryBase = {
  sort: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
};

/** `status=open,won` → ['open','won'], each checked against `item`. */
export const csv = <T extends z.ZodType>(item: T) =>
  z
    .string()
    .transform((value) => value.split(',').map((v) => v.trim()).filter((v) => v !== ''))
    .pipe(z.array(item).min(1, 'needs at least one value').max(100) as unknown as z.ZodType<z.output<T>[], string[]>);

export const idList = csv(z.coerce.number().int().positive());

export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    current: z.unknown().optional(),
  }),
});

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
