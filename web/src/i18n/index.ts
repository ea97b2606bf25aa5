import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/da';
import 'dayjs/locale/nb';
import 'dayjs/locale/sv';
import 'dayjs/locale/en-gb';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import en from './en.json';
import da from './da.json';
import nb from './nb.json';
import sv from './sv.json';
import type { Language } from '../api/types';
import { toLanguage } from './format';

dayjs.extend(customParseFormat);

const STORAGE_KEY = 'trakt.language';

export const DAYJS_LOCALES: Record<Language, string> = { en: 'en-gb', da: 'da', nb: 'nb', sv: 'sv' };

/** The language to start with before anyone signs in: the last one used here, else the browser's. */
export function initialLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return toLanguage(stored ?? window.navigator.language);
}

const startLanguage = initialLanguage();
document.documentElement.lang = startLanguage;
dayjs.locale(DAYJS_LOCALES[startLanguage]);

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, da: { translation: da }, nb: { translation: nb }, sv: { translation: sv } },
  lng: startLanguage,
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

/** Switches the UI language (labels, number and date formats) and remembers it in this browser. */
export async function changeLanguage(language: Language): Promise<void> {
  window.localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  dayjs.locale(DAYJS_LOCALES[language]);
  await i18n.changeLanguage(language);
}

/** The current UI language as one of the four Trakt languages. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return toLanguage(instance.resolvedLanguage ?? instance.language);
}

export default i18n;
