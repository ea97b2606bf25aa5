import { z } from 'zod';
import { booleanQuery, optionalText, requiredText, version } from '../common.ts';

export const competitorSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    website: z.string().nullable(),
    strengths: z.string().nullable(),
    weaknesses: z.string().nullable(),
    rating: z.number().nullable(),
    active: z.boolean(),
    version: z.number(),
  })
  .meta({ id: 'Competitor' });

const rating = z.number().int('must be a whole number').min(1).max(5);

export const competitorFields = {
  name: requiredText(120),
  // .optional() outside: a field left out of a PATCH stays as it is instead of becoming null
  website: optionalText(300).optional(),
  strengths: optionalText(4000).optional(),
  weaknesses: optionalText(4000).optional(),
  rating: rating.nullish(),
  active: z.boolean().optional(),
};

export const createCompetitorBody = z.strictObject(competitorFields);
export const updateCompetitorBody = z.strictObject({ ...competitorFields, name: competitorFields.name.optional(), version });

export const competitorQuery = z.strictObject({
  q: z.string().max(200).optional(),
  active: booleanQuery.optional(),
});

/** Threat of a competitor on one opportunity: 1 (harmless) … 5 (most dangerous). */
export const threat = z.number().int('must be a whole number').min(1).max(5);
