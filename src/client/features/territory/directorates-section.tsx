/** The borough's territorial directorates: create, rename, renumber; a helper creates the usual thirteen. */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { directorateSchema, type Directorate } from '../../../domain';
import {
  ValidationError,
  createDefaultDirectorates,
  createDirectorate,
  updateDirectorate,
  type DirectorateView,
} from '../../data/use-territory';
import { EntityForm } from '../../ui/entity-form';
import { formFields } from '../../ui/form-fields';
import { useEntityForm } from '../../ui/use-entity-form';
import './strings';

interface DirectorateFormValues {
  name: string;
  number: string;
}
const { TextField } = formFields<DirectorateFormValues>();

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

/** "Agregar dirección": a name and a number (the next free one when left empty). */
function NewDirectorateForm({ next }: { next: number }) {
  const { t } = useTranslation();
  const id = useId();
  const schema = useMemo(
    () =>
      z.object({
        name: directorateSchema.shape.name,
        number: z.preprocess((v) => (v === '' ? next : Number(v)), directorateSchema.shape.number),
      }),
    [next],
  );
  const shell = useEntityForm<DirectorateFormValues, Directorate>({
    schema,
    defaultValues: { name: '', number: '' },
    failed: (e) => (e instanceof ValidationError ? t('territory.directorates.invalid') : String(e)),
    onSave: async (directorate) => {
      await createDirectorate(directorate);
      return {
        clear: true,
        notice: { key: 'territory.directorates.saved', values: { number: directorate.number } },
      };
    },
  });
  return (
    <EntityForm
      shell={shell}
      className="inline-form"
      submitLabel={t('territory.directorates.create')}
      bar="inline"
      confirmsInPlace
    >
      <TextField
        name="number"
        id={`${id}-number`}
        label={t('territory.directorates.number')}
        type="number"
        min={1}
        max={99}
        placeholder={String(next)}
        className="input-narrow"
      />
      <TextField name="name" id={`${id}-name`} label={t('territory.directorates.name')} />
    </EntityForm>
  );
}

export function DirectoratesSection({ directorates }: { directorates: DirectorateView[] }) {
  const { t } = useTranslation();
  const id = useId();
  const next = directorates.reduce((m, d) => Math.max(m, d.number), 0) + 1;

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
      <NewDirectorateForm next={next} />
    </section>
  );
}
