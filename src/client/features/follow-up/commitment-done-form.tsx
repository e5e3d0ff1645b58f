import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { blobRefSchema, isoDateSchema } from '../../../domain';
import { errorText } from '../../i18n/zod-errors';
import { EntityForm } from '../../ui/entity-form';
import { Field } from '../../ui/field';
import { errorReason, useEntityForm, type SaveOutcome } from '../../ui/use-entity-form';
import { PhotoPicker } from '../../widgets/photos/photo-picker';
import './strings';
import '../../widgets/photos/strings';

const doneSchema = z.object({
  date: isoDateSchema,
  note: z.string().trim().max(5000),
  photos: z.array(blobRefSchema).max(20),
  public: z.boolean(),
});
export type CommitmentDoneValues = z.infer<typeof doneSchema>;

function Photos({ id }: { id: string }) {
  const { t } = useTranslation();
  const { control } = useFormContext<CommitmentDoneValues>();
  const { field } = useController({ control, name: 'photos' });
  return (
    <PhotoPicker
      id={`${id}-photos`}
      photos={field.value}
      onChange={field.onChange}
      max={20}
      text={{
        title: t('photos.title'),
        hint: t('photos.hint', { max: 20 }),
        add: t('photos.add'),
        adding: t('photos.adding'),
        remove: (number) => t('photos.remove', { number }),
        alt: (number) => t('photos.photoAlt', { number }),
      }}
    />
  );
}

/** Marking a project's commitment done: the day, an optional note and photos (they go to the project's timeline). */
export function CommitmentDoneForm({
  id,
  labelledBy,
  today,
  onSave,
  onCancel,
}: {
  id: string;
  labelledBy: string;
  today: string;
  onSave(values: CommitmentDoneValues): Promise<SaveOutcome | void>;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const shell = useEntityForm<CommitmentDoneValues>({
    schema: doneSchema,
    defaultValues: { date: today, note: '', photos: [], public: false },
    onSave,
    failed: (error) => t('followUp.form.failed', { reason: errorReason(error) }),
  });
  const { register, errors } = shell;
  return (
    <EntityForm
      shell={shell}
      submitLabel={t('followUp.pending.saveDone')}
      onCancel={onCancel}
      bar="inline"
      aria-labelledby={labelledBy}
    >
      <Field id={`${id}-date`} label={t('followUp.pending.doneOn')} error={errorText(errors.date)} required>
        {(aria) => <input type="date" {...aria} {...register('date')} />}
      </Field>
      <Field id={`${id}-note`} label={t('followUp.pending.note')} error={errorText(errors.note)}>
        {(aria) => <textarea rows={2} {...aria} {...register('note')} />}
      </Field>
      <Photos id={id} />
      <label className="choice">
        <input type="checkbox" {...register('public')} /> {t('followUp.form.public')}
      </label>
    </EntityForm>
  );
}
