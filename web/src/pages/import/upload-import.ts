// L-7: sends an import (or its dry run) and follows the server's progress until the result.
import { ApiError, api, type ErrorBody } from '../../api/client';
import type { ImportResult } from './ImportReport';

/** How far an import has come: the part of the file sent (0–1), then rows done of about `total`. */
export type ImportProgress = {
  sent: number;
  done: number;
  total: number;
  indexes?: boolean;
  /** Imports before this one while it waits its turn. */ queued?: number;
};

/** The lines of POST /api/import/{resource} with Accept: application/x-ndjson. */
type Line =
  | { type: 'progress'; done: number; total: number; step?: 'indexes' }
  | { type: 'queued'; ahead: number }
  | { type: 'running' }
  | ({ type: 'result' } & ImportResult)
  | ({ type: 'error'; status: number } & ErrorBody);

export const NO_PROGRESS: ImportProgress = { sent: 0, done: 0, total: 0 };

export async function uploadImport(path: string, form: FormData, onProgress: (progress: ImportProgress) => void): Promise<ImportResult> {
  let progress = NO_PROGRESS;
  // set by the callbacks below; an object, so the checks after them are not narrowed to the initial nulls
  const outcome: { result: ImportResult | null; failure: ApiError | null } = { result: null, failure: null };
  await api.uploadLines(path, form, {
    sent: (sent) => {
      progress = { ...progress, sent };
      onProgress(progress);
    },
    line: (value) => {
      // the server's lines; a line of a type this page does not know is passed over
      const line = value as Line;
      switch (line.type) {
        case 'queued':
        case 'running':
          progress = { sent: 1, done: 0, total: 0, ...(line.type === 'queued' ? { queued: line.ahead } : {}) };
          onProgress(progress);
          break;
        case 'progress':
          progress = { sent: 1, done: line.done, total: line.total, indexes: line.step === 'indexes' };
          onProgress(progress);
          break;
        case 'result': {
          const { type: _type, ...rest } = line;
          outcome.result = rest;
          break;
        }
        case 'error': {
          const { code, message, fields, current } = line.error;
          outcome.failure = new ApiError(line.status, code, message, fields ?? {}, current);
          break;
        }
      }
    },
  });
  if (outcome.failure) throw outcome.failure;
  // the connection ended before the server said how the import went
  if (!outcome.result) throw new ApiError(0, 'NETWORK', 'The answer ended before the result');
  return outcome.result;
}
