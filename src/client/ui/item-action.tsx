/**
 * A button that acts on one item of a list: its words stay short ("Editar")
 * while screen readers hear which item it acts on (`itemLabel`, "Editar Obras").
 */
export function ItemAction({
  label,
  itemLabel,
  onClick,
  disabled,
}: {
  label: string;
  itemLabel: string;
  onClick: () => void;
  disabled?: boolean;
}) {
  return (
    <button type="button" className="button" aria-label={itemLabel} disabled={disabled} onClick={onClick}>
      {label}
    </button>
  );
}
