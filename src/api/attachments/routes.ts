import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AttachmentRow } from '../../db/attachments.ts';
import type { AttachmentEntity } from '../../db/schema.ts';
import {
  addAttachment,
  attachmentsOf,
  deleteAttachment,
  MAX_ATTACHMENT_BYTES,
  readAttachment,
} from '../../domain/attachments/attachments.ts';
import { ACCEPTED_TYPES, contentDisposition } from '../../domain/attachments/file-check.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { actorOf } from '../context.ts';
import { idParams, iso } from '../common.ts';
import { errorResponses, fileField, fileResponse, noContent } from '../openapi.ts';

const tags = ['attachments'];

export const attachmentSchema = z
  .object({
    id: z.number(),
    entity: z.enum(['company', 'contact', 'opportunity', 'activity']),
    entityId: z.number(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number(),
    uploadedAt: z.string(),
    uploadedBy: z.number().nullable(),
    uploadedByInitials: z.string().nullable(),
  })
  .meta({ id: 'Attachment' });
const upload = z.object({ file: fileField('The file, at most 10 MB') });

function presentAttachment(a: AttachmentRow): z.infer<typeof attachmentSchema> {
  return { ...a, uploadedAt: iso(a.uploadedAt) ?? '' };
}

const PATHS: [AttachmentEntity, string][] = [
  ['company', 'companies'],
  ['contact', 'contacts'],
  ['opportunity', 'opportunities'],
  ['activity', 'activities'],
];

const tooLarge = () =>
  new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than the 10 MB limit for attachments', {
    fields: { file: 'is larger than 10 MB' },
  });

/** The multipart plugin's errors in the API's words: too large is 413, anything else names the `file` field. */
function uploadError(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge();
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return invalid('file', 'send the file as multipart/form-data in the field "file"');
  if (code === 'FST_FILES_LIMIT') return invalid('file', 'send one file at a time');
  if (typeof code === 'string' && code.startsWith('FST_')) return invalid('file', (error as Error).message);
  return error;
}

/** Reads the one file of a multipart request (field `file`) into memory, at most 10 MB. */
async function readUpload(request: FastifyRequest) {
  try {
    const part = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 10, parts: 20 } });
    if (!part) throw invalid('file', 'is required');
    if (part.fieldname !== 'file') throw invalid('file', `is required (the file came in the field "${part.fieldname}")`);
    const data = await part.toBuffer();
    // toBuffer() only throws when it reads a chunk after busboy cut the file; when the limit falls
    // exactly on a chunk's end it returns the first 10 MiB as if that were the file (issue 18)
    if (part.file.truncated) throw tooLarge();
    return { fileName: part.filename, declaredType: part.mimetype, data };
  } catch (error) {
    throw uploadError(error);
  }
}

/** T-5: attachments (documents) on companies, contacts, opportunities and activities. */
export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  // only the routes of this plugin take multipart bodies
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });

  for (const [entity, plural] of PATHS) {
    const name = `${entity[0]?.toUpperCase()}${entity.slice(1)}`;
    app.post(
      `/api/${plural}/:id/attachments`,
      {
        schema: {
          operationId: `upload${name}Attachment`,
          summary: `Attach a file to a ${entity}`,
          tags,
          description: `Uploads one file as multipart/form-data in the field "file", at most 10 MB. Accepted: ${ACCEPTED_TYPES.join(', ')}. The first bytes must match the type (415 UNSUPPORTED_TYPE otherwise).`,
          multipart: upload,
          params: idParams,
          response: { 201: attachmentSchema, ...errorResponses(400, 401, 403, 404, 413, 415) },
        },
      },
      async (request, reply) => {
        const file = await readUpload(request);
        const row = await app.db
          .transaction()
          .execute((db) => addAttachment({ db, actor: actorOf(request), entity, entityId: request.params.id, file }));
        return reply.status(201).send(presentAttachment(row));
      },
    );

    app.get(
      `/api/${plural}/:id/attachments`,
      {
        schema: {
          operationId: `list${name}Attachments`,
          summary: `The files attached to a ${entity}`,
          tags,
          params: idParams,
          response: { 200: z.object({ items: z.array(attachmentSchema) }), ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => {
        const rows = await attachmentsOf({ db: app.db, actor: actorOf(request), entity, entityId: request.params.id });
        return { items: rows.map(presentAttachment) };
      },
    );
  }

  app.get(
    '/api/attachments/:id',
    {
      schema: {
        operationId: 'downloadAttachment',
        summary: 'Download an attached file',
        tags,
        description: 'Downloads the file with its stored content type, as an attachment.',
        params: idParams,
        response: {
          200: fileResponse('The file’s bytes, with the content type it was stored with', ['application/octet-stream']),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const { attachment, data } = await readAttachment({ db: app.db, actor: actorOf(request), id: request.params.id });
      return reply
        .header('content-type', attachment.contentType)
        .header('content-disposition', contentDisposition(attachment.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(data);
    },
  );

  app.delete(
    '/api/attachments/:id',
    {
      schema: {
        operationId: 'deleteAttachment',
        summary: 'Delete an attached file',
        tags,
        params: idParams,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await app.db.transaction().execute((db) => deleteAttachment({ db, actor: actorOf(request), id: request.params.id }));
      return reply.status(204).send();
    },
  );
};
