import { zodResolver } from '@hookform/resolvers/zod';
import { type ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SESSION_TYPES, sessionSchema, type Session } from '../../../domain';
import { errorText, formErrorMap } from '../../i18n/zod-errors';
import { Field } from '../../ui/field';
import { useFormSave } from '../../ui/use-form-save';
import { useRelocalizedErrors } from '../../ui/use-relocalized-errors';
import { AgreementsField } from './agreements-field';
import { AttendanceGrid } from './attendance-grid';
import { FacilitatorsField } from './facilitators-field';
import { LocationField } from './location-field';
import { PhotosField } from './photos-field';
import type { SessionFormValues } from './session-form-values';
import { FormActionBar } from '../../ui/form-action-bar';

const resolver = zodResolver(sessionSchema, { error: formErrorMap });

export interface SessionFormProps {
  defaultValues: SessionFormValues;
  submitLabel: string;
  /** Where "Cancelar" leads. */
  cancelTo: string;
  /** Receives the validated session; a thrown error is shown above the buttons. */
  onSubmit(session: Session): Promise<void> | void;
  /** Told whenever the form starts or stops holding unsaved input. */
  onDirtyChange?(dirty: boolean): void;
  /** Extra buttons for the action bar (e.g. delete). */
  actions?: ReactNode;
  /** Shown before the first section (e.g. follow-up of earlier agreements). */
  intro?: ReactNode;
}

/**
 * The session form: validated by the domain's sessionSchema, every error
 * worded next to its field in the UI language. Saving writes locally, so it
 * never waits on the network.
 */
export function SessionForm({
  defaultValues,
  submitLabel,
  cancelTo,
  onSubmit,
  onDirtyChange,
  actions,
  intro,
}: SessionFormProps) {
  const { t } = useTranslation();
  const form = useForm<SessionFormValues, unknown, Session>({
    defaultValues,
    resolver,
    shouldFocusError: false,
  });
  const {
    register,
    trigger,
    formState: { errors, isSubmitting, isSubmitted },
  } = form;
  const { formRef, saveError, submitWith } = useFormSave(form, {
    onDirtyChange,
    failed: (reason) => t('sessions.saveFailed', { reason }),
  });

  useRelocalizedErrors(isSubmitted, trigger);

  const submit = submitWith(async (session) => {
    await onSubmit(session);
  });

  const hasErrors = Object.keys(errors).length > 0;

  return (
    <FormProvider {...form}>
      <form
        ref={formRef}
        className="form"
        noValidate
        onSubmit={(e) => void submit(e)}
        aria-describedby="required-note"
      >
        <p id="required-note" className="field-hint">
          {t('common.requiredNote')}
        </p>
        {intro}
        <fieldset className="section">
          <legend>
            <h2>{t('sessions.general')}</h2>
          </legend>
          <Field id="session-type" label={t('sessions.type')} error={errorText(errors.type)} required>
            {(aria) => (
              <select {...aria} {...register('type')}>
                <option value="">{t('sessions.chooseType')}</option>
                {SESSION_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`sessionTypes.${type}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="session-title" label={t('sessions.title')} error={errorText(errors.title)} required>
            {(aria) => <input type="text" {...aria} {...register('title')} />}
          </Field>
          <div className="field-row">
            <Field id="session-date" label={t('sessions.date')} error={errorText(errors.date)} required>
              {(aria) => <input type="date" {...aria} {...register('date')} />}
            </Field>
            <Field id="session-place" label={t('sessions.place')} error={errorText(errors.place)} required>
              {(aria) => <input type="text" {...aria} {...register('place')} />}
            </Field>
          </div>
          <LocationField />
        </fieldset>

        <FacilitatorsField />
        <AttendanceGrid />
        <AgreementsField />
        <PhotosField />

        <div className="section">
          <Field id="session-notes" label={t('sessions.notes')} error={errorText(errors.notes)}>
            {(aria) => <textarea rows={5} {...aria} {...register('notes')} />}
          </Field>
        </div>

        <FormActionBar
          showFixErrors={hasErrors && isSubmitted}
          saveError={saveError}
          submitLabel={submitLabel}
          submitting={isSubmitting}
          cancelTo={cancelTo}
        >
          {actions}
        </FormActionBar>
      </form>
    </FormProvider>
  );
}
