import { useTranslation } from 'react-i18next';
import { createProcess } from '../../data/use-processes';
import { PageHeading } from '../../ui/page-heading';
import { ProcessForm, type ProcessFormValues } from './process-form';
import './strings';
import { BackLink } from '../../ui/back-link';

const EMPTY: ProcessFormValues = { name: '', unitKeys: [], stage: 'convening', description: '' };

/** `/processes/new`: creating a process adds the signed-in user to its team (done by the repository). */
export function NewProcessPage({ onDirtyChange }: { onDirtyChange?(dirty: boolean): void }) {
  const { t } = useTranslation();
  return (
    <section>
      <BackLink to="/">{t('processes.title')}</BackLink>
      <PageHeading title={t('processes.newTitle')}>{t('processes.newTitle')}</PageHeading>
      <ProcessForm
        defaultValues={EMPTY}
        submitLabel={t('processes.create')}
        cancelTo="/"
        onDirtyChange={onDirtyChange}
        onSubmit={async ({ description, ...rest }) => {
          const id = await createProcess(description ? { ...rest, description } : rest);
          return { to: `/processes/${id}`, replace: true, notice: { key: 'processes.saved.created' } };
        }}
      />
    </section>
  );
}
