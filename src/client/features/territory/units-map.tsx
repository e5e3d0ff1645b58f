/** The units on the map, coloured by directorate; tapping one selects it (or unselects it) for assignment. */
import { useTranslation } from 'react-i18next';
import type { DirectorateView, UnitView } from '../../data/use-territory';
import { TerritoryMapView } from '../../widgets/maps/map-view';
import './strings';

// Thirteen distinguishable hues, one per directorate number; grey for units not yet assigned.
const PALETTE = [
  '#e6194b',
  '#3cb44b',
  '#ffe119',
  '#4363d8',
  '#f58231',
  '#911eb4',
  '#46f0f0',
  '#f032e6',
  '#bcf60c',
  '#fabebe',
  '#008080',
  '#e6beff',
  '#9a6324',
];

export function UnitsMap({
  units,
  directorates,
  selected,
  onToggle,
}: {
  units: UnitView[];
  directorates: DirectorateView[];
  selected: ReadonlySet<string>;
  onToggle: (unitId: string) => void;
}) {
  const { t } = useTranslation();
  const byId = new Map(directorates.map((d) => [d.id, d]));
  const byUnit = new Map(units.map((u) => [u.id, u]));
  const directorateOf = (id: string) => {
    const d = byId.get(byUnit.get(id)?.directorateId ?? '');
    return d;
  };
  return (
    <TerritoryMapView
      label={t('territory.units.mapLabel')}
      units={units}
      highlighted={selected}
      onUnitClick={onToggle}
      colourOf={(u) => {
        const d = directorateOf(u.id);
        return d ? PALETTE[(d.number - 1) % PALETTE.length]! : '#b8b8b8';
      }}
      describe={(u) =>
        `${directorateOf(u.id)?.name ?? t('vocabulary.noDirectorate')}${
          selected.has(u.id) ? ` · ${t('territory.units.isSelected')}` : ''
        }`
      }
    />
  );
}
