/**
 * `/sessions/:id/tour`: the tour screen. Big controls to record the GPS
 * track, what is being recorded (points, accuracy, distance, time), the
 * interruptions the device noted, the map with the track and this tour's
 * notes, and a route drawn by hand when there is no GPS. Everything reads and
 * writes the device's database; the recorder keeps going while a note is written.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useProcess, type ProcessView } from '../../data/use-processes';
import { useSession, type SessionView } from '../../data/use-sessions';
import { useUnitsByKeys } from '../../data/use-territory';
import { useTourNotes } from '../../data/use-tour-notes';
import { saveDrawnRoute, useTourTrack } from '../../data/use-tracks';
import {
  openTracking,
  pauseTracking,
  resumeTracking,
  startTracking,
  stopTracking,
  useRecorderState,
} from '../../tracking/use-track-recorder';
import { TerritoryMapView } from '../../widgets/maps/map-view';
import { PageHeading } from '../../ui/page-heading';
import { FormAlert } from '../../ui/form-alert';
import { Loading, NotFound } from '../../ui/status-views';
import { DrawControls, type DrawnPoint } from './draw-controls';
import { formatClock, formatDistance, formatDuration } from './format';
import { notePoints, trackLines } from './tour-map-layers';
import '../../ui/vocabulary/strings';
import './strings';
import './tours.css';

function failureText(t: TFunction, error: unknown): string {
  return t('tours.errors.failed', { reason: error instanceof Error ? error.message : String(error) });
}

/** `notesList`: the notes taken on the tour, composed by the app's tour screen. */
export function TourPage({ notesList }: { notesList?: (session: SessionView) => ReactNode }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession(id);
  const process = useProcess(session?.processId ?? '');
  if (session === undefined || (session && process === undefined)) return <Loading />;
  if (!session || !process) return <NotFound message={t('tours.notFound')} />;
  if (session.type !== 'territorial_tour') return <NotFound message={t('tours.notATour')} />;
  return <TourView session={session} process={process} notesList={notesList} />;
}

function TourView({
  session,
  process,
  notesList,
}: {
  session: SessionView;
  process: ProcessView;
  notesList?: (session: SessionView) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const locale = i18n.language;
  const rec = useRecorderState(session.id);
  const track = useTourTrack(session.id);
  const notes = useTourNotes(process.id);
  const units = useUnitsByKeys(process.unitKeys);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [drawing, setDrawing] = useState<DrawnPoint[] | null>(null);

  useEffect(() => {
    let live = true;
    openTracking(session.id).then(
      (continued) => {
        if (live && continued) setNotice(t('tours.status.continued'));
      },
      (error: unknown) => live && setFailure(failureText(t, error)),
    );
    return () => {
      live = false;
    };
  }, [session.id, t]);

  async function act(action: () => Promise<unknown>, message: string | null = null) {
    setBusy(true);
    setFailure(null);
    try {
      await action();
      setNotice(message);
    } catch (error) {
      setFailure(failureText(t, error));
    } finally {
      setBusy(false);
    }
  }

  const sessionNotes = useMemo(
    () => (notes ?? []).filter((n) => n.sessionId === session.id),
    [notes, session.id],
  );
  const points = useMemo(() => notePoints(sessionNotes, t), [sessionNotes, t]);
  const lines = useMemo(() => trackLines(track?.track.segments ?? [], drawing, t), [track, drawing, t]);

  if (!rec || !track) return <Loading />;
  const { status, active, interrupted, live } = rec;
  const recording = status === 'recording' && active;
  const error = live.errorSessionId === session.id ? live.error : null;
  const title = t('tours.title', { title: session.title });
  // The recorder's buttons, in the order they stand, each shown only where it applies.
  const controls = [
    {
      name: 'start',
      shown: status === 'idle' || status === 'stopped',
      primary: true,
      action: () => startTracking(session.id, process.id),
    },
    { name: 'pause', shown: recording, primary: false, action: () => pauseTracking(session.id) },
    {
      name: 'continue',
      shown: interrupted,
      primary: true,
      action: () => openTracking(session.id),
      message: t('tours.status.continued'),
    },
    {
      name: 'resume',
      shown: status === 'paused',
      primary: true,
      action: () => resumeTracking(session.id, process.id),
    },
    {
      name: 'stop',
      shown: status === 'recording' || status === 'paused',
      primary: false,
      action: () => stopTracking(session.id),
    },
  ];

  return (
    <section className="tour-page">
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        <Link to={`/processes/${process.id}`}>{t('tours.backToProcess', { name: process.name })}</Link>
      </p>

      <div className="tour-controls" role="group" aria-label={t('tours.controls')}>
        {controls
          .filter((control) => control.shown)
          .map(({ name, primary, action, message }) => (
            <button
              key={name}
              type="button"
              className={primary ? 'button button-primary tour-button' : 'button tour-button'}
              disabled={busy}
              onClick={() => void act(action, message)}
            >
              {t(`tours.${name}`)}
            </button>
          ))}
        <Link className="button button-primary tour-button" to={`/sessions/${session.id}/notes/new`}>
          {t('tours.newNote')}
        </Link>
      </div>

      <div role="status" aria-live="polite" className="tour-status" data-testid="tour-status">
        <p>
          <strong>{interrupted ? t('tours.interruptedNotice') : t(`tours.status.${status}`)}</strong>{' '}
          <span data-testid="tour-points">{t('tours.status.points', { count: track.pointCount })}</span>
        </p>
        {recording && !live.lastFix ? <p>{t('tours.status.waiting')}</p> : null}
        {recording && live.lastFix ? (
          <p>
            {live.lastFix.weak
              ? t('tours.status.weak', { metres: Math.round(live.lastFix.acc) })
              : t('tours.status.accuracy', { metres: Math.round(live.lastFix.acc) })}
          </p>
        ) : null}
        {notice ? <p>{notice}</p> : null}
      </div>
      <FormAlert>{error ? t(`tours.errors.${error}`) : null}</FormAlert>
      <FormAlert>{failure}</FormAlert>

      <dl className="tour-figures">
        <div>
          <dt>{t('tours.distance')}</dt>
          <dd data-testid="tour-distance">{formatDistance(track.distance, locale)}</dd>
        </div>
        <div>
          <dt>{t('tours.duration')}</dt>
          <dd data-testid="tour-duration">{formatDuration(track.duration)}</dd>
        </div>
      </dl>

      {track.interruptions.length > 0 ? (
        <section aria-labelledby="tour-interruptions-title">
          <h2 id="tour-interruptions-title">{t('tours.interruptionsTitle')}</h2>
          <ul className="plain-list">
            {track.interruptions.map((gap) => (
              <li key={`${gap.from}|${gap.to}`}>
                {t('tours.interruption', {
                  from: formatClock(gap.from, locale),
                  to: formatClock(gap.to, locale, gap.from),
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="tour-map-title">
        <h2 id="tour-map-title">{t('tours.mapTitle')}</h2>
        <DrawControls
          drawing={drawing}
          setDrawing={setDrawing}
          offer={!recording}
          onSave={(route) =>
            act(async () => {
              await saveDrawnRoute(session.id, process.id, route);
              setDrawing(null);
            }, t('tours.draw.saved'))
          }
          busy={busy}
        />
        <TerritoryMapView
          label={t('tours.mapLabel', { title: session.title })}
          units={units ?? []}
          points={points}
          lines={lines}
          onPointClick={(id) => void navigate(`/notes/${id}`)}
          onMapClick={drawing ? (lon, lat) => setDrawing([...drawing, { lon, lat }]) : undefined}
          showLabels={(units?.length ?? 0) <= 12}
        />
      </section>

      {notesList?.(session)}
    </section>
  );
}
