// L-7 on a PostgreSQL server: an import's new opportunities are written by COPY … FROM STDIN, on one
// connection that also runs the import's transaction (a Kysely instance over just that connection).
// Not for PGlite: over its socket COPY FROM STDIN loses the protocol's sync (docs/decisions/0010).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { CamelCaseRowsPlugin } from './camel-case-rows.ts';
import type { DB, Db } from './schema.ts';

/** Writes rows, given as COPY text (`copyLine` per row), into the columns of a table. */
export type CopyRows = (table: string, columns: readonly string[], text: string) => Promise<void>;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const SPECIAL = /[\\\n\r\t]/;

/** One field in COPY's text format: `\N` for null, backslash escapes. */
export function copyField(value: unknown): string {
  if (value === undefined || value === null || (typeof value === 'number' && !Number.isFinite(value))) return '\\N';
  const scalar = value as string | number | boolean | bigint | object;
  const text = scalar instanceof Date ? scalar.toISOString() : typeof scalar === 'object' ? JSON.stringify(scalar) : String(scalar);
  return SPECIAL.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c] ?? c) : text;
}

/** One row in COPY's text format: tab between fields, `\N` for null, backslash escapes. */
export function copyLine(values: readonly unknown[]): string {
  // joined, not concatenated: one flat string instead of a rope of pieces the collector must walk
  return `${values.map(copyField).join('\t')}\n`;
}

export type OneConnection = { db: Db; copy: CopyRows; release(broken: boolean): void };

/** Takes one connection from the pool: a Kysely instance that runs everything on it, and COPY on it. */
export async function oneConnection(pool: pg.Pool): Promise<OneConnection> {
  const client = await pool.connect();
  // Kysely asks its "pool" for a connection per query or transaction and releases it after: always this one
  const only = { connect: () => Promise.resolve({ query: client.query.bind(client), release: () => {} }), end: () => Promise.resolve() };
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: only }), plugins: [new CamelCaseRowsPlugin()] });
  const copy: CopyRows = async (table, columns, text) => {
    if (!text) return;
    const statement = sql`COPY ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) FROM STDIN`.compile(db).sql;
    await pipeline(Readable.from([text]), client.query(copyFrom(statement)));
  };
  return { db, copy, release: (broken) => client.release(broken) };
}

/**
 * Ids for rows written by COPY, taken from the table's identity sequence ahead of the rows that get
 * them (each `nextval` is atomic, so rows written meanwhile by others never collide). An id taken and
 * not used is kept for the next batch.
 */
export function idReserve(table: 'opportunities') {
  const free: number[] = [];
  let sequence: string | null = null;
  const topUp = async (db: Db, count: number) => {
    if (free.length >= count) return;
    // the sequence named once: nextval(pg_get_serial_sequence(…)) looked it up in the catalogue for
    // every id, a tenth of the database's time in a million-row import
    if (sequence === null) {
      const { rows } = await sql<{ name: string }>`SELECT pg_get_serial_sequence(${table}, 'id') AS name`.execute(db);
      sequence = String(rows[0]?.name);
    }
    const { rows } = await sql<{ id: number }>`
      SELECT nextval(${sequence}::regclass)::int AS id FROM generate_series(1, ${count - free.length})`.execute(db);
    free.push(...rows.map((r) => r.id));
  };
  return {
    /** Makes sure `count` ids are at hand (a look-up ahead of the batch that needs them). */
    topUp,
    /** `count` ids for new rows. */
    async take(db: Db, count: number): Promise<number[]> {
      await topUp(db, count);
      return free.splice(0, count);
    },
  };
}
export type IdReserve = ReturnType<typeof idReserve>;
