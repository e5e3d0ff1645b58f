import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PhotoPicker } from '../../widgets/photos/photo-picker';
import type { SessionFormValues } from './session-form-values';
import './strings';
import '../../widgets/photos/strings';

const MAX_PHOTOS = 20;

/** The session's photos (see `PhotoPicker`): the session stays savable whatever happens to a photo. */
export function PhotosField() {
  const { t } = useTranslation();
  const { control } = useFormContext<SessionFormValues>();
  const { field } = useController({ control, name: 'photos' });
  return (
    <PhotoPicker
      id="session-photos"
      photos={field.value ?? []}
      onChange={field.onChange}
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
  );
}
