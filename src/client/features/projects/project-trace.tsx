import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProjectTrace } from '../../../domain';
import { ItemList } from '../../ui/item-list';
import { PageSection } from '../../ui/page-section';
import { PhotoThumb } from '../../widgets/photos/photo-picker';
import './strings';

/**
 * Where a project comes from: each problem it answers, the tour notes (and
 * their photos) that evidence it, and the votes that ranked it.
 */
export function ProjectTraceSection({ trace }: { trace: ProjectTrace }) {
  const { t } = useTranslation();
  return (
    <PageSection id="project-trace-title" title={t('projects.trace.title')}>
      {trace.problems.length === 0 ? <p className="field-hint">{t('projects.trace.empty')}</p> : null}
      <ul className="plain-list stack">
        {trace.problems.map(({ problem, notes, votes }) => (
          <li key={problem.id} className="card">
            <h3>
              <Link to={`/problems/${problem.id}`} className="link-target">
                {problem.title}
              </Link>
            </h3>
            <ItemList
              items={votes}
              noneClassName="field-hint"
              none={t('projects.trace.noVote')}
              className="plain-list"
            >
              {(vote) => (
                <li key={vote.roundId}>
                  <Link to={`/rounds/${vote.roundId}`} className="link-target">
                    {t('projects.trace.vote', { title: vote.title, rank: vote.rank, of: vote.of })}
                  </Link>
                  {vote.tied ? ` ${t('projects.trace.tied')}` : null}
                </li>
              )}
            </ItemList>
            <p>
              {notes.length === 0
                ? t('projects.trace.noNotes')
                : t('projects.trace.notes', { count: notes.length })}
            </p>
            <ul className="plain-list stack">
              {notes.map((note) => (
                <li key={note.id}>
                  <Link to={`/notes/${note.id}`} className="link-target">
                    {note.description}
                  </Link>
                  {note.photos && note.photos.length > 0 ? (
                    <ul className="photo-grid">
                      {note.photos.map((photo, i) => (
                        <li key={photo.sha256} className="photo-item">
                          <PhotoThumb
                            photo={photo}
                            alt={t('projects.trace.notePhotoAlt', { number: i + 1, note: note.description })}
                          />
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </PageSection>
  );
}
