import { zodResolver } from '@hookform/resolvers/zod';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SEVERITIES, THEMATIC_AREAS } from '../../../domain';
import { errorText, formErrorMap } from '../../i18n/zod-errors';
import { Field, FieldErrorText } from '../../ui/field';
import { THEME_COLOURS } from '../../ui/theme-colours';
import { useFormSave } from '../../ui/use-form-save';
import { useRelocalizedErrors } from '../../ui/use-relocalized-errors';
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
import { FormActionBar } from '../../ui/form-action-bar';

const resolver = zodResolver(tourNoteFormSchema, { error: formErrorMap });

export interface TourNoteFormProps {
  processId: string;
  defaultValues: TourNoteFormValues;
  /** A new note asks the device for its position when it opens. */
  locateOnOpen: boolean;
  submitLabel: string;
  cancelTo: string;
  /** Receives the validated values; a thrown error is shown above the buttons. */
  onSubmit(values: TourNoteFormOutput): Promise<void>;
  onDirtyChange?(dirty: boolean): void;
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
}: TourNoteFormProps) {
  const { t, i18n } = useTranslation();
  const form = useForm<TourNoteFormValues, unknown, TourNoteFormOutput>({
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
    failed: (reason) => t('tourNotes.saveFailed', { reason }),
  });

  useRelocalizedErrors(isSubmitted, trigger);
  const language = i18n.language;

  const submit = submitWith(async (values) => {
    await onSubmit(values);
  });
  const hasErrors = Object.keys(errors).length > 0;
  const themeError = errorText(errors.theme);
  const severityError = errorText(errors.severity);

  return (
    <FormProvider {...form}>
      <form
        ref={formRef}
        className="form"
        noValidate
        onSubmit={(e) => void submit(e)}
        aria-describedby="note-required-note"
      >
        <p id="note-required-note" className="field-hint">
          {t('common.requiredNote')}
        </p>

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

        <FormActionBar
          showFixErrors={hasErrors && isSubmitted}
          saveError={saveError}
          submitLabel={submitLabel}
          submitting={isSubmitting}
          cancelTo={cancelTo}
        />
      </form>
    </FormProvider>
  );
}
