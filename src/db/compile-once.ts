// Building and compiling a Kysely query (the operation tree, the CamelCase plugin's renaming, the SQL
// text) costs about 0.1 ms: more than the round trip of a one-row look-up. Queries that every request
// sends and whose SQL never changes (the signed-in user's token or session) are compiled once per
// database handle; each call only puts its own values into the parameters. Queries whose SQL depends
// on some inputs (which filters a list has, its sort) are compiled once per shape of those inputs.
import { createQueryId, type Compilable, type CompiledQuery, type QueryResult } from 'kysely';
import type { Db } from './schema.ts';

const slotOf = (i: number) => `\u0000compile-once:${i}\u0000`;

type Compiled<R> = { query: CompiledQuery<R>; slots: number[][] };
// a query builder, or a raw `sql` template compiled with `.compile(db)`
type Buildable<R> = Compilable<R> | CompiledQuery<R>;

/**
 * Compiles the query built from `placeholders` (args holding `slotOf(i)` for their i-th value) and notes
 * the parameters each placeholder landed in; null when one did not land, unchanged, in parameters only.
 */
function compileWithSlots<R>(placeholders: () => Buildable<R>, count: number): Compiled<R> | null {
  const built = placeholders();
  const query = 'compile' in built ? built.compile() : built;
  const slots: number[][] = Array.from({ length: count }, () => []);
  for (let at = 0; at < query.parameters.length; at++) {
    const parameter = query.parameters[at];
    if (typeof parameter === 'object' && parameter !== null && JSON.stringify(parameter).includes('compile-once:')) return null;
    if (typeof parameter !== 'string' || !parameter.includes('\u0000compile-once:')) continue;
    const slot = Number(parameter.slice('\u0000compile-once:'.length, -1));
    // a placeholder changed on its way (`${value}%`): the SQL needs the real value
    if (parameter !== slotOf(slot)) return null;
    slots[slot]?.push(at);
  }
  if (slots.some((positions) => positions.length === 0) || query.sql.includes('\u0000compile-once:')) return null;
  return { query, slots };
}

function run<R>(db: Db, compiled: Compiled<R>, values: unknown[]): Promise<QueryResult<R>> {
  const parameters = [...compiled.query.parameters];
  for (let slot = 0; slot < values.length; slot++) for (const at of compiled.slots[slot] as number[]) parameters[at] = values[slot];
  return db.executeQuery<R>({ ...compiled.query, queryId: createQueryId(), parameters });
}

/**
 * `build(db, ...args)` is called with placeholder args once per handle; every arg must land in exactly
 * one parameter of the compiled query (not in the SQL text), else the query is built on every call.
 */
export function compileOnce<A extends unknown[], R>(
  build: (db: Db, ...args: A) => Compilable<R>,
): (db: Db, ...args: A) => Promise<QueryResult<R>> {
  const compiled = new WeakMap<Db, Compiled<R> | null>();
  return (db, ...args) => {
    let known = compiled.get(db);
    if (known === undefined) {
      known = compileWithSlots(() => build(db, ...(args.map((_, i) => slotOf(i)) as A)), args.length);
      if (known && known.slots.some((positions) => positions.length !== 1)) known = null;
      compiled.set(db, known);
    }
    return known ? run(db, known, args) : db.executeQuery(build(db, ...args));
  };
}

// one per shape the app's lists can take: a bounded set, capped in case of inputs no one foresaw
const MAX_SHAPES = 500;

type Values = Record<string, unknown>;

/**
 * Like compileOnce, for a query whose SQL depends on `shape` (plain data: which filters are set, the
 * sort, the part of a page): compiled once per shape and handle. Every entry of `values` is a value
 * the SQL carries as parameters, used as it is (an array: one parameter per element); whether an entry
 * is missing, null or falsy, and an array's length, count as shape too.
 */
export function compilePerShape<S, V extends Values, R>(
  build: (db: Db, shape: S, values: V) => Buildable<R>,
): (db: Db, shape: S, values: V) => Promise<QueryResult<R>> {
  const compiled = new WeakMap<Db, Map<string, Compiled<R> | null>>();
  return (db, shape, values) => {
    // a transaction's handle lives for one request: build its queries as usual
    if (db.isTransaction) return db.executeQuery(build(db, shape, values));
    let shapes = compiled.get(db);
    if (!shapes) compiled.set(db, (shapes = new Map<string, Compiled<R> | null>()));
    const entries = Object.entries(values);
    const key = `${JSON.stringify(shape)}|${entries.map(([name, value]) => `${name}:${shapeOfValue(value)}`).join(',')}`;
    let known = shapes.get(key);
    if (known === undefined) {
      let next = 0;
      const placeholder = (value: unknown) =>
        Array.isArray(value) ? value.map(() => slotOf(next++)) : isValue(value) ? slotOf(next++) : value;
      const placeholders = Object.fromEntries(entries.map(([name, value]) => [name, placeholder(value)])) as V;
      known = compileWithSlots(() => build(db, shape, placeholders), next);
      if (shapes.size < MAX_SHAPES) shapes.set(key, known);
    }
    if (!known) return db.executeQuery(build(db, shape, values));
    const flat: unknown[] = [];
    for (const [, value] of entries) {
      if (Array.isArray(value)) flat.push(...(value as unknown[]));
      else if (isValue(value)) flat.push(value);
    }
    return run(db, known, flat);
  };
}

// missing, null and falsy values (which a builder may test) are shape, not placeholders
const isValue = (value: unknown) => Boolean(value) && !Array.isArray(value);

function shapeOfValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length}]`;
  return isValue(value) ? typeof value : `${typeof value}=${String(value)}`;
}
