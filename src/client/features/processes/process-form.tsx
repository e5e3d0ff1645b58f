import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PROCESS_STAGES, processSchema } from '../../../domain';
import { errorText } from '../../i18n/zod-errors';
import { EntityForm } from '../../ui/entity-form';
import { Field } from '../../ui/field';
import { errorReason, useEntityForm, type SaveOutcome } from '../../ui/use-entity-form';
import { UnitPicker } from '../../widgets/unit-picker/unit-picker';
import './strings';

/** The team is managed elsewhere (the repository adds the creator), so the form leaves it out. */
export const processFormSchema = processSchema.omit({ teamUserIds: true });
export type ProcessFormValues = z.input<typeof processFormSchema>;
export type ProcessFormOutput = z.output<typeof processFormSchema>;

/** The unit-key pattern message comes worded by the domain in Spanish; this follows the UI language. */
const UNIT_KEY_OVERRIDES = { invalid_format: 'errors.unitKey' };

export interface ProcessFormProps {
  defaultValues: ProcessFormValues;
  submitLabel: string;
  cancelTo: string;
  onSubmit(values: ProcessFormOutput): Promise<SaveOutcome | void> | SaveOutcome | void;
  onDirtyChange?(dirty: boolean): void;
}

export function ProcessForm({
  defaultValues,
  submitLabel,
  cancelTo,
  onSubmit,
  onDirtyChange,
}: ProcessFormProps) {
  const { t } = useTranslation();
  const shell = useEntityForm<ProcessFormValues, ProcessFormOutput>({
    schema: processFormSchema,
    defaultValues,
    onSave: onSubmit,
    onDirtyChange,
    failed: (error) => t('processes.saveFailed', { reason: errorReason(error) }),
  });
  const { register, errors } = shell;
  const { control } = shell.form;

  const unitKeysError = errors.unitKeys;
  const unitKeysMessage = errorText(
    unitKeysError && !Array.isArray(unitKeysError)
      ? unitKeysError
      : Array.isArray(unitKeysError)
        ? unitKeysError.find(Boolean)
        : undefined,
    UNIT_KEY_OVERRIDES,
  );

  return (
    <EntityForm shell={shell} submitLabel={submitLabel} cancelTo={cancelTo}>
      <Field id="process-name" label={t('processes.name')} error={errorText(errors.name)} required>
        {(aria) => <input type="text" {...aria} {...register('name')} />}
      </Field>
      <Controller
        control={control}
        name="unitKeys"
        render={({ field }) => (
          <UnitPicker
            id="process-unit-keys"
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            inputRef={field.ref}
            error={unitKeysMessage}
          />
        )}
      />
      <Field id="process-stage" label={t('processes.stage')} error={errorText(errors.stage)} required>
        {(aria) => (
          <select {...aria} {...register('stage')}>
            {PROCESS_STAGES.map((stage, index) => (
              <option key={stage} value={stage}>
                {index + 1}. {t(`vocabulary.stages.${stage}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="process-description"
        label={t('processes.description')}
        error={errorText(errors.description)}
      >
        {(aria) => <textarea rows={4} {...aria} {...register('description')} />}
      </Field>
    </EntityForm>
  );
}
