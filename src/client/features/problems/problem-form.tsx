import { useTranslation } from 'react-i18next';
import type { TourNoteView } from '../../data/use-tour-notes';
import { formFields, useFieldNaming } from '../../ui/form-fields';
import { RecordForm, type PageRecordFormProps } from '../../ui/record-form';
import { ThemeOptions } from '../../ui/vocabulary/theme-options';
import { EvidenceField } from './evidence-field';
import { problemFormSchema, type ProblemFormOutput, type ProblemFormValues } from './problem-form-values';
import { TextListField } from './text-list-field';
import './strings';

const { TextField, TextAreaField, SelectField } = formFields<ProblemFormValues>();

export type ProblemFormProps = PageRecordFormProps<ProblemFormValues, ProblemFormOutput> & {
  notes: TourNoteView[];
};

/**
 * A problem: title, description, thematic area, causes, effects and the
 * tour notes that evidence it. Validated by the domain's rules, errors worded
 * next to each field in the UI language; saving writes the device database.
 */
export function ProblemForm({ notes, onSubmit, ...props }: ProblemFormProps) {
  const { t } = useTranslation();
  const field = useFieldNaming<ProblemFormValues>({ id: 'problem', keys: 'problems.fields' });
  return (
    <RecordForm<ProblemFormValues, ProblemFormOutput>
      {...props}
      schema={problemFormSchema}
      onSave={onSubmit}
      failed="problems.saveFailed"
    >
      <div className="section">
        <TextField {...field('title')} required />
        <SelectField {...field('theme')} required>
          <ThemeOptions placeholder={t('problems.fields.chooseTheme')} />
        </SelectField>
        <TextAreaField {...field('description')} rows={4} />
      </div>

      <TextListField name="causes" />
      <TextListField name="effects" />
      <EvidenceField notes={notes} />
    </RecordForm>
  );
}
