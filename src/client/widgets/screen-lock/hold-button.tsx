import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** How long the unlock button must be held: long enough that a tap or a stray touch never opens it. */
export const HOLD_MS = 2_000;

const isActivationKey = (key: string) => key === 'Enter' || key === ' ';

/**
 * A button that acts only when held down for `HOLD_MS` — with a finger, the
 * mouse, or Enter/Space on the keyboard — with a bar that fills while held.
 * A quick tap does nothing but leave the hint on screen: the deliberate
 * gesture before the PIN.
 */
export function HoldButton({
  children,
  hint,
  holdingText,
  onHeld,
  buttonRef,
}: {
  children: ReactNode;
  hint: string;
  holdingText: string;
  onHeld(): void;
  buttonRef?: React.Ref<HTMLButtonElement>;
}) {
  const [holding, setHolding] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const hintId = useId();

  const start = () => {
    if (timer.current !== undefined) return;
    setHolding(true);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      setHolding(false);
      onHeld();
    }, HOLD_MS);
  };
  const cancel = () => {
    if (timer.current === undefined) return;
    clearTimeout(timer.current);
    timer.current = undefined;
    setHolding(false);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <div className="hold">
      <button
        ref={buttonRef}
        type="button"
        className={holding ? 'button hold-button hold-button-holding' : 'button hold-button'}
        aria-describedby={hintId}
        style={{ '--hold-ms': `${HOLD_MS}ms` } as React.CSSProperties}
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          e.currentTarget.setPointerCapture?.(e.pointerId);
          start();
        }}
        onPointerUp={cancel}
        onPointerCancel={cancel}
        onLostPointerCapture={cancel}
        onKeyDown={(e) => {
          if (!isActivationKey(e.key)) return;
          e.preventDefault();
          if (!e.repeat) start();
        }}
        onKeyUp={(e) => {
          if (!isActivationKey(e.key)) return;
          e.preventDefault();
          cancel();
        }}
        onBlur={cancel}
        onContextMenu={(e) => e.preventDefault()}
      >
        <span className="hold-progress" aria-hidden="true" />
        <span className="hold-label">{children}</span>
      </button>
      <p id={hintId} className="field-hint" aria-live="polite">
        {holding ? holdingText : hint}
      </p>
    </div>
  );
}
