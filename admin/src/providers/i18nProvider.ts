/**
 * Vietnamese by default, English on demand (loaded only when chosen, so the login page does not
 * carry it). react-admin keeps the chosen locale in its store and restores it on the next visit;
 * every change is passed to the API as Accept-Language, so server messages (errors, the
 * workflow's refusals) follow the UI's language.
 */
import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';
import vi from '../i18n/vi';
import { setRequestLanguage } from './httpClient';

export const LOCALES = [
  { locale: 'vi', name: 'Tiếng Việt' },
  { locale: 'en', name: 'English' },
];

// The default locale's messages must be synchronous (ra-i18n-polyglot); English is a chunk.
const base = polyglotI18nProvider(
  (locale) => (locale === 'en' ? import('../i18n/en').then((m) => m.default) : vi),
  'vi',
  LOCALES,
  // A key without a text is reported in the console (the browser test watches for it).
  { allowMissing: false },
);

export const i18nProvider: I18nProvider = {
  ...base,
  changeLocale: async (locale: string, options?: unknown) => {
    await base.changeLocale(locale, options);
    setRequestLanguage(locale);
    document.documentElement.lang = locale;
  },
};
