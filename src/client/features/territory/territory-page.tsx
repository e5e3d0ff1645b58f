/** `/territory` (coordinators and admins): import the borough's units, set up its directorates, assign and prioritise units. */
import { useTranslation } from 'react-i18next';
import { useAccount } from '../../data/use-account';
import { useDirectorates, useUnits } from '../../data/use-territory';
import { PageHeading } from '../../ui/page-heading';
import { Loading } from '../../ui/status-views';
import { DirectoratesSection } from './directorates-section';
import { ImportSection } from './import-section';
import { UnitsSection } from './units-section';
import './territory.css';
import './strings';

export function TerritoryPage({ onImported }: { onImported?: () => void }) {
  const { t } = useTranslation();
  const account = useAccount();
  const units = useUnits();
  const directorates = useDirectorates();
  if (account === undefined) return <Loading />;
  const role = account?.user.role;
  if (role !== 'admin' && role !== 'coordinator') {
    return (
      <section>
        <PageHeading title={t('territory.title')}>{t('territory.title')}</PageHeading>
        <p role="alert">{t('territory.forbidden')}</p>
      </section>
    );
  }
  return (
    <section>
      <PageHeading title={t('territory.title')}>{t('territory.title')}</PageHeading>
      <ImportSection onImported={onImported} />
      {units === undefined || directorates === undefined ? (
        <Loading />
      ) : (
        <>
          <DirectoratesSection directorates={directorates} />
          {units.length === 0 ? (
            <p className="empty">{t('territory.units.empty')}</p>
          ) : (
            <UnitsSection units={units} directorates={directorates} />
          )}
        </>
      )}
    </section>
  );
}
