import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fields } from '../../../domain';
import {
  askReviewItem,
  dismissReviewItem,
  resolveReviewItem,
  type ReviewItemDetail,
} from '../../data/use-review';
import { FormAlert } from '../../ui/form-alert';
import { remoteErrorText } from './remote-error';
import { valueText } from './review-labels';
import './strings';

type Done = (item: ReviewItemDetail, action: 'resolved' | 'dismissed' | 'asked') => void;

/** The corrected values: each sent field, checked to include, text as it is or JSON. */
function ResolveForm({ item, onDone }: { item: ReviewItemDetail; onDone: Done }) {
  const { t } = useTranslation();
  const formId = useId();
  const names = Object.keys(item.proposed ?? {}).filter((f) => f !== 'deleted');
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(names.map((f) => [f, valueText(item.proposed?.[f])])),
  );
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(names));
  const [restore, setRestore] = useState(item.current?.deleted === true);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const parse = (field: string): unknown => {
    const text = values[field] ?? '';
    const sent = item.proposed?.[field];
    if (typeof sent === 'string' || sent === undefined) return text;
    return JSON.parse(text) as unknown;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: Fields = {};
    for (const field of chosen) {
      try {
        fields[field] = parse(field);
      } catch {
        setError(t('review.badJson', { field }));
        return;
      }
    }
    if (restore) fields.deleted = false;
    if (Object.keys(fields).length === 0) {
      setError(t('review.nothingChosen'));
      return;
    }
    setError(null);
    setBusy(true);
    resolveReviewItem(item.id, { fields, ...(note.trim() ? { note } : {}) }).then(
      (next) => onDone(next, 'resolved'),
      (e: unknown) => {
        setBusy(false);
        setError(remoteErrorText(e, t));
      },
    );
  };

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby={`${formId}-heading`}>
      <h2 id={`${formId}-heading`}>{t('review.resolveTitle')}</h2>
      <p className="small">{t('review.resolveHelp')}</p>
      {names.map((field) => (
        <div key={field} className="field">
          <label className="choice">
            <input
              type="checkbox"
              checked={chosen.has(field)}
              onChange={(e) =>
                setChosen((s) => {
                  const next = new Set(s);
                  if (e.target.checked) next.add(field);
                  else next.delete(field);
                  return next;
                })
              }
            />
            {t('review.include', { field })}
          </label>
          <label htmlFor={`${formId}-field-${field}`}>{t('review.valueOf', { field })}</label>
          <textarea
            id={`${formId}-field-${field}`}
            rows={2}
            value={values[field] ?? ''}
            disabled={!chosen.has(field)}
            onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
          />
        </div>
      ))}
      {item.current?.deleted ? (
        <label className="choice">
          <input type="checkbox" checked={restore} onChange={(e) => setRestore(e.target.checked)} />
          {t('review.restore')}
        </label>
      ) : null}
      <div className="field">
        <label htmlFor={`${formId}-note`}>{t('review.note')}</label>
        <textarea id={`${formId}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <FormAlert>{error}</FormAlert>
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('review.resolve')}
      </button>
    </form>
  );
}

/** A note (dismiss) or a message (ask the field): one text and one button. */
function NoteForm({ item, kind, onDone }: { item: ReviewItemDetail; kind: 'dismiss' | 'ask'; onDone: Done }) {
  const { t } = useTranslation();
  const formId = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t(kind === 'dismiss' ? 'review.noteRequired' : 'review.messageRequired'));
      return;
    }
    setError(null);
    setBusy(true);
    const request =
      kind === 'dismiss'
        ? dismissReviewItem(item.id, { note: text })
        : askReviewItem(item.id, { message: text });
    request.then(
      (next) => onDone(next, kind === 'dismiss' ? 'dismissed' : 'asked'),
      (e: unknown) => {
        setBusy(false);
        setError(remoteErrorText(e, t));
      },
    );
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby={`${formId}-heading`}>
      <h2 id={`${formId}-heading`}>{t(kind === 'dismiss' ? 'review.dismissTitle' : 'review.askTitle')}</h2>
      <div className="field">
        <label htmlFor={`${formId}-text`}>
          {t(kind === 'dismiss' ? 'review.dismissNote' : 'review.askMessage')}
        </label>
        <textarea id={`${formId}-text`} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <FormAlert>{error}</FormAlert>
      <button type="submit" className="button" disabled={busy}>
        {t(kind === 'dismiss' ? 'review.dismiss' : 'review.ask')}
      </button>
    </form>
  );
}

/** The three actions on an open (or asked) item. */
export function ReviewActions({ item, onDone }: { item: ReviewItemDetail; onDone: Done }) {
  return (
    <>
      <ResolveForm item={item} onDone={onDone} />
      <NoteForm item={item} kind="ask" onDone={onDone} />
      <NoteForm item={item} kind="dismiss" onDone={onDone} />
    </>
  );
}
