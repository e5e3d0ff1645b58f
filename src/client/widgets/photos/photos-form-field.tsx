import { useController, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BlobRef } from '../../../domain';
import { PhotoPicker } from './photo-picker';
import './strings';

/**
 * The photos of the form in context (inside <EntityForm>), with a
 * `PhotoPicker`: the record stays savable whatever happens to a photo. Its
 * words are the keys under `strings` (title, hint, add, adding, remove, alt
 * and, if it has its own, storageFull); the shared photo words by default.
 */
export function PhotosFormField<Values extends FieldValues>({
  name,
  id,
  max,
  strings = 'photos',
}: {
  name: FieldPathByValue<Values, BlobRef[] | undefined>;
  id: string;
  max: number;
  strings?: string;
}) {
  const { t, i18n } = useTranslation();
  const { field } = useController<Values>({ name });
  const storageFull = `${strings}.storageFull`;
  return (
    <PhotoPicker
      id={id}
      photos={(field.value as BlobRef[] | undefined) ?? []}
      onChange={field.onChange}
      max={max}
      text={{
        title: t(`${strings}.title`),
        hint: t(`${strings}.hint`, { max }),
        add: t(`${strings}.add`),
        adding: t(`${strings}.adding`),
        remove: (number) => t(`${strings}.remove`, { number }),
        alt: (number) => t(`${strings}.alt`, { number }),
        storageFull: i18n.exists(storageFull) ? t(storageFull) : undefined,
      }}
    />
  );
}
