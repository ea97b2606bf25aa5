import { describe, expect, it } from 'vitest';
import { makeOrgNumber, validateOrgNumber } from './org-number.ts';

// Every "valid" number below was checked by hand; the arithmetic is in the comment.
// The company names are for orientation only; what the tests rely on is the checksum.

describe('validateOrgNumber, Denmark (CVR, weights 2 7 6 5 4 3 2 1, sum mod 11 = 0)', () => {
  it.each([
    // 2·2+4·7+2·6+5·5+6·4+7·3+9·2+0·1 = 4+28+12+25+24+21+18+0 = 132 = 12·11 (Novo Nordisk A/S)
    ['24256790', '24256790'],
    // 6·2+1·7+0·6+5·5+6·4+4·3+1·2+6·1 = 12+7+0+25+24+12+2+6 = 88 = 8·11 (Carlsberg A/S)
    ['61056416', '61056416'],
    // 2·2+2·7+7·6+5·5+6·4+2·3+1·2+4·1 = 4+14+42+25+24+6+2+4 = 121 = 11·11 (A.P. Møller - Mærsk A/S)
    ['22756214', '22756214'],
    // 1·2+0+1·6+5·5+0+8·3+1·2+7·1 = 2+6+25+24+2+7 = 66 = 6·11
    ['10150817', '10150817'],
    // the VAT form and grouping spaces are accepted
    ['DK 24 25 67 90', '24256790'],
    ['dk24256790', '24256790'],
    ['  61056416 ', '61056416'],
  ])('%s is valid and formatted as %s', (input, formatted) => {
    expect(validateOrgNumber('DK', input)).toEqual({ ok: true, normalized: formatted, formatted });
  });

  it.each([
    // 10150818: sum 67, 67 mod 11 = 1
    ['10150818', 'check digit'],
    // 12345678: sum 114, 114 mod 11 = 4
    ['12345678', 'check digit'],
    // 01234560: sum 77 = 7·11 passes modulus 11, but CVR numbers never start with 0
    ['01234560', 'start with 0'],
    ['2425679', '8 digits'],
    ['242567900', '8 digits'],
    ['2425679O', 'only digits'],
    ['   ', 'empty'],
  ])('%s is refused (%s)', (input, reason) => {
    const result = validateOrgNumber('DK', input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('validateOrgNumber, Norway (org.nr, weights 3 2 7 6 5 4 3 2, check = 11 − sum mod 11)', () => {
  it.each([
    // 9·3+2·2+3·7+6·6+0·5+9·4+0·3+1·2 = 27+4+21+36+0+36+0+2 = 126; 126 mod 11 = 5; 11−5 = 6 (Equinor ASA)
    ['923609016', '923 609 016'],
    // 27+16+28+48+25+4+0+0 = 148; 148 mod 11 = 5; 11−5 = 6 (DNB Bank ASA)
    ['984851006', '984 851 006'],
    // 27+16+14+24+30+12+21+2 = 146; 146 mod 11 = 3; 11−3 = 8 (Telenor ASA)
    ['982463718', '982 463 718'],
    // 27+2+28+42+35+32+6+14 = 186; 186 mod 11 = 10; 11−10 = 1 (Norsk Hydro ASA)
    ['914778271', '914 778 271'],
    // constructed: 27+4+21+36+0+36+2·3+2 = 132 = 12·11, remainder 0 → check digit 0 (11 counts as 0)
    ['923609210', '923 609 210'],
    ['NO 923609016 MVA', '923 609 016'],
    ['no923609016mva', '923 609 016'],
    ['923 609 016', '923 609 016'],
  ])('%s is valid and formatted as "%s"', (input, formatted) => {
    expect(validateOrgNumber('NO', input)).toEqual({ ok: true, normalized: formatted.replace(/ /g, ''), formatted });
  });

  it.each([
    // 923609017: the check digit must be 6
    ['923609017', 'check digit'],
    // 92360921x: remainder 0, so only 0 is right
    ['923609211', 'check digit'],
    // 123456789: sum 3+4+21+24+25+24+21+16 = 138; 138 mod 11 = 6; check 5, not 9
    ['123456789', 'check digit'],
    // 92360961x: sum 126+6·3 = 144; 144 mod 11 = 1 → check 10, so no last digit can be right
    ['923609610', 'check digit'],
    ['923609619', 'check digit'],
    ['92360901', '9 digits'],
    ['9236090166', '9 digits'],
    ['NO 923609016 VAT', 'only digits'],
  ])('%s is refused (%s)', (input, reason) => {
    const result = validateOrgNumber('NO', input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('validateOrgNumber, Sweden (organisationsnummer, Luhn on all 10 digits)', () => {
  it.each([
    // Luhn: double the 1st, 3rd, … 9th digit (subtract 9 when over 9), add all 10; the sum must end in 0
    // 5560360793: 5·2=10→1, 5, 6·2=12→3, 0, 3·2=6, 6, 0, 7, 9·2=18→9, 3 → 1+5+3+0+6+6+0+7+9+3 = 40
    ['5560360793', '556036-0793'],
    // 5560125790: 1+5+3+0+2+2+1+7+9+0 = 30 (AB Volvo)
    ['556012-5790', '556012-5790'],
    // 5560160680: 1+5+3+0+2+6+0+6+7+0 = 30 (8·2=16→7) (Telefonaktiebolaget L M Ericsson)
    ['556016-0680', '556016-0680'],
    // 5560427220: 1+5+3+0+8+2+5+2+4+0 = 30 (7·2=14→5) (H & M Hennes & Mauritz AB)
    ['5560427220', '556042-7220'],
    ['SE556036079301', '556036-0793'],
    ['se 556036-0793 01', '556036-0793'],
    ['16556036-0793', '556036-0793'],
    ['165560360793', '556036-0793'],
  ])('%s is valid and formatted as %s', (input, formatted) => {
    expect(validateOrgNumber('SE', input)).toEqual({ ok: true, normalized: formatted.replace('-', ''), formatted });
  });

  it.each([
    // 5560360794: Luhn sum 41 (40 for …0793, plus 1)
    ['556036-0794', 'check digit'],
    // 1234567890: Luhn sum 2+2+6+4+1+6+5+8+9+0 = 43 (5·2=10→1, 7·2=14→5, 9·2=18→9)
    ['1234567890', 'check digit'],
    ['SE556036079302', 'SE followed by 10 digits and 01'],
    ['SE5560360793', 'SE followed by 10 digits and 01'],
    ['195560360793', 'starts with 16'],
    ['55603607', '10 digits'],
    ['556036-079', '10 digits'],
    ['556036/0793', 'only digits'],
  ])('%s is refused (%s)', (input, reason) => {
    const result = validateOrgNumber('SE', input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('validateOrgNumber, other countries', () => {
  it('accepts any non-empty text, trimmed, without a checksum', () => {
    expect(validateOrgNumber('DE', ' HRB 12345 B ')).toEqual({ ok: true, normalized: 'HRB 12345 B', formatted: 'HRB 12345 B' });
    expect(validateOrgNumber('FI', '0112038-9')).toEqual({ ok: true, normalized: '0112038-9', formatted: '0112038-9' });
  });

  it('refuses an empty number', () => {
    expect(validateOrgNumber('FI', '  ').ok).toBe(false);
  });

  it('reads the country code case-insensitively', () => {
    expect(validateOrgNumber('no', '923609016')).toEqual({ ok: true, normalized: '923609016', formatted: '923 609 016' });
    expect(validateOrgNumber('se', '1234567890').ok).toBe(false);
  });
});

describe('makeOrgNumber', () => {
  it.each(['DK', 'NO', 'SE'])('makes valid %s numbers, already formatted', (country) => {
    for (let base = 0; base < 2000; base++) {
      const made = makeOrgNumber(country, base);
      const result = validateOrgNumber(country, made);
      expect(result, `${country} ${base}: ${made}`).toMatchObject({ ok: true, formatted: made });
    }
  });

  it('gives the same number for the same seed and different numbers for different seeds', () => {
    expect(makeOrgNumber('SE', 42)).toBe(makeOrgNumber('SE', 42));
    for (const country of ['DK', 'NO', 'SE', 'FI', 'DE']) {
      const made = new Set(Array.from({ length: 500 }, (_, base) => makeOrgNumber(country, base)));
      expect(made.size, country).toBeGreaterThan(490);
    }
  });

  it('makes Finnish business ids with a valid check digit', () => {
    // Y-tunnus: weights 7 9 10 5 8 4 2; remainder 0 → 0, otherwise 11 − remainder
    for (let base = 0; base < 200; base++) {
      const [body = '', check = ''] = makeOrgNumber('FI', base).split('-');
      const remainder = [7, 9, 10, 5, 8, 4, 2].reduce((sum, weight, i) => sum + weight * Number(body[i]), 0) % 11;
      expect(body).toMatch(/^[1-9][0-9]{6}$/);
      expect(Number(check)).toBe(remainder === 0 ? 0 : 11 - remainder);
    }
  });

  it('pins a few numbers so demo data stays the same between versions', () => {
    expect([makeOrgNumber('DK', 1), makeOrgNumber('NO', 1), makeOrgNumber('SE', 1)]).toEqual(
      // DK 2+7+6+10+24+12+16+0 = 77 = 7·11; NO 27+0+7+6+10+24+12+16 = 102, 102 mod 11 = 3, 11−3 = 8;
      // SE Luhn 1+5+4+1+2+2+3+4+7+1 = 30
      ['11126480', '901 126 488', '552112-6481'],
    );
  });
});
