// L-7: POST /api/import/{companies|contacts|opportunities}, multipart: `file` (CSV or XLSX),
// `mapping` (JSON {column: field}, guessed when absent), `valueMapping` (JSON {field: {from: to}}),
// `preset` (hubspot|pipedrive|salesforce), `dryRun` (true|false). With `Accept: application/x-ndjson`
// the answer is a stream of progress lines and then the result (progress-stream.ts). One import runs
// at a time per instance; the others wait their turn (import-queue.ts). The file is written to a
// temp file as it comes, so a waiting import holds no memory and an XLSX is read from disk.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getSettings } from '../../db/settings.ts';
import { isManagerOrAdmin } from '../../domain/auth/permissions.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { importFile } from '../../domain/import/import-file.ts';
import { XLSX_LIMITS } from '../../domain/import/read-xlsx.ts';
import { todayIn } from '../../domain/opportunities/rules.ts';
import { actorOf, type ImportLimits } from '../context.ts';
import { errorResponses, fileField } from '../openapi.ts';
import { ImportQueue, queueFull, type OnWait } from './import-queue.ts';
import { NDJSON, PROGRESS_EVERY_MS, streamProgress, wantsProgress, type OnProgress } from './progress-stream.ts';

export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** The caps of an import through the API (app.config.imports; tests lower them). */
export const IMPORT_LIMITS: ImportLimits = { maxFileBytes: MAX_IMPORT_BYTES, xlsx: XLSX_LIMITS, maxWaiting: 4 };

const params = z.object({ resource: z.enum(['companies', 'contacts', 'opportunities']) });
const fields = z.strictObject({
  mapping: z.record(z.string(), z.string()).optional(),
  valueMapping: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  preset: z.enum(['hubspot', 'pipedrive', 'salesforce']).optional(),
  dryRun: z.enum(['true', 'false']).default('true'),
});
// the multipart body as the API reference shows it (readForm reads and checks it)
const form = z.object({
  file: fileField('The CSV or XLSX file'),
  mapping: z.string().optional().describe('JSON {"<column>": "<field>"}; guessed from the column names when absent'),
  valueMapping: z.string().optional().describe('JSON {"<field>": {"<value in the file>": "<value in Trakt>"}}'),
  preset: fields.shape.preset.describe('Read the file as an export of this CRM'),
  dryRun: fields.shape.dryRun.describe('true (the default) only checks the file; false imports it'),
});
const resultSchema = z
  .object({
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
  })
  .meta({ id: 'ImportResult' });

/** The file (written to a temp file, which the caller removes) and the text fields of the multipart body; JSON fields are parsed. */
async function readForm(request: FastifyRequest, maxFileBytes: number) {
  const form: Record<string, unknown> = {};
  let file: string | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxFileBytes, files: 1, fields: 10 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw invalid('file', `is required (the file came in the field "${part.fieldname}")`);
        file = join(tmpdir(), `trakt-import-${randomUUID()}`);
        await pipeline(part.file, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
        // a file over the limit ends early without an error (issue 18)
        if (part.file.truncated) throw Object.assign(new Error('file too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
      } else if (part.fieldname === 'mapping' || part.fieldname === 'valueMapping') {
        try {
          form[part.fieldname] = JSON.parse(String(part.value));
        } catch {
          throw invalid(part.fieldname, 'must be JSON');
        }
      } else form[part.fieldname] = String(part.value);
    }
    if (!file) throw invalid('file', 'is required');
    const parsed = fields.safeParse(form);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const name = issue?.code === 'unrecognized_keys' ? (issue.keys[0] ?? 'body') : issue?.path.join('.') || 'body';
      throw invalid(name, issue?.code === 'unrecognized_keys' ? 'is not a field of an import' : (issue?.message ?? 'is invalid'));
    }
    return { file, ...parsed.data };
  } catch (error) {
    if (file) await rm(file, { force: true });
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      const size = `${Math.floor(maxFileBytes / 1024 / 1024)} MB`;
      throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${size}; use \`trakt import\` for larger files`, {
        fields: { file: `is larger than ${size}` },
      });
    }
    if (typeof code === 'string' && code.startsWith('FST_'))
      throw invalid('file', 'send the file as multipart/form-data in the field "file"');
    throw error;
  }
}

const description = `Checks (dryRun=true, the default) or imports a CSV or XLSX file; answers {rows, created, updated, skipped, errors, mapping, dryRun, encoding, ignoredColumns}. A CSV file may be UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark, or Windows-1252/ISO-8859-1; any other is refused with 400 FILE_ENCODING.

With \`Accept: ${NDJSON}\` the answer is 200 with one JSON object per line: \`{"type":"progress","done":<rows read>,"total":<rows, estimated for CSV>}\` every 2 000 rows (at most one per ${PROGRESS_EVERY_MS} ms; the first and the last always), then exactly one last line: \`{"type":"result", …the same fields as the JSON answer}\`, or \`{"type":"error","status":<the HTTP status it would have had>,"error":{code, message, fields}}\` when the import fails after the first line (nothing is written then). Errors found before the first line (form fields, permission, a mapping that does not fit) are ordinary 4xx JSON answers.

Imports run one at a time per server. One that comes while another runs waits for its turn: as NDJSON it is told so first, \`{"type":"queued","ahead":<imports before it>}\` (again when that number changes), then \`{"type":"running"}\` when its turn comes; as JSON it answers when done. When ${IMPORT_LIMITS.maxWaiting} are already waiting, another is refused with 429 IMPORT_QUEUE_FULL. A file over ${MAX_IMPORT_BYTES / 1024 / 1024} MB, or an XLSX sheet over ${IMPORT_LIMITS.xlsx.maxCells.toLocaleString('en')} cells (rows × columns) or ${IMPORT_LIMITS.xlsx.maxSharedStringBytes / 1024 / 1024} MB of text, is refused with 413 PAYLOAD_TOO_LARGE naming the field \`file\`, and nothing is written.`;

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const limits = app.config.imports;
  await app.register(multipart, { limits: { fileSize: limits.maxFileBytes, files: 1 } });
  const queue = new ImportQueue(limits.maxWaiting);

  app.post(
    '/api/import/:resource',
    {
      schema: {
        operationId: 'importFile',
        summary: 'Check or import a CSV or XLSX file of companies, contacts or opportunities',
        tags: ['import'],
        description,
        params,
        multipart: form,
        response: { 200: resultSchema, ...errorResponses(400, 401, 403, 413, 422, 429) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!isManagerOrAdmin(actor)) throw new AppError('FORBIDDEN', 'Only managers and admins import');
      // refused before the file is received, rather than holding it on disk to refuse it later
      if (queue.full) throw queueFull(queue.maxWaiting);
      const form = await readForm(request, limits.maxFileBytes);
      const run = (onProgress?: OnProgress, onWait?: OnWait) =>
        queue
          .run(async () => {
            const settings = await getSettings(app.db);
            return importFile({
              db: app.db,
              copyPool: app.copyPool,
              actor,
              resource: request.params.resource,
              data: { path: form.file },
              limits: limits.xlsx,
              mapping: form.mapping,
              valueMapping: form.valueMapping,
              preset: form.preset,
              dryRun: form.dryRun === 'true',
              baseCurrency: settings.baseCurrency,
              today: todayIn(app.config.timeZone),
              onProgress,
            });
          }, onWait)
          .finally(() => rm(form.file, { force: true }));
      return wantsProgress(request) ? streamProgress(request, reply, run) : run();
    },
  );
};
