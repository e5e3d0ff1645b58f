import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionSchema, type Session } from '../../../domain';
import { SessionTypeOptions } from '../../ui/vocabulary/session-type-options';
import { formFields, useFieldNaming } from '../../ui/form-fields';
import { RecordForm, type PageRecordFormProps } from '../../ui/record-form';
import { FormSection } from '../../ui/form-section';
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
  const field = useFieldNaming<SessionFormValues>({ id: 'session', keys: 'sessions' });
  return (
    <RecordForm<SessionFormValues, Session>
      {...props}
      schema={sessionSchema}
      onSave={onSubmit}
      failed="sessions.saveFailed"
    >
      {intro}
      <FormSection heading={t('sessions.general')}>
        <SelectField {...field('type')} required>
          <SessionTypeOptions placeholder={t('sessions.chooseType')} />
        </SelectField>
        <TextField {...field('title')} required />
        <div className="field-row">
          <TextField {...field('date')} type="date" required />
          <TextField {...field('place')} required />
        </div>
        <LocationField />
      </FormSection>

      <FacilitatorsField />
      <AttendanceGrid />
      <AgreementsField />
      <PhotosFormField<SessionFormValues> name="photos" id="session-photos" max={20} />

      <div className="section">
        <TextAreaField {...field('notes')} rows={5} />
      </div>
    </RecordForm>
  );
}
