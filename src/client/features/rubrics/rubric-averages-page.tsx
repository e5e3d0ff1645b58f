import { useTranslation } from 'react-i18next';
import { useRubricAverages } from '../../data/use-rubrics';
import type { Average } from '../../../domain';
import { DataTable, type Column } from '../../ui/data-table';
import { formatNumber } from '../../ui/format';
import { PageHeading } from '../../ui/page-heading';
import { Loading } from '../../ui/status-views';
import { formatMean, levelPercent } from './rubric-format';
import './strings';
import './rubrics.css';
import { BackLink } from '../../ui/back-link';

/** A table of averages: each row's mean written out and drawn as a CSS bar, with how many scores it rests on. */
function AveragesTable<A extends Average>({
  id,
  title,
  rows,
  named,
}: {
  id: string;
  title: string;
  rows: A[];
  /** The columns that name each row, before its mean and count; the first heads the row. */
  named: Column<A>[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <section className="page-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t('rubrics.averages.empty')}</p>
      ) : (
        <div className="table-scroll">
          <DataTable
            className="rubric-table"
            labelledBy={`${id}-title`}
            rows={rows}
            rowKey={(row) => row.key}
            columns={[
              ...named.map((column, i) => ({ ...column, rowHeader: i === 0 })),
              {
                header: t('rubrics.averages.mean'),
                cell: (row) => (
                  <>
                    <span className="rubric-mean">
                      {t('rubrics.levelOfFour', { mean: formatMean(row.mean, i18n.language) })}
                    </span>
                    <span className="rubric-bar" aria-hidden="true">
                      <span style={{ width: levelPercent(row.mean) }} />
                    </span>
                  </>
                ),
              },
              { header: t('rubrics.averages.count'), cell: (row) => formatNumber(row.count, i18n.language) },
            ]}
          />
        </div>
      )}
    </section>
  );
}

/**
 * `/rubrics/averages` (the office screen): mean levels of every current score
 * on this device, by criterion, by moment and by territorial directorate.
 */
export function RubricAveragesPage() {
  const { t } = useTranslation();
  const averages = useRubricAverages();
  return (
    <section>
      <BackLink to="/rubrics">{t('rubrics.templates.title')}</BackLink>
      <PageHeading title={t('rubrics.averages.title')}>{t('rubrics.averages.title')}</PageHeading>
      <p>{t('rubrics.averages.intro')}</p>
      {averages === undefined ? (
        <Loading />
      ) : (
        <>
          <AveragesTable
            id="by-moment"
            title={t('rubrics.averages.byMoment')}
            rows={averages.byMoment}
            named={[{ header: t('rubrics.averages.moment'), cell: (a) => t(`rubrics.moments.${a.moment}`) }]}
          />
          <AveragesTable
            id="by-directorate"
            title={t('rubrics.averages.byDirectorate')}
            rows={averages.byDirectorate}
            named={[
              {
                header: t('rubrics.averages.directorate'),
                cell: (a) => (a.key === 'none' ? t('rubrics.averages.noDirectorate') : a.label),
              },
            ]}
          />
          <AveragesTable
            id="by-criterion"
            title={t('rubrics.averages.byCriterion')}
            rows={averages.byCriterion}
            named={[
              { header: t('rubrics.averages.criterion'), cell: (a) => a.label },
              { header: t('rubrics.averages.template'), cell: (a) => a.templateName },
            ]}
          />
        </>
      )}
    </section>
  );
}
