/**
 * A row of buttons, one a choice (an export, a file format), worded by `label`: a tap runs
 * `onChoose` with its choice; all are disabled while `busy` (one runs at a time).
 */
export function ChoiceButtons<C extends string>({
  choices,
  label,
  busy,
  onChoose,
  className,
}: {
  choices: readonly C[];
  label: (choice: C) => string;
  busy: boolean;
  onChoose: (choice: C) => void;
  className: string;
}) {
  return (
    <div className={className}>
      {choices.map((choice) => (
        <button
          key={choice}
          type="button"
          className="button"
          disabled={busy}
          onClick={() => onChoose(choice)}
        >
          {label(choice)}
        </button>
      ))}
    </div>
  );
}
