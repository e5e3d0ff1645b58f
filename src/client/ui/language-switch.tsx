import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, setLanguage, type Language } from '../i18n';
import { ChoiceButtons } from './choice-buttons';

const NAMES: Record<Language, string> = { 'es-MX': 'Español', en: 'English' };

/** Two toggle buttons, each named in its own language so a lost user can find theirs. */
export function LanguageSwitch() {
  // useTranslation re-renders this on every language change, so currentLanguage() stays current.
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <ChoiceButtons
      className="language-switch"
      role="group"
      aria-label={t('language.label')}
      choices={LANGUAGES}
      label={(language) => NAMES[language]}
      buttonClassName="button button-small"
      buttonProps={(language) => ({ lang: language, 'aria-pressed': language === active })}
      onChoose={(language) => void setLanguage(language)}
    />
  );
}
