// The CLI's way to a running server: while `trakt serve` holds the embedded data folder, no second
// process may open it (db/data-dir-lock.ts), so `trakt import` and `trakt backup` ask the server.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

type ApiError = { error?: { code?: string; message?: string; fields?: Record<string, string> } };

/** An error answer as the CLI prints it (main.ts adds the fields). */
class ServerError extends Error {
  constructor(
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

async function call(base: string, path: string, token: string, init: RequestInit = {}): Promise<Response> {
  const url = new URL(path, base.endsWith('/') ? base : `${base}/`);
  let response: Response;
  try {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    response = await fetch(url, { ...init, headers });
  } catch (error) {
    throw new Error(`could not reach ${url.origin}: ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`, {
      cause: error,
    });
  }
  if (response.ok) return response;
  // An error answer from anything (a proxy, another server) may hold any JSON, or none.
  const answer: unknown = await response.json().catch(() => ({}));
  const body: ApiError = typeof answer === 'object' && answer !== null ? answer : {};
  throw new ServerError(`${url.origin} answered ${response.status}: ${body.error?.message ?? response.statusText}`, body.error?.fields);
}

/** POST /api/import/{resource} with progress (NDJSON); answers the import's result. */
export async function importThroughApi({
  url,
  token,
  resource,
  file,
  fields,
  onProgress,
}: {
  url: string;
  token: string;
  resource: string;
  file: { name: string; data: Buffer };
  fields: Record<string, unknown>;
  onProgress: (done: number, total: number) => void;
}): Promise<unknown> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) form.append(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  form.append('file', new Blob([file.data]), file.name);
  const response = await call(url, `api/import/${resource}`, token, {
    method: 'POST',
    body: form,
    headers: { accept: 'application/x-ndjson' },
  });
  let rest = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    rest += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = rest.indexOf('\n')) >= 0) {
      const line = JSON.parse(rest.slice(0, end)) as { type: string; done: number; total: number; status?: number } & ApiError;
      rest = rest.slice(end + 1);
      if (line.type === 'progress') onProgress(line.done, line.total);
      else if (line.type === 'error')
        throw new ServerError(`the import failed (${line.status}): ${line.error?.message ?? 'unknown error'}`, line.error?.fields);
      else if (line.type === 'result') return line;
    }
  }
  throw new Error('the server ended the answer without a result');
}

/** GET /api/backup into a file; answers the bytes written. */
export async function downloadBackup({
  url,
  token,
  to,
  onProgress,
}: {
  url: string;
  token: string;
  to: string;
  onProgress: (bytes: number) => void;
}): Promise<number> {
  const response = await call(url, 'api/backup', token);
  let bytes = 0;
  const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  body.on('data', (chunk: Buffer) => onProgress((bytes += chunk.length)));
  await pipeline(body, createWriteStream(to));
  return bytes;
}
