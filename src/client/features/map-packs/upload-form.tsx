/** Coordinators: upload a .pmtiles file with a name; the server lists it for every device. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { uploadMapPack } from '../../data/use-map-packs';
import { ApiError } from '../../net/api-client';
import { Field } from '../../ui/field';
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
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues: { file: null, name: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ file, name }) => {
    setStatus(null);
    setError(null);
    try {
      const result = await uploadMapPack(file![0]!, name);
      setStatus(result.created ? t('mapPacks.upload.created', { name }) : t('mapPacks.upload.existed'));
      form.reset();
      onUploaded?.();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'network') setError(t(K + 'offline'));
      else if (e instanceof ApiError && e.status === 422) setError(t(K + 'invalid'));
      else if (e instanceof ApiError && e.status === 403) setError(t(K + 'forbidden'));
      else if (e instanceof ApiError && e.status === 413) setError(t(K + 'tooLarge'));
      else setError(t(K + 'failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  });

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('mapPacks.upload.title')}</h2>
      <p>{t('mapPacks.upload.hint')}</p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Field
          id={`${id}-file`}
          label={t('mapPacks.upload.file')}
          required
          error={errors.file?.message ? t(errors.file.message) : undefined}
        >
          {(aria) => (
            <input
              {...aria}
              type="file"
              accept=".pmtiles,application/vnd.pmtiles"
              {...form.register('file')}
            />
          )}
        </Field>
        <Field
          id={`${id}-name`}
          label={t('mapPacks.upload.name')}
          hint={t('mapPacks.upload.nameHint')}
          required
          error={errors.name?.message ? t(errors.name.message) : undefined}
        >
          {(aria) => <input {...aria} type="text" autoComplete="off" {...form.register('name')} />}
        </Field>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? t('mapPacks.upload.running') : t('mapPacks.upload.submit')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {status ? <p>{status}</p> : null}
      </div>
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
    </section>
  );
}
