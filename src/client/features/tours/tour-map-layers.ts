/** What the tour's map draws: this tour's notes as points, its track segments and a route being drawn as lines. */
import type { TFunction } from 'i18next';
import type { ThematicArea, TourNote, TrackSegment } from '../../../domain';
import { THEME_COLOURS } from '../../ui/theme-colours';
import type { MapLine, MapPoint } from '../../widgets/maps/map-types';
import type { DrawnPoint } from './draw-controls';
import './strings';

const TRACK_COLOUR = '#0b5cad';
const DRAWN_COLOUR = '#7a4b00';

/** Notes with a position, coloured by thematic area. */
export function notePoints(notes: readonly (TourNote & { id: string })[], t: TFunction): MapPoint[] {
  return notes.flatMap((n) =>
    n.location
      ? [
          {
            id: n.id,
            lon: n.location.lon,
            lat: n.location.lat,
            label: `${t(`vocabulary.themes.${n.theme}`)}: ${n.description}`,
            colour: THEME_COLOURS[n.theme as ThematicArea],
          },
        ]
      : [],
  );
}

/** GPS segments solid, hand-drawn ones dashed (numbered apart), and the route being drawn. */
export function trackLines(
  segments: readonly TrackSegment[],
  drawing: readonly DrawnPoint[] | null,
  t: TFunction,
): MapLine[] {
  const out: MapLine[] = [];
  let gps = 0;
  let manual = 0;
  for (const segment of segments) {
    const manualSegment = segment.source === 'manual';
    const number = manualSegment ? ++manual : ++gps;
    out.push({
      id: segment.segmentId,
      coordinates: segment.points.map((p) => [p.lon, p.lat]),
      label: t(manualSegment ? 'tours.segmentManual' : 'tours.segmentGps', { number }),
      colour: manualSegment ? DRAWN_COLOUR : TRACK_COLOUR,
      dashed: manualSegment,
    });
  }
  if (drawing && drawing.length > 0)
    out.push({
      id: 'drawing',
      coordinates: drawing.map((p) => [p.lon, p.lat]),
      label: t('tours.drawnPreview'),
      colour: DRAWN_COLOUR,
      dashed: true,
    });
  return out;
}
