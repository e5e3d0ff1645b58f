/** The office's people figures: participation by month, gender × age and directorate; rubric averages. */
import { useTranslation } from 'react-i18next';
import { AGE_GROUPS, GENDERS } from '../../../domain';
import type { Dashboard } from '../../../domain/dashboard-summary';
import type { AttendanceFigures } from '../../../domain/dashboard-participation';
import { formatNumber } from '../../ui/format';
import { StackedBarChart } from './charts';
import { FigureTable } from './figure-table';
import { formatMean } from './format';
import { OfficeSection } from './office-section';
import './strings';

export function ParticipationSection({ participation: p }: { participation: Dashboard['participation'] }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  const genders = GENDERS.map((g) => ({ key: g, label: t(`vocabulary.genders.${g}`) }));
  const ages = AGE_GROUPS.map((a) => ({ key: a, label: t(`vocabulary.ages.${a}`) }));
  const figureCells = (f: AttendanceFigures) => [
    n(f.sessions),
    n(f.attendance),
    ...GENDERS.map((g) => n(f.byGender[g])),
    ...AGE_GROUPS.map((a) => n(f.byAge[a])),
    n(f.indigenous),
    n(f.disability),
  ];
  const figureHeaders = [
    t('dashboards.participation.sessions'),
    t('dashboards.participation.attendance'),
    ...genders.map((g) => g.label),
    ...ages.map((a) => a.label),
    t('dashboards.participation.indigenous'),
    t('dashboards.participation.disability'),
  ];
  const month = (m: string) =>
    new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      Date.parse(`${m}-01T00:00:00Z`),
    );
  const byMonth = t('dashboards.participation.byMonth');
  const matrix = t('dashboards.participation.matrix');
  const byDirectorate = t('dashboards.participation.byDirectorate');
  const total = { key: 'total', header: t('dashboards.participation.total'), cells: figureCells(p.total) };
  return (
    <OfficeSection
      id="office-participation"
      title={t('dashboards.participation.title')}
      empty={p.total.sessions === 0 ? t('dashboards.participation.empty') : null}
    >
      <div className="office-figure">
        <h3>{byMonth}</h3>
        <StackedBarChart
          title={byMonth}
          series={genders}
          rows={p.byMonth.map((m) => ({
            key: m.month,
            label: month(m.month),
            values: GENDERS.map((g) => m.byGender[g]),
            total: m.attendance,
          }))}
        />
        <FigureTable
          caption={byMonth}
          headers={[t('dashboards.participation.month'), ...figureHeaders]}
          rows={p.byMonth.map((m) => ({ key: m.month, header: month(m.month), cells: figureCells(m) }))}
          foot={total}
        />
      </div>
      <div className="office-figure">
        <h3>{matrix}</h3>
        <StackedBarChart
          title={matrix}
          series={ages}
          rows={genders.map((g) => ({
            key: g.key,
            label: g.label,
            values: AGE_GROUPS.map((a) => p.total.matrix[g.key][a]),
            total: p.total.byGender[g.key],
          }))}
        />
        <FigureTable
          caption={matrix}
          headers={[
            t('dashboards.participation.gender'),
            ...ages.map((a) => a.label),
            t('dashboards.participation.total'),
          ]}
          rows={genders.map((g) => ({
            key: g.key,
            header: g.label,
            cells: [...AGE_GROUPS.map((a) => n(p.total.matrix[g.key][a])), n(p.total.byGender[g.key])],
          }))}
          foot={{
            key: 'total',
            header: t('dashboards.participation.total'),
            cells: [...AGE_GROUPS.map((a) => n(p.total.byAge[a])), n(p.total.attendance)],
          }}
        />
      </div>
      <div className="office-figure">
        <h3>{byDirectorate}</h3>
        <FigureTable
          caption={byDirectorate}
          headers={[t('dashboards.directorate'), ...figureHeaders]}
          rows={p.byDirectorate.map((d) => ({
            key: d.directorateId,
            header: d.name ?? t('dashboards.noDirectorate'),
            cells: figureCells(d),
          }))}
          foot={total}
        />
      </div>
    </OfficeSection>
  );
}

export function RubricsSection({ rubrics }: { rubrics: Dashboard['rubrics'] }) {
  const { t, i18n } = useTranslation();
  const title = t('dashboards.rubrics.title');
  return (
    <OfficeSection
      id="office-rubrics"
      title={title}
      link={{ to: '/rubrics/averages', text: t('dashboards.rubrics.link') }}
      empty={rubrics.length === 0 ? t('dashboards.rubrics.empty') : null}
    >
      <FigureTable
        caption={title}
        headers={[
          t('dashboards.rubrics.directorate'),
          t('dashboards.rubrics.moment'),
          t('dashboards.rubrics.criterion'),
          t('dashboards.rubrics.template'),
          t('dashboards.rubrics.mean'),
          t('dashboards.rubrics.count'),
        ]}
        rows={rubrics.map((c) => ({
          key: `${c.directorateId}|${c.moment}|${c.criterionKey}`,
          header: c.directorateName ?? t('dashboards.noDirectorate'),
          cells: [
            t(`dashboards.labels.moment.${c.moment}`),
            c.criterion,
            c.template,
            formatMean(c.mean, i18n.language),
            formatNumber(c.count, i18n.language),
          ],
        }))}
      />
    </OfficeSection>
  );
}
