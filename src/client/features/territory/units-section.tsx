/**
 * The borough's units: filter by name, key or directorate; a page of 50 rows
 * at a time (295 units); each row's directorate and "priorizada" flag edited
 * in place; several units selected (in the list or by tapping the map) and
 * put in a directorate at once. Every change is a local write that syncs.
 * On narrow screens (a phone, 200 % zoom) each row reflows into a card, its
 * cells labelled, so nothing scrolls sideways.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  assignUnitsToDirectorate,
  setUnitPrioritised,
  type DirectorateView,
  type UnitView,
} from '../../data/use-territory';
import { formatNumber } from '../../ui/format';
import { UnitsMap } from './units-map';
import './strings';

const PAGE_SIZE = 50;
const NONE = 'none';
const ALL = 'all';

export function filterUnits(units: UnitView[], text: string, directorate: string): UnitView[] {
  const q = text.trim().toLocaleLowerCase('es');
  return units.filter((u) => {
    if (directorate === NONE && u.directorateId) return false;
    if (directorate !== ALL && directorate !== NONE && u.directorateId !== directorate) return false;
    return !q || u.key.includes(q) || u.name.toLocaleLowerCase('es').includes(q);
  });
}

export function UnitsSection({
  units,
  directorates,
}: {
  units: UnitView[];
  directorates: DirectorateView[];
}) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [directorate, setDirectorate] = useState(ALL);
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [target, setTarget] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const filtered = useMemo(() => filterUnits(units, text, directorate), [units, text, directorate]);
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const rows = filtered.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const nameOf = (id: string | null | undefined) =>
    directorates.find((d) => d.id === id)?.name ?? t('vocabulary.noDirectorate');

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const assign = async () => {
    const directorateId = target === NONE ? null : target;
    try {
      const count = await assignUnitsToDirectorate([...selected], directorateId);
      setMessage(t('territory.units.assigned', { count, directorate: nameOf(directorateId) }));
      setSelected(new Set());
    } catch (e) {
      setMessage(t('territory.units.assignFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <section className="card" aria-labelledby="units-title">
      <h2 id="units-title">{t('territory.units.title', { count: units.length })}</h2>
      <div className="inline-form">
        <label htmlFor="unit-filter">{t('territory.units.filter')}</label>
        <input
          id="unit-filter"
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPage(0);
          }}
        />
        <label htmlFor="unit-directorate-filter">{t('territory.units.directorateFilter')}</label>
        <select
          id="unit-directorate-filter"
          value={directorate}
          onChange={(e) => {
            setDirectorate(e.target.value);
            setPage(0);
          }}
        >
          <option value={ALL}>{t('territory.units.all')}</option>
          <option value={NONE}>{t('vocabulary.noDirectorate')}</option>
          <DirectorateOptions directorates={directorates} />
        </select>
      </div>

      <UnitsMap units={filtered} directorates={directorates} selected={selected} onToggle={toggle} />

      <div className="inline-form" role="group" aria-label={t('territory.units.assignGroup')}>
        <span>{t('territory.units.selected', { count: selected.size })}</span>
        <label htmlFor="assign-target">{t('territory.units.assignTo')}</label>
        <select id="assign-target" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">—</option>
          <option value={NONE}>{t('vocabulary.noDirectorate')}</option>
          <DirectorateOptions directorates={directorates} />
        </select>
        <button
          type="button"
          className="button"
          disabled={selected.size === 0 || !target}
          onClick={() => void assign()}
        >
          {t('territory.units.assign')}
        </button>
        {selected.size > 0 ? (
          <button type="button" className="button" onClick={() => setSelected(new Set())}>
            {t('territory.units.clearSelection')}
          </button>
        ) : null}
      </div>
      {message ? <p role="status">{message}</p> : null}

      <p>
        {t('territory.units.showing', {
          from: filtered.length ? current * PAGE_SIZE + 1 : 0,
          to: current * PAGE_SIZE + rows.length,
          total: filtered.length,
        })}
      </p>
      <table className="data-table units-table">
        <thead>
          <tr>
            <th scope="col">{t('territory.units.select')}</th>
            <th scope="col">{t('vocabulary.unitKey')}</th>
            <th scope="col">{t('vocabulary.unitName')}</th>
            <th scope="col">{t('territory.population')}</th>
            <th scope="col">{t('territory.units.directorate')}</th>
            <th scope="col">{t('territory.units.prioritised')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.id}>
              <td className="units-select">
                <label className="check-target">
                  <input
                    type="checkbox"
                    aria-label={t('territory.units.selectUnit', { key: u.key, name: u.name })}
                    checked={selected.has(u.id)}
                    onChange={() => toggle(u.id)}
                  />
                </label>
              </td>
              <td data-label={t('vocabulary.unitKey')}>{u.key}</td>
              <td className="units-name">{u.name}</td>
              <td data-label={t('territory.population')}>{formatNumber(u.population, i18n.language)}</td>
              <td data-label={t('territory.units.directorate')}>
                <select
                  aria-label={t('territory.units.directorateOf', { key: u.key })}
                  value={u.directorateId ?? NONE}
                  onChange={(e) =>
                    void assignUnitsToDirectorate([u.id], e.target.value === NONE ? null : e.target.value)
                  }
                >
                  <option value={NONE}>{t('vocabulary.noDirectorate')}</option>
                  <DirectorateOptions directorates={directorates} />
                </select>
              </td>
              <td data-label={t('territory.units.prioritised')}>
                <label className="check-target">
                  <input
                    type="checkbox"
                    aria-label={t('territory.units.prioritisedOf', { key: u.key })}
                    checked={u.prioritised}
                    onChange={(e) => void setUnitPrioritised(u.id, e.target.checked)}
                  />
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav className="inline-form" aria-label={t('territory.units.pages')}>
          <button
            type="button"
            className="button"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            {t('territory.units.previous')}
          </button>
          <span>{t('territory.units.page', { page: current + 1, pages })}</span>
          <button
            type="button"
            className="button"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            {t('territory.units.next')}
          </button>
        </nav>
      ) : null}
    </section>
  );
}

/** One option per directorate, by name. */
function DirectorateOptions({ directorates }: { directorates: readonly { id: string; name: string }[] }) {
  return (
    <>
      {directorates.map((d) => (
        <option key={d.id} value={d.id}>
          {d.name}
        </option>
      ))}
    </>
  );
}
