// Building and compiling a Kysely query (the operation tree, the CamelCase plugin's renaming, the SQL
// text) costs about 0.1 ms: more than the round trip of a one-row look-up. Queries that every request
// sends and whose SQL never changes (the signed-in user's token or session) are compiled once per
// database handle; each call only puts its own values into the parameters.
import { createQueryId, type Compilable, type CompiledQuery, type QueryResult } from 'kysely';
import type { Db } from './schema.ts';

const slotOf = (i: number) => `\u0000compile-once:${i}\u0000`;

/**
 * `build(db, ...args)` is called with placeholder args once per handle; every arg must land in exactly
 * one parameter of the compiled query (not in the SQL text), else the query is built on every call.
 */
export function compileOnce<A extends unknown[], R>(build: (db: Db, ...args: A) => Compilable<R>): (db: Db, ...args: A) => Promise<QueryResult<R>> {
  const compiled = new WeakMap<Db, { query: CompiledQuery<R>; slots: number[] } | null>();
  return (db, ...args) => {
    let known = compiled.get(db);
    if (known === undefined) {
      const query = build(db, ...(args.map((_, i) => slotOf(i)) as A)).compile();
      const slots = args.map((_, i) => query.parameters.indexOf(slotOf(i)));
      const once = slots.every((at, i) => at >= 0 && query.parameters.lastIndexOf(slotOf(i)) === at) && !args.some((_, i) => query.sql.includes(slotOf(i)));
      known = once ? { query, slots } : null;
      compiled.set(db, known);
    }
    if (!known) return db.executeQuery(build(db, ...args));
    const parameters = [...known.query.parameters];
    known.slots.forEach((at, i) => {
      parameters[at] = args[i];
    });
    return db.executeQuery<R>({ ...known.query, queryId: createQueryId(), parameters });
  };
}
