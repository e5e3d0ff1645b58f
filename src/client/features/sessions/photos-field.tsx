import { useEffect, useRef, useState } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BlobRef } from '../../../domain';
import { getBlobUrl, storePhoto, StorageFullError, UnsupportedBlobError } from '../../data';
import type { SessionFormValues } from './session-form-values';

const MAX_PHOTOS = 20;

/** A thumbnail from the device's copy (or the server's, when online); its object URL is freed on unmount. */
function Thumbnail({ photo, alt }: { photo: BlobRef; alt: string }) {
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
 * The session's photos: taken or picked on the tablet, downscaled and kept
 * on the device at once (so they survive going offline), uploaded on the
 * next sync. A full device is said in words; the session stays savable.
 */
export function PhotosField() {
  const { t } = useTranslation();
  const { control } = useFormContext<SessionFormValues>();
  const { field } = useController({ control, name: 'photos' });
  const photos = field.value ?? [];
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  function problem(error: unknown): string {
    if (error instanceof StorageFullError || error instanceof UnsupportedBlobError) return t(error.i18nKey);
    return t('photos.failed', { reason: error instanceof Error ? error.message : String(error) });
  }

  async function add(files: File[]) {
    setBusy(true);
    setMessage(null);
    let next = [...photos];
    try {
      for (const file of files) {
        if (next.length >= MAX_PHOTOS) {
          setMessage(t('photos.limit', { max: MAX_PHOTOS }));
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
    <fieldset className="section" aria-describedby="photos-hint">
      <legend>
        <h2>{t('photos.title')}</h2>
      </legend>
      <p id="photos-hint" className="field-hint">
        {t('photos.hint', { max: MAX_PHOTOS })}
      </p>
      {photos.length > 0 ? (
        <ul className="photo-grid">
          {photos.map((photo, index) => (
            <li key={photo.sha256} className="photo-item">
              <Thumbnail photo={photo} alt={t('photos.photoAlt', { number: index + 1 })} />
              <button
                type="button"
                className="button"
                aria-label={t('photos.remove', { number: index + 1 })}
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
        id="session-photos"
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
        disabled={busy || photos.length >= MAX_PHOTOS}
        onClick={() => inputRef.current?.click()}
      >
        {busy ? t('photos.adding') : t('photos.add')}
      </button>
      {message ? (
        <p className="form-alert" role="alert">
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}
