import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { blobRefSchema, isoDateSchema } from '../../../domain';
import { formFields } from '../../ui/form-fields';
import { RecordForm } from '../../ui/record-form';
import { errorReason, type SaveOutcome } from '../../ui/use-entity-form';
import { PhotosFormField } from '../../widgets/photos/photos-form-field';
import './strings';

const doneSchema = z.object({
  date: isoDateSchema,
  note: z.string().trim().max(5000),
  photos: z.array(blobRefSchema).max(20),
  public: z.boolean(),
});
export type CommitmentDoneValues = z.infer<typeof doneSchema>;

const { TextField, TextAreaField, CheckboxField } = formFields<CommitmentDoneValues>();

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
  return (
    <RecordForm<CommitmentDoneValues>
      bar="inline"
      schema={doneSchema}
      defaultValues={{ date: today, note: '', photos: [], public: false }}
      onSave={onSave}
      failed={(error) => t('followUp.form.failed', { reason: errorReason(error) })}
      submitLabel={t('followUp.pending.saveDone')}
      onCancel={onCancel}
      labelledBy={labelledBy}
    >
      <TextField name="date" id={`${id}-date`} label={t('followUp.pending.doneOn')} type="date" required />
      <TextAreaField name="note" id={`${id}-note`} label={t('followUp.pending.note')} rows={2} />
      <PhotosFormField<CommitmentDoneValues> name="photos" id={`${id}-photos`} max={20} />
      <CheckboxField name="public" label={t('followUp.form.public')} />
    </RecordForm>
  );
}
