// A list's state lives in its URL (L-1..L-4): the API's own filter names (`status=open,won`,
// `amount.gte=10000`, `q=AS%`, `letter=Ø`, `sort=-amount`) plus a few parameters that only the
// page reads (which saved view is applied, which activity view is shown). The API refuses unknown
// filters with a 400, so those few are taken out before the query goes to the server.

/** URL parameters the page reads itself; never sent to the API. */
export const UI_PARAMS = ['sv', 'view'] as const;

/** The text-search parameters (L-3): free text, subject only, note only. */
export const SEARCH_SCOPES = ['q', 'title', 'note'] as const;
export type SearchScope = (typeof SEARCH_SCOPES)[number];

/** The initial-letter bar: A–Z, then the Nordic letters (L-3). */
export const LETTERS = [...Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ'), 'Æ', 'Ø', 'Å', 'Ä', 'Ö'];

export type Comparison = 'gte' | 'lte' | 'eq' | 'ne';

/** The URL/API parameter of a comparison: `amount.gte`, or plain `amount` for equality. */
export function comparisonParam(field: string, op: Comparison): string {
  return op === 'eq' ? field : `${field}.${op}`;
}

/** Splits `amount.gte` into field and comparison; plain names are equality. */
export function parseParam(param: string): { field: string; op: Comparison } {
  const match = /^(.+)\.(gte|lte|ne)$/.exec(param);
  if (!match) return { field: param, op: 'eq' };
  return { field: match[1] as string, op: match[2] as Comparison };
}

/**
 * The API query of a list URL: every parameter except the page's own, with the sort filled in.
 * Keys come out sorted, so the same selection always gives the same query key and file URL.
 */
export function apiQuery(params: URLSearchParams, defaultSort: string, extraUiParams: readonly string[] = []): Record<string, string> {
  const skip = new Set<string>([...UI_PARAMS, ...extraUiParams]);
  const out: Record<string, string> = {};
  for (const [key, value] of params) {
    if (skip.has(key) || value === '') continue;
    out[key] = value;
  }
  if (!('sort' in out)) out.sort = defaultSort;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** The filters of a query without its sort: what a chip can remove one by one. */
export function filterEntries(query: Record<string, string>): [string, string][] {
  return Object.entries(query).filter(([key]) => key !== 'sort');
}

/** Which search scope the URL uses (the first one present), `q` when none. */
export function searchScopeOf(params: URLSearchParams): SearchScope {
  return SEARCH_SCOPES.find((scope) => params.has(scope)) ?? 'q';
}

/** Whether two queries hold the same filters and sort (a saved view is "changed" when not). */
export function sameQuery(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if ((a[key] ?? '') !== (b[key] ?? '')) return false;
  return true;
}

/** `status=open,won` → ['open', 'won']. */
export function splitValues(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** The export URL of the whole selection (L-6): same filters and sort as the list. */
export function exportUrl(
  resource: string,
  query: Record<string, string>,
  options: { format: 'csv' | 'xlsx' | 'pdf' | 'vcf'; delimiter?: 'comma' | 'semicolon'; lang: string; columns?: string[] },
): string {
  const params = new URLSearchParams(query);
  params.set('format', options.format);
  if (options.format !== 'vcf') params.set('lang', options.lang);
  if (options.delimiter === 'semicolon') params.set('delimiter', 'semicolon');
  if (options.columns && options.columns.length > 0 && options.format !== 'vcf') params.set('columns', options.columns.join(','));
  return `/api/${resource}/export?${params.toString()}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A day as a filter bound. Timestamps (created, updated) are compared as instants, so a day
 * becomes its first or last moment in the browser's time zone; plain dates stay `YYYY-MM-DD`.
 */
export function dayBound(day: string, end: 'from' | 'to', timestamp: boolean): string {
  if (!timestamp) return day;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const when = end === 'from' ? new Date(y, m - 1, d, 0, 0, 0, 0) : new Date(y, m - 1, d, 23, 59, 59, 999);
  return when.toISOString();
}

/** The day (`YYYY-MM-DD`, browser time zone) of a filter bound written by `dayBound`. */
export function dayOf(bound: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(bound)) return bound;
  const when = new Date(bound);
  if (Number.isNaN(when.getTime())) return bound;
  return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
}
