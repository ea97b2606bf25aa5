import { Select, type SelectProps } from '@mantine/core';
import { useLanguage } from '../i18n';
import { localeOf } from '../i18n/format';

// the Nordic countries first, then the usual trading partners; names come from the browser (Intl)
export const COUNTRIES = ['DK', 'NO', 'SE', 'FI', 'IS', 'FO', 'GL', 'DE', 'NL', 'BE', 'FR', 'GB', 'IE', 'PL', 'EE', 'LV', 'LT', 'AT', 'CH', 'ES', 'IT', 'PT', 'CZ', 'US', 'CA', 'CN', 'JP', 'IN'];

/** `Denmark (DK)`: a country code's name in the UI language. */
export function useCountryName() {
  const language = useLanguage();
  const names = new Intl.DisplayNames([localeOf(language)], { type: 'region' });
  return (code: string) => `${names.of(code) ?? code} (${code})`;
}

/** A country as its ISO 3166 two-letter code, shown by name in the UI language. */
export function CountrySelect({ value, ...rest }: Omit<SelectProps, 'data'>) {
  const language = useLanguage();
  const names = new Intl.DisplayNames([localeOf(language)], { type: 'region' });
  const codes = value && !COUNTRIES.includes(value) ? [value, ...COUNTRIES] : COUNTRIES;
  const data = codes.map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }));
  return <Select {...rest} value={value ?? null} data={data} searchable clearable />;
}
