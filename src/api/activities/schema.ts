import { z } from 'zod';
import type { ActivityRow } from '../../db/activities.ts';
import { booleanQuery, csv, date, idList, iso, listQueryBase, optionalText, page, requiredText, version } from '../common.ts';

const ref = z.number().int().positive();
const typeKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be an activity type key such as "call"');

export const activityFields = {
  type: typeKey,
  subject: requiredText(300),
  text: optionalText(20000),
  dueDate: date.nullish(),
  dueTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM')
    .nullish(),
  durationMinutes: z.number().int().min(0).max(100000).nullish(),
  done: z.boolean().optional(),
  ownerId: ref.optional(),
  companyId: ref.nullish(),
  contactId: ref.nullish(),
  opportunityId: ref.nullish(),
  campaignId: ref.nullish(),
  participantIds: z.array(ref).max(50).optional(),
};

export const createActivityBody = z.strictObject(activityFields).meta({ id: 'NewActivity' });
export const updateActivityBody = z
  .strictObject({
    ...activityFields,
    type: typeKey.optional(),
    subject: activityFields.subject.optional(),
    version,
  })
  .meta({ id: 'ActivityChanges' });

export const activityQuery = z.strictObject({
  ...listQueryBase,
  q: z.string().max(200).optional(),
  type: csv(typeKey).optional(),
  done: booleanQuery.optional(),
  ownerId: idList.optional(),
  companyId: idList.optional(),
  contactId: idList.optional(),
  opportunityId: idList.optional(),
  campaignId: idList.optional(),
  'dueDate.gte': date.optional(),
  'dueDate.lte': date.optional(),
});

export const activitySchema = z
  .object({
    id: z.number(),
    type: z.string(),
    subject: z.string(),
    text: z.string().nullable(),
    dueDate: z.string().nullable(),
    dueTime: z.string().nullable(),
    durationMinutes: z.number().nullable(),
    done: z.boolean(),
    doneAt: z.string().nullable(),
    ownerId: z.number(),
    ownerInitials: z.string(),
    participantIds: z.array(z.number()),
    companyId: z.number().nullable(),
    companyName: z.string().nullable(),
    contactId: z.number().nullable(),
    contactName: z.string().nullable(),
    opportunityId: z.number().nullable(),
    opportunityTitle: z.string().nullable(),
    campaignId: z.number().nullable(),
    version: z.number(),
    createdAt: z.string(),
    createdBy: z.number().nullable(),
    updatedAt: z.string(),
    updatedBy: z.number().nullable(),
  })
  .meta({ id: 'Activity' });

export const activityPage = page(activitySchema).meta({ id: 'ActivityPage' });

export function presentActivity(a: ActivityRow): z.infer<typeof activitySchema> {
  return {
    id: a.id,
    type: a.type,
    subject: a.subject,
    text: a.text,
    dueDate: a.dueDate,
    dueTime: a.dueTime ? a.dueTime.slice(0, 5) : null,
    durationMinutes: a.durationMinutes,
    done: a.done,
    doneAt: iso(a.doneAt),
    ownerId: a.ownerId,
    ownerInitials: a.ownerInitials,
    participantIds: a.participantIds,
    companyId: a.companyId,
    companyName: a.companyName,
    contactId: a.contactId,
    contactName: a.contactName,
    opportunityId: a.opportunityId,
    opportunityTitle: a.opportunityTitle,
    campaignId: a.campaignId,
    version: a.version,
    createdAt: iso(a.createdAt) ?? '',
    createdBy: a.createdBy,
    updatedAt: iso(a.updatedAt) ?? '',
    updatedBy: a.updatedBy,
  };
}
