import { useTranslation } from 'react-i18next';
import type { TourNoteView } from '../../data/use-tour-notes';
import { errorText } from '../../i18n/zod-errors';
import { EntityForm } from '../../ui/entity-form';
import { Field } from '../../ui/field';
import { errorReason, useEntityForm, type SaveOutcome } from '../../ui/use-entity-form';
import { ThemeOptions } from '../../ui/vocabulary/theme-options';
import { EvidenceField } from './evidence-field';
import { problemFormSchema, type ProblemFormOutput, type ProblemFormValues } from './problem-form-values';
import { TextListField } from './text-list-field';
import './strings';

export interface ProblemFormProps {
  defaultValues: ProblemFormValues;
  notes: TourNoteView[];
  submitLabel: string;
  cancelTo: string;
  /** Receives the validated values and says where to go next; a thrown error is shown above the buttons. */
  onSubmit(values: ProblemFormOutput): Promise<SaveOutcome | void>;
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
  const shell = useEntityForm<ProblemFormValues, ProblemFormOutput>({
    schema: problemFormSchema,
    defaultValues,
    onSave: onSubmit,
    onDirtyChange,
    failed: (error) => t('problems.saveFailed', { reason: errorReason(error) }),
  });
  const { register, errors } = shell;

  return (
    <EntityForm shell={shell} submitLabel={submitLabel} cancelTo={cancelTo}>
      <div className="section">
        <Field id="problem-title" label={t('problems.fields.title')} error={errorText(errors.title)} required>
          {(aria) => <input type="text" {...aria} {...register('title')} />}
        </Field>
        <Field id="problem-theme" label={t('problems.fields.theme')} error={errorText(errors.theme)} required>
          {(aria) => (
            <select {...aria} {...register('theme')}>
              <ThemeOptions placeholder={t('problems.fields.chooseTheme')} />
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
    </EntityForm>
  );
}
