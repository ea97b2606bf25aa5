// The one way the UI talks to the API: JSON in and out, the CSRF header on writes,
// and every error turned into an ApiError carrying the API's {code, message, fields}.

export type ErrorBody = {
  error: { code: string; message: string; fields?: Record<string, string> | null; current?: unknown };
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  /** with a version conflict: the record as it is now */
  readonly current: unknown;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}, current?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.current = current;
  }

  /** 409 because the record changed since it was read (O-25), not a duplicate. */
  get isVersionConflict(): boolean {
    return this.status === 409 && this.code === 'VERSION_CONFLICT';
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401, so the app can show the sign-in page again. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'code' in error;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = body instanceof FormData;
  // a FormData body sets its own multipart content type with the boundary
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : 'Network error');
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && onUnauthorized && !path.startsWith('/api/auth/')) onUnauthorized();
    if (isErrorBody(parsed)) {
      const { code, message, fields, current } = parsed.error;
      throw new ApiError(response.status, code, message, fields ?? {}, current);
    }
    throw new ApiError(response.status, `HTTP_${response.status}`, response.statusText || 'Request failed');
  }
  return parsed as T;
}

/** The same error handling as `request`, for an answer read by XMLHttpRequest. */
function answerOf(status: number, statusText: string, text: string, path: string): unknown {
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (status >= 200 && status < 300) return parsed;
  if (status === 401 && onUnauthorized && !path.startsWith('/api/auth/')) onUnauthorized();
  if (isErrorBody(parsed)) {
    const { code, message, fields, current } = parsed.error;
    throw new ApiError(status, code, message, fields ?? {}, current);
  }
  throw new ApiError(status, `HTTP_${status}`, statusText || 'Request failed');
}

// what readLines and answerOf throw is already an Error (SyntaxError, ApiError); anything else is wrapped
function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * A multipart POST answered in NDJSON, one JSON value per line as the server gets on (an import's
 * progress, then its result). XMLHttpRequest rather than fetch: besides reading the answer as it
 * comes, it tells how much of a large body has been sent (0–1), which fetch cannot. Resolves when
 * the answer has ended; an answer that is not 2xx rejects with its ApiError.
 */
function uploadLines(path: string, form: FormData, on: { sent: (part: number) => void; line: (value: unknown) => void }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let read = 0;
    // hands on the lines received so far; an unfinished last line waits for the rest of it
    const readLines = (ended: boolean) => {
      const text = xhr.responseText;
      const end = ended ? text.length : text.lastIndexOf('\n') + 1;
      if (end <= read) return;
      const lines = text.slice(read, end).split('\n');
      read = end;
      for (const line of lines) if (line.trim()) on.line(JSON.parse(line));
    };
    const fail = (error: unknown) => {
      xhr.onprogress = xhr.onload = xhr.onerror = null;
      xhr.abort();
      reject(asError(error));
    };
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/x-ndjson');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) on.sent(event.loaded / event.total);
    };
    xhr.onprogress = () => {
      if (xhr.status < 200 || xhr.status >= 300) return;
      try {
        readLines(false);
      } catch (error) {
        fail(error);
      }
    };
    xhr.onload = () => {
      try {
        if (xhr.status < 200 || xhr.status >= 300) answerOf(xhr.status, xhr.statusText, xhr.responseText, path);
        readLines(true);
        resolve();
      } catch (error) {
        reject(asError(error));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Network error'));
    xhr.send(form);
  });
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  /** multipart/form-data, e.g. an attachment in the field `file` */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
  uploadLines,
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
