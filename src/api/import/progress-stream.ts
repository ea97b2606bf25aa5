// L-7: the NDJSON answer of an import (Accept: application/x-ndjson), so the web wizard can show how
// far the server is: progress lines while it runs, then one result line, or one error line when it
// fails after the answer has begun. An import that waits for another to finish says so first:
// `queued` lines with how many are before it, then `running` when its turn comes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from '../errors.ts';
import type { OnWait } from './import-queue.ts';

export const NDJSON = 'application/x-ndjson';
/** At most one progress line per this many milliseconds: a quick import sends two, not hundreds. */
export const PROGRESS_EVERY_MS = 200;

/** `step` 'indexes': every row is written and the indexes set aside for a large load are being rebuilt. */
type Progress = { type: 'progress'; done: number; total: number; step?: 'indexes' };
export type OnProgress = (done: number, total: number, step?: 'rows' | 'indexes') => void;

/** Whether the client asked for the streamed answer rather than the one JSON object. */
export function wantsProgress(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').split(',').some((type) => type.split(';')[0]?.trim().toLowerCase() === NDJSON);
}

/**
 * Runs `work` and answers with its progress and result as NDJSON. The answer begins with the first
 * progress report, so an error before it (a mapping that does not fit the file) is still a plain
 * 4xx answer. A client that goes away stops the lines, not the work: the import's transaction still
 * commits or rolls back as it would have.
 */
export function streamProgress<T extends object>(
  request: FastifyRequest,
  reply: FastifyReply,
  work: (onProgress: OnProgress, onWait: OnWait) => Promise<T>,
): Promise<FastifyReply> {
  return new Promise((resolve, reject) => {
    const response = reply.raw;
    let started = false;
    let sentAt = 0;
    let held: Progress | null = null;
    const open = () => !response.destroyed && !response.writableEnded;
    const write = (line: object) => {
      // once the client has gone, the lines have nowhere to go
      if (!open()) return;
      response.write(`${JSON.stringify(line)}\n`);
      // Node corks the socket until the next tick, and an import of rows checked in memory may not
      // give the event loop one before it ends: send the line now
      if (response.writableCorked) response.uncork();
    };
    // Written to the raw response rather than through a stream given to reply.send, whose lines
    // would likewise wait for the event loop: so Fastify is told to keep out of it.
    const start = () => {
      started = true;
      reply.hijack();
      // the headers hooks have set on the reply, then ours
      for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) response.setHeader(name, value);
      response.writeHead(200, {
        'content-type': `${NDJSON}; charset=utf-8`,
        // proxies pass each line on at once instead of at the end
        'cache-control': 'no-store, no-transform',
        'x-accel-buffering': 'no',
      });
      resolve(reply);
    };

    const onWait: OnWait = (ahead) => {
      if (!started) start();
      write(ahead > 0 ? { type: 'queued', ahead } : { type: 'running' });
    };
    work((done, total, step) => {
      const line: Progress = step === 'indexes' ? { type: 'progress', done, total, step } : { type: 'progress', done, total };
      const now = Date.now();
      // the step change always goes out: the rebuild that follows may take a while
      if (started && now - sentAt < PROGRESS_EVERY_MS && !line.step) {
        held = line;
        return;
      }
      held = null;
      sentAt = now;
      if (!started) start();
      write(line);
    }, onWait).then(
      (result) => {
        if (!started) start();
        // the last report always goes out, so the bar ends full
        if (held) write(held);
        write({ type: 'result', ...result });
        if (open()) response.end();
      },
      (error: unknown) => {
        if (!started) {
          // the import's errors are Errors (AppError, the database's); anything else becomes a 500 either way
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const { status, body } = toErrorResponse(error);
        if (status >= 500) request.log.error({ err: error }, 'import failed after its answer began');
        // the status the answer would have had, as the headers have gone with 200
        write({ type: 'error', status, ...body });
        if (open()) response.end();
      },
    );
  });
}
