import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../data/use-sessions';
import type { ProblemChoice } from '../../data/use-traceability';
import { formFields, RecordOptions, useFieldNaming } from '../../ui/form-fields';
import { RecordForm, type PageRecordFormProps } from '../../ui/record-form';
import { ThemeOptions } from '../../ui/vocabulary/theme-options';
import { PhotosFormField } from '../../widgets/photos/photos-form-field';
import { ProblemChoicesField } from '../../widgets/problem-choices/problem-choices-field';
import {
  MAX_VISION_PHOTOS,
  visionFormSchema,
  type VisionFormOutput,
  type VisionFormValues,
} from './vision-form-values';
import './strings';

const { TextAreaField, SelectField } = formFields<VisionFormValues>();

export type VisionFormProps = PageRecordFormProps<VisionFormValues, VisionFormOutput> & {
  sessions: SessionView[];
  problems: ProblemChoice[];
};

/**
 * A vision statement: the session where it was built, its text, thematic
 * area, the problems it answers (prioritised ones first) and photos of the
 * murals, maps and drawings. Validated by the domain's rules, errors worded
 * next to each field in the UI language; saving writes the device database.
 */
export function VisionForm({ sessions, problems, onSubmit, ...props }: VisionFormProps) {
  const { t } = useTranslation();
  const field = useFieldNaming<VisionFormValues>({ id: 'vision', keys: 'vision.fields' });
  return (
    <RecordForm<VisionFormValues, VisionFormOutput>
      {...props}
      schema={visionFormSchema}
      onSave={onSubmit}
      failed="vision.saveFailed"
    >
      <div className="section">
        <TextAreaField {...field('text', { hint: true })} rows={3} required />
        <SelectField {...field('theme')} required>
          <ThemeOptions placeholder={t('vision.fields.chooseTheme')} />
        </SelectField>
        <SelectField name="sessionId" id="vision-session" label={t('vision.fields.session')} required>
          <RecordOptions
            records={sessions}
            label={(s) => `${s.title} · ${s.date}`}
            placeholder={t('vision.fields.chooseSession')}
          />
        </SelectField>
      </div>
      <div className="section">
        <ProblemChoicesField<VisionFormValues> name="problemIds" problems={problems} keys="vision.fields" />
      </div>
      <PhotosFormField<VisionFormValues>
        name="photos"
        id="vision-photos"
        max={MAX_VISION_PHOTOS}
        strings="vision.photos"
      />
    </RecordForm>
  );
}
