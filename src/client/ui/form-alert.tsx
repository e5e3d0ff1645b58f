import type { ReactNode } from 'react';

/**
 * Something went wrong, in words, announced at once (role="alert"): a refused
 * or failed save, a request the server turned down. Nothing is rendered while
 * there is no message, so a form can always place it. `action` (a retry
 * button) sits under the message.
 */
export function FormAlert({ children, action }: { children: ReactNode; action?: ReactNode }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  if (action)
    return (
      <div className="form-alert" role="alert">
        <p>{children}</p>
        {action}
      </div>
    );
  return (
    <p className="form-alert" role="alert">
      {children}
    </p>
  );
}

/** A request that failed, in words, with a button to send it again. */
export function RetryAlert({
  children,
  retryLabel,
  onRetry,
}: {
  children: ReactNode;
  retryLabel: string;
  onRetry: () => void;
}) {
  return (
    <FormAlert
      action={
        <button type="button" className="button" onClick={onRetry}>
          {retryLabel}
        </button>
      }
    >
      {children}
    </FormAlert>
  );
}
