import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PhotoPicker } from '../../widgets/photos/photo-picker';
import { MAX_NOTE_PHOTOS, type TourNoteFormValues } from './tour-note-form-values';
import './strings';

/** The note's photos, taken with the tablet's camera (see `PhotoPicker`); the note stays savable. */
export function NotePhotosField() {
  const { t } = useTranslation();
  const { control } = useFormContext<TourNoteFormValues>();
  const { field } = useController({ control, name: 'photos' });
  return (
    <PhotoPicker
      id="note-photos"
      photos={field.value}
      onChange={field.onChange}
      max={MAX_NOTE_PHOTOS}
      text={{
        title: t('tourNotes.photos.title'),
        hint: t('tourNotes.photos.hint', { max: MAX_NOTE_PHOTOS }),
        add: t('tourNotes.photos.add'),
        adding: t('tourNotes.photos.adding'),
        remove: (number) => t('tourNotes.photos.remove', { number }),
        alt: (number) => t('tourNotes.photos.alt', { number }),
        storageFull: t('tourNotes.photos.storageFull'),
      }}
    />
  );
}
