/** "Undo" for a list built tap by tap: takes the last item off; disabled while there is none. */
export function UndoLastButton<T>({
  items,
  onChange,
  label,
}: {
  items: readonly T[];
  onChange: (next: T[]) => void;
  label: string;
}) {
  return (
    <button
      type="button"
      className="button"
      disabled={items.length === 0}
      onClick={() => onChange(items.slice(0, -1))}
    >
      {label}
    </button>
  );
}
