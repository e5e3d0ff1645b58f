/** Drawing a route by hand on the map when there is no GPS: undo, save (two points at least), cancel. */
import { useTranslation } from 'react-i18next';
import { UndoLastButton } from '../../ui/undo-last-button';
import './strings';

export type DrawnPoint = { lon: number; lat: number };

export function DrawControls({
  drawing,
  setDrawing,
  offer,
  onSave,
  busy,
}: {
  drawing: DrawnPoint[] | null;
  setDrawing: (next: DrawnPoint[] | null) => void;
  offer: boolean;
  onSave: (route: DrawnPoint[]) => Promise<void>;
  busy: boolean;
}) {
  const { t } = useTranslation();
  if (!drawing)
    return offer ? (
      <p>
        <button type="button" className="button" onClick={() => setDrawing([])}>
          {t('tours.draw.start')}
        </button>
      </p>
    ) : null;
  return (
    <div className="tour-draw">
      <p>{t('tours.draw.hint')}</p>
      <p aria-live="polite">{t('tours.draw.count', { count: drawing.length })}</p>
      <div className="tour-controls">
        <UndoLastButton items={drawing} onChange={setDrawing} label={t('tours.draw.undo')} />
        <button
          type="button"
          className="button button-primary"
          disabled={busy || drawing.length < 2}
          onClick={() => void onSave(drawing)}
        >
          {t('tours.draw.save')}
        </button>
        <button type="button" className="button" onClick={() => setDrawing(null)}>
          {t('tours.draw.cancel')}
        </button>
      </div>
      {drawing.length < 2 ? <p className="muted">{t('tours.draw.needTwo')}</p> : null}
    </div>
  );
}
