// Numbers, money and dates per language (SPEC U-8): Nordic money reads `1 920 000,00 kr`.
import type { Language } from '../api/types.ts';

const LOCALES: Record<Language, string> = { en: 'en-GB', da: 'da-DK', nb: 'nb-NO', sv: 'sv-SE' };
// the currency a Nordic reader writes as plain "kr"
const HOME_CURRENCY: Partial<Record<Language, string>> = { da: 'DKK', nb: 'NOK', sv: 'SEK' };
const NBSP = '\u00a0';

export function toLanguage(value: string | null | undefined): Language {
  const short = (value ?? '').slice(0, 2).toLowerCase();
  if (short === 'da' || short === 'sv' || short === 'en') return short;
  if (short === 'nb' || short === 'no' || short === 'nn') return 'nb';
  return 'en';
}

export function localeOf(language: Language): string {
  return LOCALES[language];
}

function isNordic(language: Language): boolean {
  return language !== 'en';
}

// Danish CLDR groups thousands with "." and some ICU builds use a narrow no-break space for
// Norwegian and Swedish; the Nordic form used across Trakt is a no-break space, comma decimals
// and a plain hyphen for minus, the same in every browser.
function join(parts: Intl.NumberFormatPart[], language: Language, currency?: string): string {
  return parts
    .map((part) => {
      if (part.type === 'minusSign') return '-';
      if (!isNordic(language)) return part.value;
      if (part.type === 'group') return NBSP;
      if (part.type === 'decimal') return ',';
      if (part.type === 'literal' && /^\s+$/u.test(part.value)) return NBSP;
      if (part.type === 'currency' && currency === HOME_CURRENCY[language]) return 'kr';
      return part.value;
    })
    .join('');
}

/** Money with 2 decimals: `1 920 000,00 kr` (da, nb, sv in their own currency), `DKK 1,920,000.00` (en). */
export function formatMoney(amount: number | null | undefined, currency: string, language: Language): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return '';
  const format = new Intl.NumberFormat(localeOf(language), {
    style: 'currency',
    currency,
    currencyDisplay: 'symbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return join(format.formatToParts(amount), language, currency);
}

/** A plain number with the language's separators, `fractionDigits` decimals at most. */
export function formatNumber(value: number | null | undefined, language: Language, fractionDigits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  const format = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: fractionDigits });
  return join(format.formatToParts(value), language);
}

/** A percentage given as 0–100: `25 %` in Nordic languages, `25%` in English. */
export function formatPercent(value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  const number = formatNumber(value, language, 2);
  return isNordic(language) ? `${number}${NBSP}%` : `${number}%`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date `YYYY-MM-DD`: `05.03.2026` (da, nb), `2026-03-05` (sv), `5 Mar 2026` (en). */
export function formatDate(date: string | null | undefined, language: Language): string {
  if (!date) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  const [, y, m, d] = match;
  if (language === 'sv') return `${y}-${m}-${d}`;
  if (language === 'da' || language === 'nb') return `${d}.${m}.${y}`;
  // UTC on both sides, so no time zone can move the day
  const utc = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(utc);
}

/** A timestamp in the browser's time zone: the date as formatDate, then `HH:mm`. */
export function formatDateTime(timestamp: string | null | undefined, language: Language, timeZone?: string): string {
  if (!timestamp) return '';
  const when = new Date(timestamp);
  if (Number.isNaN(when.getTime())) return timestamp;
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(when);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  return `${formatDate(date, language)} ${pad(Number(get('hour')))}:${get('minute')}`;
}

/** The dayjs pattern the date inputs show and accept, matching formatDate. */
export function dateInputFormat(language: Language): string {
  if (language === 'sv') return 'YYYY-MM-DD';
  if (language === 'da' || language === 'nb') return 'DD.MM.YYYY';
  return 'D MMM YYYY';
}
