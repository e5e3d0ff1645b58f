import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * The bottom of every form: "fix the marked fields" when validation failed,
 * a save error in words, the submit button and "Cancelar" (plus any extra actions).
 */
export function FormActionBar({
  showFixErrors,
  saveError,
  submitLabel,
  submitting,
  cancelTo,
  children,
}: {
  showFixErrors: boolean;
  saveError: string | null;
  submitLabel: string;
  submitting: boolean;
  cancelTo: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="action-bar">
      {showFixErrors ? (
        <p className="form-alert" role="alert">
          {t('common.fixErrors')}
        </p>
      ) : null}
      {saveError ? (
        <p className="form-alert" role="alert">
          {saveError}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitLabel}
        </button>
        <Link to={cancelTo} className="button">
          {t('common.cancel')}
        </Link>
        {children}
      </div>
    </div>
  );
}
