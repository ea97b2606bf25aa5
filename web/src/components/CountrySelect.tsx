import { Select, type SelectProps } from '@mantine/core';
import { useCountryName } from '../hooks/use-country-name';

// the Nordic countries first, then the usual trading partners; names come from the browser (Intl)
export const COUNTRIES = [
  'DK',
  'NO',
  'SE',
  'FI',
  'IS',
  'FO',
  'GL',
  'DE',
  'NL',
  'BE',
  'FR',
  'GB',
  'IE',
  'PL',
  'EE',
  'LV',
  'LT',
  'AT',
  'CH',
  'ES',
  'IT',
  'PT',
  'CZ',
  'US',
  'CA',
  'CN',
  'JP',
  'IN',
];

/** A country as its ISO 3166 two-letter code, shown by name in the UI language. */
export function CountrySelect({ value, ...rest }: Omit<SelectProps, 'data'>) {
  const countryName = useCountryName();
  const codes = value && !COUNTRIES.includes(value) ? [value, ...COUNTRIES] : COUNTRIES;
  const data = codes.map((code) => ({ value: code, label: countryName(code) }));
  return <Select {...rest} value={value ?? null} data={data} searchable clearable />;
}
