// L-7: POST /api/import/{companies|contacts|opportunities}, multipart: `file` (CSV or XLSX),
// `mapping` (JSON {column: field}, guessed when absent), `valueMapping` (JSON {field: {from: to}}),
// `preset` (hubspot|pipedrive|salesforce), `dryRun` (true|false). With `Accept: application/x-ndjson`
// the answer is a stream of progress lines and then the result (progress-stream.ts).
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getSettings } from '../../db/settings.ts';
import { isManagerOrAdmin } from '../../domain/auth/permissions.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { importFile } from '../../domain/import/import-file.ts';
import { todayIn } from '../../domain/opportunities/rules.ts';
import { actorOf } from '../context.ts';
import { NDJSON, PROGRESS_EVERY_MS, streamProgress, wantsProgress, type OnProgress } from './progress-stream.ts';

export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

const params = z.object({ resource: z.enum(['companies', 'contacts', 'opportunities']) });
const fields = z.strictObject({
  mapping: z.record(z.string(), z.string()).optional(),
  valueMapping: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  preset: z.enum(['hubspot', 'pipedrive', 'salesforce']).optional(),
  dryRun: z.enum(['true', 'false']).default('true'),
});
const resultSchema = z.object({
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  /** Rows matching a closed opportunity, left as they are (O-11). */
  skipped: z.number(),
  errors: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
  mapping: z.record(z.string(), z.string()),
  dryRun: z.boolean(),
  /** The character encoding the CSV file was read in (UTF-8, UTF-8 with BOM, UTF-16LE, UTF-16BE, windows-1252, ISO-8859-1); null for XLSX. */
  encoding: z.string().nullable(),
  /** Columns of the file that go to no field: their values are not imported. */
  ignoredColumns: z.array(z.string()),
});

/** The file and the text fields of the multipart body; JSON fields are parsed. */
async function readForm(request: FastifyRequest) {
  const form: Record<string, unknown> = {};
  let file: Buffer | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw invalid('file', `is required (the file came in the field "${part.fieldname}")`);
        file = await part.toBuffer();
        // a file cut exactly on a chunk's end comes back from toBuffer() without an error (issue 18)
        if (part.file.truncated) throw Object.assign(new Error('file too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
      } else if (part.fieldname === 'mapping' || part.fieldname === 'valueMapping') {
        try {
          form[part.fieldname] = JSON.parse(String(part.value));
        } catch {
          throw invalid(part.fieldname, 'must be JSON');
        }
      } else form[part.fieldname] = String(part.value);
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than 100 MB; use `trakt import` for larger files', { fields: { file: 'is too large' } });
    if (typeof code === 'string' && code.startsWith('FST_')) throw invalid('file', 'send the file as multipart/form-data in the field "file"');
    throw error;
  }
  if (!file) throw invalid('file', 'is required');
  const parsed = fields.safeParse(form);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.code === 'unrecognized_keys' ? (issue.keys[0] ?? 'body') : issue?.path.join('.') || 'body';
    throw invalid(name, issue?.code === 'unrecognized_keys' ? 'is not a field of an import' : (issue?.message ?? 'is invalid'));
  }
  return { file, ...parsed.data };
}

const description = `Checks (dryRun=true, the default) or imports a CSV or XLSX file; answers {rows, created, updated, skipped, errors, mapping, dryRun, encoding, ignoredColumns}. A CSV file may be UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark, or Windows-1252/ISO-8859-1; any other is refused with 400 FILE_ENCODING.

With \`Accept: ${NDJSON}\` the answer is 200 with one JSON object per line: \`{"type":"progress","done":<rows read>,"total":<rows, estimated for CSV>}\` every 2 000 rows (at most one per ${PROGRESS_EVERY_MS} ms; the first and the last always), then exactly one last line: \`{"type":"result", …the same fields as the JSON answer}\`, or \`{"type":"error","status":<the HTTP status it would have had>,"error":{code, message, fields}}\` when the import fails after the first line (nothing is written then). Errors found before the first line (form fields, permission, a mapping that does not fit) are ordinary 4xx JSON answers.`;

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });

  app.post(
    '/api/import/:resource',
    { schema: { tags: ['import'], description, params, consumes: ['multipart/form-data'], response: { 200: resultSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!isManagerOrAdmin(actor)) throw new AppError('FORBIDDEN', 'Only managers and admins import');
      const form = await readForm(request);
      const settings = await getSettings(app.db);
      const run = (onProgress?: OnProgress) =>
        importFile({
          db: app.db,
          copyPool: app.copyPool,
          actor,
          resource: request.params.resource,
          data: form.file,
          mapping: form.mapping,
          valueMapping: form.valueMapping,
          preset: form.preset,
          dryRun: form.dryRun === 'true',
          baseCurrency: settings.baseCurrency,
          today: todayIn(app.config.timeZone),
          onProgress,
        });
      return wantsProgress(request) ? streamProgress(request, reply, run) : run();
    },
  );
};
