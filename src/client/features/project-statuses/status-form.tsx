import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { projectStatusSchema, STATUS_MEANINGS } from '../../../domain';
import { errorText } from '../../i18n/zod-errors';
import { EntityForm } from '../../ui/entity-form';
import { Field } from '../../ui/field';
import { errorReason, useEntityForm, type SaveOutcome } from '../../ui/use-entity-form';
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

/** A status's name, meaning, default progress and whether it asks a reason: to add one or edit one. */
export function StatusForm({
  defaultValues,
  submitLabel,
  labelledBy,
  onSave,
  onCancel,
}: {
  defaultValues: StatusFormValues;
  submitLabel: string;
  labelledBy: string;
  onSave(values: StatusFormOutput): Promise<SaveOutcome | void>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const shell = useEntityForm<StatusFormValues, StatusFormOutput>({
    schema: statusFormSchema,
    defaultValues,
    onSave,
    failed: (error) => t('projectStatuses.changeFailed', { reason: errorReason(error) }),
  });
  const { register, errors } = shell;
  return (
    <EntityForm
      shell={shell}
      className="inline-form"
      submitLabel={submitLabel}
      bar="inline"
      confirmsInPlace
      onCancel={onCancel}
      aria-labelledby={labelledBy}
    >
      <Field id={`${id}-name`} label={t('projectStatuses.name')} error={errorText(errors.name)} required>
        {(aria) => <input type="text" {...aria} {...register('name')} />}
      </Field>
      <Field
        id={`${id}-meaning`}
        label={t('projectStatuses.meaning')}
        hint={t('projectStatuses.meaningHint')}
        error={errorText(errors.meaning)}
        required
      >
        {(aria) => (
          <select {...aria} {...register('meaning')}>
            {STATUS_MEANINGS.map((m) => (
              <option key={m} value={m}>
                {t(`projectStatuses.meanings.${m}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={`${id}-progress`}
        label={t('projectStatuses.defaultProgress')}
        hint={t('projectStatuses.defaultProgressHint')}
        error={errorText(errors.defaultProgress)}
      >
        {(aria) => (
          <input
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            {...aria}
            {...register('defaultProgress')}
          />
        )}
      </Field>
      <label className="choice">
        <input type="checkbox" {...register('requiresReason')} /> {t('projectStatuses.requiresReason')}
      </label>
    </EntityForm>
  );
}
