import { describe, expect, it } from 'vitest';
import { currencyOf, splitAddress, splitName, toBoolean, toCountry, toDate, toDateTime, toNumber, toStatus } from './convert.ts';

describe('import value conversion (L-7)', () => {
  it.each([
    ['1234.50', 1234.5],
    ['1234,50', 1234.5],
    ['1.234,50', 1234.5],
    ['1 234,50', 1234.5],
    ['1,234.50', 1234.5],
    ['1.000.000', 1000000],
    ['1,000,000', 1000000],
    ['12,345', 12.345],
    ['1.250', 1250],
    ['1.25', 1.25],
    ['kr 1.500,-', 1500],
    ['25%', 25],
    ['-12,5', -12.5],
    ['0.333', 0.333],
    ['SEK 12 500', 12500],
    ['1,250,000.00 USD', 1250000],
  ])('number %j → %j', (text, value) => {
    expect(toNumber(text)).toEqual({ ok: true, value });
  });

  it.each(['abc', '1,2,3', '12..5', ''])('refuses %j as a number', (text) => {
    expect(toNumber(text).ok).toBe(false);
  });

  it.each([
    ['2026-12-31', false, '2026-12-31'],
    ['31.12.2026', false, '2026-12-31'],
    ['31-12-2026', false, '2026-12-31'],
    ['05/04/2026', false, '2026-04-05'],
    ['05/04/2026', true, '2026-05-04'],
    ['2026-03-01 10:30', false, '2026-03-01'],
    ['1.2.2026', false, '2026-02-01'],
    ['29.02.2028', false, '2028-02-29'],
    ['2000-02-29', false, '2000-02-29'],
    ['30.04.2026', false, '2026-04-30'],
  ])('date %j (month first %s) → %j', (text, monthFirst, value) => {
    expect(toDate(text, monthFirst)).toEqual({ ok: true, value });
  });

  it.each(['31.02.2026', '2026-13-01', 'tomorrow', '29.02.2026', '29.02.2100', '31.04.2026', '00.01.2026', '2026-00-10'])(
    'refuses %j as a date',
    (text) => {
      expect(toDate(text).ok).toBe(false);
    },
  );

  it('reads yes/no, statuses and names in the Nordic languages', () => {
    expect(toBoolean('Ja')).toEqual({ ok: true, value: true });
    expect(toBoolean('nej')).toEqual({ ok: true, value: false });
    expect(toBoolean('kanskje').ok).toBe(false);
    expect(toStatus('Vundet')).toEqual({ ok: true, value: 'won' });
    expect(toStatus('Closed Lost')).toEqual({ ok: true, value: 'lost' });
    expect(toStatus('Utgången')).toEqual({ ok: true, value: 'expired' });
    expect(toStatus('maybe').ok).toBe(false);
    expect(splitName('Anna Marie Hansen')).toEqual({ firstName: 'Anna Marie', lastName: 'Hansen' });
    expect(splitName('Østergård, Åsa')).toEqual({ firstName: 'Åsa', lastName: 'Østergård' });
    expect(splitName('Cher')).toEqual({ firstName: '', lastName: 'Cher' });
  });
});

describe('what CRM exports write (L-7, issue 18)', () => {
  it.each([
    ['Norway', 'NO'],
    ['Norge', 'NO'],
    ['Sverige', 'SE'],
    ['Danmark', 'DK'],
    ['Denmark', 'DK'],
    ['dk', 'DK'],
    ['NOR', 'NO'],
    ['Suomi', 'FI'],
    ['Tyskland', 'DE'],
    ['Deutschland', 'DE'],
    ['Ísland', 'IS'],
    ['Færøerne', 'FO'],
    ['United Kingdom', 'GB'],
    ['  sverige ', 'SE'],
  ])('country %j → %j', (text, code) => {
    expect(toCountry(text)).toEqual({ ok: true, value: code });
  });

  it.each(['Atlantis', 'Unknown Region', 'Nor way'])('refuses %j as a country', (text) => {
    expect(toCountry(text).ok).toBe(false);
  });

  it.each([
    ['SEK 12 500', 'SEK'],
    ['1.250,00 NOK', 'NOK'],
    ['€ 100', 'EUR'],
    ['100 kr', undefined],
    ['12', undefined],
  ])('the currency of %j is %j', (text, currency) => {
    expect(currencyOf(text)).toBe(currency);
  });

  it.each([
    ['Havnen 1, 5970 Ærøskøbing, Denmark', { street: 'Havnen 1', postalCode: '5970', city: 'Ærøskøbing', country: 'DK' }],
    ['Drottninggatan 1, 111 51 Stockholm, Sverige', { street: 'Drottninggatan 1', postalCode: '111 51', city: 'Stockholm', country: 'SE' }],
    ['c/o Hansen, Bygade 3, 8000 Aarhus C', { street: 'c/o Hansen, Bygade 3', postalCode: '8000', city: 'Aarhus C' }],
    ['Bygade 3', { street: 'Bygade 3' }],
  ])('splits the address %j', (text, parts) => {
    expect(splitAddress(text)).toEqual(parts);
  });

  it.each([
    ['2026-03-01 14:22:05', false, '2026-03-01 14:22:05'],
    ['3/1/2026 2:22 PM', true, '2026-03-01 14:22:00'],
    ['01.03.2026', false, '2026-03-01'],
    ['2026-01-05T08:30:00.000Z', false, '2026-01-05 08:30:00'],
  ])('date and time %j → %j', (text, monthFirst, value) => {
    expect(toDateTime(text, monthFirst)).toEqual({ ok: true, value });
  });
});
