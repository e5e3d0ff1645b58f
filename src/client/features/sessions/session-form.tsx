import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionSchema, type Session } from '../../../domain';
import { SessionTypeOptions } from '../../ui/vocabulary/session-type-options';
import type { DeleteRecordProps } from '../../ui/delete-record';
import { EntityForm } from '../../ui/entity-form';
import { formFields } from '../../ui/form-fields';
import { errorReason, useEntityForm, type SaveOutcome } from '../../ui/use-entity-form';
import { PhotosFormField } from '../../widgets/photos/photos-form-field';
import { AgreementsField } from './agreements-field';
import { AttendanceGrid } from './attendance-grid';
import { FacilitatorsField } from './facilitators-field';
import { LocationField } from './location-field';
import type { SessionFormValues } from './session-form-values';
import './strings';

const { TextField, TextAreaField, SelectField } = formFields<SessionFormValues>();

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

  return (
    <EntityForm shell={shell} submitLabel={submitLabel} cancelTo={cancelTo} remove={remove}>
      {intro}
      <fieldset className="section">
        <legend>
          <h2>{t('sessions.general')}</h2>
        </legend>
        <SelectField name="type" id="session-type" label={t('sessions.type')} required>
          <SessionTypeOptions placeholder={t('sessions.chooseType')} />
        </SelectField>
        <TextField name="title" id="session-title" label={t('sessions.title')} required />
        <div className="field-row">
          <TextField name="date" id="session-date" label={t('sessions.date')} type="date" required />
          <TextField name="place" id="session-place" label={t('sessions.place')} required />
        </div>
        <LocationField />
      </fieldset>

      <FacilitatorsField />
      <AttendanceGrid />
      <AgreementsField />
      <PhotosFormField<SessionFormValues> name="photos" id="session-photos" max={20} />

      <div className="section">
        <TextAreaField name="notes" id="session-notes" label={t('sessions.notes')} rows={5} />
      </div>
    </EntityForm>
  );
}
