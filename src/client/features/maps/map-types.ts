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
  onUnitClick?: (unitId: string) => void;
  /** Zoom to the units when they first appear (default true). */
  fitBounds?: boolean;
  /** Show each unit's key as a label on the map (only sensible for a handful of units). */
  showLabels?: boolean;
}

export const DEFAULT_UNIT_COLOUR = '#b8b8b8';
