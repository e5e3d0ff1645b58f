import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { changedFields } from '../../domain';
import { BackLink } from './back-link';
import type { DeleteRecordProps } from './delete-record';
import { PageHeading } from './page-heading';
import { Loading, NotFound } from './status-views';
import { errorReason } from './use-entity-form';

/** What the app gives a page that holds a record's form. */
export interface FormPageProps {
  /** Told whenever the form starts or stops holding unsaved input. */
  onDirtyChange?: (dirty: boolean) => void;
}

/**
 * The values the form of `record` opened with, fixed for the life of the form: an edit is the
 * difference from these, not from later synced versions.
 */
export function useOpenedValues<R, Values>(record: R, toValues: (record: R) => Values): Values {
  const [initial] = useState(() => toValues(record));
  return initial;
}

/**
 * Writes only what the form changed from what it opened with (`{ diffed: true }`), so a field
 * edited elsewhere meanwhile survives; nothing is written when nothing changed.
 */
export async function saveChanges<T extends object>(
  update: (id: string, patch: Partial<NoInfer<T>>, options: { diffed: true }) => Promise<unknown>,
  id: string,
  before: object,
  after: T,
): Promise<void> {
  const patch = changedFields(before, after);
  if (Object.keys(patch).length > 0) await update(id, patch, { diffed: true });
}

/**
 * The record as last read, kept once loaded: deleting it must not flash "not found" before the
 * page leaves. Undefined while it loads; null when there is none.
 */
export function useKeptRecord<R>(record: R | null | undefined): R | null | undefined {
  const [opened, setOpened] = useState<R | null>(null);
  if (record && !opened) setOpened(record);
  if (record === undefined && !opened) return undefined;
  return record ?? opened;
}

/** A form page's frame: the way back, the heading, then the page. */
export function FormPageSection({
  back,
  backLabel,
  title,
  children,
}: {
  back: string;
  backLabel: ReactNode;
  title: string;
  children: ReactNode;
}) {
  return (
    <section>
      <BackLink to={back}>{backLabel}</BackLink>
      <PageHeading title={title}>{title}</PageHeading>
      {children}
    </section>
  );
}

/**
 * The page of one record (the one edited, or the one a new record belongs to): "loading" until it
 * and whatever else the page waits for are read, "not found" when there is none, else the frame
 * (`back`, `title`) around what `children` shows of it.
 */
export function RecordPage<R>({
  record,
  loading = false,
  notFound,
  back,
  title,
  children,
}: {
  record: R | null | undefined;
  /** Something else the page needs is still being read. */
  loading?: boolean;
  notFound: string;
  back: (record: R) => { to: string; label: ReactNode };
  title: (record: R) => string;
  children: (record: R) => ReactNode;
}) {
  if (record === undefined || loading) return <Loading />;
  if (record === null) return <NotFound message={notFound} />;
  const { to, label } = back(record);
  return (
    <FormPageSection back={to} backLabel={label} title={title(record)}>
      {children(record)}
    </FormPageSection>
  );
}

/**
 * Deleting the record a page edits, asked first, in the feature's words under `ns` (`delete`,
 * `deleteTitle`, `deleteConfirm`, `failedKey`, and `saved.deleted` for the notice); once deleted
 * the page goes to `to`.
 */
export function deleteAction(
  t: TFunction,
  {
    ns,
    question,
    remove,
    to,
    replace = false,
    failedKey = 'deleteFailed',
  }: {
    ns: string;
    question: ReactNode;
    remove: () => Promise<unknown>;
    to: string;
    replace?: boolean;
    failedKey?: string;
  },
): DeleteRecordProps {
  return {
    label: t(`${ns}.delete`),
    title: t(`${ns}.deleteTitle`),
    question,
    confirmLabel: t(`${ns}.deleteConfirm`),
    failed: (error) => t(`${ns}.${failedKey}`, { reason: errorReason(error) }),
    onDelete: async () => {
      await remove();
      return { to, replace, notice: { key: `${ns}.saved.deleted` } };
    },
  };
}
