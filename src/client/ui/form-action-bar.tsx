import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CancelButton } from './cancel-button';
import { FormAlert } from './form-alert';
import { SavedNotice, type SaveNotice } from './save-notice';

export interface FormActionBarProps {
  /** A refused submit: this text ("not saved, check the fields marked in red") above the buttons. */
  fixErrors: string | null;
  saveError: string | null;
  /** A form that stays after saving confirms here; `undefined` leaves the status line out. */
  notice?: SaveNotice | null | undefined;
  submitLabel: string;
  submitting: boolean;
  disabled?: boolean | undefined;
  submittingLabel?: string | undefined;
  cancelTo?: string | undefined;
  onCancel?: (() => void) | undefined;
  /** 'page': the buttons stay at the bottom of the screen however long the form; 'inline': they follow the fields. */
  bar: 'page' | 'inline';
  children?: ReactNode;
}

/**
 * The end of every form: why it was not saved, the confirmation of a form
 * that stays, and the buttons — save, "Cancelar" and any extra action, but
 * never a delete (that lives at the end of the page, away from save).
 */
export function FormActionBar({
  fixErrors,
  saveError,
  notice,
  submitLabel,
  submitting,
  disabled = false,
  submittingLabel,
  cancelTo,
  onCancel,
  bar,
  children,
}: FormActionBarProps) {
  const { t } = useTranslation();
  const messages = useRef<HTMLDivElement>(null);
  // A failed save is rare and must be seen: bring the message above the save bar into view.
  useEffect(() => {
    if (saveError) messages.current?.scrollIntoView?.({ block: 'nearest' });
  }, [saveError]);
  const buttons = (
    <div className="actions">
      <button type="submit" className="button button-primary" disabled={submitting || disabled}>
        {submitting && submittingLabel ? submittingLabel : submitLabel}
      </button>
      {cancelTo !== undefined ? (
        <Link to={cancelTo} className="button">
          {t('common.cancel')}
        </Link>
      ) : onCancel ? (
        <CancelButton onClick={onCancel} />
      ) : null}
      {children}
    </div>
  );
  return (
    <>
      <div ref={messages} className="form-messages">
        <FormAlert>{fixErrors}</FormAlert>
        <FormAlert>{saveError}</FormAlert>
        {notice !== undefined ? <SavedNotice notice={notice} /> : null}
      </div>
      {bar === 'page' ? <div className="action-bar">{buttons}</div> : buttons}
    </>
  );
}
