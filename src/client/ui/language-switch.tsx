import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, setLanguage, type Language } from '../i18n';

const NAMES: Record<Language, string> = { 'es-MX': 'Español', en: 'English' };

/** Two toggle buttons, each named in its own language so a lost user can find theirs. */
export function LanguageSwitch() {
  // useTranslation re-renders this on every language change, so currentLanguage() stays current.
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className="button button-small"
          lang={language}
          aria-pressed={language === active}
          onClick={() => void setLanguage(language)}
        >
          {NAMES[language]}
        </button>
      ))}
    </div>
  );
}
