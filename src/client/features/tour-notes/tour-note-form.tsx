import { useTranslation } from 'react-i18next';
import { SEVERITIES, THEMATIC_AREAS } from '../../../domain';
import { errorText } from '../../i18n/zod-errors';
import type { DeleteRecordProps } from '../../ui/delete-record';
import { EntityForm } from '../../ui/entity-form';
import { Field, FieldErrorText } from '../../ui/field';
import { THEME_COLOURS } from '../../ui/theme-colours';
import { errorReason, useEntityForm, type SaveOutcome } from '../../ui/use-entity-form';
import { NoteLocationField } from './note-location-field';
import { NotePhotosField } from './note-photos-field';
import { capitalised } from './note-text';
import {
  tourNoteFormSchema,
  type TourNoteFormOutput,
  type TourNoteFormValues,
} from './tour-note-form-values';
import './strings';
import './tour-notes.css';

export interface TourNoteFormProps {
  processId: string;
  defaultValues: TourNoteFormValues;
  /** A new note asks the device for its position when it opens. */
  locateOnOpen: boolean;
  submitLabel: string;
  cancelTo: string;
  /** Receives the validated values and says where to go next; a thrown error is shown above the buttons. */
  onSubmit(values: TourNoteFormOutput): Promise<SaveOutcome | void>;
  onDirtyChange?(dirty: boolean): void;
  /** Deleting the note, at the end of the page. */
  remove?: DeleteRecordProps;
}

/**
 * A tour note: position first, then the thematic area (12 big choices with
 * their colour), a short description, severity and photos. Validated by the
 * domain's rules, errors next to each field; saving writes the device database.
 */
export function TourNoteForm({
  processId,
  defaultValues,
  locateOnOpen,
  submitLabel,
  cancelTo,
  onSubmit,
  onDirtyChange,
  remove,
}: TourNoteFormProps) {
  const { t, i18n } = useTranslation();
  const shell = useEntityForm<TourNoteFormValues, TourNoteFormOutput>({
    schema: tourNoteFormSchema,
    defaultValues,
    onSave: onSubmit,
    onDirtyChange,
    failed: (error) => t('tourNotes.saveFailed', { reason: errorReason(error) }),
  });
  const { register, errors } = shell;
  const language = i18n.language;
  const themeError = errorText(errors.theme);
  const severityError = errorText(errors.severity);

  return (
    <EntityForm shell={shell} submitLabel={submitLabel} cancelTo={cancelTo} remove={remove}>
      <NoteLocationField processId={processId} locateOnOpen={locateOnOpen} />

      <fieldset
        className={themeError ? 'section field-invalid' : 'section'}
        aria-describedby={themeError ? 'note-theme-error' : undefined}
      >
        <legend>
          <h2>
            {t('tourNotes.fields.theme')}
            <span aria-hidden="true"> *</span>
          </h2>
        </legend>
        <div className="note-choices note-themes">
          {THEMATIC_AREAS.map((area) => (
            <label key={area} className="note-choice">
              <input
                type="radio"
                value={area}
                aria-invalid={themeError ? true : undefined}
                {...register('theme')}
              />
              <span className="note-chip" aria-hidden="true" style={{ background: THEME_COLOURS[area] }} />
              <span>{t(`vocabulary.themes.${area}`)}</span>
            </label>
          ))}
        </div>
        <FieldErrorText id="note-theme-error" message={themeError} />
      </fieldset>

      <div className="section">
        <Field
          id="note-description"
          label={t('tourNotes.fields.description')}
          hint={t('tourNotes.fields.descriptionHint')}
          error={errorText(errors.description)}
          required
        >
          {(aria) => <textarea rows={3} {...aria} {...register('description')} />}
        </Field>
      </div>

      <fieldset
        className={severityError ? 'section field-invalid' : 'section'}
        aria-describedby={severityError ? 'note-severity-error' : undefined}
      >
        <legend>
          <h2>
            {t('tourNotes.fields.severity')}
            <span aria-hidden="true"> *</span>
          </h2>
        </legend>
        <div className="note-choices note-severities">
          {SEVERITIES.map((severity) => (
            <label key={severity} className={`note-choice note-severity-${severity}`}>
              <input
                type="radio"
                value={severity}
                aria-invalid={severityError ? true : undefined}
                {...register('severity')}
              />
              <span>{capitalised(t(`vocabulary.severities.${severity}`), language)}</span>
            </label>
          ))}
        </div>
        <FieldErrorText id="note-severity-error" message={severityError} />
      </fieldset>

      <NotePhotosField />
    </EntityForm>
  );
}
