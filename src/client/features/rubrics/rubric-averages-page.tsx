import { useTranslation } from 'react-i18next';
import { useRubricAverages } from '../../data/use-rubrics';
import { DataTable } from '../../ui/data-table';
import { formatNumber } from '../../ui/format';
import { PageHeading } from '../../ui/page-heading';
import { Loading } from '../../ui/status-views';
import { formatMean, levelPercent } from './rubric-format';
import './strings';
import './rubrics.css';
import { BackLink } from '../../ui/back-link';

interface Row {
  key: string;
  cells: string[];
  mean: number;
  count: number;
}

/** A table of averages: each row's mean written out and drawn as a CSS bar, with how many scores it rests on. */
function AveragesTable({
  id,
  title,
  headers,
  rows,
}: {
  id: string;
  title: string;
  headers: string[];
  rows: Row[];
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
              ...headers.map((header, i) => ({
                header,
                cell: (row: Row) => row.cells[i],
                rowHeader: i === 0,
              })),
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
            headers={[t('rubrics.averages.moment')]}
            rows={averages.byMoment.map((a) => ({
              key: a.key,
              cells: [t(`rubrics.moments.${a.moment}`)],
              mean: a.mean,
              count: a.count,
            }))}
          />
          <AveragesTable
            id="by-directorate"
            title={t('rubrics.averages.byDirectorate')}
            headers={[t('rubrics.averages.directorate')]}
            rows={averages.byDirectorate.map((a) => ({
              key: a.key,
              cells: [a.key === 'none' ? t('rubrics.averages.noDirectorate') : a.label],
              mean: a.mean,
              count: a.count,
            }))}
          />
          <AveragesTable
            id="by-criterion"
            title={t('rubrics.averages.byCriterion')}
            headers={[t('rubrics.averages.criterion'), t('rubrics.averages.template')]}
            rows={averages.byCriterion.map((a) => ({
              key: a.key,
              cells: [a.label, a.templateName],
              mean: a.mean,
              count: a.count,
            }))}
          />
        </>
      )}
    </section>
  );
}
