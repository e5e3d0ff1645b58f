import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgendaContent, AgendaProjectEntry, AgendaValidation } from '../../../domain';
import { DataTable } from '../../ui/data-table';
import { formatDate, formatDateTime, formatNumber } from '../../ui/format';
import { RankingTable } from './ranking-table';
import './strings';

/** The approval line's figures: the standing validation and the day of its assembly. */
export interface Approval {
  validation: Pick<AgendaValidation, 'votes' | 'attendance' | 'approved'>;
  /** The assembly's date (`YYYY-MM-DD`). */
  date: string;
}

export interface AgendaDocumentProps {
  number: number;
  status: 'draft' | 'validated';
  changelog: string;
  content: AgendaContent;
  approval: Approval | null;
  /** The map of the units (drawn from the device's territory). */
  map?: ReactNode;
  /** Where a project's own page is (traceability); without it the titles are plain. */
  projectHref?: (id: string) => string;
}

/** "Aprobada en asamblea comunitaria el …: a favor N, en contra N, abstenciones N, asistentes N." */
export function ApprovalLine({ approval }: { approval: Approval | null }) {
  const { t, i18n } = useTranslation();
  if (!approval?.validation.approved)
    return <p className="agenda-approval agenda-approval-draft">{t('agenda.doc.draftNote')}</p>;
  const { votes, attendance } = approval.validation;
  return (
    <p className="agenda-approval">
      {t('agenda.doc.approval', {
        date: formatDate(approval.date, i18n.language),
        for: votes.for,
        against: votes.against,
        abstain: votes.abstain,
        attendance,
      })}
    </p>
  );
}

function ProjectEntry({
  project,
  problemTitles,
  visionTexts,
  href,
}: {
  project: AgendaProjectEntry;
  problemTitles: Map<string, string>;
  visionTexts: Map<string, string>;
  href: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const heading = t('agenda.doc.projectHeading', { outline: project.outline, title: project.title });
  const problems = project.problemIds.flatMap((id) => problemTitles.get(id) ?? []);
  const visions = project.visionIds.flatMap((id) => visionTexts.get(id) ?? []);
  const HeadingTag = project.parentId ? 'h4' : 'h3';
  const row = (label: string, value: ReactNode) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <article className={project.parentId ? 'agenda-project agenda-action' : 'agenda-project'}>
      <HeadingTag>{href ? <Link to={href}>{heading}</Link> : heading}</HeadingTag>
      {project.description ? <p>{project.description}</p> : null}
      <dl className="agenda-facts">
        {row(t('agenda.doc.kind'), t(`agenda.assemble.kinds.${project.kind}`))}
        {row(t('agenda.doc.theme'), t(`vocabulary.themes.${project.theme}`))}
        {row(t('agenda.doc.management'), t(`agenda.doc.modes.${project.managementMode}`))}
        {project.governmentAreas.length > 0
          ? row(t('agenda.doc.areas'), project.governmentAreas.map((a) => a.name).join('; '))
          : null}
        {row(t('agenda.doc.term'), t(`agenda.doc.terms.${project.term}`))}
        {project.costNote ? row(t('agenda.doc.cost'), project.costNote) : null}
        {project.where
          ? row(
              t('agenda.doc.where'),
              [
                ...(project.where.unitKeys ?? []),
                ...(project.where.point
                  ? [
                      t('agenda.doc.point', {
                        lat: project.where.point.lat.toFixed(5),
                        lon: project.where.point.lon.toFixed(5),
                      }),
                    ]
                  : []),
              ].join(', '),
            )
          : null}
        {problems.length > 0 ? row(t('agenda.doc.answers'), problems.join('; ')) : null}
        {visions.length > 0 ? row(t('agenda.doc.serves'), visions.join('; ')) : null}
      </dl>
      {project.commitments.length > 0 ? (
        <>
          <p className="agenda-subheading">{t('agenda.doc.commitments')}</p>
          <ul>
            {project.commitments.map((c) => (
              <li key={c.id}>
                {t('agenda.doc.commitment', {
                  who: c.who.name ?? t(`agenda.doc.parties.${c.who.kind}`),
                  what: c.what,
                  date: formatDate(c.dueDate, i18n.language),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}

/**
 * A version's document, drawn only from its frozen `content`: what the
 * assembly saw, never the records as they are now. The same markup is the
 * screen and the printed page (print.css).
 */
export function AgendaDocument(props: AgendaDocumentProps) {
  const { t, i18n } = useTranslation();
  const { content, approval } = props;
  const lang = i18n.language;
  const problemTitles = new Map(
    content.diagnosis.byTheme.flatMap((g) => g.problems.map((p) => [p.id, p.title] as const)),
  );
  for (const round of content.diagnosis.prioritisation)
    for (const row of round.rows)
      if (!problemTitles.has(row.problemId)) problemTitles.set(row.problemId, row.title);
  const visionTexts = new Map(content.vision.map((v) => [v.id, v.text]));
  const themes = [...new Set(content.vision.map((v) => v.theme))];

  return (
    <article className="agenda-document" lang="es-MX" aria-labelledby="agenda-doc-title">
      <header className="agenda-doc-header">
        <p className="agenda-doc-kicker">{t('agenda.title')}</p>
        <h2 id="agenda-doc-title">{content.process.name}</h2>
        <p>
          {t('agenda.doc.version', {
            number: props.number,
            status: t(`agenda.status.${props.status}`),
            date: formatDateTime(content.assembledAt, lang),
          })}
        </p>
        <p>{t('agenda.doc.changelog', { text: props.changelog })}</p>
        <ApprovalLine approval={approval} />
      </header>

      <section aria-labelledby="agenda-territory">
        <h2 id="agenda-territory">{t('agenda.doc.territory')}</h2>
        <DataTable
          className="agenda-table"
          caption={t('agenda.doc.unitsTable')}
          rows={content.units}
          rowKey={(u) => u.key}
          columns={[
            { header: t('agenda.doc.unitKey'), cell: (u) => u.key },
            { header: t('agenda.doc.unitName'), cell: (u) => u.name ?? t('agenda.doc.unknownUnit') },
            {
              header: t('agenda.doc.unitPopulation'),
              cell: (u) => (u.population === null ? '—' : formatNumber(u.population, lang)),
            },
          ]}
        />
        <p>{t('agenda.doc.population', { formatted: formatNumber(content.population, lang) })}</p>
        {props.map}
      </section>

      <section aria-labelledby="agenda-collective">
        <h2 id="agenda-collective">{t('agenda.doc.collective')}</h2>
        <p>{t('agenda.doc.collectiveCount', { count: content.collective.memberCount })}</p>
        {content.collective.names.length > 0 ? (
          <p>{t('agenda.doc.collectiveNames', { names: content.collective.names.join(', ') })}</p>
        ) : null}
      </section>

      <section aria-labelledby="agenda-diagnosis">
        <h2 id="agenda-diagnosis">{t('agenda.doc.diagnosis')}</h2>
        <p>{t('agenda.doc.problemCount', { count: content.diagnosis.problemCount })}</p>
        {content.diagnosis.byTheme.map((group) => (
          <div key={group.theme} className="agenda-keep">
            <h3>{t(`vocabulary.themes.${group.theme}`)}</h3>
            <ul>
              {group.problems.map((p) => (
                <li key={p.id}>{p.title}</li>
              ))}
            </ul>
          </div>
        ))}
        <h3>{t('agenda.doc.prioritisation')}</h3>
        {content.diagnosis.prioritisation.length === 0 ? <p>{t('agenda.doc.noRounds')}</p> : null}
        {content.diagnosis.prioritisation.map((round) => (
          <RankingTable
            key={round.roundId}
            rows={round.rows}
            caption={`${round.title} — ${t(
              round.attendance ? 'agenda.doc.roundMetaAttendance' : 'agenda.doc.roundMeta',
              {
                date: round.date ? formatDate(round.date, lang) : '—',
                participants: round.participants,
                attendance: round.attendance,
              },
            )}`}
          />
        ))}
      </section>

      <section aria-labelledby="agenda-vision">
        <h2 id="agenda-vision">{t('agenda.doc.vision')}</h2>
        {themes.length === 0 ? <p>{t('agenda.doc.noVision')}</p> : null}
        {themes.map((theme) => (
          <div key={theme} className="agenda-keep">
            <h3>{t(`vocabulary.themes.${theme}`)}</h3>
            <ul>
              {content.vision
                .filter((v) => v.theme === theme)
                .map((v) => (
                  <li key={v.id}>{v.text}</li>
                ))}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="agenda-projects">
        <h2 id="agenda-projects">{t('agenda.doc.projects')}</h2>
        {content.projects.length === 0 ? <p>{t('agenda.doc.noProjects')}</p> : null}
        {content.projects.map((project) => (
          <ProjectEntry
            key={project.id}
            project={project}
            problemTitles={problemTitles}
            visionTexts={visionTexts}
            href={props.projectHref?.(project.id)}
          />
        ))}
      </section>
      <footer className="agenda-doc-footer">
        <ApprovalLine approval={approval} />
      </footer>
    </article>
  );
}
