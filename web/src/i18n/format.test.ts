import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent, toLanguage } from './format';

const NBSP = '\u00a0';
const nordic = (text: string) => text.replaceAll(' ', NBSP);

describe('formatMoney', () => {
  it.each([
    ['da', 'DKK', '1 920 000,00 kr'],
    ['nb', 'NOK', '1 920 000,00 kr'],
    ['sv', 'SEK', '1 920 000,00 kr'],
    ['da', 'NOK', '1 920 000,00 NOK'],
    ['nb', 'SEK', '1 920 000,00 SEK'],
    ['da', 'EUR', '1 920 000,00 €'],
    ['sv', 'EUR', '1 920 000,00 €'],
  ] as const)('%s %s', (language, currency, expected) => {
    expect(formatMoney(1920000, currency, language)).toBe(nordic(expected));
  });

  it('uses English grouping and the currency code in English', () => {
    expect(formatMoney(1920000, 'DKK', 'en')).toBe(`DKK${NBSP}1,920,000.00`);
    expect(formatMoney(1920000, 'EUR', 'en')).toBe('€1,920,000.00');
  });

  it('writes cents and negative amounts', () => {
    expect(formatMoney(-1234.5, 'DKK', 'da')).toBe(nordic('-1 234,50 kr'));
    expect(formatMoney(0.1 + 0.2, 'SEK', 'sv')).toBe(nordic('0,30 kr'));
  });

  it('leaves a missing amount empty', () => {
    expect(formatMoney(null, 'DKK', 'da')).toBe('');
    expect(formatMoney(undefined, 'DKK', 'en')).toBe('');
  });
});

describe('formatNumber and formatPercent', () => {
  it('groups and rounds per language', () => {
    expect(formatNumber(1234567.891, 'nb')).toBe(nordic('1 234 567,89'));
    expect(formatNumber(1234567.891, 'en')).toBe('1,234,567.89');
    expect(formatNumber(42, 'da')).toBe('42');
  });

  it('puts a space before % in Nordic languages only', () => {
    expect(formatPercent(25, 'sv')).toBe(nordic('25 %'));
    expect(formatPercent(12.5, 'da')).toBe(nordic('12,5 %'));
    expect(formatPercent(25, 'en')).toBe('25%');
  });
});

describe('formatDate', () => {
  it.each([
    ['da', '05.03.2026'],
    ['nb', '05.03.2026'],
    ['sv', '2026-03-05'],
    ['en', '5 Mar 2026'],
  ] as const)('%s', (language, expected) => {
    expect(formatDate('2026-03-05', language)).toBe(expected);
  });

  it('never shifts the day, whatever the time zone', () => {
    expect(formatDate('2026-01-01', 'en')).toBe('1 Jan 2026');
    expect(formatDate('2025-12-31', 'da')).toBe('31.12.2025');
  });

  it('formats timestamps in the given time zone', () => {
    expect(formatDateTime('2026-03-05T23:30:00Z', 'da', 'Europe/Copenhagen')).toBe('06.03.2026 00:30');
    expect(formatDateTime('2026-03-05T23:30:00Z', 'sv', 'UTC')).toBe('2026-03-05 23:30');
    expect(formatDateTime('2026-07-01T08:05:00Z', 'en', 'Europe/Oslo')).toBe('1 Jul 2026 10:05');
  });
});

describe('toLanguage', () => {
  it('maps browser languages to the four UI languages', () => {
    expect(toLanguage('da-DK')).toBe('da');
    expect(toLanguage('no')).toBe('nb');
    expect(toLanguage('nn-NO')).toBe('nb');
    expect(toLanguage('sv')).toBe('sv');
    expect(toLanguage('de-DE')).toBe('en');
    expect(toLanguage(undefined)).toBe('en');
  });
});
