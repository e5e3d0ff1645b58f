import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { createProcess } from '../../data/use-processes';
import { PageHeading } from '../../ui/page-heading';
import { ProcessForm, type ProcessFormValues } from './process-form';
import './strings';

const EMPTY: ProcessFormValues = { name: '', unitKeys: [], stage: 'convening', description: '' };

/** `/processes/new`: creating a process adds the signed-in user to its team (done by the repository). */
export function NewProcessPage({ onDirtyChange }: { onDirtyChange?(dirty: boolean): void }) {
  const { t } = useTranslation();
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/">← {t('processes.title')}</Link>
      </p>
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
