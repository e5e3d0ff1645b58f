import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PROCESS_STAGES, processSchema } from '../../../domain';
import { formFields, useFieldNaming } from '../../ui/form-fields';
import { RecordForm, type PageRecordFormProps } from '../../ui/record-form';
import { UnitKeysField } from '../../widgets/unit-picker/unit-keys-field';
import './strings';

/** The team is managed elsewhere (the repository adds the creator), so the form leaves it out. */
export const processFormSchema = processSchema.omit({ teamUserIds: true });
export type ProcessFormValues = z.input<typeof processFormSchema>;
export type ProcessFormOutput = z.output<typeof processFormSchema>;
const { TextField, TextAreaField, SelectField } = formFields<ProcessFormValues>();

/** The unit-key pattern message comes worded by the domain in Spanish; this follows the UI language. */
const UNIT_KEY_OVERRIDES = { invalid_format: 'errors.unitKey' };

export type ProcessFormProps = PageRecordFormProps<ProcessFormValues, ProcessFormOutput>;

export function ProcessForm({ onSubmit, ...props }: ProcessFormProps) {
  const { t } = useTranslation();
  const field = useFieldNaming<ProcessFormValues>({ id: 'process', keys: 'processes' });
  return (
    <RecordForm<ProcessFormValues, ProcessFormOutput>
      {...props}
      schema={processFormSchema}
      onSave={onSubmit}
      failed="processes.saveFailed"
    >
      <TextField {...field('name')} required />
      <UnitKeysField<ProcessFormValues>
        name="unitKeys"
        id="process-unit-keys"
        errorKeys={UNIT_KEY_OVERRIDES}
      />
      <SelectField {...field('stage')} required>
        {PROCESS_STAGES.map((stage, index) => (
          <option key={stage} value={stage}>
            {index + 1}. {t(`vocabulary.stages.${stage}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField {...field('description')} rows={4} />
    </RecordForm>
  );
}
