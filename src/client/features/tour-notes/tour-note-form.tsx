import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SEVERITIES, THEMATIC_AREAS } from '../../../domain';
import { FieldErrorText } from '../../ui/field';
import { formFields, useFieldError, useFieldNaming } from '../../ui/form-fields';
import { RecordForm, type PageRecordFormProps } from '../../ui/record-form';
import { THEME_COLOURS } from '../../ui/theme-colours';
import { PhotosFormField } from '../../widgets/photos/photos-form-field';
import { NoteLocationField } from './note-location-field';
import { capitalised } from './note-text';
import {
  MAX_NOTE_PHOTOS,
  tourNoteFormSchema,
  type TourNoteFormOutput,
  type TourNoteFormValues,
} from './tour-note-form-values';
import './strings';
import './tour-notes.css';

const { TextAreaField } = formFields<TourNoteFormValues>();

export type TourNoteFormProps = PageRecordFormProps<TourNoteFormValues, TourNoteFormOutput> & {
  processId: string;
  /** A new note asks the device for its position when it opens. */
  locateOnOpen: boolean;
};

/** One of a few big choices (radio buttons in a section), with its error under them. */
function NoteChoices({
  name,
  legend,
  className,
  choices,
}: {
  name: 'theme' | 'severity';
  legend: string;
  className: string;
  choices: { value: string; className?: string; content: ReactNode }[];
}) {
  const { register } = useFormContext<TourNoteFormValues>();
  const error = useFieldError<TourNoteFormValues>(name);
  const errorId = `note-${name}-error`;
  return (
    <fieldset
      className={error ? 'section field-invalid' : 'section'}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>
        <h2>
          {legend}
          <span aria-hidden="true"> *</span>
        </h2>
      </legend>
      <div className={`note-choices ${className}`}>
        {choices.map((choice) => (
          <label
            key={choice.value}
            className={choice.className ? `note-choice ${choice.className}` : 'note-choice'}
          >
            <input
              type="radio"
              value={choice.value}
              aria-invalid={error ? true : undefined}
              {...register(name)}
            />
            {choice.content}
          </label>
        ))}
      </div>
      <FieldErrorText id={errorId} message={error} />
    </fieldset>
  );
}

/**
 * A tour note: position first, then the thematic area (12 big choices with
 * their colour), a short description, severity and photos. Validated by the
 * domain's rules, errors next to each field; saving writes the device database.
 */
export function TourNoteForm({ processId, locateOnOpen, onSubmit, ...props }: TourNoteFormProps) {
  const { t, i18n } = useTranslation();
  const field = useFieldNaming<TourNoteFormValues>({ id: 'note', keys: 'tourNotes.fields' });
  return (
    <RecordForm<TourNoteFormValues, TourNoteFormOutput>
      {...props}
      schema={tourNoteFormSchema}
      onSave={onSubmit}
      failed="tourNotes.saveFailed"
    >
      <NoteLocationField processId={processId} locateOnOpen={locateOnOpen} />

      <NoteChoices
        name="theme"
        legend={t('tourNotes.fields.theme')}
        className="note-themes"
        choices={THEMATIC_AREAS.map((area) => ({
          value: area,
          content: (
            <>
              <span className="note-chip" aria-hidden="true" style={{ background: THEME_COLOURS[area] }} />
              <span>{t(`vocabulary.themes.${area}`)}</span>
            </>
          ),
        }))}
      />

      <div className="section">
        <TextAreaField {...field('description', { hint: true })} rows={3} required />
      </div>

      <NoteChoices
        name="severity"
        legend={t('tourNotes.fields.severity')}
        className="note-severities"
        choices={SEVERITIES.map((severity) => ({
          value: severity,
          className: `note-severity-${severity}`,
          content: <span>{capitalised(t(`vocabulary.severities.${severity}`), i18n.language)}</span>,
        }))}
      />

      <PhotosFormField<TourNoteFormValues>
        name="photos"
        id="note-photos"
        max={MAX_NOTE_PHOTOS}
        strings="tourNotes.photos"
      />
    </RecordForm>
  );
}
