/** What a territory map shows: plain data, so the list view and the WebGL map show exactly the same thing. */
import type { UnitGeometry } from '../../../domain';

export interface MapUnit {
  id: string;
  key: string;
  name: string;
  geometry: UnitGeometry;
}

export interface MapPoint {
  id: string;
  lon: number;
  lat: number;
  label: string;
  /** Fill colour (CSS hex), e.g. by thematic area; a neutral colour when absent. */
  colour?: string;
}

/** A line on the map, e.g. one segment of a tour's track. */
export interface MapLine {
  id: string;
  /** [lon, lat] pairs in order. */
  coordinates: [number, number][];
  label: string;
  colour?: string;
  /** Drawn dashed (e.g. a route drawn by hand rather than recorded). */
  dashed?: boolean;
}

/** A downloaded offline map pack to draw under the data (PMTiles bytes on the device). */
export interface MapBasemap {
  /** Stable key of the pack (its SHA-256). */
  key: string;
  bytes: Blob;
}

export interface TerritoryMapProps {
  /** Accessible name of the map (also the caption of its list view). */
  label: string;
  units: MapUnit[];
  /** Fill colour of a unit (CSS hex); grey when absent. */
  colourOf?: (unit: MapUnit) => string;
  /** Short text for a unit in the list view (e.g. its stage or directorate). */
  describe?: (unit: MapUnit) => string;
  /** Units drawn with a heavy outline (e.g. the ones selected for assignment). */
  highlighted?: ReadonlySet<string>;
  points?: MapPoint[];
  lines?: MapLine[];
  onUnitClick?: (unitId: string) => void;
  onPointClick?: (pointId: string) => void;
  /** A tap on the map itself (placing a note, drawing a route by hand). */
  onMapClick?: (lon: number, lat: number) => void;
  /** Streets and other context from an offline map pack; the plain style when absent. */
  basemap?: MapBasemap | null;
  /** Zoom to the units when they first appear (default true). */
  fitBounds?: boolean;
  /** Show each unit's key as a label on the map (only sensible for a handful of units). */
  showLabels?: boolean;
}

export const DEFAULT_UNIT_COLOUR = '#b8b8b8';
