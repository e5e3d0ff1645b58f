import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './strings';

/** A vote needs at least two problems on the ballot: how many there are, and the way to add one. */
export function NeedProblemsNotice({ processId, count }: { processId: string; count: number }) {
  const { t } = useTranslation();
  return (
    <div className="notice">
      <p>{t('prioritisation.session.needProblems', { count })}</p>
      <Link className="button" to={`/processes/${processId}/problems/new`}>
        {t('prioritisation.session.addProblem')}
      </Link>
    </div>
  );
}
