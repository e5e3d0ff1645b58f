import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionSchema, type Session } from '../../../domain';
import { SessionTypeOptions } from '../../ui/vocabulary/session-type-options';
import { errorText } from '../../i18n/zod-errors';
import type { DeleteRecordProps } from '../../ui/delete-record';
import { EntityForm } from '../../ui/entity-form';
import { Field } from '../../ui/field';
import { errorReason, useEntityForm, type SaveOutcome } from '../../ui/use-entity-form';
import { AgreementsField } from './agreements-field';
import { AttendanceGrid } from './attendance-grid';
import { FacilitatorsField } from './facilitators-field';
import { LocationField } from './location-field';
import { PhotosField } from './photos-field';
import type { SessionFormValues } from './session-form-values';
import './strings';

export interface SessionFormProps {
  defaultValues: SessionFormValues;
  submitLabel: string;
  /** Where "Cancelar" leads. */
  cancelTo: string;
  /** Receives the validated session and says where to go next; a thrown error is shown above the buttons. */
  onSubmit(session: Session): Promise<SaveOutcome | void> | SaveOutcome | void;
  /** Told whenever the form starts or stops holding unsaved input. */
  onDirtyChange?(dirty: boolean): void;
  /** Deleting the session, at the end of the page. */
  remove?: DeleteRecordProps;
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
  remove,
  intro,
}: SessionFormProps) {
  const { t } = useTranslation();
  const shell = useEntityForm<SessionFormValues, Session>({
    schema: sessionSchema,
    defaultValues,
    onSave: onSubmit,
    onDirtyChange,
    failed: (error) => t('sessions.saveFailed', { reason: errorReason(error) }),
  });
  const { register, errors } = shell;

  return (
    <EntityForm shell={shell} submitLabel={submitLabel} cancelTo={cancelTo} remove={remove}>
      {intro}
      <fieldset className="section">
        <legend>
          <h2>{t('sessions.general')}</h2>
        </legend>
        <Field id="session-type" label={t('sessions.type')} error={errorText(errors.type)} required>
          {(aria) => (
            <select {...aria} {...register('type')}>
              <SessionTypeOptions placeholder={t('sessions.chooseType')} />
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
    </EntityForm>
  );
}
