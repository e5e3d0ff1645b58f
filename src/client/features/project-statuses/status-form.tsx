import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { projectStatusSchema, STATUS_MEANINGS } from '../../../domain';
import { formFields, Options, PercentField } from '../../ui/form-fields';
import { InlineRecordForm } from '../../ui/inline-record-form';
import type { InlineRecordFormProps } from '../../ui/record-form';
import './strings';

const statusFormSchema = z.object({
  name: projectStatusSchema.shape.name,
  meaning: projectStatusSchema.shape.meaning,
  defaultProgress: z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d{1,3}$/.test(v) && Number(v) <= 100), 'Escribe un número de 0 a 100')
    .transform((v) => (v === '' ? null : Number(v))),
  requiresReason: z.boolean(),
});
export interface StatusFormValues {
  name: string;
  meaning: (typeof STATUS_MEANINGS)[number];
  defaultProgress: string;
  requiresReason: boolean;
}
export type StatusFormOutput = z.output<typeof statusFormSchema>;

const { TextField, SelectField, CheckboxField } = formFields<StatusFormValues>();

/** A status's name, meaning, default progress and whether it asks a reason: to add one or edit one. */
export function StatusForm(props: InlineRecordFormProps<StatusFormValues, StatusFormOutput>) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <InlineRecordForm<StatusFormValues, StatusFormOutput>
      {...props}
      schema={statusFormSchema}
      failedKey="projectStatuses.changeFailed"
    >
      <TextField name="name" id={`${id}-name`} label={t('projectStatuses.name')} required />
      <SelectField
        name="meaning"
        id={`${id}-meaning`}
        label={t('projectStatuses.meaning')}
        hint={t('projectStatuses.meaningHint')}
        required
      >
        <Options values={STATUS_MEANINGS} label={(m) => t(`projectStatuses.meanings.${m}`)} />
      </SelectField>
      <PercentField<StatusFormValues>
        name="defaultProgress"
        id={`${id}-progress`}
        label={t('projectStatuses.defaultProgress')}
        hint={t('projectStatuses.defaultProgressHint')}
      />
      <CheckboxField name="requiresReason" label={t('projectStatuses.requiresReason')} />
    </InlineRecordForm>
  );
}
