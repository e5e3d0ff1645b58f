import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';

/** A read from the server and what became of it. */
export interface ServerRead<T> {
  /** The answer: null until it comes, and again while a different read is on its way. */
  data: T | null;
  /** Changes the answer in place, after an action the server confirmed. */
  setData: Dispatch<SetStateAction<T | null>>;
  /** Why the read, or an action on what it read, failed, in words; null while nothing has. */
  failure: string | null;
  /** Records why an action failed (null clears it). */
  setError: (error: unknown) => void;
  /** Reads again: the retry button, or after an action that changed the list. */
  reload: () => void;
}

/**
 * What an office screen reads from the server (accounts, devices, the review
 * queue live there, not on the device). `read` runs on mount, whenever it
 * changes (keep it stable: a module's function or a `useCallback`) and on
 * `reload`; an answer that comes after the screen moved on is dropped.
 * `describe` words a failure in the screen's language when it is shown.
 */
export function useServerRead<T>(
  read: () => Promise<T>,
  describe: (error: unknown) => string,
): ServerRead<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setErrorState] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const lastRead = useRef(read);
  useEffect(() => {
    let active = true;
    if (lastRead.current !== read) {
      // It answered another question (another filter, another item).
      lastRead.current = read;
      setData(null);
    }
    setErrorState(null);
    read().then(
      (answer) => active && setData(answer),
      (failed: unknown) => active && setErrorState(() => failed),
    );
    return () => {
      active = false;
    };
  }, [read, attempt]);
  const setError = useCallback((next: unknown) => setErrorState(() => next), []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, setData, failure: error === null ? null : describe(error), setError, reload };
}
