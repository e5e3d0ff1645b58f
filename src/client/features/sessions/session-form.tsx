import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionSchema, type Session } from '../../../domain';
import { SessionTypeOptions } from '../../ui/vocabulary/session-type-options';
import { formFields } from '../../ui/form-fields';
import { RecordForm, type PageRecordFormProps } from '../../ui/record-form';
import { errorReason } from '../../ui/use-entity-form';
import { PhotosFormField } from '../../widgets/photos/photos-form-field';
import { AgreementsField } from './agreements-field';
import { AttendanceGrid } from './attendance-grid';
import { FacilitatorsField } from './facilitators-field';
import { LocationField } from './location-field';
import type { SessionFormValues } from './session-form-values';
import './strings';

const { TextField, TextAreaField, SelectField } = formFields<SessionFormValues>();

export type SessionFormProps = PageRecordFormProps<SessionFormValues, Session> & {
  /** Shown before the first section (e.g. follow-up of earlier agreements). */
  intro?: ReactNode;
};

/**
 * The session form: validated by the domain's sessionSchema, every error
 * worded next to its field in the UI language. Saving writes locally, so it
 * never waits on the network.
 */
export function SessionForm({ intro, onSubmit, ...props }: SessionFormProps) {
  const { t } = useTranslation();
  return (
    <RecordForm<SessionFormValues, Session>
      {...props}
      schema={sessionSchema}
      onSave={onSubmit}
      failed={(error) => t('sessions.saveFailed', { reason: errorReason(error) })}
    >
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
    </RecordForm>
  );
}
