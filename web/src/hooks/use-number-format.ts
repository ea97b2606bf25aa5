import { useLanguage } from '../i18n';

/** Thousands and decimal separators of money inputs in the UI language. */
export function useNumberFormat() {
  const language = useLanguage();
  return language === 'en' ? { thousandSeparator: ',', decimalSeparator: '.' } : { thousandSeparator: '\u00a0', decimalSeparator: ',' };
}
