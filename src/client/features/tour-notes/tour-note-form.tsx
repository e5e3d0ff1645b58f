import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SEVERITIES, THEMATIC_AREAS } from '../../../domain';
import type { DeleteRecordProps } from '../../ui/delete-record';
import { EntityForm } from '../../ui/entity-form';
import { FieldErrorText } from '../../ui/field';
import { formFields, useFieldError } from '../../ui/form-fields';
import { THEME_COLOURS } from '../../ui/theme-colours';
import { errorReason, useEntityForm, type SaveOutcome } from '../../ui/use-entity-form';
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

  return (
    <EntityForm shell={shell} submitLabel={submitLabel} cancelTo={cancelTo} remove={remove}>
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
        <TextAreaField
          name="description"
          id="note-description"
          label={t('tourNotes.fields.description')}
          hint={t('tourNotes.fields.descriptionHint')}
          rows={3}
          required
        />
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
    </EntityForm>
  );
}
