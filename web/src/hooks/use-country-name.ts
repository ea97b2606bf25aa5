import { useLanguage } from '../i18n';
import { localeOf } from '../i18n/format';

/** `Denmark (DK)`: a country code's name in the UI language (from the browser, Intl). */
export function useCountryName() {
  const language = useLanguage();
  const names = new Intl.DisplayNames([localeOf(language)], { type: 'region' });
  return (code: string) => `${names.of(code) ?? code} (${code})`;
}
