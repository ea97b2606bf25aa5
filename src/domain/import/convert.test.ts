import { describe, expect, it } from 'vitest';
import { splitName, toBoolean, toDate, toNumber, toStatus } from './convert.ts';

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

  it.each(['31.02.2026', '2026-13-01', 'tomorrow', '29.02.2026', '29.02.2100', '31.04.2026', '00.01.2026', '2026-00-10'])('refuses %j as a date', (text) => {
    expect(toDate(text).ok).toBe(false);
  });

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
