import { useEffect, useRef, useState } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BlobRef } from '../../../domain';
import { getBlobUrl, storePhoto, StorageFullError, UnsupportedBlobError } from '../../data';
import { MAX_NOTE_PHOTOS, type TourNoteFormValues } from './tour-note-form-values';
import './strings';

/** A photo from the device's copy (or the server's, when online); its object URL is freed on unmount. */
export function NotePhoto({ photo, alt }: { photo: BlobRef; alt: string }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let made: string | null = null;
    let live = true;
    getBlobUrl(photo.sha256).then(
      (u) => {
        made = u;
        if (live) setUrl(u);
        else URL.revokeObjectURL(u);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [photo.sha256]);

  if (url)
    return <img className="photo-thumb" src={url} alt={alt} width={photo.width} height={photo.height} />;
  return (
    <span className="photo-thumb photo-thumb-empty" role="img" aria-label={alt}>
      {failed ? t('photos.unavailable') : t('photos.loading')}
    </span>
  );
}

/**
 * The note's photos, taken with the tablet's camera: downscaled and kept on
 * the device at once (they survive going offline and a failed upload), sent
 * on the next sync. A full device is said in words; the note stays savable.
 */
export function NotePhotosField() {
  const { t } = useTranslation();
  const { control } = useFormContext<TourNoteFormValues>();
  const { field } = useController({ control, name: 'photos' });
  const photos = field.value;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  function problem(error: unknown): string {
    if (error instanceof StorageFullError) return t('tourNotes.photos.storageFull');
    if (error instanceof UnsupportedBlobError) return t(error.i18nKey);
    return t('photos.failed', { reason: error instanceof Error ? error.message : String(error) });
  }

  async function add(files: File[]) {
    setBusy(true);
    setMessage(null);
    let next = [...photos];
    try {
      for (const file of files) {
        if (next.length >= MAX_NOTE_PHOTOS) {
          setMessage(t('photos.limit', { max: MAX_NOTE_PHOTOS }));
          break;
        }
        const ref = await storePhoto(file);
        if (!next.some((p) => p.sha256 === ref.sha256)) next = [...next, ref];
      }
    } catch (error) {
      setMessage(problem(error));
    } finally {
      if (next.length !== photos.length) field.onChange(next);
      setBusy(false);
    }
  }

  return (
    <fieldset className="section" aria-describedby="note-photos-hint">
      <legend>
        <h2>{t('tourNotes.photos.title')}</h2>
      </legend>
      <p id="note-photos-hint" className="field-hint">
        {t('tourNotes.photos.hint', { max: MAX_NOTE_PHOTOS })}
      </p>
      {photos.length > 0 ? (
        <ul className="photo-grid">
          {photos.map((photo, index) => (
            <li key={photo.sha256} className="photo-item">
              <NotePhoto photo={photo} alt={t('tourNotes.photos.alt', { number: index + 1 })} />
              <button
                type="button"
                className="button"
                aria-label={t('tourNotes.photos.remove', { number: index + 1 })}
                onClick={() => {
                  field.onChange(photos.filter((p) => p.sha256 !== photo.sha256));
                  addRef.current?.focus();
                }}
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        ref={inputRef}
        id="note-photos"
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (files.length > 0) void add(files);
        }}
      />
      <button
        ref={addRef}
        type="button"
        className="button"
        disabled={busy || photos.length >= MAX_NOTE_PHOTOS}
        onClick={() => inputRef.current?.click()}
      >
        {busy ? t('tourNotes.photos.adding') : t('tourNotes.photos.add')}
      </button>
      {message ? (
        <p className="form-alert" role="alert">
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}
