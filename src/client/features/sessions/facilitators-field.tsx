import { useEffect, useRef } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/zod-errors';
import { FieldErrorText } from '../../ui/field';
import type { SessionFormValues } from './session-form-values';
import './strings';

const MAX_FACILITATORS = 20;

/** The names of who led the session: one text box each, added and removed with large buttons. */
export function FacilitatorsField() {
  const { t } = useTranslation();
  const { control, formState } = useFormContext<SessionFormValues>();
  const { field } = useController({ control, name: 'facilitators' });
  const names = field.value;
  const errors = formState.errors.facilitators;
  const listError = errorText(errors?.root ?? (errors && 'message' in errors ? errors : undefined));
  const addRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const previousCount = useRef(names.length);

  // Focus follows the list: a new row gets the cursor; after a removal the add button keeps it.
  useEffect(() => {
    if (names.length > previousCount.current) {
      listRef.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus();
    }
    previousCount.current = names.length;
  }, [names.length]);

  const change = (next: string[]) => field.onChange(next);

  return (
    <fieldset className="section">
      <legend>
        <h2>{t('sessions.facilitators')}</h2>
      </legend>
      <ul className="plain-list" ref={listRef}>
        {names.map((name, index) => {
          const id = `facilitator-${index}`;
          const message = errorText(Array.isArray(errors) ? errors[index] : undefined);
          return (
            <li key={index} className="inline-row">
              <div className={message ? 'field field-invalid grow' : 'field grow'}>
                <label htmlFor={id}>{t('sessions.facilitatorName', { number: index + 1 })}</label>
                <input
                  id={id}
                  type="text"
                  autoComplete="name"
                  value={name}
                  aria-invalid={message ? true : undefined}
                  aria-describedby={message ? `${id}-error` : undefined}
                  onBlur={field.onBlur}
                  onChange={(e) => change(names.map((n, i) => (i === index ? e.currentTarget.value : n)))}
                />
                <FieldErrorText id={`${id}-error`} message={message} />
              </div>
              <button
                type="button"
                className="button"
                aria-label={t('sessions.removeFacilitator', { name: name || index + 1 })}
                onClick={() => {
                  change(names.filter((_, i) => i !== index));
                  addRef.current?.focus();
                }}
              >
                {t('common.remove')}
              </button>
            </li>
          );
        })}
      </ul>
      <FieldErrorText id="facilitators-error" message={listError} />
      <button
        ref={addRef}
        type="button"
        className="button"
        disabled={names.length >= MAX_FACILITATORS}
        aria-describedby={listError ? 'facilitators-error' : undefined}
        aria-invalid={listError ? true : undefined}
        onClick={() => change([...names, ''])}
      >
        {t('sessions.addFacilitator')}
      </button>
    </fieldset>
  );
}
