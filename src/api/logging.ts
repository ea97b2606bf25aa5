// What the server writes to its log: JSON lines (pino) on stderr. Every 5xx with its request id and
// stack, always (api/errors.ts); each request's start and end only with TRAKT_LOG=1. Credentials are
// left out: headers are not logged, and a calendar feed's address (its secret) is shortened.
import { randomUUID } from 'node:crypto';
import type { FastifyServerOptions } from 'fastify';

export type LogOptions = {
  /** Log every request (TRAKT_LOG=1); errors are logged either way. */
  requests: boolean;
  /** Where the lines go; stderr unless a test captures them. */
  stream?: NodeJS.WritableStream | undefined;
};

/** A URL fit for the log: the calendar feed's file name is its secret. */
export const loggableUrl = (url: string | undefined): string => (url ?? '').replace(/^(\/api\/calendar\/)[^?#]*/, '$1[redacted]');

/** The logger part of Fastify's options. */
export function loggerOptions(options: LogOptions): Pick<FastifyServerOptions, 'logger' | 'genReqId'> {
  return {
    logger: {
      level: options.requests ? 'info' : 'warn',
      stream: options.stream ?? process.stderr,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'], censor: '[redacted]' },
      serializers: {
        req: (request: { method: string; url: string; ip?: string }) => ({
          method: request.method,
          url: loggableUrl(request.url),
          remoteAddress: request.ip,
        }),
      },
    },
    // unique across instances and restarts, so a user's "request id" finds one line
    genReqId: () => randomUUID(),
  };
}
