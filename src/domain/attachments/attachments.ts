// T-5: documents on companies, contacts, opportunities and activities, kept in the database.
import type { AttachmentEntity, Db } from '../../db/schema.ts';
import {
  attachmentData,
  findAttachment,
  findAttachmentOrThrow,
  insertAttachment,
  listAttachments,
  softDeleteAttachment,
  type AttachmentRow,
} from '../../db/attachments.ts';
import type { Actor } from '../auth/permissions.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { assertEditable, recordAccess } from '../records/access.ts';
import { checkFile, cleanFileName } from './file-check.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Stores a file on a record the actor may change, after the size and content-type checks. */
export async function addAttachment({
  db,
  actor,
  entity,
  entityId,
  file,
}: {
  db: Db;
  actor: Actor;
  entity: AttachmentEntity;
  entityId: number;
  file: { fileName: string; declaredType: string; data: Buffer };
}): Promise<AttachmentRow> {
  await assertEditable(db, actor, entity, entityId);
  if (file.data.length === 0) throw invalid('file', 'is empty');
  if (file.data.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than the 10 MB limit for attachments', {
      fields: { file: 'is larger than 10 MB' },
    });
  }
  const fileName = cleanFileName(file.fileName);
  const check = checkFile({ fileName, declaredType: file.declaredType, head: file.data.subarray(0, 4096) });
  if (!check.ok) throw new AppError('UNSUPPORTED_TYPE', check.reason, { fields: { file: check.reason } });
  const id = await insertAttachment(db, {
    entity,
    entityId,
    fileName,
    contentType: check.contentType,
    data: file.data,
    uploadedBy: actor.id,
  });
  return findAttachmentOrThrow(db, id);
}

/** The attachments of a record the actor may see, without their data. */
export async function attachmentsOf({ db, actor, entity, entityId }: { db: Db; actor: Actor; entity: AttachmentEntity; entityId: number }) {
  await recordAccess(db, actor, entity, entityId);
  return listAttachments(db, entity, entityId);
}

/** The record's access for the actor; a record that is gone or hidden takes its attachment with it (404). */
async function accessVia(db: Db, actor: Actor, attachment: AttachmentRow) {
  try {
    return await recordAccess(db, actor, attachment.entity, attachment.entityId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound('Attachment', attachment.id);
    throw error;
  }
}

/** An attachment and its data, when the actor may see the record it belongs to. */
export async function readAttachment({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  const attachment = await findAttachment(db, id);
  if (!attachment) throw notFound('Attachment', id);
  await accessVia(db, actor, attachment);
  const data = await attachmentData(db, id);
  if (!data) throw notFound('Attachment', id);
  return { attachment, data };
}

/** Soft delete, by whoever may change the record the attachment belongs to. */
export async function deleteAttachment({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  const attachment = await findAttachment(db, id);
  if (!attachment) throw notFound('Attachment', id);
  const { editable } = await accessVia(db, actor, attachment);
  if (!editable) throw new AppError('FORBIDDEN', `You may not change this ${attachment.entity}, so not its attachments either`);
  await softDeleteAttachment(db, id);
}
