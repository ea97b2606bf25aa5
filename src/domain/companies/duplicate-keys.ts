// C-6: the keys two companies are compared on to warn about a possible duplicate. Pure.

// legal forms in the Nordics and their neighbours; "A/S" is joined to "as" before punctuation goes
const LEGAL_SUFFIXES = new Set(['as', 'aps', 'asa', 'ab', 'oy', 'oyj', 'gmbh']);

/**
 * A company name as compared: lower case, punctuation gone, legal forms (A/S, ApS, AS, ASA, AB, Oy,
 * GmbH) dropped wherever they stand, spaces collapsed. "Fjordkraft AS" and "FJORDKRAFT" match;
 * Nordic letters are kept (Ø is not O). Empty when nothing is left.
 */
export function companyNameKey(name: string): string {
  const words = name
    .normalize('NFKC')
    .toLocaleLowerCase('da')
    .replace(/\ba\s*\/\s*s\b/gu, ' as ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  const kept = words.filter((w) => !LEGAL_SUFFIXES.has(w));
  // a name that is only a legal form ("AS") is compared as typed
  return (kept.length ? kept : words).join(' ');
}

/**
 * An organisation number as compared: letters and digits only, upper case, without a VAT form's
 * country prefix (DK, NO, SE, FI), Norway's MVA suffix or Sweden's 01 suffix / 16 prefix. Stored
 * numbers are compared with the same letters-and-digits form in SQL (companies_org_number_key_idx).
 */
export function orgNumberKey(input: string): string {
  let key = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const prefix = key.match(/^(DK|NO|SE|FI)(?=[0-9])/)?.[1];
  if (prefix) key = key.slice(2);
  if (/^[0-9]+MVA$/.test(key)) key = key.slice(0, -3);
  if (/^[0-9]{12}$/.test(key)) {
    if (prefix === 'SE' && key.endsWith('01')) key = key.slice(0, 10);
    else if (key.startsWith('16')) key = key.slice(2);
  }
  return key;
}

const PUBLIC_DOMAINS = new Set(['gmail.com', 'hotmail.com', 'outlook.com', 'live.com', 'yahoo.com', 'icloud.com']);

/** The domain of an email address, lower case; null for public mail services, where a match means nothing. */
export function emailDomainKey(email: string): string | null {
  const at = email.lastIndexOf('@');
  const domain = (at >= 0 ? email.slice(at + 1) : email).trim().toLowerCase().replace(/\.$/, '');
  if (!/^[a-z0-9.-]+\.[a-z0-9-]{2,}$/.test(domain) || PUBLIC_DOMAINS.has(domain)) return null;
  return domain;
}

/**
 * A phone number as compared: digits only, without a +45 / +46 / +47 (or 0045 …) country prefix
 * and without Sweden's trunk 0, so "+46 8 123 456 78" and "08-123 456 78" match. Null when fewer
 * than 7 digits remain (too short to mean anything).
 */
export function phoneKey(phone: string): string | null {
  const trimmed = phone.trim();
  let digits = trimmed.replace(/[^0-9]/g, '');
  const international = trimmed.startsWith('+') || digits.startsWith('00');
  if (digits.startsWith('00')) digits = digits.slice(2);
  if (international && /^4[567]/.test(digits)) digits = digits.slice(2);
  if (digits.startsWith('0')) digits = digits.slice(1);
  return digits.length >= 7 ? digits : null;
}
