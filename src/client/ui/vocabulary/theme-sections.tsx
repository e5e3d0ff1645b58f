import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { THEMATIC_AREAS, type ThematicArea } from '../../../domain';
import './strings';

/**
 * Records under their thematic area, in the programme's order of areas, each area a section of
 * cards headed by `headingKey` (given the area's name as `theme` and how many as `count`) and
 * labelled `<idPrefix>-<area>`; an area with none is left out.
 */
export function ThemeSections<T extends { id: string; theme: ThematicArea }>({
  items,
  idPrefix,
  headingKey,
  children,
}: {
  items: T[];
  idPrefix: string;
  headingKey: string;
  /** One item's card, an `li`. */
  children: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      {THEMATIC_AREAS.map((area) => {
        const inArea = items.filter((item) => item.theme === area);
        if (inArea.length === 0) return null;
        const headingId = `${idPrefix}-${area}`;
        return (
          <section key={area} aria-labelledby={headingId}>
            <h2 id={headingId}>
              {t(headingKey, { theme: t(`vocabulary.themes.${area}`), count: inArea.length })}
            </h2>
            <ul className="card-grid plain-list">{inArea.map((item) => children(item))}</ul>
          </section>
        );
      })}
    </>
  );
}
