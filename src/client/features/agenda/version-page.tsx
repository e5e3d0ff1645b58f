import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  reassembleAgendaDraft,
  useAgendaProjectChoices,
  useAgendaVersion,
  type AgendaVersionView,
} from '../../data/use-agenda';
import { useVersionValidation } from '../../data/use-agenda-validations';
import { useSession } from '../../data/use-sessions';
import { useUnitsByKeys } from '../../data/use-territory';
import { PageHeading } from '../../ui/page-heading';
import { SaveConfirmation } from '../../ui/save-notice';
import { Loading, NotFound } from '../../ui/status-views';
import { AgendaDocument, type Approval } from './agenda-document';
import { AssembleForm } from './assemble-form';
import { PrintToolbar } from './print-toolbar';
import { UnitsSvgMap } from './units-svg-map';
import './agenda.css';
import './strings';
import { BackLink } from '../../ui/back-link';

/** "What's in it": the counts of the frozen document, and its projects by outline. */
function VersionContents({ version }: { version: AgendaVersionView }) {
  const { t } = useTranslation();
  const { content } = version;
  return (
    <section className="card no-print" aria-labelledby="agenda-contents-title">
      <h2 id="agenda-contents-title">{t('agenda.contents.heading')}</h2>
      <ul>
        <li>{t('agenda.contents.units', { count: content.units.length })}</li>
        <li>{t('agenda.contents.problems', { count: content.diagnosis.problemCount })}</li>
        <li>{t('agenda.contents.rounds', { count: content.diagnosis.prioritisation.length })}</li>
        <li>{t('agenda.contents.vision', { count: content.vision.length })}</li>
        <li>{t('agenda.contents.projects', { count: content.projects.length })}</li>
      </ul>
    </section>
  );
}

/** A draft is assembled again in place; a validated version only leads to a new draft. */
function VersionChanges({ version }: { version: AgendaVersionView }) {
  const { t } = useTranslation();
  const choices = useAgendaProjectChoices(version.processId);
  if (version.status === 'validated')
    return (
      <section className="card no-print" aria-labelledby="agenda-changes-title">
        <h2 id="agenda-changes-title">{t('agenda.newDraft.heading')}</h2>
        <p>{t('agenda.newDraft.frozen')}</p>
        <Link className="button" to={`/processes/${version.processId}/agenda#assemble`}>
          {t('agenda.newDraft.link')}
        </Link>
      </section>
    );
  if (!choices) return null;
  return (
    <section className="card no-print" aria-labelledby="agenda-reassemble-title">
      <h2 id="agenda-reassemble-title">{t('agenda.reassemble.heading')}</h2>
      <p>{t('agenda.reassemble.intro')}</p>
      <AssembleForm
        key={version.id}
        headingId="agenda-reassemble-title"
        choices={choices}
        defaultValues={{
          changelog: version.changelog,
          projectIds: version.content.projects.map((p) => p.id),
        }}
        submitLabel={t('agenda.reassemble.submit')}
        confirmsInPlace
        onAssemble={async (values) => {
          await reassembleAgendaDraft(version.id, values);
          return { notice: { key: 'agenda.reassemble.saved' } };
        }}
      />
    </section>
  );
}

/**
 * `/agenda/:id`: one version of the Agenda, drawn only from its frozen
 * content, ready to print (print CSS) or download as a PDF made on the device.
 */
export function AgendaVersionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const version = useAgendaVersion(id);
  const validation = useVersionValidation(id);
  const session = useSession(validation?.sessionId ?? '');
  const keys = useMemo(() => version?.content.units.map((u) => u.key) ?? [], [version]);
  const units = useUnitsByKeys(keys);
  const documentRef = useRef<HTMLDivElement>(null);
  // The approval line names the assembly's day: wait for the session rather than show another date.
  if (version === undefined || validation === undefined || (validation && session === undefined))
    return <Loading />;
  if (version === null) return <NotFound message={t('agenda.notFound')} />;
  const approval: Approval | null = validation
    ? { validation, date: session?.date ?? validation.recordedAt.slice(0, 10) }
    : null;
  const title = `${t('agenda.pageTitle')} · ${t('agenda.versions.number', { number: version.number })}`;
  return (
    <section>
      <BackLink to={`/processes/${version.processId}/agenda`}>
        {t('agenda.pageTitle')} · {version.content.process.name}
      </BackLink>
      <PageHeading title={title}>{title}</PageHeading>
      <SaveConfirmation />
      <PrintToolbar
        documentRef={documentRef}
        fileName={`agenda-${version.content.process.name}-v${version.number}.pdf`}
      />
      <VersionContents version={version} />
      <div ref={documentRef}>
        <AgendaDocument
          number={version.number}
          status={version.status}
          changelog={version.changelog}
          content={version.content}
          approval={approval}
          map={<UnitsSvgMap units={units ?? []} />}
          projectHref={(projectId) => `/projects/${projectId}`}
        />
      </div>
      <VersionChanges version={version} />
    </section>
  );
}
