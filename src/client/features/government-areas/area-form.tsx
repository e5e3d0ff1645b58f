import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { governmentAreaSchema } from '../../../domain';
import { errorText } from '../../i18n/zod-errors';
import { EntityForm } from '../../ui/entity-form';
import { Field } from '../../ui/field';
import { errorReason, useEntityForm, type SaveOutcome } from '../../ui/use-entity-form';
import './strings';

const areaFormSchema = z.object({
  name: governmentAreaSchema.shape.name,
  shortName: governmentAreaSchema.shape.shortName,
});
export type AreaFormValues = z.infer<typeof areaFormSchema>;

/** An area's two names, in a short inline form: to add an area or to rename one. */
export function AreaForm({
  defaultValues,
  submitLabel,
  labelledBy,
  onSave,
  onCancel,
}: {
  defaultValues: AreaFormValues;
  submitLabel: string;
  labelledBy: string;
  onSave(values: AreaFormValues): Promise<SaveOutcome | void>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const shell = useEntityForm<AreaFormValues>({
    schema: areaFormSchema,
    defaultValues,
    onSave,
    failed: (error) => t('governmentAreas.changeFailed', { reason: errorReason(error) }),
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
      <Field id={`${id}-name`} label={t('governmentAreas.name')} error={errorText(errors.name)} required>
        {(aria) => <input type="text" {...aria} {...register('name')} />}
      </Field>
      <Field
        id={`${id}-short`}
        label={t('governmentAreas.shortName')}
        hint={t('governmentAreas.shortNameHint')}
        error={errorText(errors.shortName)}
        required
      >
        {(aria) => <input type="text" {...aria} {...register('shortName')} />}
      </Field>
    </EntityForm>
  );
}
