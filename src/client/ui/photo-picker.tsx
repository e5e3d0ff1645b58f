import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlobRef } from '../../domain';
import { getBlobUrl, storePhoto, StorageFullError, UnsupportedBlobError } from '../data';

/** A photo from the device's copy (or the server's, when online); its object URL is freed on unmount. */
export function PhotoThumb({ photo, alt }: { photo: BlobRef; alt: string }) {
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

export interface PhotoPickerText {
  title: string;
  hint: string;
  add: string;
  adding: string;
  remove(number: number): string;
  alt(number: number): string;
  /** Said when the device is full (the record stays savable); the shared message otherwise. */
  storageFull?: string;
}

/**
 * Photos taken or picked on the tablet: downscaled and kept on the device at
 * once (they survive going offline and a failed upload), sent on the next
 * sync. The same photo twice is kept once. A full device is said in words.
 */
export function PhotoPicker({
  photos,
  onChange,
  max,
  id,
  text,
}: {
  photos: BlobRef[];
  onChange: (next: BlobRef[]) => void;
  max: number;
  /** Base for the element ids of this picker. */
  id: string;
  text: PhotoPickerText;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  function problem(error: unknown): string {
    if (error instanceof StorageFullError) return text.storageFull ?? t(error.i18nKey);
    if (error instanceof UnsupportedBlobError) return t(error.i18nKey);
    return t('photos.failed', { reason: error instanceof Error ? error.message : String(error) });
  }

  async function add(files: File[]) {
    setBusy(true);
    setMessage(null);
    let next = [...photos];
    try {
      for (const file of files) {
        if (next.length >= max) {
          setMessage(t('photos.limit', { max }));
          break;
        }
        const ref = await storePhoto(file);
        if (!next.some((p) => p.sha256 === ref.sha256)) next = [...next, ref];
      }
    } catch (error) {
      setMessage(problem(error));
    } finally {
      if (next.length !== photos.length) onChange(next);
      setBusy(false);
    }
  }

  return (
    <fieldset className="section" aria-describedby={`${id}-hint`}>
      <legend>
        <h2>{text.title}</h2>
      </legend>
      <p id={`${id}-hint`} className="field-hint">
        {text.hint}
      </p>
      {photos.length > 0 ? (
        <ul className="photo-grid">
          {photos.map((photo, index) => (
            <li key={photo.sha256} className="photo-item">
              <PhotoThumb photo={photo} alt={text.alt(index + 1)} />
              <button
                type="button"
                className="button"
                aria-label={text.remove(index + 1)}
                onClick={() => {
                  onChange(photos.filter((p) => p.sha256 !== photo.sha256));
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
        id={id}
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
        disabled={busy || photos.length >= max}
        onClick={() => inputRef.current?.click()}
      >
        {busy ? text.adding : text.add}
      </button>
      {message ? (
        <p className="form-alert" role="alert">
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}
