import { sql } from 'kysely';
import type { AttachmentEntity, Db } from './schema.ts';

const listed = [
  'a.id',
  'a.entity',
  'a.entityId',
  'a.fileName',
  'a.contentType',
  'a.sizeBytes',
  'a.uploadedBy',
  'a.uploadedAt',
  'u.initials as uploadedByInitials',
] as const;

function selectAttachments(db: Db) {
  return db.selectFrom('attachments as a').leftJoin('users as u', 'u.id', 'a.uploadedBy').select(listed).where('a.deletedAt', 'is', null);
}

export type AttachmentRow = Awaited<ReturnType<ReturnType<typeof selectAttachments>['executeTakeFirstOrThrow']>>;

export async function insertAttachment(
  db: Db,
  row: { entity: AttachmentEntity; entityId: number; fileName: string; contentType: string; data: Buffer; uploadedBy: number },
) {
  const { id } = await db
    .insertInto('attachments')
    .values({ ...row, sizeBytes: row.data.length })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A record's attachments without their data, newest first (attachments_entity_idx). */
export function listAttachments(db: Db, entity: AttachmentEntity, entityId: number): Promise<AttachmentRow[]> {
  return selectAttachments(db)
    .where('a.entity', '=', entity)
    .where('a.entityId', '=', entityId)
    .orderBy('a.uploadedAt', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

export function findAttachment(db: Db, id: number): Promise<AttachmentRow | undefined> {
  return selectAttachments(db).where('a.id', '=', id).executeTakeFirst();
}

/** One the caller just wrote, read back in its transaction: a missing row is a bug, not a 404. */
export function findAttachmentOrThrow(db: Db, id: number): Promise<AttachmentRow> {
  return selectAttachments(db).where('a.id', '=', id).executeTakeFirstOrThrow();
}

export async function attachmentData(db: Db, id: number): Promise<Buffer | undefined> {
  const row = await db.selectFrom('attachments').select('data').where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  return row?.data;
}

export async function softDeleteAttachment(db: Db, id: number) {
  await db
    .updateTable('attachments')
    .set({ deletedAt: sql`now()` })
    .where('id', '=', id)
    .execute();
}
