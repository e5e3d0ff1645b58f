/** The borough's territorial directorates: create, rename, renumber; a helper creates the usual thirteen. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ValidationError,
  createDefaultDirectorates,
  createDirectorate,
  updateDirectorate,
  type DirectorateView,
} from '../../data/use-territory';

function DirectorateRow({ directorate }: { directorate: DirectorateView }) {
  const { t } = useTranslation();
  const [name, setName] = useState(directorate.name);
  const [number, setNumber] = useState(String(directorate.number));
  const [error, setError] = useState<string | null>(null);
  const save = () => {
    setError(null);
    updateDirectorate(directorate.id, { name, number: Number(number) }).catch((e: unknown) =>
      setError(e instanceof ValidationError ? t('territory.directorates.invalid') : String(e)),
    );
  };
  return (
    <li className="directorate-row">
      <input
        aria-label={t('territory.directorates.numberOf', { name: directorate.name })}
        type="number"
        min={1}
        max={99}
        value={number}
        onChange={(e) => setNumber(e.target.value)}
        onBlur={save}
        className="input-narrow"
      />
      <input
        aria-label={t('territory.directorates.nameOf', { number: directorate.number })}
        value={name}
        onChange={(e) => setName(e.target.value)}
        onBlur={save}
      />
      {error ? <span role="alert">{error}</span> : null}
    </li>
  );
}

export function DirectoratesSection({ directorates }: { directorates: DirectorateView[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const next = directorates.reduce((m, d) => Math.max(m, d.number), 0) + 1;

  const create = async () => {
    setError(null);
    try {
      await createDirectorate({ name, number: Number(number || next) });
      setName('');
      setNumber('');
    } catch (e) {
      setError(e instanceof ValidationError ? t('territory.directorates.invalid') : String(e));
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('territory.directorates.title', { count: directorates.length })}</h2>
      {directorates.length === 0 ? (
        <p>
          <button type="button" className="button" onClick={() => void createDefaultDirectorates()}>
            {t('territory.directorates.createThirteen')}
          </button>
        </p>
      ) : (
        <ul className="plain-list directorate-list">
          {directorates.map((d) => (
            <DirectorateRow key={d.id} directorate={d} />
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label htmlFor={`${id}-number`}>{t('territory.directorates.number')}</label>
        <input
          id={`${id}-number`}
          type="number"
          min={1}
          max={99}
          placeholder={String(next)}
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          className="input-narrow"
        />
        <label htmlFor={`${id}-name`}>{t('territory.directorates.name')}</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button">
          {t('territory.directorates.create')}
        </button>
        {error ? <p role="alert">{error}</p> : null}
      </form>
    </section>
  );
}
