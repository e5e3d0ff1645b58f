import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RetryAlert } from './form-alert';
import { ItemList } from './item-list';
import type { ServerRead } from './use-server-read';

interface ServerAnswerProps<T> {
  read: ServerRead<T>;
  /** The screen's i18n prefix: it words the retry button `<words>.retry` and the wait `<words>.loading`. */
  words: string;
}

/**
 * What an office screen read from the server (`useServerRead`): why it
 * failed with a retry button, "loading" while it comes, then the answer.
 */
export function ServerAnswer<T>({
  read,
  words,
  children,
}: ServerAnswerProps<T> & { children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <RetryAlert retryLabel={t(`${words}.retry`)} onRetry={read.reload}>
        {read.failure}
      </RetryAlert>
      {read.data !== null ? (
        children(read.data)
      ) : read.failure ? null : (
        <p className="loading">{t(`${words}.loading`)}</p>
      )}
    </>
  );
}

/** A list read from the server, one row an item, or `<words>.none` when it is empty. */
export function ServerList<T>({
  read,
  words,
  children,
}: ServerAnswerProps<T[]> & { children: (item: T) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <ServerAnswer<T[]> read={read} words={words}>
      {(items) => (
        <ItemList items={items} none={t(`${words}.none`)}>
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
