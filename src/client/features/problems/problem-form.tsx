import { zodResolver } from '@hookform/resolvers/zod';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { THEMATIC_AREAS } from '../../../domain';
import type { TourNoteView } from '../../data/use-tour-notes';
import { errorText, formErrorMap } from '../../i18n/zod-errors';
import { Field } from '../../ui/field';
import { useFormSave } from '../../ui/use-form-save';
import { useRelocalizedErrors } from '../../ui/use-relocalized-errors';
import { EvidenceField } from './evidence-field';
import { problemFormSchema, type ProblemFormOutput, type ProblemFormValues } from './problem-form-values';
import { TextListField } from './text-list-field';
import './strings';
import { FormActionBar } from '../../ui/form-action-bar';

const resolver = zodResolver(problemFormSchema, { error: formErrorMap });

export interface ProblemFormProps {
  defaultValues: ProblemFormValues;
  notes: TourNoteView[];
  submitLabel: string;
  cancelTo: string;
  /** Receives the validated values; a thrown error is shown above the buttons. */
  onSubmit(values: ProblemFormOutput): Promise<void>;
  onDirtyChange?(dirty: boolean): void;
}

/**
 * A problem: title, description, thematic area, causes, effects and the
 * tour notes that evidence it. Validated by the domain's rules, errors worded
 * next to each field in the UI language; saving writes the device database.
 */
export function ProblemForm({
  defaultValues,
  notes,
  submitLabel,
  cancelTo,
  onSubmit,
  onDirtyChange,
}: ProblemFormProps) {
  const { t } = useTranslation();
  const form = useForm<ProblemFormValues, unknown, ProblemFormOutput>({
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
    failed: (reason) => t('problems.saveFailed', { reason }),
  });

  useRelocalizedErrors(isSubmitted, trigger);

  const submit = submitWith(async (values) => {
    await onSubmit(values);
  });
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <FormProvider {...form}>
      <form
        ref={formRef}
        className="form"
        noValidate
        onSubmit={(e) => void submit(e)}
        aria-describedby="problem-required-note"
      >
        <p id="problem-required-note" className="field-hint">
          {t('common.requiredNote')}
        </p>
        <div className="section">
          <Field
            id="problem-title"
            label={t('problems.fields.title')}
            error={errorText(errors.title)}
            required
          >
            {(aria) => <input type="text" {...aria} {...register('title')} />}
          </Field>
          <Field
            id="problem-theme"
            label={t('problems.fields.theme')}
            error={errorText(errors.theme)}
            required
          >
            {(aria) => (
              <select {...aria} {...register('theme')}>
                <option value="">{t('problems.fields.chooseTheme')}</option>
                {THEMATIC_AREAS.map((area) => (
                  <option key={area} value={area}>
                    {t(`vocabulary.themes.${area}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="problem-description"
            label={t('problems.fields.description')}
            error={errorText(errors.description)}
          >
            {(aria) => <textarea rows={4} {...aria} {...register('description')} />}
          </Field>
        </div>

        <TextListField name="causes" />
        <TextListField name="effects" />
        <EvidenceField notes={notes} />

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
