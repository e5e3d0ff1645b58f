import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProblemView } from '../../data/use-problems';
import './strings';

/** A merged problem, read-only: what it held, and the way to the problem it now lives in. */
export function MergedProblemView({ problem, survivor }: { problem: ProblemView; survivor?: ProblemView }) {
  const { t } = useTranslation();
  const survivorTitle = survivor?.title ?? t('problems.unknownProblem');
  return (
    <>
      <div className="notice">
        <p>{t('problems.merged.notice', { title: survivorTitle })}</p>
        <Link className="button" to={`/problems/${problem.mergedIntoId}`}>
          {t('problems.merged.open', { title: survivorTitle })}
        </Link>
      </div>
      <dl className="facts problem-facts">
        <div>
          <dt className="muted-label">{t('problems.readOnly.theme')}</dt>
          <dd>{t(`vocabulary.themes.${problem.theme}`)}</dd>
        </div>
        {problem.description ? (
          <div>
            <dt className="muted-label">{t('problems.readOnly.description')}</dt>
            <dd className="prewrap">{problem.description}</dd>
          </div>
        ) : null}
      </dl>
      <TextList
        title={t('problems.causes.legend')}
        items={problem.causes}
        empty={t('problems.causes.none')}
      />
      <TextList
        title={t('problems.effects.legend')}
        items={problem.effects}
        empty={t('problems.effects.none')}
      />
      <p>{t('problems.evidenceCount', { count: problem.noteIds?.length ?? 0 })}</p>
    </>
  );
}

function TextList({ title, items, empty }: { title: string; items: string[] | undefined; empty: string }) {
  return (
    <>
      <h2>{title}</h2>
      {items && items.length > 0 ? (
        <ul>
          {items.map((item, index) => (
            <li key={`${index}-${item}`}>{item}</li>
          ))}
        </ul>
      ) : (
        <p className="field-hint">{empty}</p>
      )}
    </>
  );
}
