// Shared zod building blocks for the API conventions (SPEC "API conventions").
import { z } from 'zod';
import { id } from '../domain/input-fields.ts';

// the building blocks of input live in the domain (the import checks rows with them too)
export { date, id, money, optionalText, percent, requiredText, timestamp, trimmed, version } from '../domain/input-fields.ts';
export const idParams = z.object({ id });

export const listQueryBase = {
  sort: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
};

/** `status=open,won` → ['open','won'], each checked against `item`. */
export const csv = <T extends z.ZodType>(item: T) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    )
    .pipe(z.array(item).min(1, 'needs at least one value').max(100) as unknown as z.ZodType<z.output<T>[], string[]>);

export const idList = csv(z.coerce.number().int().positive());

export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export { errorSchema } from './openapi.ts';

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
