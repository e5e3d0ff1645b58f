import { useMemo } from 'react';
import { useController, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { StatusRecord } from '../../../domain';
import { StatusChangeError } from '../../data/use-follow-up';
import { CheckboxListField } from '../../ui/checkbox-list-field';
import { formFields, RecordOptions, useFieldNaming } from '../../ui/form-fields';
import { failedWords, RecordForm } from '../../ui/record-form';
import type { SaveOutcome } from '../../ui/use-entity-form';
import { PhotoThumb } from '../../widgets/photos/photo-picker';
import { PhotosFormField } from '../../widgets/photos/photos-form-field';
import { PointField } from '../../widgets/point-field/point-field';
import { progressFormSchema, type ProgressFormOutput, type ProgressFormValues } from './progress-form-values';
import './strings';
import '../../widgets/photos/strings';

const MAX_PHOTOS = 20;

const { TextField, TextAreaField, SelectField, PercentField, CheckboxField } =
  formFields<ProgressFormValues>();
const NAMING = { id: 'progress', keys: 'followUp.form' };

function PhotosAndPoint() {
  const { t } = useTranslation();
  const { control } = useFormContext<ProgressFormValues>();
  const { field: point } = useController({ control, name: 'point' });
  const [isPublic, photos] = useWatch({ control, name: ['public', 'photos'] });
  return (
    <>
      <PhotosFormField<ProgressFormValues> name="photos" id="progress-photos" max={MAX_PHOTOS} />
      {isPublic && photos.length > 0 ? (
        <CheckboxListField<ProgressFormValues>
          name="publicPhotos"
          legend={t('followUp.form.publicPhotos')}
          className="follow-up-public-photos"
          options={photos.map((photo, i) => ({
            value: photo.sha256,
            label: (
              <>
                <PhotoThumb photo={photo} alt={t('photos.alt', { number: i + 1 })} />{' '}
                {t('followUp.form.publicPhoto', { number: i + 1 })}
              </>
            ),
          }))}
        />
      ) : null}
      <PointField
        id="progress-point"
        value={point.value}
        onChange={point.onChange}
        incompleteHint={t('followUp.form.pointIncomplete')}
      />
    </>
  );
}

/** A new status (from those in use, and the current one), its reason when it asks one, and the progress by hand. */
function StatusChange({
  statuses,
  currentStatusId,
  manualProgress,
}: {
  statuses: StatusRecord[];
  currentStatusId: string | undefined;
  manualProgress: boolean;
}) {
  const { t } = useTranslation();
  const field = useFieldNaming<ProgressFormValues>(NAMING);
  const statusId = useWatch<ProgressFormValues, 'statusId'>({ name: 'statusId' });
  const next = statuses.find((s) => s.id === statusId);
  const offered = statuses.filter((s) => s.active || s.id === currentStatusId);
  return (
    <>
      <div className="field-row">
        <SelectField name="statusId" id="progress-status" label={t('followUp.form.status')}>
          <RecordOptions records={offered} label={(s) => s.name} />
        </SelectField>
        {manualProgress ? <PercentField {...field('progress', { hint: true })} id="progress-value" /> : null}
      </div>
      {next?.requiresReason && next.id !== currentStatusId ? (
        <TextAreaField
          name="statusReason"
          id="progress-reason"
          label={t('followUp.form.reason')}
          rows={2}
          required
        />
      ) : null}
    </>
  );
}

/**
 * "Registrar avance": what advanced today on the project (text, photos, a
 * map point), optionally a new status with its reason and the progress set by
 * hand (only for a project without actions: one with actions rolls up). It
 * writes the device database; the timeline shows it at once.
 */
export function ProgressForm({
  statuses,
  currentStatusId,
  manualProgress,
  defaultValues,
  onSave,
  onCancel,
}: {
  statuses: StatusRecord[];
  currentStatusId: string | undefined;
  /** Whether the progress is set by hand (no actions to roll up). */
  manualProgress: boolean;
  defaultValues: ProgressFormValues;
  onSave(values: ProgressFormOutput): Promise<SaveOutcome | void>;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const field = useFieldNaming<ProgressFormValues>(NAMING);
  const schema = useMemo(() => progressFormSchema(statuses, currentStatusId), [statuses, currentStatusId]);
  return (
    <RecordForm<ProgressFormValues, ProgressFormOutput>
      bar="inline"
      schema={schema}
      defaultValues={defaultValues}
      onSave={onSave}
      failed={failedWords(t, 'followUp.form.failed', {
        error: StatusChangeError,
        keys: 'followUp.statusRefused',
      })}
      submitLabel={t('followUp.form.save')}
      onCancel={onCancel}
      confirmsInPlace
      labelledBy="progress-form-title"
    >
      <TextField {...field('date')} type="date" required />
      <TextAreaField {...field('text', { hint: true })} rows={3} />
      <StatusChange statuses={statuses} currentStatusId={currentStatusId} manualProgress={manualProgress} />
      <PhotosAndPoint />
      <CheckboxField name="public" label={t('followUp.form.public')} />
    </RecordForm>
  );
}
