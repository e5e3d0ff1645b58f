import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlobRef } from '../../../domain';
import { storePhoto, StorageFullError, UnsupportedBlobError, usePhoto } from '../../data/use-blobs';
import { FormAlert } from '../../ui/form-alert';
import './photos.css';
import './strings';

/**
 * A photo from the device's copy (or the server's, when online); its object URL is freed on
 * unmount. A photo the device freed to make room is, offline, a placeholder that says so (its
 * name stays the photo's, the state is its description) and appears once the connection is back.
 */
export function PhotoThumb({ photo, alt }: { photo: BlobRef; alt: string }) {
  const { t } = useTranslation();
  const view = usePhoto(photo.sha256);
  const messageId = useId();

  if (view.state === 'shown')
    return <img className="photo-thumb" src={view.url} alt={alt} width={photo.width} height={photo.height} />;
  const message =
    view.state === 'loading'
      ? t('photos.loading')
      : view.state === 'offline'
        ? t(view.evicted ? 'photos.onServer' : 'photos.unavailable')
        : t('photos.fetchFailed');
  return (
    <span
      className={`photo-thumb photo-thumb-empty${view.state === 'offline' ? ' photo-thumb-offline' : ''}`}
      role="img"
      aria-label={alt}
      aria-describedby={messageId}
    >
      <span id={messageId}>{message}</span>
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
      <FormAlert>{message}</FormAlert>
    </fieldset>
  );
}
