/**
 * A button that acts on one item of a list: its words stay short ("Editar")
 * while screen readers hear which item it acts on (`itemLabel`, "Editar Obras").
 */
export function ItemAction({
  label,
  itemLabel,
  onClick,
  disabled,
  danger = false,
}: {
  label: string;
  itemLabel: string;
  onClick: () => void;
  disabled?: boolean;
  /** It takes something away (deactivate, delete): drawn as a danger button. */
  danger?: boolean;
}) {
  return (
    <button
      type="button"
      className={danger ? 'button button-danger' : 'button'}
      aria-label={itemLabel}
      disabled={disabled}
      onClick={onClick}
    >
      {label}
    </button>
  );
}
