// Sends an import file to POST /api/import/{resource} as a browser would (multipart/form-data).
import type { Answer, TestApi } from './api.ts';

export type ImportForm = {
  file: Buffer | string;
  name?: string;
  mapping?: object;
  valueMapping?: object;
  preset?: string;
  dryRun?: 'true' | 'false';
  /** fields the import does not know, to test that they are refused */
  extra?: Record<string, string>;
};

/** Uploads `form` with the bearer token; a string file is sent as UTF-8. */
export async function uploadImport(api: TestApi, token: string, resource: string, form: ImportForm): Promise<Answer> {
  const body = new FormData();
  body.append('file', new Blob([typeof form.file === 'string' ? Buffer.from(form.file, 'utf8') : form.file]), form.name ?? 'import.csv');
  if (form.mapping) body.append('mapping', JSON.stringify(form.mapping));
  if (form.valueMapping) body.append('valueMapping', JSON.stringify(form.valueMapping));
  if (form.preset) body.append('preset', form.preset);
  body.append('dryRun', form.dryRun ?? 'false');
  for (const [key, value] of Object.entries(form.extra ?? {})) body.append(key, value);
  const request = new Request('http://localhost/', { method: 'POST', body });
  const response = await api.app.inject({
    method: 'POST',
    url: `/api/import/${resource}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': request.headers.get('content-type') ?? '' },
    payload: Buffer.from(await request.arrayBuffer()),
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}
