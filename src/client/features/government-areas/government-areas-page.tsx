/**
 * `/government-areas` (coordinators and admins): the borough's areas — add, rename, deactivate,
 * reactivate — each with its overdue commitments and the way to its page (area-page.tsx).
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOverdueByArea } from '../../data/use-follow-up';
import {
  createGovernmentArea,
  setGovernmentAreaActive,
  updateGovernmentArea,
  useGovernmentAreas,
  type GovernmentAreaView,
} from '../../data/use-government-areas';
import { AddRecordCard, RecordCard, RecordCards } from '../../ui/record-cards';
import { Loading } from '../../ui/status-views';
import { BoroughSetupPage } from '../../widgets/borough-setup-page';
import { AreaForm } from './area-form';
import './strings';

function AreaRow({ area, overdue }: { area: GovernmentAreaView; overdue: number }) {
  const { t } = useTranslation();
  const titleId = `area-${area.id}`;
  return (
    <RecordCard
      titleId={titleId}
      title={area.name}
      words="governmentAreas"
      name={area.name}
      active={area.active}
      setActive={(active) => setGovernmentAreaActive(area.id, active)}
      editLabel={t('governmentAreas.rename')}
      editItemLabel={t('governmentAreas.renameOf', { name: area.name })}
      stored={area}
      update={(patch) => updateGovernmentArea(area.id, patch, { diffed: true })}
      form={(form) => (
        <AreaForm
          defaultValues={{ name: area.name, shortName: area.shortName }}
          submitLabel={t('governmentAreas.saveName')}
          {...form}
        />
      )}
    >
      <p>
        {area.shortName} · {area.active ? t('governmentAreas.active') : t('governmentAreas.inactive')}
      </p>
      <p>
        {overdue > 0 ? (
          <strong>{t('governmentAreas.overdue', { count: overdue })}</strong>
        ) : (
          t('governmentAreas.overdue', { count: 0 })
        )}{' '}
        ·{' '}
        <Link to={`/government-areas/${area.id}`} className="link-target">
          {t('governmentAreas.open', { name: area.shortName })}
        </Link>
      </p>
    </RecordCard>
  );
}

export function GovernmentAreasPage() {
  const areas = useGovernmentAreas();
  const overdue = useOverdueByArea();
  if (areas === undefined || overdue === undefined) return <Loading />;
  return (
    <BoroughSetupPage words="governmentAreas" intro>
      <AddRecordCard id="area-add-title" words="governmentAreas" create={createGovernmentArea}>
        {(form) => <AreaForm defaultValues={{ name: '', shortName: '' }} {...form} />}
      </AddRecordCard>
      <RecordCards words="governmentAreas" items={areas}>
        {(area) => <AreaRow key={area.id} area={area} overdue={overdue.get(area.id) ?? 0} />}
      </RecordCards>
    </BoroughSetupPage>
  );
}
