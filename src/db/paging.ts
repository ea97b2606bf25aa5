// Keyset pagination (SPEC L-1): a page ends with a cursor holding the last row's sort key and id,
// and the next page starts strictly after it, so page 10 000 costs the same as page 1.
import { sql, type RawBuilder } from 'kysely';
import { invalid } from '../domain/errors.ts';

export type SortColumn = {
  /** SQL expression sorted on, e.g. sql`lower(c.name)`; should match an index `(expr, id)`. */
  expr: RawBuilder<unknown>;
  nullable: boolean;
  /** No two rows share a value (e.g. the opportunity number): its own unique index orders a page. */
  unique?: boolean;
  /** A text expression (see searchOrder). */
  text?: boolean;
};

/**
 * The same order for a text search, but not readable from the sort index: PostgreSQL then finds the
 * matches through the trigram indexes and sorts only those. Walking the sort index and filtering is
 * slow when the matches cluster in sort order ("fjord" in names sorted by name: 52 000 rows read for 50).
 */
export const searchOrder = (column: SortColumn): SortColumn => (column.text ? { ...column, expr: sql`(${column.expr} || '')` } : column);

export type Sort = { field: string; direction: 'asc' | 'desc' };

/** `name` → ascending, `-name` → descending; refuses fields the resource cannot sort by. */
export function parseSort(value: string | undefined, allowed: readonly string[], fallback: Sort): Sort {
  if (!value) return fallback;
  const direction = value.startsWith('-') ? 'desc' : 'asc';
  const field = value.replace(/^[-+]/, '');
  if (!allowed.includes(field)) throw invalid('sort', `cannot sort by "${field}"; one of: ${allowed.join(', ')}`);
  return { field, direction };
}

type Cursor = { f: string; d: 'asc' | 'desc'; v: string | null; id: number };

export function encodeCursor(sort: Sort, value: string | null, id: number): string {
  const cursor: Cursor = { f: sort.field, d: sort.direction, v: value, id };
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(token: string | undefined, sort: Sort): Cursor | null {
  if (!token) return null;
  try {
    const cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Cursor;
    if (
      cursor.f === sort.field &&
      cursor.d === sort.direction &&
      Number.isInteger(cursor.id) &&
      (cursor.v === null || typeof cursor.v === 'string')
    ) {
      return cursor;
    }
  } catch {
    // fall through to the error below
  }
  throw invalid('cursor', 'is not a cursor of this list and sort order');
}

/**
 * The WHERE condition that starts a page after `cursor`, and the ORDER BY that goes with it.
 * Nulls sort last in both directions. Cursor values travel as text and are compared after an
 * implicit cast to the column's type, so timestamps keep their microseconds.
 */
export function keyset(column: SortColumn, id: RawBuilder<unknown>, sort: Sort, cursor: Cursor | null) {
  const asc = sort.direction === 'asc';
  const order = asc ? sql`${column.expr} ASC NULLS LAST, ${id} ASC` : sql`${column.expr} DESC NULLS LAST, ${id} DESC`;
  if (!cursor) return { where: sql<boolean>`true`, order };
  const after = asc ? sql`>` : sql`<`;
  if (cursor.v === null) return { where: sql<boolean>`(${column.expr} IS NULL AND ${id} ${after} ${cursor.id})`, order };
  const rowAfter = sql<boolean>`(${column.expr}, ${id}) ${after} (${cursor.v}, ${cursor.id})`;
  return { where: column.nullable ? sql<boolean>`(${rowAfter} OR ${column.expr} IS NULL)` : rowAfter, order };
}

/** Cuts the extra row fetched to learn whether there is a next page, and makes its cursor. */
export function pageOf<T extends { id: number; sortKey: string | null }>(rows: T[], limit: number, sort: Sort) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeCursor(sort, last.sortKey, last.id) : null };
}

type PageQuery<R> = (where: RawBuilder<boolean>, order: RawBuilder<unknown>, limit: number) => Promise<R[]>;

/**
 * A page is read in parts, each a plain range scan of an index `(expr, id)`: `rows` on a column
 * without nulls; on a nullable one first its `values` (in either direction), then its `nulls` by id.
 * One `ORDER BY expr DESC NULLS LAST` over an ascending index would sort the whole table.
 */
export type PagePart = 'rows' | 'values' | 'nulls';

/** The WHERE condition and ORDER BY of one part of the page after `cursor`. */
export function pagePart(column: SortColumn, id: RawBuilder<unknown>, sort: Sort, part: PagePart, cursor: Pick<Cursor, 'v' | 'id'> | null) {
  const asc = sort.direction === 'asc';
  const direction = asc ? sql`ASC` : sql`DESC`;
  const after = asc ? sql`>` : sql`<`;
  const rowAfter = cursor ? sql<boolean>`(${column.expr}, ${id}) ${after} (${cursor.v}, ${cursor.id})` : sql<boolean>`true`;
  if (part === 'nulls') {
    const start = cursor && cursor.v === null ? sql<boolean>`${id} ${after} ${cursor.id}` : sql<boolean>`true`;
    return { where: sql<boolean>`${column.expr} IS NULL AND ${start}`, order: sql`${id} ${direction}` };
  }
  if (part === 'values')
    return { where: sql<boolean>`${column.expr} IS NOT NULL AND ${rowAfter}`, order: sql`${column.expr} ${direction}, ${id} ${direction}` };
  // no NULLS LAST here: on a column without nulls, plain DESC is what a backward index scan gives
  if (column.unique)
    return {
      where: cursor ? sql<boolean>`${column.expr} ${after} ${cursor.v}` : sql<boolean>`true`,
      order: sql`${column.expr} ${direction}`,
    };
  return { where: rowAfter, order: sql`${column.expr} ${direction}, ${id} ${direction}` };
}

/**
 * One keyset page, `query(part, n)` reading up to n rows of each part in turn (see PagePart); for a
 * query compiled once per part (compilePerShape), which builds its part with pagePart.
 */
export async function readPageParts<R extends { id: number; sortKey: string | null }>(
  nullable: boolean,
  sort: Sort,
  cursor: Cursor | null,
  limit: number,
  query: (part: PagePart, limit: number) => Promise<R[]>,
) {
  if (!nullable) return pageOf(await query('rows', limit + 1), limit, sort);
  const rows: R[] = [];
  if (!cursor || cursor.v !== null) rows.push(...(await query('values', limit + 1)));
  if (rows.length <= limit) rows.push(...(await query('nulls', limit + 1 - rows.length)));
  return pageOf(rows, limit, sort);
}

/** One keyset page after `cursor`, `query` reading each part (see PagePart) with its condition and order. */
export function readPage<R extends { id: number; sortKey: string | null }>(
  column: SortColumn,
  id: RawBuilder<unknown>,
  sort: Sort,
  cursor: Cursor | null,
  limit: number,
  query: PageQuery<R>,
) {
  return readPageParts(column.nullable, sort, cursor, limit, (part, n) => {
    const { where, order } = pagePart(column, id, sort, part, cursor);
    return query(where, order, n);
  });
}
