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
