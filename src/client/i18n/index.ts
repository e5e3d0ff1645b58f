/**
 * i18next setup: Spanish (Mexico) first, English second. The choice is kept
 * in localStorage so the app opens in the same language offline, and zod's
 * own messages follow the UI language.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
// Only the two locales we ship: `z.locales` would pull every language into the bundle.
import { en as zodEn, es as zodEs } from 'zod/locales';
import esMX from './es-MX.json';
import en from './en.json';

export const LANGUAGES = ['es-MX', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'es-MX';
export const LANGUAGE_STORAGE_KEY = 'tequio.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The remembered language, or Spanish. Storage can be unavailable (private mode): then Spanish. */
export function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** The active language as one of ours (i18next may report a fallback while switching). */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

function applyLanguage(language: Language): void {
  z.config(language === 'en' ? zodEn() : zodEs());
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Switches the UI language and remembers it on this device. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage full or blocked: the switch still applies to this visit.
  }
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language: string) => {
  if (isLanguage(language)) applyLanguage(language);
});

const initialLanguage = storedLanguage();
void i18n.use(initReactI18next).init({
  resources: { 'es-MX': { translation: esMX }, en: { translation: en } },
  lng: initialLanguage,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  load: 'currentOnly',
  initAsync: false,
  interpolation: { escapeValue: false },
});
applyLanguage(initialLanguage);

/**
 * Adds a feature's strings (its own `es-MX.json` / `en.json`), so a feature
 * loaded on demand brings its words with it. Call at module level in the
 * feature's `strings.ts`; keys nest under the feature's own top-level key.
 */
export function addTranslations(bundles: { 'es-MX': object; en: object }): void {
  for (const language of LANGUAGES) {
    i18n.addResourceBundle(language, 'translation', bundles[language], true, false);
  }
}

export { i18n };
