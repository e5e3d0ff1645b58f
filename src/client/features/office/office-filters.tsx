/** The office's filters: directorate and date range, kept in the address (`?d=…&from=…&to=…`) so a view can be bookmarked. */
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { NO_DIRECTORATE, type DashboardFilter } from '../../../domain/dashboard';
import { Field } from '../../ui/field';
import { OfficeSection } from './office-section';
import './strings';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The date range's two ends, each its own date field. */
const DATE_BOUNDS = ['from', 'to'] as const;

export function useOfficeFilter(): [DashboardFilter, (next: DashboardFilter) => void] {
  const [params, setParams] = useSearchParams();
  const date = (v: string | null) => (v && DATE.test(v) ? v : null);
  const filter: DashboardFilter = {
    directorateId: params.get('d') || null,
    from: date(params.get('from')),
    to: date(params.get('to')),
  };
  const set = (next: DashboardFilter) => {
    const out = new URLSearchParams();
    if (next.directorateId) out.set('d', next.directorateId);
    if (next.from) out.set('from', next.from);
    if (next.to) out.set('to', next.to);
    setParams(out, { replace: true });
  };
  return [filter, set];
}

export function OfficeFilters({
  filter,
  onChange,
  directorates,
}: {
  filter: DashboardFilter;
  onChange: (next: DashboardFilter) => void;
  directorates: readonly { id: string; name: string; number: number }[];
}) {
  const { t } = useTranslation();
  const sorted = [...directorates].sort((a, b) => a.number - b.number);
  return (
    <OfficeSection id="office-filters" title={t('dashboards.filters')}>
      <div className="office-filters">
        <Field id="office-directorate" label={t('dashboards.directorate')}>
          {(props) => (
            <select
              {...props}
              value={filter.directorateId ?? ''}
              onChange={(e) => onChange({ ...filter, directorateId: e.target.value || null })}
            >
              <option value="">{t('dashboards.allDirectorates')}</option>
              {sorted.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
              <option value={NO_DIRECTORATE}>{t('dashboards.noDirectorate')}</option>
            </select>
          )}
        </Field>
        {DATE_BOUNDS.map((bound) => (
          <Field key={bound} id={`office-${bound}`} label={t(`dashboards.${bound}`)}>
            {(props) => (
              <input
                {...props}
                type="date"
                value={filter[bound] ?? ''}
                onChange={(e) => onChange({ ...filter, [bound]: e.target.value || null })}
              />
            )}
          </Field>
        ))}
        <button type="button" className="button" onClick={() => onChange({})}>
          {t('dashboards.clear')}
        </button>
      </div>
      <p className="field-hint">{t('dashboards.datesNote')}</p>
      {filter.from && filter.to && filter.from > filter.to ? (
        <p role="alert">{t('dashboards.badRange')}</p>
      ) : null}
    </OfficeSection>
  );
}
