/** Coordinators: upload a .pmtiles file with a name; the server lists it for every device. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../net/api-client';
import { uploadMapPack } from '../../data/use-map-packs';
import { EntityForm } from '../../ui/entity-form';
import { Field } from '../../ui/field';
import { errorReason, useEntityForm } from '../../ui/use-entity-form';
import './strings';

const MAX_BYTES = 200 * 1024 * 1024;
const K = 'mapPacks.upload.errors.';

const schema = z.object({
  file: z
    .custom<FileList | null>()
    .refine((files) => Boolean(files && files.length > 0), K + 'fileRequired')
    .refine((files) => !files?.[0] || files[0].size <= MAX_BYTES, K + 'tooLarge'),
  name: z
    .string()
    .trim()
    .min(2, K + 'nameShort')
    .max(120, K + 'nameLong'),
});
type Values = z.input<typeof schema>;
type Output = z.output<typeof schema>;

export function UploadForm({ onUploaded }: { onUploaded?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const shell = useEntityForm<Values, Output>({
    schema,
    defaultValues: { file: null, name: '' },
    failed: (e) => {
      if (e instanceof ApiError && e.code === 'network') return t(K + 'offline');
      if (e instanceof ApiError && e.status === 422) return t(K + 'invalid');
      if (e instanceof ApiError && e.status === 403) return t(K + 'forbidden');
      if (e instanceof ApiError && e.status === 413) return t(K + 'tooLarge');
      return t(K + 'failed', { message: errorReason(e) });
    },
    onSave: async ({ file, name }) => {
      const result = await uploadMapPack(file![0]!, name);
      onUploaded?.();
      // The form empties, ready for another map; what the server did stays said.
      return {
        clear: true,
        notice: result.created
          ? { key: 'mapPacks.upload.created', values: { name } }
          : { key: 'mapPacks.upload.existed' },
      };
    },
  });
  const { register, errors } = shell;

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('mapPacks.upload.title')}</h2>
      <p>{t('mapPacks.upload.hint')}</p>
      <EntityForm
        shell={shell}
        submitLabel={t('mapPacks.upload.submit')}
        submittingLabel={t('mapPacks.upload.running')}
        bar="inline"
        confirmsInPlace
        fixErrorsText={t('common.checkFields')}
      >
        <Field
          id={`${id}-file`}
          label={t('mapPacks.upload.file')}
          required
          error={errors.file?.message ? t(errors.file.message) : undefined}
        >
          {(aria) => (
            <input {...aria} type="file" accept=".pmtiles,application/vnd.pmtiles" {...register('file')} />
          )}
        </Field>
        <Field
          id={`${id}-name`}
          label={t('mapPacks.upload.name')}
          hint={t('mapPacks.upload.nameHint')}
          required
          error={errors.name?.message ? t(errors.name.message) : undefined}
        >
          {(aria) => <input {...aria} type="text" autoComplete="off" {...register('name')} />}
        </Field>
      </EntityForm>
    </section>
  );
}
