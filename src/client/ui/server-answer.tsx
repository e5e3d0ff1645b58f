import type { ReactNode } from 'react';
import { RetryAlert } from './form-alert';
import { ItemList } from './item-list';
import type { ServerRead } from './use-server-read';

interface ServerAnswerProps<T> {
  read: ServerRead<T>;
  retryLabel: string;
  /** Said while the answer is on its way. */
  loading: string;
}

/**
 * What an office screen read from the server (`useServerRead`): why it
 * failed with a retry button, "loading" while it comes, then the answer.
 */
export function ServerAnswer<T>({
  read,
  retryLabel,
  loading,
  children,
}: ServerAnswerProps<T> & { children: (data: T) => ReactNode }) {
  return (
    <>
      <RetryAlert retryLabel={retryLabel} onRetry={read.reload}>
        {read.failure}
      </RetryAlert>
      {read.data !== null ? children(read.data) : read.failure ? null : <p className="loading">{loading}</p>}
    </>
  );
}

/** A list read from the server, one row an item, or `none` when it is empty. */
export function ServerList<T>({
  none,
  children,
  ...props
}: ServerAnswerProps<T[]> & { none: string; children: (item: T) => ReactNode }) {
  return (
    <ServerAnswer<T[]> {...props}>
      {(items) => (
        <ItemList items={items} none={none}>
          {children}
        </ItemList>
      )}
    </ServerAnswer>
  );
}

/** What an action just did, in a status region (announced by screen readers). */
export function ActionNotice({ children }: { children: string | null }) {
  return <div role="status">{children ? <p className="notice">{children}</p> : null}</div>;
}
