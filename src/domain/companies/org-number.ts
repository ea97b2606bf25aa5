// Organisation numbers (SPEC C-2): checksums where a country has one, and the display format.

export type OrgNumberResult = { ok: true; normalized: string; formatted: string } | { ok: false; reason: string };

const DK_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];
const NO_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** Validates and formats an organisation number: DK CVR, NO org.nr and SE organisationsnummer by checksum, others as typed. */
export function validateOrgNumber(country: string, input: string): OrgNumberResult {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'The organisation number is empty.' };
  switch (country.trim().toUpperCase()) {
    case 'DK':
      return validateDk(trimmed);
    case 'NO':
      return validateNo(trimmed);
    case 'SE':
      return validateSe(trimmed);
    default:
      return { ok: true, normalized: trimmed, formatted: trimmed };
  }
}

// Spaces, dots and hyphens are only grouping; the country prefix of the VAT form is optional.
function compact(input: string, prefix: string): string {
  const upper = input.toUpperCase().replace(/[\s.-]/g, '');
  return upper.startsWith(prefix) ? upper.slice(prefix.length) : upper;
}

function onlyDigits(value: string): boolean {
  return /^[0-9]+$/.test(value);
}

function weightedSum(digits: string, weights: number[]): number {
  let sum = 0;
  weights.forEach((weight, i) => {
    sum += weight * Number(digits[i]);
  });
  return sum;
}

function validateDk(input: string): OrgNumberResult {
  const digits = compact(input, 'DK');
  if (!onlyDigits(digits)) return { ok: false, reason: 'A Danish CVR number may contain only digits.' };
  if (digits.length !== 8) return { ok: false, reason: 'A Danish CVR number has 8 digits.' };
  if (digits.startsWith('0')) return { ok: false, reason: 'A Danish CVR number does not start with 0.' };
  if (weightedSum(digits, DK_WEIGHTS) % 11 !== 0) {
    return { ok: false, reason: 'The CVR number has a wrong check digit (modulus 11).' };
  }
  return { ok: true, normalized: digits, formatted: digits };
}

/** The Norwegian check digit for 8 digits, or null when the remainder gives 10 (such numbers are never issued). */
function noCheckDigit(body: string): number | null {
  const check = 11 - (weightedSum(body, NO_WEIGHTS) % 11);
  if (check === 11) return 0;
  return check === 10 ? null : check;
}

function validateNo(input: string): OrgNumberResult {
  let digits = compact(input, 'NO');
  // the VAT form is "NO 123456789 MVA"
  if (digits.endsWith('MVA')) digits = digits.slice(0, -3);
  if (!onlyDigits(digits)) return { ok: false, reason: 'A Norwegian organisation number may contain only digits.' };
  if (digits.length !== 9) return { ok: false, reason: 'A Norwegian organisation number has 9 digits.' };
  if (noCheckDigit(digits.slice(0, 8)) !== Number(digits[8])) {
    return { ok: false, reason: 'The organisation number has a wrong check digit (modulus 11).' };
  }
  return { ok: true, normalized: digits, formatted: `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` };
}

/** Luhn check digit for the given digits (the Swedish number's last digit covers the first 9). */
function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    // doubling starts from the rightmost digit of the body
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

function validateSe(input: string): OrgNumberResult {
  const hadPrefix = input.trim().toUpperCase().startsWith('SE');
  let digits = compact(input, 'SE');
  if (!onlyDigits(digits)) return { ok: false, reason: 'A Swedish organisation number may contain only digits.' };
  if (hadPrefix) {
    // VAT form: SE + the 10 digits + 01
    if (digits.length !== 12 || !digits.endsWith('01')) {
      return { ok: false, reason: 'A Swedish VAT number is SE followed by 10 digits and 01.' };
    }
    digits = digits.slice(0, 10);
  } else if (digits.length === 12) {
    // the 12-digit form used by the tax agency puts 16 in front of a legal entity's number
    if (!digits.startsWith('16')) {
      return { ok: false, reason: 'A 12-digit Swedish organisation number starts with 16.' };
    }
    digits = digits.slice(2);
  }
  if (digits.length !== 10) return { ok: false, reason: 'A Swedish organisation number has 10 digits.' };
  if (luhnCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) {
    return { ok: false, reason: 'The organisation number has a wrong check digit (Luhn).' };
  }
  return { ok: true, normalized: digits, formatted: `${digits.slice(0, 6)}-${digits.slice(6)}` };
}

/** A valid, formatted organisation number made from a seed, the same for the same seed (demo data and tests). */
export function makeOrgNumber(country: string, base: number): string {
  // spread consecutive seeds over the number range so numbers do not look sequential
  const seed = Math.abs(Math.trunc(base)) * 7919 + 104729;
  switch (country.trim().toUpperCase()) {
    case 'DK': {
      // 7 digits 1000000–9999999, then the check digit; some bodies have no valid check digit, take the next
      for (let body = 1_000_000 + (seed % 9_000_000); ; body = body >= 9_999_999 ? 1_000_000 : body + 1) {
        const head = String(body);
        const check = (11 - (weightedSum(head + '0', DK_WEIGHTS) % 11)) % 11;
        if (check < 10) return head + String(check);
      }
    }
    case 'NO': {
      // companies registered in Brønnøysund have numbers starting with 8 or 9
      for (let body = 90_000_000 + (seed % 10_000_000); ; body = body >= 99_999_999 ? 90_000_000 : body + 1) {
        const head = String(body);
        const check = noCheckDigit(head);
        if (check !== null) return `${head.slice(0, 3)} ${head.slice(3, 6)} ${head.slice(6)}${check}`;
      }
    }
    case 'SE': {
      // 55… is the range of aktiebolag; the third digit is at least 2 so it cannot be a personnummer
      const head = `55${String(2_000_000 + (seed % 8_000_000))}`;
      return `${head.slice(0, 6)}-${head.slice(6)}${luhnCheckDigit(head)}`;
    }
    case 'FI': {
      // Y-tunnus: 7 digits and a modulus 11 check digit (remainder 1 is never issued)
      const weights = [7, 9, 10, 5, 8, 4, 2];
      for (let body = 1_000_000 + (seed % 9_000_000); ; body = body >= 9_999_999 ? 1_000_000 : body + 1) {
        const head = String(body);
        const remainder = weightedSum(head, weights) % 11;
        if (remainder === 1) continue;
        return `${head}-${remainder === 0 ? 0 : 11 - remainder}`;
      }
    }
    case 'DE':
      // a commercial register entry (Handelsregister, section B)
      return `HRB ${10_000 + (seed % 90_000)}`;
    default:
      return String(100_000_000 + (seed % 900_000_000));
  }
}
