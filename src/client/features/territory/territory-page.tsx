/** `/territory` (coordinators and admins): import the borough's units, set up its directorates, assign and prioritise units. */
import { useTranslation } from 'react-i18next';
import { useDirectorates, useUnits } from '../../data/use-territory';
import { Loading } from '../../ui/status-views';
import { BoroughSetupPage } from '../../widgets/borough-setup-page';
import { DirectoratesSection } from './directorates-section';
import { ImportSection } from './import-section';
import { UnitsSection } from './units-section';
import './territory.css';
import './strings';

export function TerritoryPage({ onImported }: { onImported?: () => void }) {
  const { t } = useTranslation();
  const units = useUnits();
  const directorates = useDirectorates();
  return (
    <BoroughSetupPage words="territory">
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
    </BoroughSetupPage>
  );
}
