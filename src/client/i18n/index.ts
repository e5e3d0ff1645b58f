/**
 * i18next setup: Spanish (Mexico) first, English second. The choice is kept
 * in localStorage so the app opens in the same language offline, and zod's
 * own messages follow the UI language. Spanish is bundled and ready at once;
 * English is a separate (precached) chunk loaded before switching to it —
 * `i18nReady` settles once the remembered language can be shown.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import esMX from './es-MX.json';

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

type EnglishModule = typeof import('./english');
let english: EnglishModule | undefined;
let englishLoading: Promise<EnglishModule> | undefined;

/** Loads the English strings (once) and adds them to i18next. */
function loadEnglish(): Promise<EnglishModule> {
  englishLoading ??= import('./english').then((module) => {
    english = module;
    i18n.addResourceBundle('en', 'translation', module.strings, true, false);
    return module;
  });
  return englishLoading;
}

/** Settles when zod's messages follow the latest language applied. */
let zodLanguage: Promise<void> = Promise.resolve();

function applyLanguage(language: Language): void {
  if (language === 'en' && !english) {
    // Asked for English before its strings arrived: show them as soon as they do.
    void loadEnglish().then(() => {
      if (currentLanguage() === 'en') applyLanguage('en');
    });
    return;
  }
  const zodLocale = language === 'en' ? english?.zodLocale : undefined;
  zodLanguage = import('./zod-locale').then(({ applyZodLocale }) => applyZodLocale(zodLocale));
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Switches the UI language and remembers it on this device. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage full or blocked: the switch still applies to this visit.
  }
  if (language === 'en') await loadEnglish();
  await i18n.changeLanguage(language);
  await zodLanguage;
}

i18n.on('languageChanged', (language: string) => {
  if (isLanguage(language)) applyLanguage(language);
});

const initialLanguage = storedLanguage();
void i18n.use(initReactI18next).init({
  resources: { 'es-MX': { translation: esMX } },
  // English comes from its own chunk: i18next must not treat it as missing.
  partialBundledLanguages: true,
  lng: initialLanguage,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  load: 'currentOnly',
  initAsync: false,
  interpolation: { escapeValue: false },
});
applyLanguage(initialLanguage);

/** Settles when the remembered language's strings are in place (at once for Spanish). */
export const i18nReady: Promise<void> =
  initialLanguage === 'en'
    ? loadEnglish().then(
        () => i18n.changeLanguage('en').then(() => undefined),
        () => undefined, // Without the English chunk the UI stays in Spanish rather than not starting.
      )
    : Promise.resolve();

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
