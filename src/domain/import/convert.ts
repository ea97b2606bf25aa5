// L-7: cells of an import file (text) → typed values, the way people write them in the Nordics:
// 1.234,50 and 1 234,50 and 1234.50; 31.12.2026, 31-12-2026, 31/12/2026 and 2026-12-31.

/**
 * Lower case for matching names and words. The Danish, Norwegian and Swedish lower case is the plain
 * Unicode one (only Turkish, Azeri and Lithuanian differ), and `toLowerCase` is ~10× faster than
 * `toLocaleLowerCase('da')`: an import of a million rows calls this several million times.
 */
export const fold = (text: string): string => text.toLowerCase();

export type Converted<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Converted<T> => ({ ok: true, value });
const fail = (message: string): Converted<never> => ({ ok: false, message });

/**
 * A number with a decimal comma or point and any thousands grouping; currency signs and units are
 * ignored. Nordic first: points in groups of three are thousands (1.500 = 1500), a comma is the
 * decimal mark; English grouping (1,234.50 or 1,000,000) is read too.
 */
export function toNumber(text: string): Converted<number> {
  let t = text
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/^(kr\.?|[a-z]{3}|€|\$)/i, '')
    .replace(/(kr\.?|,-|[a-z]{3}|€|%)$/i, '');
  // …but not after a lone 0: 0.333 is a third
  if (/^-?(?!0\.)\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+\.\d+$/.test(t) || /^-?\d{1,3}(,\d{3}){2,}$/.test(t)) t = t.replace(/,/g, '');
  else t = t.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return fail('must be a number');
  return ok(Number(t));
}

/** The currency an amount is written with ("SEK 12 500", "1.250,00 NOK", "€ 100"), if any. */
export function currencyOf(text: string): string | undefined {
  const t = text.trim();
  const code = /^([a-z]{3})\s*[-\d]/i.exec(t)?.[1] ?? /\d\s*([a-z]{3})$/i.exec(t)?.[1];
  if (code) return code.toUpperCase();
  return t.startsWith('€') || t.endsWith('€') ? 'EUR' : undefined;
}

/**
 * A date, with its time of day when the file gives one ("2026-03-01 14:22" as a CRM export writes
 * when a record was created): 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM[:SS]'.
 */
export function toDateTime(text: string, monthFirst = false): Converted<string> {
  const date = toDate(text, monthFirst);
  if (!date.ok) return date;
  const time = /[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(am|pm)?/i.exec(text.trim());
  if (!time) return date;
  let hours = Number(time[1]);
  if (time[4]) hours = (hours % 12) + (time[4].toLowerCase() === 'pm' ? 12 : 0);
  if (hours > 23 || Number(time[2]) > 59 || Number(time[3] ?? 0) > 59) return fail('is not a real time of day');
  return ok(`${date.value} ${String(hours).padStart(2, '0')}:${time[2]}:${time[3] ?? '00'}`);
}

/** A date as YYYY-MM-DD; day-first unless `monthFirst` (US exports: Salesforce, HubSpot). */
export function toDate(text: string, monthFirst = false): Converted<string> {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/.exec(t);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T].*)?$/.exec(t);
    if (!match) return fail('must be a date such as 2026-12-31 or 31.12.2026');
    const [a, b] = [Number(match[1]), Number(match[2])];
    [y, m, d] = monthFirst && t.includes('/') ? [Number(match[3]), a, b] : [Number(match[3]), b, a];
  }
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return fail('is not a real date');
  return ok(`${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`);
}

const daysIn = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

const YES = ['1', 'x', 'yes', 'y', 'true', 'ja', 'j', 'sand', 'sant', 'primary'];
const NO = ['0', '', 'no', 'n', 'false', 'nej', 'nei', 'falsk', 'usant', 'falskt'];

export function toBoolean(text: string): Converted<boolean> {
  const t = fold(text.trim());
  if (YES.includes(t)) return ok(true);
  if (NO.includes(t)) return ok(false);
  return fail('must be yes or no');
}

const STATUS: Record<string, 'open' | 'won' | 'lost' | 'expired'> = {};
for (const [status, words] of Object.entries({
  open: ['open', 'åben', 'åpen', 'öppen', 'ikke afgjort', 'ikke avgjort', 'in progress'],
  won: ['won', 'vundet', 'vunnet', 'vunnen', 'closed won', 'closedwon', 'stängd vunnen'],
  lost: ['lost', 'tabt', 'tapt', 'förlorad', 'tappad', 'closed lost', 'closedlost', 'stängd tappad'],
  expired: ['expired', 'udløbet', 'utløpt', 'utgången', 'utgått'],
}) as [keyof typeof STATUS, string[]][]) {
  for (const word of words) STATUS[word] = status as 'open' | 'won' | 'lost' | 'expired';
}

export function toStatus(text: string): Converted<'open' | 'won' | 'lost' | 'expired'> {
  const status = STATUS[fold(text.trim())];
  return status ? ok(status) : fail('must be open, won, lost or expired');
}

const PRIORITY: Record<string, 'low' | 'normal' | 'high'> = {
  low: 'low',
  lav: 'low',
  låg: 'low',
  normal: 'normal',
  medium: 'normal',
  high: 'high',
  høj: 'high',
  høy: 'high',
  hög: 'high',
};

export function toPriority(text: string): Converted<'low' | 'normal' | 'high'> {
  const priority = PRIORITY[fold(text.trim())];
  return priority ? ok(priority) : fail('must be low, normal or high');
}

/** "Anna Marie Hansen" → first "Anna Marie", last "Hansen"; "Hansen, Anna" → first "Anna", last "Hansen". */
export function splitName(full: string): { firstName: string; lastName: string } {
  const t = full.trim().replace(/\s+/g, ' ');
  if (t.includes(',')) {
    const [last, first] = t.split(',', 2).map((part) => part.trim());
    return { firstName: first ?? '', lastName: last ?? '' };
  }
  const at = t.lastIndexOf(' ');
  return at < 0 ? { firstName: '', lastName: t } : { firstName: t.slice(0, at), lastName: t.slice(at + 1) };
}

// country names as the Nordic and English exports write them, from the runtime's own (ICU) names
const COUNTRIES = new Map<string, string>();
{
  const languages = ['en', 'da', 'nb', 'nn', 'sv', 'fi', 'de', 'is'].map(
    (language) => new Intl.DisplayNames([language], { type: 'region' }),
  );
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  // withdrawn codes (East Germany, Yugoslavia …) and groupings, which ICU names too
  const notCountries = new Set(['DD', 'YU', 'CS', 'SU', 'ZR', 'TP', 'BU', 'FX', 'NT', 'QO', 'EU', 'EZ', 'UN', 'XA', 'XB', 'ZZ']);
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      if (notCountries.has(code)) continue;
      for (const names of languages) {
        const name = names.of(code);
        if (name && name !== code && !COUNTRIES.has(fold(name))) COUNTRIES.set(fold(name), code);
      }
    }
  }
  const others: Record<string, string> = {
    DNK: 'DK',
    NOR: 'NO',
    SWE: 'SE',
    FIN: 'FI',
    ISL: 'IS',
    DEU: 'DE',
    GBR: 'GB',
    USA: 'US',
    NLD: 'NL',
    FRA: 'FR',
    POL: 'PL',
    EST: 'EE',
    LVA: 'LV',
    LTU: 'LT',
    'united states of america': 'US',
    uk: 'GB',
    'great britain': 'GB',
    england: 'GB',
    holland: 'NL',
    'the netherlands': 'NL',
    norwegen: 'NO',
  };
  for (const [name, code] of Object.entries(others)) COUNTRIES.set(fold(name), code);
}

/** A country as its ISO 3166 two-letter code, from a code ("no", "NOR") or a name in English, Danish, Norwegian, Swedish, Finnish, German or Icelandic. */
export function toCountry(text: string): Converted<string> {
  const t = text.trim();
  if (/^[a-z]{2}$/i.test(t)) return ok(t.toUpperCase());
  const code = COUNTRIES.get(fold(t.replace(/\s+/g, ' ')));
  return code ? ok(code) : fail('must be a country code (DK, NO, SE …) or a country name');
}

/**
 * An address written on one line, as Pipedrive exports it ("Havnen 1, 5970 Ærøskøbing, Denmark"):
 * the street, then the postal code with the city, then the country; parts it cannot tell stay in the street.
 */
export function splitAddress(full: string): { street: string; postalCode?: string; city?: string; country?: string } {
  const parts = full
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const out: { street: string; postalCode?: string; city?: string; country?: string } = { street: parts[0] ?? '' };
  const rest = parts.slice(1);
  const last = rest.at(-1);
  const country = last ? toCountry(last) : undefined;
  if (country?.ok && !/^[a-z]{2}$/i.test(last ?? '')) {
    out.country = country.value;
    rest.pop();
  }
  const place = rest.length ? /^(?:[A-Z]{1,2}-)?(\d{3,5}(?: \d{2})?)\s+(.+)$/.exec(rest[rest.length - 1] as string) : null;
  if (place) {
    out.postalCode = place[1];
    out.city = place[2];
    rest.pop();
  }
  if (rest.length) out.street = [out.street, ...rest].join(', ');
  return out;
}
