import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../data/use-sessions';
import type { ProblemChoice } from '../../data/use-traceability';
import { errorText } from '../../i18n/zod-errors';
import { CheckboxListField } from '../../ui/checkbox-list-field';
import type { DeleteRecordProps } from '../../ui/delete-record';
import { EntityForm } from '../../ui/entity-form';
import { Field } from '../../ui/field';
import { errorReason, useEntityForm, type SaveOutcome } from '../../ui/use-entity-form';
import { ThemeOptions } from '../../ui/vocabulary/theme-options';
import { PhotoPicker } from '../../widgets/photos/photo-picker';
import {
  MAX_VISION_PHOTOS,
  visionFormSchema,
  type VisionFormOutput,
  type VisionFormValues,
} from './vision-form-values';
import './strings';

export interface VisionFormProps {
  defaultValues: VisionFormValues;
  sessions: SessionView[];
  problems: ProblemChoice[];
  submitLabel: string;
  cancelTo: string;
  onSubmit(values: VisionFormOutput): Promise<SaveOutcome | void>;
  onDirtyChange?(dirty: boolean): void;
  remove?: DeleteRecordProps;
}

function VisionPhotosField() {
  const { t } = useTranslation();
  const { control } = useFormContext<VisionFormValues>();
  const { field } = useController({ control, name: 'photos' });
  return (
    <PhotoPicker
      id="vision-photos"
      photos={field.value}
      onChange={field.onChange}
      max={MAX_VISION_PHOTOS}
      text={{
        title: t('vision.photos.title'),
        hint: t('vision.photos.hint', { max: MAX_VISION_PHOTOS }),
        add: t('vision.photos.add'),
        adding: t('vision.photos.adding'),
        remove: (number) => t('vision.photos.remove', { number }),
        alt: (number) => t('vision.photos.alt', { number }),
      }}
    />
  );
}

/**
 * A vision statement: the session where it was built, its text, thematic
 * area, the problems it answers (prioritised ones first) and photos of the
 * murals, maps and drawings. Validated by the domain's rules, errors worded
 * next to each field in the UI language; saving writes the device database.
 */
export function VisionForm({
  defaultValues,
  sessions,
  problems,
  submitLabel,
  cancelTo,
  onSubmit,
  onDirtyChange,
  remove,
}: VisionFormProps) {
  const { t } = useTranslation();
  const shell = useEntityForm<VisionFormValues, VisionFormOutput>({
    schema: visionFormSchema,
    defaultValues,
    onSave: onSubmit,
    onDirtyChange,
    failed: (error) => t('vision.saveFailed', { reason: errorReason(error) }),
  });
  const { register, errors } = shell;

  return (
    <EntityForm shell={shell} submitLabel={submitLabel} cancelTo={cancelTo} remove={remove}>
      <div className="section">
        <Field
          id="vision-text"
          label={t('vision.fields.text')}
          hint={t('vision.fields.textHint')}
          error={errorText(errors.text)}
          required
        >
          {(aria) => <textarea rows={3} {...aria} {...register('text')} />}
        </Field>
        <Field id="vision-theme" label={t('vision.fields.theme')} error={errorText(errors.theme)} required>
          {(aria) => (
            <select {...aria} {...register('theme')}>
              <ThemeOptions placeholder={t('vision.fields.chooseTheme')} />
            </select>
          )}
        </Field>
        <Field
          id="vision-session"
          label={t('vision.fields.session')}
          error={errorText(errors.sessionId)}
          required
        >
          {(aria) => (
            <select {...aria} {...register('sessionId')}>
              <option value="">{t('vision.fields.chooseSession')}</option>
              {sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title} · {s.date}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="section">
        <p className="field-hint">{t('vision.fields.problemsHint')}</p>
        <CheckboxListField<VisionFormValues>
          name="problemIds"
          legend={t('vision.fields.problems')}
          empty={t('vision.fields.noProblems')}
          options={problems.map((p) => ({
            value: p.id,
            label: (
              <>
                {p.title}
                {p.rank !== null ? (
                  <span className="field-hint"> · {t('vision.fields.rank', { rank: p.rank })}</span>
                ) : null}
              </>
            ),
          }))}
        />
      </div>
      <VisionPhotosField />
    </EntityForm>
  );
}
