import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Errors already on screen are re-worded when the language changes: once a
 * form has been submitted, a language switch validates it again so each
 * message is written anew in the new language. Before the first submit there
 * is nothing on screen to re-word, and nothing is validated.
 */
export function useRelocalizedErrors(isSubmitted: boolean, trigger: () => Promise<boolean>): void {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const wasSubmitted = useRef(false);
  useEffect(() => {
    wasSubmitted.current = isSubmitted;
  }, [isSubmitted]);
  useEffect(() => {
    if (wasSubmitted.current) void trigger();
  }, [language, trigger]);
}
