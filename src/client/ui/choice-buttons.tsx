import type { ButtonHTMLAttributes, HTMLAttributes } from 'react';

/**
 * A row of buttons, one a choice (an export, a file format, a language), worded by `label`: a tap
 * runs `onChoose` with its choice; all are disabled while `busy` (one runs at a time). `buttonProps`
 * adds a choice's own attributes to its button; the rest (a group's role and label) go on the row.
 */
export function ChoiceButtons<C extends string>({
  choices,
  label,
  onChoose,
  busy = false,
  buttonClassName = 'button',
  buttonProps,
  ...row
}: {
  choices: readonly C[];
  label: (choice: C) => string;
  onChoose: (choice: C) => void;
  busy?: boolean;
  buttonClassName?: string;
  buttonProps?: (choice: C) => ButtonHTMLAttributes<HTMLButtonElement>;
  className: string;
} & Pick<HTMLAttributes<HTMLDivElement>, 'role' | 'aria-label'>) {
  return (
    <div {...row}>
      {choices.map((choice) => (
        <button
          key={choice}
          type="button"
          className={buttonClassName}
          disabled={busy}
          onClick={() => onChoose(choice)}
          {...buttonProps?.(choice)}
        >
          {label(choice)}
        </button>
      ))}
    </div>
  );
}
