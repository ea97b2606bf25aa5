// O-21 (seed 000, the "Opfølges" trigger): setting or changing the follow-up date creates a task.
import type { Db } from '../../db/schema.ts';
import { insertActivity } from '../../db/activities.ts';
import { insertFollowUp } from '../../db/follow-ups.ts';
import type { Actor } from '../auth/permissions.ts';

type FollowUpFields = {
  id: number;
  title: string;
  description: string | null;
  followUpDate: string | null;
  companyId: number;
  contactId: number | null;
  ownerId: number;
};

const SUBJECT_MAX = 300;

/** The date that should create a task: a follow-up date that is set and differs from the one before. */
export function newFollowUpDate(before: { followUpDate: string | null } | null, after: { followUpDate: string | null }): string | null {
  if (after.followUpDate === null) return null;
  return after.followUpDate === before?.followUpDate ? null : after.followUpDate;
}

/** The task's text: the opportunity's description, or its title when the description is empty. */
export function followUpText(opportunity: { title: string; description: string | null }): string {
  const description = opportunity.description?.trim();
  return description ? description : opportunity.title;
}

/** The task a follow-up date creates: its subject (the text's first line, shortened) and text. */
export function followUpTask(opportunity: { title: string; description: string | null }): { subject: string; text: string } {
  const text = followUpText(opportunity);
  const firstLine = text.split('\n')[0]?.trim() || opportunity.title;
  return { subject: firstLine.length > SUBJECT_MAX ? `${firstLine.slice(0, SUBJECT_MAX - 1)}…` : firstLine, text };
}

/**
 * Call in the transaction that creates or saves an opportunity, with the row before (null on
 * create) and after. A new follow-up date creates an open task due that day for the opportunity's
 * owner, linked to its company, contact and the opportunity, and is remembered with the task.
 * Saving with the same date (or none) does nothing. Returns the new task's id, if any.
 */
export async function applyFollowUp({
  db,
  actor,
  before,
  after,
}: {
  db: Db;
  actor: Actor;
  before: FollowUpFields | null;
  after: FollowUpFields;
}): Promise<number | null> {
  const date = newFollowUpDate(before, after);
  if (date === null) return null;
  const { subject, text } = followUpTask(after);
  const activityId = await insertActivity(db, {
    type: 'task',
    subject,
    text,
    dueDate: date,
    done: false,
    ownerId: after.ownerId,
    companyId: after.companyId,
    contactId: after.contactId,
    opportunityId: after.id,
    createdBy: actor.id,
    updatedBy: actor.id,
  });
  await insertFollowUp(db, { opportunityId: after.id, followUpDate: date, setBy: actor.id, activityId });
  return activityId;
}
