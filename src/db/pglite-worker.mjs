// PGlite runs here, in its own thread, because its WASM engine blocks the event loop while it
// works. The HTTP thread talks to it over the PostgreSQL wire protocol on a Unix socket, so the
// query layer is the same `pg` Pool code as in server mode.
// Plain JavaScript on purpose: a worker must load without a TypeScript loader (tests, CLI, server).
import { parentPort, workerData } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * What connect.ts hands the worker; `workerData` itself is untyped.
 * @param {unknown} data
 */
function readOptions(data) {
  const { dataDir, loadDumpFrom, socketPath } = /** @type {Record<string, unknown>} */ (data);
  if (typeof socketPath !== 'string') throw new Error('the PGlite worker needs a socketPath');
  return {
    dataDir: typeof dataDir === 'string' ? dataDir : undefined,
    loadDumpFrom: typeof loadDumpFrom === 'string' ? loadDumpFrom : undefined,
    socketPath,
  };
}
const options = readOptions(workerData);

const db = await PGlite.create({
  // undefined dataDir = in-memory, used only by tests
  dataDir: options.dataDir,
  loadDataDir: options.loadDumpFrom ? new Blob([await readFile(options.loadDumpFrom)]) : undefined,
  extensions: { pg_trgm },
  // PGlite has no checkpointer pressure of its own; keep the WAL from growing without bound
  postgresqlconf: ['max_wal_size=64MB', 'min_wal_size=32MB'],
});

const server = new PGLiteSocketServer({ db, path: options.socketPath });
await server.start();

/** @param {{ type?: string } | null | undefined} message */
async function answer(message) {
  if (message?.type === 'dump') {
    const blob = await db.dumpDataDir('none');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    parentPort?.postMessage({ type: 'dumped', bytes }, [bytes.buffer]);
  } else if (message?.type === 'close') {
    await server.stop();
    await db.close();
    parentPort?.postMessage({ type: 'closed' });
  }
}

// A failure stays an unhandled rejection: it ends the worker, and the parent sees its 'error' event.
parentPort?.on('message', (/** @type {{ type?: string } | null | undefined} */ message) => void answer(message));

parentPort?.postMessage({ type: 'ready' });
