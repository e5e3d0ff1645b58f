import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useRound, type RoundView } from '../../data/use-prioritisation';
import { SaveConfirmation } from '../../ui/save-notice';
import { LockScreenPanel } from '../../widgets/screen-lock/lock-screen-panel';
import { BoardTally } from './board-tally';
import { PassTablet } from './pass-tablet';
import { RoundResults } from './round-results';
import './strings';
import './prioritisation.css';
import { RecordPage, type FormPageProps } from '../../ui/record-page';

type View = 'ballot' | 'board' | 'results';

function viewsOf(round: RoundView): View[] {
  if (round.status === 'closed') return ['results'];
  return round.method === 'dots' ? ['ballot', 'board', 'results'] : ['ballot', 'results'];
}

/**
 * Three views as keyboard-usable tabs (arrows, Home, End). Only the chosen
 * view is mounted, so passing the tablet never tallies: only "Resultados" does.
 */
function RoundViews({ round, onDirtyChange }: FormPageProps & { round: RoundView }) {
  const { t } = useTranslation();
  const views = viewsOf(round);
  const [chosen, setChosen] = useState<View>(views[0]!);
  const view = views.includes(chosen) ? chosen : views[0]!;
  const tabs = useRef<Partial<Record<View, HTMLButtonElement | null>>>({});

  const choose = (next: View, focus = false) => {
    setChosen(next);
    if (focus) tabs.current[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = views.indexOf(view);
    const target =
      e.key === 'ArrowRight'
        ? views[(i + 1) % views.length]
        : e.key === 'ArrowLeft'
          ? views[(i - 1 + views.length) % views.length]
          : e.key === 'Home'
            ? views[0]
            : e.key === 'End'
              ? views.at(-1)
              : undefined;
    if (!target) return;
    e.preventDefault();
    choose(target, true);
  };

  return (
    <>
      {views.length > 1 ? (
        <div role="tablist" aria-label={t('prioritisation.round.views')} className="round-tabs">
          {views.map((v) => (
            <button
              key={v}
              ref={(el) => {
                tabs.current[v] = el;
              }}
              type="button"
              role="tab"
              id={`round-tab-${v}`}
              aria-selected={v === view}
              aria-controls={`round-panel-${v}`}
              tabIndex={v === view ? 0 : -1}
              className="button round-tab"
              onClick={() => choose(v)}
              onKeyDown={onKeyDown}
            >
              {t(`prioritisation.round.tabs.${v}`)}
            </button>
          ))}
        </div>
      ) : null}
      <div
        role={views.length > 1 ? 'tabpanel' : undefined}
        id={`round-panel-${view}`}
        aria-labelledby={views.length > 1 ? `round-tab-${view}` : undefined}
        className="round-panel"
      >
        {view === 'ballot' ? (
          <>
            <PassTablet round={round} onDirtyChange={onDirtyChange} />
            {/* After the ballot, so the first ballot stays on the first screen of a phone or at 200 % zoom. */}
            <LockScreenPanel returnTo={`/rounds/${round.id}`} reason="ballot" />
          </>
        ) : view === 'board' ? (
          <BoardTally round={round} onDirtyChange={onDirtyChange} />
        ) : (
          <RoundResults round={round} />
        )}
      </div>
    </>
  );
}

/** `/rounds/:id`: pass the tablet, count the board, see (and close) the results. */
export function RoundPage({ onDirtyChange }: FormPageProps) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <RecordPage
      record={useRound(id)}
      notFound={t('prioritisation.round.notFound')}
      back={(round) => ({
        to: `/sessions/${round.sessionId}`,
        label: t('prioritisation.round.backToSession'),
      })}
      title={(round) => round.title}
      className="round-page"
    >
      {(round) => (
        <>
          <p className="round-meta">
            {t('prioritisation.round.summary', {
              method: t(`prioritisation.methods.${round.method}`),
              status: t(`prioritisation.status.${round.status}`),
            })}
          </p>
          <SaveConfirmation />
          <RoundViews round={round} onDirtyChange={onDirtyChange} />
        </>
      )}
    </RecordPage>
  );
}
