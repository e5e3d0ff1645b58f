import { useMemo } from 'react';
import { useController, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { StatusRecord } from '../../../domain';
import { StatusChangeError } from '../../data/use-follow-up';
import { errorText } from '../../i18n/zod-errors';
import { EntityForm } from '../../ui/entity-form';
import { Field } from '../../ui/field';
import { errorReason, useEntityForm, type SaveOutcome } from '../../ui/use-entity-form';
import { PhotoPicker, PhotoThumb } from '../../widgets/photos/photo-picker';
import { PointField } from '../../widgets/point-field/point-field';
import { progressFormSchema, type ProgressFormOutput, type ProgressFormValues } from './progress-form-values';
import './strings';
import '../../widgets/photos/strings';

const MAX_PHOTOS = 20;

function PhotosAndPoint() {
  const { t } = useTranslation();
  const { control } = useFormContext<ProgressFormValues>();
  const { field: photos } = useController({ control, name: 'photos' });
  const { field: publicPhotos } = useController({ control, name: 'publicPhotos' });
  const { field: point } = useController({ control, name: 'point' });
  const isPublic = useWatch({ control, name: 'public' });
  return (
    <>
      <PhotoPicker
        id="progress-photos"
        photos={photos.value}
        onChange={photos.onChange}
        max={MAX_PHOTOS}
        text={{
          title: t('photos.title'),
          hint: t('photos.hint', { max: MAX_PHOTOS }),
          add: t('photos.add'),
          adding: t('photos.adding'),
          remove: (number) => t('photos.remove', { number }),
          alt: (number) => t('photos.photoAlt', { number }),
        }}
      />
      {isPublic && photos.value.length > 0 ? (
        <fieldset>
          <legend>{t('followUp.form.publicPhotos')}</legend>
          <ul className="plain-list follow-up-public-photos">
            {photos.value.map((photo, i) => (
              <li key={photo.sha256}>
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={publicPhotos.value.includes(photo.sha256)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      publicPhotos.onChange(
                        on
                          ? [...publicPhotos.value, photo.sha256]
                          : publicPhotos.value.filter((h) => h !== photo.sha256),
                      );
                    }}
                  />{' '}
                  <PhotoThumb photo={photo} alt={t('photos.photoAlt', { number: i + 1 })} />{' '}
                  {t('followUp.form.publicPhoto', { number: i + 1 })}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
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
  const schema = useMemo(() => progressFormSchema(statuses, currentStatusId), [statuses, currentStatusId]);
  const shell = useEntityForm<ProgressFormValues, ProgressFormOutput>({
    schema,
    defaultValues,
    onSave,
    failed: (error) =>
      error instanceof StatusChangeError
        ? error.problems.map((p) => t(`followUp.statusRefused.${p}`)).join(' ')
        : t('followUp.form.failed', { reason: errorReason(error) }),
  });
  const { register, errors } = shell;
  const statusId = useWatch({ control: shell.form.control, name: 'statusId' });
  const next = statuses.find((s) => s.id === statusId);
  const offered = statuses.filter((s) => s.active || s.id === currentStatusId);
  return (
    <EntityForm
      shell={shell}
      submitLabel={t('followUp.form.save')}
      onCancel={onCancel}
      bar="inline"
      confirmsInPlace
      aria-labelledby="progress-form-title"
    >
      <Field id="progress-date" label={t('followUp.form.date')} error={errorText(errors.date)} required>
        {(aria) => <input type="date" {...aria} {...register('date')} />}
      </Field>
      <Field
        id="progress-text"
        label={t('followUp.form.text')}
        hint={t('followUp.form.textHint')}
        error={errorText(errors.text)}
      >
        {(aria) => <textarea rows={3} {...aria} {...register('text')} />}
      </Field>
      <div className="field-row">
        <Field id="progress-status" label={t('followUp.form.status')} error={errorText(errors.statusId)}>
          {(aria) => (
            <select {...aria} {...register('statusId')}>
              {offered.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {manualProgress ? (
          <Field
            id="progress-value"
            label={t('followUp.form.progress')}
            hint={t('followUp.form.progressHint')}
            error={errorText(errors.progress)}
          >
            {(aria) => (
              <input
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                {...aria}
                {...register('progress')}
              />
            )}
          </Field>
        ) : null}
      </div>
      {next?.requiresReason && next.id !== currentStatusId ? (
        <Field
          id="progress-reason"
          label={t('followUp.form.reason')}
          error={errorText(errors.statusReason)}
          required
        >
          {(aria) => <textarea rows={2} {...aria} {...register('statusReason')} />}
        </Field>
      ) : null}
      <PhotosAndPoint />
      <label className="choice">
        <input type="checkbox" {...register('public')} /> {t('followUp.form.public')}
      </label>
    </EntityForm>
  );
}
